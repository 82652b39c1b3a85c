// Browser benchmark of the podlife page in headless Chromium:
//
//   trunk build --release
//   node benches/browser/bench.mjs --file /tmp/node-1g.log [--compare-cli] [--dist DIR]
//       [--span-pods bench/span-100s,bench/span-100000s] [--steps 15] [--timeout-min 30]
//
// It serves dist/ (or the Trunk build in DIR) on 127.0.0.1 and gives FILE to the page's file
// input. Parse throughput is timed from the input's `change` event to the progress element
// leaving the page. It then prints the worker's peak wasm memory when the page publishes it,
// the main page's JS heap, the renderer process's peak resident memory and the longest
// main-thread task during the parse.
// Last come the pod count and the time of one slider step for each span pod, which
// `loggen --span-pod` writes. With `--compare-cli` it also lists the pods that
// `podlife --list-pods` finds in FILE and compares them with the page's pod list. Nothing is
// asserted: the figures are printed for BENCHMARKS.md.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch, openPage, serveDist } from '../../tests/browser/support.mjs';
import { serveFolder } from './serve.mjs';
import { cliPods, comparePods } from './cli.mjs';
import { installRecorder, readPublished, readRecorder, startSampling } from './monitor.mjs';
import { markCounts, measureSteps, median, pickPod } from './slider.mjs';

const USAGE =
  'usage: node benches/browser/bench.mjs --file LOG [--compare-cli] ' +
  '[--dist DIR] [--span-pods KEY,KEY] [--steps N] [--timeout-min MINUTES]';

function parseArgs(argv) {
  const options = {
    file: null,
    dist: null,
    compareCli: false,
    spanPods: ['bench/span-100s', 'bench/span-100000s'],
    steps: 15,
    timeoutMin: 30,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--compare-cli') {
      options.compareCli = true;
      continue;
    }
    const value = argv[i + 1];
    i += 1;
    if (value === undefined) throw new Error(`missing value after ${flag}`);
    const positive = () => {
      const number = Number(value);
      if (!(number > 0)) throw new Error(`invalid ${flag} ${value}: expected a positive number`);
      return number;
    };
    if (flag === '--file') options.file = resolve(value);
    else if (flag === '--dist') options.dist = resolve(value);
    else if (flag === '--span-pods') options.spanPods = value.split(',').filter(Boolean);
    else if (flag === '--steps') options.steps = Math.round(positive());
    else if (flag === '--timeout-min') options.timeoutMin = positive();
    else throw new Error(`unknown option ${flag}`);
  }
  if (!options.file) throw new Error('missing --file');
  return options;
}

const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/**
 * Gives `file` to the page and waits until the parse ends: the pod list has a pod and the
 * progress element is gone. Rejects when the page crashes or the time runs out.
 */
async function parseFile(page, file, timeoutMs) {
  const crashed = new Promise((_, reject) =>
    page.once('crash', () => reject(new Error('the page crashed while parsing'))),
  );
  await page.getByTestId('file-input').setInputFiles(file);
  const done = page.waitForFunction(
    () =>
      document.querySelector('[data-testid="pod-item"]') !== null &&
      document.querySelector('[data-testid="progress"]') === null,
    null,
    { timeout: timeoutMs, polling: 200 },
  );
  await Promise.race([done, crashed]);
}

/** Reads the parse's timing and long tasks from the in-page recorder. */
async function parseFigures(page, size) {
  const record = await readRecorder(page);
  const end = record.doneAt ?? (await page.evaluate(() => performance.now()));
  const seconds = (end - record.changeAt) / 1000;
  const during = record.longTasks.filter(
    (task) => task.start + task.duration >= record.changeAt && task.start <= end,
  );
  let longest = null;
  for (const task of during) {
    if (task.duration > (longest?.duration ?? 0)) longest = task;
  }
  return {
    seconds,
    mbPerSecond: size / 1e6 / seconds,
    longTasks: during.length,
    longestTaskMs: longest?.duration ?? 0,
    longestTaskAt: longest ? (longest.start - record.changeAt) / 1000 : null,
    workerWasmMax: record.workerWasmMax,
    endSeen: record.doneAt !== null,
  };
}

/** Lists the pod keys of the page's pod list and the text of its pod count. */
async function pagePods(page) {
  const keys = await page
    .getByTestId('pod-item')
    .evaluateAll((items) => items.map((item) => item.dataset.pod));
  const count = (await page.getByTestId('pod-count').textContent())?.trim() ?? '';
  return { keys, count };
}

