// Browser tests of the Rules panel. The table exports as a real download and imports back with
// the same marks. A changed level or label shows on the timeline and survives a reload. A bad
// file is reported by rule and field in English and Chinese, and a blank field of the add-rule
// form by its label. The filter box narrows the table. Reset restores the built-in table once
// the user confirms that the changes may go.
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

/** Returns, as JSON text, a table whose second rule has an unknown kind. */
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
    await page.getByTestId('rules-reset-confirm').click();
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

  test('blank template named by label', async () => {
    const { context, page, errors } = await withSample();
    const rows = await page.getByTestId('rule-row').count();
    await page.getByTestId('rule-new-id').fill('my-rule');
    await page.getByTestId('rule-add').click();

    const error = page.getByTestId('rules-error');
    await error.waitFor({ state: 'visible' });
    const english = await error.textContent();
    assert.match(english, /The rule was not added: the field "Template or regex" is empty/);
    assert.match(english, /Type the structured message the rule matches/);
    assert.doesNotMatch(english, /"message"|"literal"/, 'no JSON key names');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    assert.match(await error.textContent(), /规则未添加：“模板或正则表达式”为空/);
    await page.getByTestId('lang-switch').selectOption('en');

    await page.getByTestId('rule-new-match').selectOption('regex');
    await page.getByTestId('rule-new-pattern').fill('pod="(?P<pod>[^"]+)"');
    await page.getByTestId('rule-add').click();
    assert.match(await error.textContent(), /the field "Text the line must contain" is empty/);

    await page.getByTestId('rule-new-id').fill('');
    await page.getByTestId('rule-add').click();
    assert.match(await error.textContent(), /the field "Rule id" is empty/);
    assert.equal(await page.getByTestId('rule-row').count(), rows, 'no rule was added');
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

describe('the rule filter', () => {
  test('filter narrows the table', async () => {
    const { context, page, errors } = await withSample();
    const rows = page.getByTestId('rule-row');
    const total = await rows.count();
    const filter = page.getByTestId('rules-filter');
    const countLine = page.getByTestId('rules-shown');
    assert.equal(await countLine.isVisible(), false, 'no count while the filter is empty');

    const cases = [
      ['by id', 'probe-failed-liveness'],
      ['by kind name', 'LivenessProbeFailed'],
      ['by kind label', 'liveness probe failed'],
      ['by Chinese kind label', '存活探针失败'],
      ['by template', 'Probe failed'],
    ];
    for (const [how, query] of cases) {
      await filter.fill(query);
      await ruleRow(page, PROBE_RULE).waitFor();
      const count = await rows.count();
      assert.ok(count < total, `${how}: ${count} of ${total} rows`);
      assert.equal((await countLine.textContent()).trim(), `${count} of ${total} rules shown`, how);
    }

    await filter.fill('zzz-no-rule-has-this');
    await page.getByTestId('rules-no-match').waitFor({ state: 'visible' });
    assert.equal(await rows.count(), 0);
    assert.equal((await page.getByTestId('rules-no-match').textContent()).trim(), 'No rule matches the filter.');

    await filter.fill('liveness');
    await ruleRow(page, PROBE_RULE).waitFor();
    assert.equal(await page.getByTestId('rules-no-match').isVisible(), false);
    await screenshot(page, 'rules-filter-en');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    assert.equal(await filter.getAttribute('placeholder'), '按 ID、事件类型、标签或模板筛选');
    assert.match(await countLine.textContent(), new RegExp(`显示 ${await rows.count()} / ${total} 条规则`));
    await screenshot(page, 'rules-filter-zh');

    await filter.fill('');
    assert.equal(await rows.count(), total);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('filtered row stays editable', async () => {
    const { context, page, errors } = await withSample();
    await page.getByTestId('rules-filter').fill('liveness');
    await ruleRow(page, PROBE_RULE).getByTestId('rule-level').selectOption('Error');
    await waitForLevel(page, PROBE_SECONDS[0], 'Error');
    assert.equal(await page.getByTestId('rules-filter').inputValue(), 'liveness', 'the filter stays');
    assert.equal(await ruleRow(page, PROBE_RULE).getByTestId('rule-level').inputValue(), 'Error');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** Waits until the question's cancel button has the focus, as it gets it after a paint. */
async function cancelFocused(page) {
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'rules-reset-cancel');
}

describe('Reset to built-in', () => {
  test('reset asks before discarding', async () => {
    const { context, page, errors } = await withSample();
    const reset = page.getByTestId('rules-reset');
    const ask = page.getByTestId('rules-reset-ask');
    assert.equal(await ask.isVisible(), false);

    await ruleRow(page, PROBE_RULE).getByTestId('rule-level').selectOption('Fatal');
    await waitForLevel(page, PROBE_SECONDS[0], 'Fatal');
    await reset.click();
    await ask.waitFor({ state: 'visible' });
    assert.equal(await reset.isVisible(), false, 'the button turned into the question');
    assert.match(await ask.textContent(), /Discard your changes to the rules/);
    await cancelFocused(page);
    await screenshot(page, 'rules-reset-ask-en');

    await page.getByTestId('rules-reset-cancel').click();
    await reset.waitFor({ state: 'visible' });
    assert.equal(await ask.isVisible(), false);
    assert.equal(await mark(page, PROBE_SECONDS[0]).getAttribute('data-level'), 'Fatal', 'kept');
    assert.notEqual(await page.evaluate((key) => localStorage.getItem(key), RULES_KEY), null);

    await reset.click();
    await cancelFocused(page);
    await page.keyboard.press('Escape');
    await reset.waitFor({ state: 'visible' });
    assert.equal(await mark(page, PROBE_SECONDS[0]).getAttribute('data-level'), 'Fatal', 'Escape keeps');

    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await reset.click();
    assert.match(await ask.textContent(), /放弃对规则的修改/);
    await screenshot(page, 'rules-reset-ask-zh');
    await page.getByTestId('rules-reset-confirm').click();
    await waitForLevel(page, PROBE_SECONDS[0], 'Warning');
    assert.equal(await ask.isVisible(), false);
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), RULES_KEY), null);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('built-in table resets without asking', async () => {
    const { context, page, errors } = await withSample();
    await page.getByTestId('rules-reset').click();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
    assert.equal(await page.getByTestId('rules-reset-ask').isVisible(), false);
    assert.equal(await page.getByTestId('rules-reset').isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
