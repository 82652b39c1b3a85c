// Browser tests of what the page does with the files it is given. A file loaded twice is read
// once, and the sample never mixes with the user's files. Clear all starts over. Each file's
// year comes from the log's own stamps, a klog file header, or else the modification time, and
// the file entry names that source. The user can set a file's year in its entry and reset it.
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
const BUNDLE = join(ROOT, 'tests/fixtures/bundles/support-bundle.tar.gz');
const CART = 'shop/cart-7';

/**
 * Returns a syslog file of one pod (`shop/cart-7`) whose lines are of Dec 4 with no year, as
 * a log of Dec 2024 reads. Saved in late Dec 2026, it is dated to 2026 unless the user sets another year.
 */
function cartLog() {
  const uid = '7c1d2e3f-4a5b-4c6d-8e9f-a0b1c2d3e4f5';
  const line = (hms, message) =>
    `Dec  4 ${hms} node-b kubelet[2211]: I1204 ${hms}.250000    2211 ${message}`;
  const probe = `prober.go:107] "Probe failed" probeType="Readiness" pod="${CART}" podUID="${uid}" containerName="cart" probeResult="failure" output="HTTP probe failed with statuscode: 503"`;
  return [
    line('10:00:00', `kubelet.go:2407] "SyncLoop ADD" source="api" pods=["${CART}"]`),
    line('10:00:09', probe),
    line('10:00:19', probe),
    '',
  ].join('\n');
}

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