/** Measures the slider steps of each span pod and prints them. */
async function reportSliderSteps(page, options) {
  for (const key of options.spanPods) {
    if (!(await pickPod(page, key, 60_000))) {
      console.log(`slider step, ${key}: pod not in the list (write it with loggen --span-pod)`);
      continue;
    }
    const { max, steps } = await measureSteps(page, options.steps);
    const marks = await markCounts(page);
    const changed = steps.filter((step) => step.changed);
    if (changed.length === 0) {
      console.log(`slider step, ${key}: no step changed the page (slider max ${max})`);
      continue;
    }
    const toFrame = changed.map((step) => step.ms);
    const toDom = changed.map((step) => step.domMs);
    console.log(
      `slider step, ${key}: to the next frame median ${median(toFrame).toFixed(1)} ms, ` +
        `max ${Math.max(...toFrame).toFixed(1)} ms; to the DOM change median ` +
        `${median(toDom).toFixed(1)} ms, max ${Math.max(...toDom).toFixed(1)} ms; ` +
        `${changed.length} steps (slider max ${max}; ${marks.seconds} second marks, ` +
        `${marks.buckets} bucket marks)`,
    );
  }
}

function reportComparison(file, pageKeys) {
  const cli = cliPods(file);
  if (cli.note) console.log(`cli: ${cli.note}`);
  const { onlyCli, onlyPage } = comparePods(cli.keys, pageKeys);
  const same = onlyCli.length === 0 && onlyPage.length === 0;
  console.log(
    `cli: ${cli.keys.length} pods in ${cli.seconds.toFixed(1)} s; ` +
      (same ? 'the same pods as the page' : 'the pod lists differ'),
  );
  if (!same) {
    console.log(`  only in the CLI (${onlyCli.length}): ${onlyCli.slice(0, 5).join(', ')}`);
    console.log(`  only on the page (${onlyPage.length}): ${onlyPage.slice(0, 5).join(', ')}`);
  }
}

async function run(options) {
  const size = statSync(options.file).size;
  const server = options.dist ? await serveFolder(options.dist) : await serveDist();
  const browser = await launch();
  try {
    const { page, errors } = await openPage(browser, server.origin);
    await installRecorder(page);
    const stopSampling = await startSampling(page);
    console.log(`file: ${options.file} (${(size / 1e6).toFixed(0)} MB)`);

    await parseFile(page, options.file, options.timeoutMin * 60_000);
    const parse = await parseFigures(page, size);
    const peaks = await stopSampling();
    const published = await readPublished(page);
    const pods = await pagePods(page);
    const workerWasm = published.workerWasmPeak ?? parse.workerWasmMax;

    console.log(
      `parse: ${parse.seconds.toFixed(2)} s, ${parse.mbPerSecond.toFixed(1)} MB/s` +
        (parse.endSeen ? '' : ' (no progress element seen; end taken when the wait ended)'),
    );
    if (published.parseMs !== null && published.parseBytes === size) {
      const seconds = published.parseMs / 1000;
      console.log(
        `  in the worker: ${seconds.toFixed(2)} s, ${(size / 1e6 / seconds).toFixed(1)} MB/s`,
      );
    }
    const wasmText = workerWasm === null ? 'not exposed' : mib(workerWasm);
    console.log(`worker's peak wasm memory: ${wasmText}`);
    const ownHeap =
      published.jsHeapPeak === null ? '' : `; the page's own peak: ${mib(published.jsHeapPeak)}`;
    console.log(
      `main page JS heap, peak used: ${mib(peaks.jsHeapUsed)} (total ${mib(peaks.jsHeapTotal)})` +
        ownHeap,
    );
    console.log(`renderer process, peak RSS: ${mib(peaks.rendererRss)}`);
    const taskAt =
      parse.longestTaskAt === null ? '' : `, ${parse.longestTaskAt.toFixed(1)} s after the change`;
    console.log(
      `longest main-thread task during the parse: ${parse.longestTaskMs.toFixed(0)} ms${taskAt} ` +
        `(${parse.longTasks} tasks over 50 ms)`,
    );
    console.log(`pods: ${pods.keys.length} in the list; pod count reads "${pods.count}"`);
    const notices = await page.locator('[data-testid="notices"] li').allTextContents();
    for (const text of [...notices, ...errors].slice(0, 5)) {
      console.log(`page notice or error: ${text}`);
    }

    await reportSliderSteps(page, options);
    if (options.compareCli) reportComparison(options.file, pods.keys);
  } finally {
    await browser.close();
    await server.stop();
  }
}

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`bench: ${error.message}\n${USAGE}`);
  process.exit(1);
}
run(options).catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(2);
});
