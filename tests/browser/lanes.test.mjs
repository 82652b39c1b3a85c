// Browser tests of what surrounds a pod's marks. They cover the node lane under the axis, the
// bands of a StatefulSet pod deleted and recreated under a new UID, the zone of the times, and
// the notice for a kubelet verbosity too low for a complete timeline. The logs are the fixtures
// in tests/fixtures/lanes, dropped onto the real page in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT,
  flappyLog,
  openPage,
  screenshot,
  startSession,
  stopSession,
  writeInput,
} from './support.mjs';

const LANES = readFileSync(join(ROOT, 'tests/fixtures/lanes/lanes.log'));
const LOW_VERBOSITY = readFileSync(join(ROOT, 'tests/fixtures/lanes/low-verbosity.log'));
const QUIET_NODE = readFileSync(join(ROOT, 'tests/fixtures/lanes/quiet-node.log'));
// Dated after the logs' last line (June 3), so the page takes 2025 as their year.
const MODIFIED = new Date('2025-06-10T12:00:00Z');
const POD = 'shop/db-0';
const OLD_UID = '3f8e1a2b-7c4d-4e5f-8a9b-0c1d2e3f4a5b';
const NEW_UID = '9b7d5c3e-1f2a-4b6c-8d0e-2a4c6e8f0b1d';

let server;
let browser;
let dir;

before(async () => {
  ({ server, browser, dir } = await startSession());
});
after(() => stopSession({ server, browser }));

/** Opens the page, reads the lanes fixture and draws shop/db-0 as labelled marks. */
async function withLanes({ locale = 'en-US', width = 1400 } = {}) {
  const opened = await openPage(browser, server.origin, {
    locale,
    viewport: { width, height: 1000 },
  });
  const { page } = opened;
  await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'messages', LANES, MODIFIED));
  await page.locator(`[data-testid="pod-item"][data-pod="${POD}"]`).click();
  await page.getByTestId('timeline').waitFor();
  // A narrow panel draws the whole lifecycle as buckets, and the first window as marks.
  if ((await page.getByTestId('bucket-mark').count()) > 0) {
    await page.getByTestId('range-slider').fill('1');
  }
  await page.getByTestId('second-mark').first().waitFor();
  return opened;
}

/** Reads the node marks as {second, level, count}. */
function nodeMarksOf(page) {
  return page.getByTestId('node-mark').evaluateAll((marks) =>
    marks.map((g) => ({
      second: g.getAttribute('data-second'),
      level: g.getAttribute('data-level'),
      count: Number(g.getAttribute('data-count')),
    })),
  );
}

