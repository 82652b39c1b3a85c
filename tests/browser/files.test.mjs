// Browser tests of what the page does with the files it is given. A file loaded twice is read
// once, and the sample never mixes with the user's files. Clear all starts over. Each file's
// year comes from the log's own stamps, a klog file header, or else the modification time, and
// the file entry names that source.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  startSession,
  stopSession,
  copyCase07,
  flappyLog,
  marksOf,
  newYearLog,
  openPage,
  screenshot,
  writeInput,
} from './support.mjs';

const PROBE_DEMO = 'default/probe-demo';
// journalctl -o json output whose entries carry their own time stamps, all in June 2025.
const JOURNAL_CASE = join(ROOT, 'tests/fixtures/cases/18-journal-json-multiline-probe/input.log');
// Saved in 2026, so a year taken from the file date would be wrong for both logs below.
const SAVED_2026 = new Date('2026-03-01T12:00:00Z');

/** Returns a klog file whose header states 2024. Its lines carry no year of their own. */
function klogFileWithHeader() {
  return [
    'Log file created at: 2024/12/30 23:58:00',
    'Running on machine: node-a',
    'Binary: Built with gc go1.22.5 for linux/amd64',
    'Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg',
    'I1230 23:58:01.000001    2211 kubelet.go:2440] "SyncLoop ADD" source="api" pods=["ops/cron-3"]',
    'I1230 23:59:30.000001    2211 kubelet.go:2440] "SyncLoop DELETE" source="api" pods=["ops/cron-3"]',
    '',
  ].join('\n');
}

let server;
let browser;
let dir;

before(async () => {
  ({ server, browser, dir } = await startSession());
});
after(() => stopSession({ server, browser }));

const pods = (page) =>
  page.getByTestId('pod-item').evaluateAll((items) => items.map((item) => item.dataset.pod));
const fileNames = (page) => page.locator('[data-testid="file-item"] .file-name').allTextContents();

describe('a file loaded again', () => {
  test('same file is read once', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    const path = copyCase07(dir);
    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('second-mark').first().waitFor();
    const before = await marksOf(page);

    await page.getByTestId('file-input').setInputFiles(path);
    const notice = page.getByTestId('error');
    await notice.waitFor();
    assert.match(await notice.textContent(), /messages was already loaded/);
    assert.equal(await notice.getAttribute('data-severity'), 'info', 'a skipped file is no error');
    assert.equal(await notice.getAttribute('role'), 'status');
    assert.deepEqual(await fileNames(page), ['messages']);
    assert.deepEqual(await marksOf(page), before, 'no event is counted twice');
    const busiest = page.locator('[data-testid="second-mark"][data-second="2025-05-16T18:34:49"]');
    assert.equal(await busiest.getAttribute('data-count'), '3');
    await screenshot(page, 'already-loaded');

    await notice.getByRole('button').click();
    assert.equal(await notice.count(), 0, 'dismissed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('twice in one drop is read once', async () => {
    const { context, page } = await openPage(browser, server.origin);
    const path = copyCase07(dir);
    await page.getByTestId('file-input').setInputFiles([path, path]);
    await page.getByTestId('error').waitFor();
    assert.match(await page.getByTestId('error').textContent(), /messages was already loaded/);
    assert.deepEqual(await fileNames(page), ['messages']);
    assert.equal((await marksOf(page)).find((m) => m.second.endsWith('18:34:49')).count, 3);
    await context.close();
  });

  test('changed file is read again', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'flappy.log', flappyLog(3)));
    await page.getByTestId('second-mark').first().waitFor();
    const grown = writeInput(dir, 'flappy.log', flappyLog(4), new Date('2025-06-02T12:00:00Z'));
    await page.getByTestId('file-input').setInputFiles(grown);
    await page.locator('[data-testid="file-item"]').nth(1).waitFor();
    assert.deepEqual(await fileNames(page), ['flappy.log', 'flappy.log']);
    assert.equal(await page.getByTestId('error').count(), 0);
    await context.close();
  });
});

