// The browser benchmark's watch over the page while it parses a file. The page's own records are
// the file choice, the parse's end, long tasks and the figures the page publishes. The main
// page's JS heap comes over the DevTools protocol, and the renderer's memory from /proc.
import { readFileSync, readdirSync } from 'node:fs';

/** Attribute through which the page may publish the worker's wasm memory size, in bytes. */
export const WORKER_WASM_ATTRIBUTE = 'data-worker-wasm-bytes';

/**
 * Attributes of `document.body` where the page may publish its own figures, all numbers: the
 * worker's peak wasm memory and the page's peak JS heap in bytes, and the size and the worker's
 * milliseconds of the last file parsed to its end.
 */
const PUBLISHED = {
  workerWasmPeak: 'data-worker-wasm-peak',
  jsHeapPeak: 'data-js-heap-peak',
  parseBytes: 'data-parse-bytes',
  parseMs: 'data-parse-ms',
};

/**
 * Installs the in-page recorder before a file is given to the page. It records in
 * `window.__bench` when the file input fires `change` and when the progress element leaves the
 * page after the parse began. It also keeps every long task, which the Long Tasks API reports
 * for main-thread tasks over 50 ms, and the largest worker wasm size the page published.
 */
export async function installRecorder(page) {
  await page.evaluate((attribute) => {
    const bench = {
      changeAt: null,
      doneAt: null,
      sawProgress: false,
      longTasks: [],
      workerWasmMax: null,
    };
    window.__bench = bench;

    document.addEventListener(
      'change',
      (event) => {
        if (event.target?.dataset?.testid === 'file-input') bench.changeAt = performance.now();
      },
      true,
    );

    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });

    const check = () => {
      const published = document.querySelector(`[${attribute}]`);
      if (published) {
        const bytes = Number(published.getAttribute(attribute));
        if (Number.isFinite(bytes)) bench.workerWasmMax = Math.max(bench.workerWasmMax ?? 0, bytes);
      }
      const progress = document.querySelector('[data-testid="progress"]');
      if (progress && bench.changeAt !== null) bench.sawProgress = true;
      if (!progress && bench.sawProgress && bench.doneAt === null) bench.doneAt = performance.now();
    };
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: [attribute],
    });
  }, WORKER_WASM_ATTRIBUTE);
}

/** Returns what the in-page recorder has so far. */
export async function readRecorder(page) {
  return page.evaluate(() => structuredClone(window.__bench));
}

/** Reads the figures the page published on `document.body`; a missing one is `null`. */
export async function readPublished(page) {
  return page.evaluate((names) => {
    const figures = {};
    for (const [key, name] of Object.entries(names)) {
      const text = document.body.getAttribute(name);
      figures[key] = text === null || text === '' ? null : Number(text);
    }
    return figures;
  }, PUBLISHED);
}

/**
 * Samples the main page's JS heap (`Runtime.getHeapUsage`) and the resident memory of the
 * renderer processes every `intervalMs`, and keeps the peaks. A sample waits while the page's
 * main thread is busy, so a parse on the main thread can hide a short-lived peak.
 */
export async function startSampling(page, intervalMs = 250) {
  const cdp = await page.context().newCDPSession(page);
  const peaks = { jsHeapUsed: 0, jsHeapTotal: 0, rendererRss: 0 };
  let stopped = false;

  const sampleHeap = async () => {
    while (!stopped) {
      try {
        const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
        peaks.jsHeapUsed = Math.max(peaks.jsHeapUsed, usedSize);
        peaks.jsHeapTotal = Math.max(peaks.jsHeapTotal, totalSize);
      } catch {
        // The page navigated or closed, so there is no heap left to sample.
        return;
      }
      await sleep(intervalMs);
    }
  };
  const rssTimer = setInterval(() => {
    peaks.rendererRss = Math.max(peaks.rendererRss, rendererRss());
  }, intervalMs);
  const heapLoop = sampleHeap();

  return async () => {
    stopped = true;
    clearInterval(rssTimer);
    await heapLoop;
    await cdp.detach().catch(() => {});
    return peaks;
  };
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Returns the largest resident set, in bytes, of the Chromium renderer processes that descend
 * from this Node process. Workers run inside their page's renderer, so this includes the worker.
 * Returns 0 where /proc is missing.
 */
export function rendererRss() {
  let largest = 0;
  for (const pid of descendants(process.pid)) {
    let cmdline;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes('--type=renderer')) continue;
    largest = Math.max(largest, residentBytes(pid));
  }
  return largest;
}

/** Lists the processes below `root`, from the parent IDs in /proc. */
function descendants(root) {
  const children = new Map();
  let entries;
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The parent ID is the second field after the command name, which ends with ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(pid)]);
    } catch {
      // The process ended while the list was read.
    }
  }
  const found = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function residentBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? 0);
    return kib * 1024;
  } catch {
    return 0;
  }
}