describe('node lane', () => {
  test('node events drawn in their lane', async () => {
    const { context, page, errors } = await withLanes();
    const lane = page.getByTestId('node-lane');
    assert.equal(await lane.count(), 1);
    assert.match(await lane.textContent(), /Node/);
    assert.equal(
      await lane.getByTestId('node-mark').count(),
      await page.getByTestId('node-mark').count(),
      'every node mark is inside the lane',
    );
    const marks = await nodeMarksOf(page);
    assert.deepEqual(
      marks.map((m) => [m.second.slice(11), m.level]),
      [
        ['10:01:30', 'Error'],
        ['10:01:31', 'Error'],
        ['10:03:50', 'Error'],
      ],
      'PLEG unhealthy and node not ready at the default levels',
    );
    const podSeconds = await page
      .getByTestId('second-mark')
      .evaluateAll((g) => g.map((m) => m.getAttribute('data-second').slice(11)));
    for (const second of ['10:01:30', '10:01:31', '10:02:40', '10:03:50']) {
      assert.ok(!podSeconds.includes(second), `${second} is not a mark of the pod`);
    }

    await page.getByTestId('level-filter').locator('input[data-level="Info"]').check();
    await page.locator('[data-testid="node-mark"][data-second$="10:02:40"]').waitFor();
    const withInfo = await nodeMarksOf(page);
    const restart = withInfo.find((m) => m.second.endsWith('10:02:40'));
    assert.equal(restart.level, 'Info', 'the kubelet restart is an Info node mark');
    await screenshot(page, 'lanes-1400-en');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('node mark opens node events', async () => {
    const { context, page } = await withLanes();
    await page.locator('[data-testid="node-mark"][data-second$="10:01:30"] path.dot').click();
    const details = page.getByTestId('details');
    await details.waitFor();
    const nodeRows = details.getByTestId('details-node-event');
    assert.equal(await nodeRows.count(), 1);
    assert.match(await nodeRows.textContent(), /PLEG is not healthy/);
    assert.equal(await details.getByTestId('detail-row').count(), 0, 'the pod has no event then');
    assert.match(await details.textContent(), /Node/);
    await screenshot(page, 'lanes-node-details');
    await context.close();
  });
});

describe('node events near the pod', () => {
  test('lane reaches a quiet node', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    await page
      .getByTestId('file-input')
      .setInputFiles(writeInput(dir, 'quiet-node.log', QUIET_NODE, MODIFIED));
    await page.locator('[data-testid="pod-item"][data-pod="batch/report-0"]').click();
    await page.getByTestId('second-mark').first().waitFor();
    const marks = await nodeMarksOf(page);
    assert.deepEqual(
      marks.map((m) => m.second.slice(11)),
      ['11:01:31', '11:10:30', '11:13:40'],
      'not ready 61 s and 10 min after the last pod line, then PLEG; not 30.5 min after',
    );
    assert.deepEqual(
      marks.map((m) => m.count),
      [2, 2, 1],
      'a not-ready line is a node-not-ready and a runtime-down event',
    );
    await page.locator('[data-testid="node-mark"][data-second$="11:10:30"] path.dot').click();
    const nodeRows = page.getByTestId('details').getByTestId('details-node-event');
    assert.equal(await nodeRows.count(), 2);
    assert.match(await nodeRows.first().textContent(), /Node became not ready/);
    await screenshot(page, 'lanes-quiet-node');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('slider windows bound the lane', async () => {
    // default/flappy has marks from 19:00:00 to 19:03:30, one every 7 s.
    const node = (hms, message) =>
      `May 16 ${hms} node-a kubelet[4052]: E0516 ${hms}.300000    4052 ${message}`;
    const pleg = (hms) =>
      node(
        hms,
        'kubelet.go:2356] "Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active 3m5.1s ago; threshold is 3m0s"',
      );
    const [add, ...probes] = flappyLog(30).trim().split('\n');
    const lines = [pleg('18:55:00'), add, ...probes.slice(0, 8), pleg('19:01:00')];
    lines.push(...probes.slice(8), pleg('19:20:00'), pleg('20:00:00'));
    const { context, page, errors } = await openPage(browser, server.origin);
    await page
      .getByTestId('file-input')
      .setInputFiles(writeInput(dir, 'flappy-node.log', `${lines.join('\n')}\n`));
    // The whole lifecycle has more seconds than a window of labelled marks, so it is buckets.
    await page.getByTestId('bucket-mark').first().waitFor();
    const nodeBuckets = await page.getByTestId('node-bucket').evaluateAll((bars) =>
      bars.map((g) => [g.dataset.start.slice(11), g.dataset.end.slice(11)]),
    );
    assert.deepEqual(
      nodeBuckets,
      [
        ['18:55:00', '18:55:00'],
        ['19:01:00', '19:01:00'],
        ['19:20:00', '19:20:00'],
      ],
      'the whole lifecycle: 5 min before, inside, and 16.5 min after; not 56.5 min after',
    );
    const nodeSeconds = async () => (await nodeMarksOf(page)).map((m) => m.second.slice(11));

    const slider = page.getByTestId('range-slider');
    const max = await slider.getAttribute('max');
    const windows = [
      ['1', ['18:55:00', '19:01:00'], 'the first window reaches before the first mark'],
      ['5', ['19:01:00'], 'a middle window keeps to its own marks'],
      [max, ['19:20:00'], 'the last window reaches after the last mark'],
    ];
    const note = page.getByTestId('window-note');
    for (const [value, expected, reason] of windows) {
      const before = await note.textContent();
      await slider.fill(value);
      // The caption names the window's marks, so it changes once the window is drawn.
      await page.waitForFunction(
        (previous) => {
          const text = document.querySelector('[data-testid="window-note"]')?.textContent;
          return text !== previous && /^\s*marks /.test(text);
        },
        before,
      );
      assert.deepEqual(await nodeSeconds(), expected, `slider at ${value}: ${reason}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('incarnations', () => {
  test('recreated pod shows two bands', async () => {
    const { context, page } = await withLanes();
    const item = page.locator(`[data-testid="pod-item"][data-pod="${POD}"]`);
    assert.equal((await item.getByTestId('pod-incarnations').textContent()).trim(), '2 incarnations');
    const uids = await page
      .getByTestId('incarnation-band')
      .evaluateAll((bands) => bands.map((b) => b.getAttribute('data-uid')));
    assert.ok(uids.length >= 2, `at least two bands: ${uids}`);
    assert.equal(uids[0], OLD_UID, 'the first band is the first incarnation');
    assert.equal(uids.at(-1), NEW_UID, 'the last band is the recreated pod');
    assert.match(await page.getByTestId('timeline').textContent(), /#1 3f8e1a2b…/);

    await page.locator('[data-testid="second-mark"][data-second$="10:03:19"]').click();
    const tag = page.getByTestId('details').getByTestId('detail-incarnation');
    assert.equal((await tag.first().textContent()).trim(), '#2 9b7d5c3e');
    await context.close();
  });
});

describe('zone and verbosity', () => {
  test('zone and v2 notice in English', async () => {
    const { context, page } = await withLanes();
    assert.equal(
      (await page.getByTestId('time-zone').textContent()).trim(),
      'Times as written in the log (zone not stated)',
    );
    const notice = page.getByTestId('verbosity-notice');
    assert.equal(await notice.getAttribute('data-level'), '2', 'v2 lines but no v3 lines');
    assert.match(await notice.textContent(), /--v=2/);
    assert.match(await notice.textContent(), /Pulled/);
    await context.close();
  });

  test('lanes in Chinese', async () => {
    const { context, page } = await withLanes({ locale: 'zh-CN' });
    assert.equal(
      (await page.getByTestId('time-zone').textContent()).trim(),
      '时间按日志原样显示（未注明时区）',
    );
    assert.match(await page.getByTestId('node-lane').textContent(), /节点/);
    assert.equal(
      (await page.getByTestId('pod-incarnations').textContent()).trim(),
      '2 个实例',
    );
    assert.match(await page.getByTestId('verbosity-notice').textContent(), /--v=3/);
    await screenshot(page, 'lanes-1400-zh');
    await context.close();
  });

  test('low verbosity log gets the v1 notice', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page
      .getByTestId('file-input')
      .setInputFiles(writeInput(dir, 'low.log', LOW_VERBOSITY, MODIFIED));
    const notice = page.getByTestId('verbosity-notice');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-level'), '1');
    assert.match(await notice.textContent(), /below --v=2/);
    await context.close();
  });
});

describe('narrow screen', () => {
  for (const locale of ['en-US', 'zh-CN']) {
    test(`lanes at 420 px in ${locale}`, async () => {
      const { context, page, errors } = await withLanes({ locale, width: 420 });
      assert.equal(await page.getByTestId('node-lane').count(), 1);
      assert.ok((await page.getByTestId('node-mark').count()) > 0);
      assert.match(
        await page.getByTestId('timeline').textContent(),
        /\d\d:\d\d:\d\d/,
        'the marks keep their time labels',
      );
      await page.getByTestId('timeline').scrollIntoViewIfNeeded();
      await screenshot(page, `lanes-420-${locale}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
