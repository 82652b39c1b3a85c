// Browser tests of the Rules panel. The table exports as a real download and imports back with
// the same marks. A changed level or label shows on the timeline and survives a reload. A bad
// file is reported by rule and field in English and Chinese, and Reset restores the built-in
// table.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marksOf, openPage, screenshot, startSession, stopSession } from './support.mjs';

// The rule that finds the sample's liveness probe failures, and the seconds it marks.
const PROBE_RULE = 'probe-failed-liveness';
const PROBE_SECONDS = ['2025-05-16T18:34:39', '2025-05-16T18:34:44'];
const RULES_KEY = 'podlife.rules';

let server;
let browser;
let dir;

before(async () => {
  ({ server, browser, dir } = await startSession());
});
after(() => stopSession({ server, browser }));

/** Opens the page with the sample drawn and the Rules panel open. */
async function withSample(options = {}) {
  const opened = await openPage(browser, server.origin, options);
  await showSample(opened.page);
  return opened;
}

async function showSample(page) {
  await page.getByTestId('sample-button').click();
  await page.getByTestId('second-mark').first().waitFor();
  await openPanel(page);
}

async function openPanel(page) {
  const panel = page.getByTestId('rules-panel');
  if ((await panel.getAttribute('open')) === null) {
    await panel.locator('summary').click();
  }
  await page.getByTestId('rule-row').first().waitFor();
}

function ruleRow(page, id) {
  return page.locator(`[data-testid="rule-row"][data-rule-id="${id}"]`);
}

function mark(page, second) {
  return page.locator(`[data-testid="second-mark"][data-second="${second}"]`);
}

/** Waits until the mark of `second` has `level`, as a re-read finishes. */
async function waitForLevel(page, second, level) {
  await page.locator(`[data-testid="second-mark"][data-second="${second}"][data-level="${level}"]`).waitFor();
}

async function exportTable(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('rules-export').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'podlife-rules.json');
  return readFileSync(await download.path(), 'utf8');
}

/** A table whose second rule has an unknown kind. */
function badTable() {
  return JSON.stringify({
    version: 1,
    rules: [
      { id: 'probe', kind: 'LivenessProbeFailed', message: 'Probe failed' },
      { id: 'kill', kind: 'Killed', message: 'Killing container with a grace period' },
    ],
  });
}

