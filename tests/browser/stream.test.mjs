// Streaming a large log through the parse worker. A generated 300 MiB node log is picked, and
// the pod list grows while the progress bar still runs. Cancel stops the read. A second pick
// reads the file to its end and lists the same pods as the CLI. The log is generated once per
// machine (by the loggen bench, in release mode) and kept in the temporary folder.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, buildCli, openPage, runCli, startSession, stopSession } from './support.mjs';

const SIZE = '300MiB';
const LOG = join(tmpdir(), `podlife-stream-${SIZE}.log`);

/** Writes the generated log to LOG unless an earlier run left it there. */
function generateLog() {
  if (existsSync(LOG)) return;
  const partial = `${LOG}.partial`;
  const run = spawnSync('cargo', ['bench', '--bench', 'loggen', '--', '--size', SIZE, '--out', partial], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`generating the ${SIZE} log failed:\n${run.stderr}`);
  renameSync(partial, LOG);
}

/** Turns [key, worst] pairs into an object whose keys are in order. */
function byKey(pairs) {
  const sorted = [...pairs].sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(sorted);
}

/** Returns the CLI's pods of LOG as {key: worst level}. */
function cliPods() {
  const run = runCli(['--logfile', LOG, '--list-pods', '--format', 'json']);
  assert.equal(run.status, 0, run.stderr);
  const worstOf = (counts) => {
    const levels = ['Info', 'Normal', 'Warning', 'Error', 'Fatal'];
    const index = counts.findLastIndex((count) => count > 0);
    return index < 0 ? 'None' : levels[index];
  };
  const pods = JSON.parse(run.stdout).map((pod) => [
    pod.namespace ? `${pod.namespace}/${pod.name}` : pod.name,
    worstOf(pod.counts),
  ]);
  return byKey(pods);
}

/** Returns the page's pods as {key: worst level}, in key order. */
async function pagePods(page) {
  const pods = await page
    .getByTestId('pod-item')
    .evaluateAll((items) => items.map((item) => [item.dataset.pod, item.dataset.worst]));
  return byKey(pods);
}

const LONG_WAIT = { timeout: 600_000, polling: 50 };

describe('a 300 MiB log', () => {
  let session;
  before(async () => {
    generateLog();
    buildCli();
    session = await startSession();
  });
  after(() => stopSession(session ?? {}));

  test('pods grow, cancel, reread matches CLI', async (t) => {
    const expected = cliPods();
    assert.ok(Object.keys(expected).length > 100, 'the generated log has a few hundred pods');
    const { context, page, errors } = await openPage(session.browser, session.server.origin);
    const input = page.getByTestId('file-input');

    await input.setInputFiles(LOG);
    // Resolves with the progress bytes and the pod count once the list has a pod.
    const growing = await page.waitForFunction(
      () => {
        const progress = document.querySelector('[data-testid="progress"]');
        const pods = document.querySelectorAll('[data-testid="pod-item"]').length;
        if (!progress) return { over: true };
        if (pods === 0) return null;
        return {
          read: Number(progress.dataset.bytesRead),
          total: Number(progress.dataset.bytesTotal),
          pods,
          figures: document.querySelector('[data-testid="progress-figures"]').textContent,
        };
      },
      null,
      LONG_WAIT,
    );
    const during = await growing.jsonValue();
    assert.ok(!during.over, 'a pod was listed before the read ended');
    t.diagnostic(`pods listed during the read: ${during.pods} at ${during.read} of ${during.total} bytes`);
    assert.ok(during.read < during.total, 'pods were listed before the progress reached its end');
    assert.match(during.figures, /MB\/s/, 'the progress shows a rate');
    assert.match(during.figures, /left/, 'the progress shows the time left');

    await page.getByTestId('cancel-parse').click();
    await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 60_000 });
    assert.equal(await page.getByTestId('pod-item').count(), 0, 'cancel drops the partial pods');
    assert.equal(await page.getByTestId('file-item').count(), 0, 'cancel drops the file');

    // Records the longest main-thread task of the second read; it is printed, not asserted.
    await page.evaluate(() => {
      window.longestTask = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.longestTask = Math.max(window.longestTask, entry.duration);
        }
      }).observe({ type: 'longtask' });
    });
    await input.setInputFiles(LOG);
    await page.getByTestId('progress').waitFor();
    await page.waitForFunction(
      () =>
        !document.querySelector('[data-testid="progress"]') &&
        document.querySelectorAll('[data-testid="file-item"]').length > 0,
      null,
      LONG_WAIT,
    );
    assert.deepEqual(await pagePods(page), expected);

    const figures = await page.evaluate(() => ({ ...document.body.dataset }));
    t.diagnostic(`figures on document.body: ${JSON.stringify(figures)}`);
    t.diagnostic(`longest main-thread task: ${await page.evaluate(() => window.longestTask)} ms`);
    assert.ok(Number(figures.workerWasmPeak) > 0, 'the worker reports its memory');
    assert.equal(Number(figures.parseBytes), during.total, 'the whole file was read');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
