// Shared set-up of the browser tests: serves dist/ on 127.0.0.1, drives Debian's Chromium with
// playwright-core, and writes the input files the tests drop onto the page.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The built page to serve: dist/, or the folder PODLIFE_DIST names (a build of its own). */
export const DIST = process.env.PODLIFE_DIST || join(ROOT, 'dist');
export const OUTPUT = join(ROOT, 'tests/browser/output');
export const CASE_07 = join(ROOT, 'tests/fixtures/cases/07-aks-liveness-exec-restart/input.log');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Finds a free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitUntilServing(origin, indexPath, deadline) {
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${origin}/${indexPath}`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the test server at ${origin} did not start`);
}

/** Serves dist/ with Python's static server; returns its origin and a stop function. */
export async function serveDist() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: run `TRUNK_OFFLINE=true trunk build --release` first');
  }
  return serveFolder(DIST);
}

/**
 * Serves `folder` with Python's static server; returns its origin and a stop function.
 * The server counts as started once it serves `indexPath`.
 */
export async function serveFolder(folder, indexPath = 'index.html') {
  const port = await freePort();
  const server = spawn(
    'python3',
    ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', folder, String(port)],
    { stdio: 'ignore' },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilServing(origin, indexPath, Date.now() + 15_000);
  const stop = () =>
    new Promise((done) => {
      if (server.exitCode !== null) return done();
      server.once('exit', () => done());
      server.kill('SIGTERM');
    });
  return { origin, stop };
}

/** Starts Debian's Chromium headless. */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Opens the page in a fresh context and records every request it makes, and every error the
 * page reports, so tests can check that nothing leaves the origin.
 */
export async function openPage(
  browser,
  origin,
  { locale = 'en-US', hash = '', viewport = { width: 1400, height: 1000 } } = {},
) {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/index.html${hash}`);
  await page.getByTestId('sample-button').waitFor();
  return { context, page, requests, errors };
}

/**
 * Writes a screenshot to tests/browser/output/NAME.png: the whole page, or only the viewport
 * with `fullPage: false` (Chromium cannot take a full-page shot of a standalone SVG document).
 */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage });
}

/** Makes a fresh temporary folder for input files. */
export function scratchDir() {
  return mkdtempSync(join(tmpdir(), 'podlife-browser-'));
}

/** Writes `content` to `dir/name`, dated `modified` so the page infers that year. */
export function writeInput(dir, name, content, modified = new Date('2025-06-01T12:00:00Z')) {
  const path = join(dir, name);
  writeFileSync(path, content);
  utimesSync(path, modified, modified);
  return path;
}

/** Copies the real AKS case to `dir`, dated 2025 like the log's last line. */
export function copyCase07(dir) {
  const path = join(dir, 'messages');
  copyFileSync(CASE_07, path);
  const modified = new Date('2025-06-01T12:00:00Z');
  utimesSync(path, modified, modified);
  return path;
}

const UID = '0f3c8e52-5b1d-4c55-9a7e-3d2b8f1e6a10';

/** Writes a kubelet log of one pod (`default/flappy`) whose liveness probe fails in `count` seconds. */
export function flappyLog(count) {
  const lines = [
    `May 16 19:00:00 node-a kubelet[4052]: I0516 19:00:00.100000    4052 kubelet.go:2407] "SyncLoop ADD" source="api" pods=["default/flappy"]`,
  ];
  for (let i = 1; i <= count; i += 1) {
    const stamp = new Date(Date.UTC(2025, 4, 16, 19, 0, i * 7));
    const hms = stamp.toISOString().slice(11, 19);
    lines.push(
      `May 16 ${hms} node-a kubelet[4052]: I0516 ${hms}.200000    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/flappy" podUID="${UID}" containerName="web" probeResult="failure" output=<`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a log of one pod (`default/late`) whose lines end on Dec 31, as a log rotated just
 * before midnight and copied on New Year's Day would.
 */
export function newYearLog() {
  const line = (hms, message) =>
    `Dec 31 ${hms} node-a kubelet[4052]: I1231 ${hms}.100000    4052 ${message}`;
  return [
    line('23:59:40', 'kubelet.go:2407] "SyncLoop ADD" source="api" pods=["default/late"]'),
    line('23:59:50', `prober.go:107] "Probe failed" probeType="Liveness" pod="default/late" podUID="${UID}" containerName="app" probeResult="failure" output=<`),
    '',
  ].join('\n');
}

/**
 * Returns how many marks a window shows in a timeline box `width` px wide, as the engine's
 * `window_marks_for` computes it: 48 px per mark beside 121 px of margins, from 5 to 20 marks.
 */
export function windowMarksFor(width) {
  return Math.min(20, Math.max(5, Math.floor((width - 121) / 48)));
}

/**
 * Measures how the timeline fits its box: the box's inner and scrolled widths, the picture's
 * width, and the text of every label that runs past the picture's left or right edge.
 */
export async function timelineFit(page) {
  return page.evaluate(() => {
    const box = document.querySelector('.timeline-box');
    const svg = box.querySelector('svg.timeline');
    const frame = svg.getBoundingClientRect();
    const outside = [...svg.querySelectorAll('text')]
      .filter((text) => {
        const rect = text.getBoundingClientRect();
        return rect.left < frame.left - 0.5 || rect.right > frame.right + 0.5;
      })
      .map((text) => text.textContent);
    return {
      boxWidth: box.clientWidth,
      scrollWidth: box.scrollWidth,
      svgWidth: frame.width,
      outside,
    };
  });
}

/** Reads the marks of the timeline as {second, level, count}. */
export async function marksOf(page) {
  return page.getByTestId('second-mark').evaluateAll((marks) =>
    marks.map((g) => ({
      second: g.getAttribute('data-second'),
      level: g.getAttribute('data-level'),
      count: Number(g.getAttribute('data-count')),
    })),
  );
}

/** Starts the static server for dist/ and Chromium, and makes a scratch folder for inputs. */
export async function startSession() {
  const server = await serveDist();
  const browser = await launch();
  return { server, browser, dir: scratchDir() };
}

/** Closes what startSession opened; parts that failed to start are skipped. */
export async function stopSession({ server, browser }) {
  await browser?.close();
  await server?.stop();
}

/** The release build of the CLI, which the parity tests compare the page with. */
export const CLI = join(resolve(ROOT, process.env.CARGO_TARGET_DIR || 'target'), 'release/podlife');

/**
 * Builds the release CLI from the current sources, which takes a moment when it is up to date.
 * Cargo waits while another build holds its lock.
 */
export function buildCli() {
  const build = spawnSync('cargo', ['build', '--release', '--bin', 'podlife'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.error) throw build.error;
  if (build.status !== 0) {
    throw new Error(`cargo build --release --bin podlife failed:\n${build.stderr}`);
  }
}

/**
 * Runs the release CLI with `args` and returns its exit status, standard output and standard
 * error.
 */
export function runCli(args) {
  const run = spawnSync(CLI, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