describe('the rule table', () => {
  test('export then import keeps marks', async () => {
    const { context, page, errors } = await withSample();
    const before = await marksOf(page);
    const rows = await page.getByTestId('rule-row').count();

    const exported = await exportTable(page);
    const table = JSON.parse(exported);
    assert.equal(table.version, 1);
    assert.equal(table.rules.length, rows);
    assert.ok(table.rules.some((rule) => rule.id === PROBE_RULE));

    const path = join(dir, 'exported-rules.json');
    writeFileSync(path, exported);
    await page.getByTestId('rules-import').setInputFiles(path);
    await mark(page, PROBE_SECONDS[0]).waitFor();

    assert.deepEqual(await marksOf(page), before);
    assert.equal(await page.getByTestId('rule-row').count(), rows);
    assert.equal(await page.getByTestId('rules-error').isVisible(), false);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), RULES_KEY), null);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('changed level and label persist', async () => {
    const { context, page, errors } = await withSample();
    const row = ruleRow(page, PROBE_RULE);
    assert.equal(await mark(page, PROBE_SECONDS[0]).getAttribute('data-level'), 'Warning');

    await row.getByTestId('rule-level').selectOption('Fatal');
    for (const second of PROBE_SECONDS) {
      await waitForLevel(page, second, 'Fatal');
      const colour = await mark(page, second).locator('circle.dot').getAttribute('fill');
      assert.equal(colour, 'darkred', `${second} is drawn in the Fatal colour`);
    }

    await ruleRow(page, PROBE_RULE).getByTestId('rule-label-en').fill('Health check failed');
    await ruleRow(page, PROBE_RULE).getByTestId('rule-label-en').press('Enter');
    await page.locator('[data-testid="second-mark"]', { hasText: 'Health check failed' }).first().waitFor();
    assert.match(await mark(page, PROBE_SECONDS[1]).textContent(), /Health check failed/);
    await screenshot(page, 'rules-panel-edited-en');

    await page.reload();
    await page.getByTestId('sample-button').waitFor();
    await showSample(page);
    await waitForLevel(page, PROBE_SECONDS[0], 'Fatal');
    assert.match(await mark(page, PROBE_SECONDS[0]).textContent(), /Health check failed/);
    assert.equal(await ruleRow(page, PROBE_RULE).getByTestId('rule-level').inputValue(), 'Fatal');
    assert.equal(
      await ruleRow(page, PROBE_RULE).getByTestId('rule-label-en').inputValue(),
      'Health check failed',
    );
    assert.match(await page.locator('[data-testid="rules-panel"] summary').textContent(), /edited/);

    await page.getByTestId('rules-reset').click();
    await waitForLevel(page, PROBE_SECONDS[0], 'Warning');
    assert.match(await mark(page, PROBE_SECONDS[0]).textContent(), /Liveness probe failed/);
    assert.equal(await ruleRow(page, PROBE_RULE).getByTestId('rule-level').inputValue(), 'Warning');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), RULES_KEY), null);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('added rule finds event then deletes', async () => {
    const { context, page, errors } = await withSample();
    const second = '2025-05-16T18:34:06';
    assert.equal(await mark(page, second).getAttribute('data-level'), 'Normal');

    await page.getByTestId('rule-new-id').fill('startup-latency');
    await page.getByTestId('rule-new-kind').selectOption('StatusUpdated');
    await page.getByTestId('rule-new-level').selectOption('Error');
    await page.getByTestId('rule-new-match').selectOption('regex');
    await page.getByTestId('rule-new-pattern').fill('pod="(?P<pod>[^"]+)"');
    await page.getByTestId('rule-new-literal').fill('Observed pod startup duration');
    await page.getByTestId('rule-new-label-en').fill('Started up');
    await page.getByTestId('rule-new-label-zh').fill('启动完成');
    await page.getByTestId('rule-add').click();

    await waitForLevel(page, second, 'Error');
    assert.match(await mark(page, second).textContent(), /Started up/);
    await ruleRow(page, 'startup-latency').waitFor();
    assert.equal(await page.getByTestId('rules-error').isVisible(), false);

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await page.locator('[data-testid="second-mark"]', { hasText: '启动完成' }).first().waitFor();

    await ruleRow(page, 'startup-latency').getByTestId('rule-delete').click();
    await waitForLevel(page, second, 'Normal');
    assert.equal(await ruleRow(page, 'startup-latency').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad import names rule and field', async () => {
    const { context, page, errors } = await withSample();
    const before = await marksOf(page);
    const rows = await page.getByTestId('rule-row').count();
    const path = join(dir, 'bad-rules.json');
    writeFileSync(path, badTable());

    await page.getByTestId('rules-import').setInputFiles(path);
    const error = page.getByTestId('rules-error');
    await error.waitFor({ state: 'visible' });
    const english = await error.textContent();
    assert.match(english, /bad-rules\.json was not imported/);
    assert.match(english, /rule "kill" \(#2\): field "kind" has unknown value "Killed"/);
    assert.match(english, /rule table in force is unchanged/);

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    const chinese = await error.textContent();
    assert.match(chinese, /未导入 bad-rules\.json/);
    assert.match(chinese, /规则 "kill"（第 2 条）/);
    assert.match(chinese, /字段 "kind" 的值 "Killed" 未知/);
    await screenshot(page, 'rules-panel-error-zh');

    assert.deepEqual(await marksOf(page), before, 'the built-in table stays in force');
    assert.equal(await page.getByTestId('rule-row').count(), rows);

    // The message stays in view when the panel is collapsed.
    await page.locator('[data-testid="rules-panel"] summary').click();
    assert.equal(await error.isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bad saved table keeps built-in', async () => {
    const { context, page } = await openPage(browser, server.origin, { locale: 'zh-CN' });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [RULES_KEY, badTable()]);
    await page.reload();
    await page.getByTestId('sample-button').waitFor();

    const error = page.getByTestId('rules-error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.textContent(), /未使用本浏览器中保存的规则表/);
    assert.match(await error.textContent(), /规则 "kill"（第 2 条）：字段 "kind"/);

    await showSample(page);
    assert.equal(await mark(page, PROBE_SECONDS[0]).getAttribute('data-level'), 'Warning');
    assert.ok((await page.getByTestId('rule-row').count()) > 2, 'the built-in table is shown');
    await screenshot(page, 'rules-panel-zh');
    await context.close();
  });
});
