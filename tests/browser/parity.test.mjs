// Parity of the page and the CLI. Every log file under tests/fixtures is given to both under the
// same file name and modification time, so both infer the same year. For each pod, the page's
// JSON download at all levels must equal `podlife --format json` record for record. Fixtures are
// found when the test starts, so new ones are covered without editing this file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  utimesSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ROOT, buildCli, openPage, runCli, startSession, stopSession } from './support.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures');
const ALL_LEVELS = ['Info', 'Normal', 'Warning', 'Error', 'Fatal'];
/** Names of log input: the usual extensions, or the names nodes give their log files. */
const LOG_NAME = /\.(log|gz|tgz|tar|jsonl|journal|klog|txt)$|^(messages|syslog|kubelet|journal)/;
/** The modification time of a fixture that does not state the year of its last line. */
const UNDATED = new Date('2025-06-01T12:00:00Z');

/** Lists the log files under `dir`, at any depth, in path order. */
function logFixtures(dir = FIXTURES) {
  const found = readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return logFixtures(path);
    return LOG_NAME.test(entry.name) ? [path] : [];
  });
  return found.sort();
}

/**
 * Returns the inputs to compare: each log file alone, and every folder of several logs as one
 * drop, which the page and the CLI both merge into one analysis.
 */
function inputSets() {
  const files = logFixtures();
  const folders = new Map();
  for (const path of files) {
    folders.set(dirname(path), [...(folders.get(dirname(path)) ?? []), path]);
  }
  const merged = [...folders.values()].filter((paths) => paths.length > 1);
  return [...files.map((path) => [path]), ...merged];
}

/**
 * Returns the year a fixture states for its last line: `year` in the expected.json beside it,
 * or a `#! year YYYY` line in a text fixture.
 */
function statedYear(path) {
  const expected = join(dirname(path), 'expected.json');
  if (existsSync(expected)) return JSON.parse(readFileSync(expected, 'utf8')).year;
  const stated = readFileSync(path, 'latin1').match(/^#! year (\d{4})\s*$/m);
  return stated ? Number(stated[1]) : undefined;
}

/**
 * Copies the files of one input set into a folder of their own under `scratch`, keeping their
 * names, and dates each copy at the end of its stated year so the inferred year is that year.
 */
function stageInputs(paths, scratch) {
  mkdirSync(scratch, { recursive: true });
  return paths.map((path) => {
    const copy = join(scratch, basename(path));
    copyFileSync(path, copy);
    const year = statedYear(path);
    const modified = year ? new Date(Date.UTC(year, 11, 31, 23, 59, 59)) : UNDATED;
    utimesSync(copy, modified, modified);
    return copy;
  });
}

const logArgs = (paths) => paths.flatMap((path) => ['--logfile', path]);

const parseLines = (text) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));

const podKey = (pod) => (pod.namespace ? `${pod.namespace}/${pod.name}` : pod.name);

/** Lists the pods the CLI finds in `paths`, from its `--list-pods --format json` output. */
function cliPods(paths) {
  const run = runCli([...logArgs(paths), '--list-pods', '--format', 'json']);
  assert.equal(run.status, 0, `podlife --list-pods failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/**
 * Returns a `--podname` value that selects `pod` alone: its `namespace/name`, else its name when
 * no other pod has that name, else its first UID.
 */
function uniqueQuery(pod, pods) {
  if (pod.namespace) return podKey(pod);
  const namesakes = pods.filter((other) => other.name === pod.name);
  return namesakes.length === 1 ? pod.name : pod.uids[0];
}

/** Returns the CLI's records of the pod that `query` selects, at every level. */
function cliRecords(paths, query) {
  const levels = ALL_LEVELS.join(',');
  const run = runCli([
    ...logArgs(paths),
    ...['--podname', query, '--format', 'json', '--eventlevel', levels],
  ]);
  assert.equal(run.status, 0, `podlife --podname ${query} failed: ${run.stderr}`);
  assert.doesNotMatch(run.stderr, /matches \d+ pods/, `--podname ${query} must select one pod`);
  return parseLines(run.stdout);
}

/** Replaces the characters of a pod name that the page replaces in download file names. */
const safeFileName = (name) => name.replace(/[/\\:*?"<>|\p{Cc}]/gu, '_');

/**
 * Clears the page, gives it `paths`, and waits until every file is read. A bundle lists one
 * file per log inside it, so the list has at least one file per path once reading is done.
 */
async function loadOnPage(page, paths) {
  const clear = page.getByTestId('clear-files');
  if (await clear.isVisible()) {
    await clear.click();
    await page.getByTestId('file-item').first().waitFor({ state: 'detached' });
  }
  await page.getByTestId('file-input').setInputFiles(paths);
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('[data-testid="file-item"]').length >= count &&
      !document.querySelector('[data-testid="progress"]'),
    paths.length,
  );
  for (const level of ALL_LEVELS) {
    await page.locator(`[data-testid="level-filter"] input[data-level="${level}"]`).check();
  }
}

const pagePodKeys = (page) =>
  page.getByTestId('pod-item').evaluateAll((items) => items.map((item) => item.dataset.pod));

/**
 * Picks the pod `key` in the pod list and downloads its events as JSON lines. A disabled
 * button means the pod has no event at the levels shown, so the page offers no records.
 */
async function pageRecords(page, key) {
  const index = (await pagePodKeys(page)).indexOf(key);
  await page.getByTestId('pod-item').nth(index).click();
  const heading = `Lifecycle of ${key}`;
  await page
    .waitForFunction(
      (expected) => document.querySelector('.timeline-title h2')?.textContent === expected,
      heading,
      { timeout: 10_000 },
    )
    .catch(async () => {
      const actual = await page.locator('.timeline-title h2').textContent();
      throw new Error(`picking ${key} in the pod list shows "${actual}", not "${heading}"`);
    });

  const button = page.getByTestId('download-json');
  if (await button.isDisabled()) return { name: null, records: [] };
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const text = readFileSync(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), records: parseLines(text) };
}

/**
 * Lists the records of `list` that `other` lacks, counting repeats, so one missing record does
 * not read as every later record differing.
 */
function missingFrom(other, list) {
  const left = new Map();
  for (const record of other) {
    const key = JSON.stringify(record);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  return list
    .map((record) => JSON.stringify(record))
    .filter((key) => {
      const count = left.get(key) ?? 0;
      left.set(key, count - 1);
      return count <= 0;
    });
}

/** Describes how two record lists differ: the first differing record and the unmatched ones. */
function describeDifference(cli, page) {
  const first = firstDifference(cli, page);
  if (!first) return null;
  const firstThree = (keys) => keys.slice(0, 3).map((key) => `    ${key}`);
  const onlyCli = missingFrom(page, cli);
  const onlyPage = missingFrom(cli, page);
  return [
    first,
    `  only in the CLI's output: ${onlyCli.length}`,
    ...firstThree(onlyCli),
    `  only in the page's download: ${onlyPage.length}`,
    ...firstThree(onlyPage),
  ].join('\n');
}