describe('a year set by the user', () => {
  const SAVED_DEC_2026 = new Date('2026-12-20T09:00:00Z');
  const yearOf = (page, index = 0) =>
    page.getByTestId('file-year').nth(index).textContent().then((text) => text.trim());
  const seconds = async (page) => (await marksOf(page)).map((m) => m.second);

  /** Drops the case 07 log and the Dec log, and shows the Dec log's pod. */
  async function loadCartAndCase(page) {
    const cart = writeInput(dir, 'cart.log', cartLog(), SAVED_DEC_2026);
    await page.getByTestId('file-input').setInputFiles([copyCase07(dir), cart]);
    await page.locator('[data-testid="file-item"]').nth(1).waitFor();
    await page.locator(`[data-testid="pod-item"][data-pod="${CART}"]`).click();
    await page.locator('[data-testid="second-mark"][data-second^="2026-12-04"]').first().waitFor();
  }

  /** Opens the year form of the entry at `index` and applies `value` with `via`: Enter or Apply. */
  async function setYear(page, value, { index = 0, via = 'Enter' } = {}) {
    await page.getByTestId('file-year-edit').nth(index).click();
    const input = page.getByTestId('file-year-input');
    await input.fill(value);
    if (via === 'Enter') {
      await input.press('Enter');
    } else {
      await page.getByTestId('file-year-apply').click();
    }
  }

  test('change year re-reads file', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    await loadCartAndCase(page);
    assert.deepEqual(await fileNames(page), ['messages', 'cart.log']);
    assert.equal(await yearOf(page, 1), 'year 2026 (from the file date)');
    assert.deepEqual(await seconds(page), ['2026-12-04T10:00:00', '2026-12-04T10:00:09', '2026-12-04T10:00:19']);
    const edit = page.getByTestId('file-year-edit').nth(1);
    assert.equal((await edit.textContent()).trim(), 'Change');
    assert.equal(await edit.getAttribute('aria-label'), 'Change the year of cart.log');
    assert.equal(await page.getByTestId('file-year-reset').count(), 0, 'no year set yet');

    await edit.click();
    const input = page.getByTestId('file-year-input');
    assert.equal(await input.inputValue(), '2026', 'the form starts at the year in use');
    assert.ok(await input.evaluate((el) => el === document.activeElement), 'the input has the focus');
    assert.equal(await page.getByLabel('Year of the last line').count(), 1, 'the input is labelled');
    assert.ok(await page.getByTestId('file-year-hint').isHidden(), 'no stamp or archive to mention');
    await screenshot(page, 'files-year-form-en');

    await input.fill('2024');
    await page.getByTestId('file-year-apply').click();
    await page.locator('[data-testid="second-mark"][data-second^="2024-12-04"]').first().waitFor();
    assert.deepEqual(await seconds(page), ['2024-12-04T10:00:00', '2024-12-04T10:00:09', '2024-12-04T10:00:19']);
    assert.equal(await yearOf(page, 1), 'year 2024 (set by you)');
    assert.equal(await yearOf(page, 0), 'year 2025 (from the file date)', 'the other file keeps its year');
    assert.deepEqual(await fileNames(page), ['messages', 'cart.log'], 'the files keep their order');
    assert.equal(new URL(page.url()).hash, `#pod=${CART}`, 'the chosen pod stays');
    const chosen = page.locator(`[data-testid="pod-item"][data-pod="${CART}"]`);
    assert.equal(await chosen.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getByTestId('file-year-form').count(), 0, 'the form closed');
    const reset = page.getByTestId('file-year-reset');
    assert.equal(await reset.count(), 1, 'only the changed file can be reset');
    assert.equal((await reset.textContent()).trim(), 'Reset');

    await page.locator('[data-testid="second-mark"][data-second="2024-12-04T10:00:09"]').click();
    const details = page.getByTestId('details');
    await details.waitFor();
    assert.match(await details.locator('h2').textContent(), /Events at 2024-12-04 10:00:09/);
    const time = await details.getByTestId('detail-row').first().locator('td').first().textContent();
    assert.ok(time.startsWith('2024-12-04 10:00:09'), time);
    await screenshot(page, 'files-year-set-en');

    await reset.click();
    await page.locator('[data-testid="second-mark"][data-second^="2026-12-04"]').first().waitFor();
    assert.equal(await yearOf(page, 1), 'year 2026 (from the file date)');
    assert.deepEqual(await seconds(page), ['2026-12-04T10:00:00', '2026-12-04T10:00:09', '2026-12-04T10:00:19']);
    assert.equal(await page.getByTestId('file-year-reset').count(), 0);
    assert.equal(new URL(page.url()).hash, `#pod=${CART}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad year is rejected', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    await loadCartAndCase(page);
    const error = page.getByTestId('file-year-error');

    await setYear(page, '99', { index: 1 });
    await error.waitFor();
    assert.equal(
      (await error.textContent()).trim(),
      'The year was not changed: enter four digits from 1970 to 2100.',
    );
    assert.equal(await error.getAttribute('role'), 'alert');
    const input = page.getByTestId('file-year-input');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'files-year-invalid-en');

    for (const value of ['1969', '2101', '20245', '']) {
      await input.fill(value);
      assert.ok(await error.isHidden(), 'typing clears the message');
      await page.getByTestId('file-year-apply').click();
      assert.ok(await error.isVisible(), `${JSON.stringify(value)} is rejected`);
    }
    assert.equal(await yearOf(page, 1), 'year 2026 (from the file date)', 'the year is unchanged');
    assert.equal((await marksOf(page))[0].second, '2026-12-04T10:00:00');

    await input.fill('2030');
    await input.press('Escape');
    assert.equal(await page.getByTestId('file-year-form').count(), 0, 'Escape closes the form');
    const edit = page.getByTestId('file-year-edit').nth(1);
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'file-year-edit');
    assert.equal(await edit.getAttribute('aria-expanded'), 'false');
    assert.equal(await yearOf(page, 1), 'year 2026 (from the file date)', 'Escape applies nothing');

    await edit.click();
    await page.getByTestId('file-year-cancel').click();
    assert.equal(await page.getByTestId('file-year-form').count(), 0, 'Cancel closes the form');
    assert.equal(await yearOf(page, 1), 'year 2026 (from the file date)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('year kept after rule change', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    await loadCartAndCase(page);
    await setYear(page, '2024', { index: 1, via: 'Apply' });
    await page.locator('[data-testid="second-mark"][data-second^="2024-12-04"]').first().waitFor();

    // A change of the rule table reads every file again.
    await page.locator('[data-testid="rules-panel"] summary').click();
    const rule = page.locator('[data-testid="rule-row"][data-rule-id="probe-failed-readiness"]');
    await rule.getByTestId('rule-level').selectOption('Error');
    await page
      .locator('[data-testid="second-mark"][data-second="2024-12-04T10:00:09"][data-level="Error"]')
      .waitFor();
    assert.equal(await yearOf(page, 1), 'year 2024 (set by you)', 'the re-read keeps the year');
    assert.equal(await page.getByTestId('file-year-reset').count(), 1);
    assert.equal(new URL(page.url()).hash, `#pod=${CART}`);

    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'flappy.log', flappyLog(2)));
    await page.locator('[data-testid="file-item"]').nth(2).waitFor();
    assert.equal(await yearOf(page, 1), 'year 2024 (set by you)', 'a later drop keeps the year');
    assert.equal(await yearOf(page, 2), 'year 2025 (from the file date)');

    await page.getByTestId('clear-files').click();
    await loadCartAndCase(page);
    assert.equal(await yearOf(page, 1), 'year 2026 (from the file date)', 'Clear all drops the year');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('stamps win over a set year', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    const journal = writeInput(dir, 'kubelet.json', readFileSync(JOURNAL_CASE), SAVED_2026);
    await page.getByTestId('file-input').setInputFiles(journal);
    await page.getByTestId('second-mark').first().waitFor();

    await page.getByTestId('file-year-edit').click();
    const hint = page.getByTestId('file-year-hint');
    assert.equal(
      (await hint.textContent()).trim(),
      'Lines whose stamps carry a year, and klog files with a header, keep their own year.',
    );
    await page.getByTestId('file-year-input').fill('2020');
    await page.getByTestId('file-year-input').press('Enter');
    await page.getByTestId('file-year-reset').waitFor();
    assert.equal(
      await yearOf(page),
      'year 2025 (from the log\'s own time stamps, which win over the year 2020 you set)',
    );
    assert.ok((await marksOf(page)).every((m) => m.second.startsWith('2025-06-12T')));
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('archive year for every log', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    await page.getByTestId('file-input').setInputFiles(BUNDLE);
    await page.locator('[data-testid="file-item"]').nth(1).waitFor();
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal(await page.getByTestId('file-year-edit').count(), 2, 'each log has the control');

    await page.getByTestId('file-year-edit').nth(1).click();
    assert.equal(
      (await page.getByTestId('file-year-hint').textContent()).trim(),
      'The year applies to every log in support-bundle.tar.gz. Lines whose stamps carry a year, and klog files with a header, keep their own year.',
    );
    await page.getByTestId('file-year-input').fill('2023');
    await page.getByTestId('file-year-input').press('Enter');
    await page.getByTestId('file-year-reset').first().waitFor();
    assert.deepEqual(await fileNames(page), [
      'support-bundle.tar.gz/var/log/messages',
      'support-bundle.tar.gz/var/log/messages-20251231.gz',
    ]);
    // The form was opened on the rotated log, but the year reaches the live log too. The
    // rotated log's containerd lines state 2025, so it keeps that year.
    assert.equal(await yearOf(page, 0), 'year 2023 (set by you)');
    assert.equal(
      await yearOf(page, 1),
      'year 2025 (from the log\'s own time stamps, which win over the year 2023 you set)',
    );
    assert.equal(await page.getByTestId('file-year-reset').count(), 2, 'both logs can be reset');
    const years = new Set((await seconds(page)).map((second) => second.slice(0, 4)));
    assert.deepEqual([...years].sort(), ['2023', '2025']);
    await screenshot(page, 'files-year-archive-en');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('year control in Chinese', async () => {
    const { context, page, errors } = await openPage(browser, server.origin, { locale: 'zh-CN' });
    await loadCartAndCase(page);
    assert.equal(await yearOf(page, 1), '年份 2026（取自文件日期）');
    const edit = page.getByTestId('file-year-edit').nth(1);
    assert.equal((await edit.textContent()).trim(), '修改');
    assert.equal(await edit.getAttribute('aria-label'), '修改 cart.log 的年份');

    await setYear(page, '99', { index: 1 });
    const error = page.getByTestId('file-year-error');
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), '年份未修改：请输入 1970 到 2100 之间的四位数字。');
    assert.equal(await page.getByLabel('最后一行的年份').count(), 1);
    assert.equal((await page.getByTestId('file-year-apply').textContent()).trim(), '应用');
    assert.equal((await page.getByTestId('file-year-cancel').textContent()).trim(), '取消');
    await screenshot(page, 'files-year-invalid-zh');

    await page.getByTestId('file-year-input').fill('2024');
    await page.getByTestId('file-year-input').press('Enter');
    await page.locator('[data-testid="second-mark"][data-second^="2024-12-04"]').first().waitFor();
    assert.equal(await yearOf(page, 1), '年份 2024（手动设置）');
    const reset = page.getByTestId('file-year-reset');
    assert.equal((await reset.textContent()).trim(), '重置');
    assert.equal(await reset.getAttribute('aria-label'), '重置 cart.log 的年份为从日志或文件日期推断的年份');
    await screenshot(page, 'files-year-set-zh');

    await reset.click();
    await page.locator('[data-testid="second-mark"][data-second^="2026-12-04"]').first().waitFor();
    assert.equal(await yearOf(page, 1), '年份 2026（取自文件日期）');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