describe('the sample log', () => {
  test('sample replaces own files', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'flappy.log', flappyLog(3)));
    await page.locator('[data-testid="pod-item"][data-pod="default/flappy"]').waitFor();

    await page.getByTestId('sample-button').click();
    await page.getByTestId('second-mark').first().waitFor();
    assert.deepEqual(await pods(page), [PROBE_DEMO], 'the sample is not merged into own files');
    assert.deepEqual(await fileNames(page), ['sample-aks-liveness.log']);
    assert.equal(
      (await page.getByTestId('file-year').textContent()).trim(),
      'year 2025 (fixed for the sample)',
    );
    assert.equal(new URL(page.url()).hash, `#pod=${PROBE_DEMO}`);

    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'flappy.log', flappyLog(3)));
    await page.locator('[data-testid="pod-item"][data-pod="default/flappy"]').waitFor();
    assert.deepEqual(await pods(page), ['default/flappy'], 'own files replace the sample');
    assert.deepEqual(await fileNames(page), ['flappy.log']);
    assert.equal(await page.getByTestId('error').count(), 0, 'the file was not taken as loaded');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('Clear all', () => {
  test('clear returns to first visit', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    assert.equal(await page.getByTestId('clear-files').count(), 0, 'nothing to clear at first');
    const path = copyCase07(dir);
    await page.getByTestId('file-input').setInputFiles([path, writeInput(dir, 'empty.log', '')]);
    await page.getByTestId('error').waitFor();
    const years = page.getByTestId('file-year');
    assert.ok(await years.nth(0).isVisible(), 'messages has a year');
    assert.ok(await years.nth(1).isHidden(), 'empty.log has no line to date');
    await page.getByTestId('level-filter').locator('input[data-level="Info"]').check();
    await page.locator('[data-testid="second-mark"]').first().click();
    await page.getByTestId('details').waitFor();
    await screenshot(page, 'before-clear');

    await page.getByTestId('clear-files').click();
    assert.equal(await page.getByTestId('pod-item').count(), 0);
    assert.equal(await page.getByTestId('file-item').count(), 0);
    assert.equal(await page.getByTestId('error').count(), 0, 'notices go too');
    assert.equal(await page.getByTestId('timeline').count(), 0);
    assert.equal(await page.getByTestId('details').count(), 0);
    assert.equal(await page.getByTestId('clear-files').count(), 0);
    assert.match(await page.locator('.welcome').textContent(), /Load the node's logs/);
    assert.match(await page.locator('.pods').textContent(), /No pods yet/);
    assert.equal(new URL(page.url()).hash, '', 'no pod in the URL');
    const checked = await page
      .getByTestId('level-filter')
      .locator('input[type=checkbox]')
      .evaluateAll((boxes) => boxes.map((b) => b.checked));
    assert.deepEqual(checked, [false, true, true, true, true], 'default levels');
    await screenshot(page, 'after-clear');

    await page.getByTestId('file-input').setInputFiles(path);
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal(await page.getByTestId('error').count(), 0, 'a cleared file is not "already loaded"');
    assert.deepEqual(await pods(page), [PROBE_DEMO]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('clear stops a read under way', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    const filler = 'May 16 18:30:01 node-a systemd[1]: Started Session 12 of user root.\n';
    // About 40 MiB, read in 4 MiB slices, so the read is still going when Clear all is clicked.
    const big = writeInput(dir, 'big.log', filler.repeat(600_000));
    await page.getByTestId('file-input').setInputFiles([big, copyCase07(dir)]);
    await page.getByTestId('progress').waitFor();
    const progress = await page.evaluate(() => {
      const text = document.querySelector('[data-testid="progress"]').textContent;
      document.querySelector('[data-testid="clear-files"]').click();
      return text;
    });
    assert.match(progress, /Reading big\.log: \d+%/, 'clicked while big.log was being read');
    await page.getByTestId('progress').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('file-item').count(), 0, 'no file is left');
    assert.equal(await page.getByTestId('pod-item').count(), 0, 'waiting files were dropped');
    assert.deepEqual(errors, []);

    await page.getByTestId('sample-button').click();
    await page.getByTestId('second-mark').first().waitFor();
    assert.deepEqual(await pods(page), [PROBE_DEMO]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the year of a file', () => {
  test('year is the file date', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal(
      (await page.getByTestId('file-year').textContent()).trim(),
      'year 2025 (from the file date)',
    );
    assert.equal((await marksOf(page))[0].second, '2025-05-16T18:34:04');
    await context.close();
  });

  test('Dec 31 log saved Jan 1', async () => {
    const { context, page } = await openPage(browser, server.origin);
    const saved = new Date('2026-01-01T00:05:00Z');
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'late.log', newYearLog(), saved));
    await page.getByTestId('second-mark').first().waitFor();
    assert.deepEqual(
      (await marksOf(page)).map((m) => m.second),
      ['2025-12-31T23:59:40', '2025-12-31T23:59:50'],
      'the lines belong to the year before the file date',
    );
    assert.equal(
      (await page.getByTestId('file-year').textContent()).trim(),
      'year 2025 (the year before the file date, because in the file date\'s year the last line would come after the file was saved)',
    );
    await screenshot(page, 'new-year');
    await context.close();
  });

  test('year from the log stamps', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    const journal = writeInput(dir, 'kubelet.json', readFileSync(JOURNAL_CASE), SAVED_2026);
    await page.getByTestId('file-input').setInputFiles(journal);
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal(
      (await page.getByTestId('file-year').textContent()).trim(),
      'year 2025 (from the log\'s own time stamps)',
    );
    assert.ok(
      (await marksOf(page)).every((m) => m.second.startsWith('2025-06-12T')),
      'the marks keep the year of the stamps, not that of the file date',
    );
    await screenshot(page, 'files-year-stamps-en');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    assert.equal(
      (await page.getByTestId('file-year').textContent()).trim(),
      '年份 2025（来自日志自带的时间戳）',
    );
    await screenshot(page, 'files-year-stamps-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('year from the klog header', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    const name = 'kubelet.node-a.root.log.INFO';
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, name, klogFileWithHeader(), SAVED_2026));
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal(
      (await page.getByTestId('file-year').textContent()).trim(),
      'year 2024 (from the klog file header)',
    );
    assert.deepEqual(
      (await marksOf(page)).map((m) => m.second),
      ['2024-12-30T23:58:01', '2024-12-30T23:59:30'],
    );
    await screenshot(page, 'files-year-header-en');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    assert.equal(
      (await page.getByTestId('file-year').textContent()).trim(),
      '年份 2024（来自 klog 文件头）',
    );
    await screenshot(page, 'files-year-header-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('year shown in Chinese', async () => {
    const { context, page } = await openPage(browser, server.origin, { locale: 'zh-CN' });
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal((await page.getByTestId('file-year').textContent()).trim(), '年份 2025（取自文件日期）');
    assert.equal((await page.getByTestId('clear-files').textContent()).trim(), '全部清除');
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.getByTestId('error').waitFor();
    assert.match(await page.getByTestId('error').textContent(), /messages 已经加载过/);
    await context.close();
  });
});