/** Describes the first record where two lists differ, naming the fields that differ. */
function firstDifference(cli, page) {
  const count = Math.max(cli.length, page.length);
  for (let i = 0; i < count; i += 1) {
    if (isDeepStrictEqual(cli[i], page[i])) continue;
    const fields = [...new Set([...Object.keys(cli[i] ?? {}), ...Object.keys(page[i] ?? {})])];
    const differing = fields.filter(
      (field) => !isDeepStrictEqual(cli[i]?.[field], page[i]?.[field]),
    );
    return [
      `record ${i + 1} differs (CLI ${cli.length} records, page ${page.length})` +
        (cli[i] && page[i] ? ` in ${differing.join(', ')}` : ''),
      `  CLI:  ${cli[i] ? JSON.stringify(cli[i]) : '(none)'}`,
      `  page: ${page[i] ? JSON.stringify(page[i]) : '(none)'}`,
    ].join('\n');
  }
  return null;
}

let server;
let browser;
let dir;
let session;

before(async () => {
  buildCli();
  ({ server, browser, dir } = await startSession());
  session = await openPage(browser, server.origin);
});
after(async () => {
  await session?.context.close();
  await stopSession({ server, browser });
});

test('JSON button in both languages', async () => {
  const languages = [
    ['en-US', 'Download JSON', /JSON lines/],
    ['zh-CN', '下载 JSON', /JSON Lines/],
  ];
  for (const [locale, text, hint] of languages) {
    const { context, page } = await openPage(browser, server.origin, { locale });
    await page.getByTestId('sample-button').click();
    const button = page.getByTestId('download-json');
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal((await button.textContent()).trim(), text, `${locale} button text`);
    assert.match(await button.getAttribute('title'), hint, `${locale} tooltip`);
    assert.match(await button.getAttribute('title'), /podlife --format json/, `${locale} tooltip`);
    await context.close();
  }
});

const sets = inputSets();

test('fixtures are found', () => {
  assert.ok(sets.length > 0, `no log file under ${FIXTURES}`);
});

sets.forEach((paths, index) => {
  const label =
    paths.length === 1
      ? relative(FIXTURES, paths[0])
      : `${relative(FIXTURES, dirname(paths[0]))}/ merged`;

  test(`page and CLI agree: ${label}`, async () => {
    const { page, errors } = session;
    const inputs = stageInputs(paths, join(dir, String(index)));
    const pods = cliPods(inputs);

    await loadOnPage(page, inputs);
    const keys = pods.map(podKey);
    assert.deepEqual((await pagePodKeys(page)).sort(), [...keys].sort(), 'same pods in the list');

    const mismatches = [];
    for (const pod of pods) {
      const query = uniqueQuery(pod, pods);
      if (!query) {
        const reason = 'shares its name and has no UID, so no --podname selects it alone';
        mismatches.push(`${podKey(pod)} ${reason}`);
        continue;
      }
      const cli = cliRecords(inputs, query);
      const downloaded = await pageRecords(page, podKey(pod));
      if (downloaded.name !== null) {
        const expected = `${safeFileName(pod.name)}-events.jsonl`;
        assert.equal(downloaded.name, expected, 'download file name');
      }
      const difference = describeDifference(cli, downloaded.records);
      if (difference) mismatches.push(`${podKey(pod)} (--podname ${query}): ${difference}`);
    }
    assert.equal(mismatches.length, 0, `${label}:\n${mismatches.join('\n\n')}`);
    assert.deepEqual(errors, [], 'no page errors');
  });
});
