// Browser tests of a long lifecycle: the overview at the slider's far left draws a bounded
// number of buckets, and the wheel, the keys and a click on a bucket zoom in until single
// seconds with their labels show.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, stopSession, openPage, screenshot, writeInput } from './support.mjs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UID = '5d0c1f7e-2a44-4e0b-9d61-7c3f5a9e8b21';
const START = Date.UTC(2025, 4, 16, 8, 0, 0);
/** One probe failure every this many seconds. */
const EVERY = 5;
/** 31 hours of probe failures, so the lifecycle crosses midnight. */
const FAILURES = (31 * 3600) / EVERY;
const SECONDS = FAILURES + 1;
/** Every element the timeline draws for a second or a bucket. */
const MARKS = '[data-testid="second-mark"], [data-testid="bucket-mark"], [data-testid="node-mark"], [data-testid="node-bucket"]';

/** Writes the syslog and klog stamps of `ms` after the epoch: `May 16 08:00:05` and `0516 08:00:05`. */
function stamps(ms) {
  const date = new Date(ms);
  const hms = date.toISOString().slice(11, 19);
  const day = String(date.getUTCDate());
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return {
    syslog: `${MONTHS[date.getUTCMonth()]} ${day.padStart(2, ' ')} ${hms}`,
    klog: `${month}${day.padStart(2, '0')} ${hms}`,
  };
}

/** Writes a kubelet log of `default/longrun`: one ADD, then a liveness probe failure every 5 s. */
function longLog() {
  const add = stamps(START);
  const lines = [
    `${add.syslog} node-a kubelet[4052]: I${add.klog}.100000    4052 kubelet.go:2407] "SyncLoop ADD" source="api" pods=["default/longrun"]`,
  ];
  for (let i = 1; i <= FAILURES; i += 1) {
    const at = stamps(START + i * EVERY * 1000);
    lines.push(
      `${at.syslog} node-a kubelet[4052]: I${at.klog}.200000    4052 prober.go:107] "Probe failed" probeType="Liveness" pod="default/longrun" podUID="${UID}" containerName="web" probeResult="failure" output=<`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Returns the ISO second of `ms` after the epoch, as the marks write it. */
function iso(ms) {
  return new Date(ms).toISOString().slice(0, 19);
}

/** Reads the buckets of the overview as {start, end, level, count}. */
function bucketsOf(page) {
  return page.getByTestId('bucket-mark').evaluateAll((marks) =>
    marks.map((g) => ({
      start: g.getAttribute('data-start'),
      end: g.getAttribute('data-end'),
      level: g.getAttribute('data-level'),
      count: Number(g.getAttribute('data-count')),
    })),
  );
}

function countMarks(page) {
  return page.evaluate((selector) => document.querySelectorAll(selector).length, MARKS);
}

function noteOf(page) {
  return page.getByTestId('window-note').textContent();
}

/** Runs `act` and waits until the window note differs from what it was before. */
async function changeWindow(page, act) {
  const before = await noteOf(page);
  await act();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="window-note"]')?.textContent !== text,
    before,
  );
}

let server;
let browser;
let dir;
let logPath;

before(async () => {
  ({ server, browser, dir } = await startSession());
  logPath = writeInput(dir, 'longrun.log', longLog());
});
after(() => stopSession({ server, browser }));

async function openLong() {
  const opened = await openPage(browser, server.origin, { viewport: { width: 1400, height: 1000 } });
  await opened.page.getByTestId('file-input').setInputFiles(logPath);
  await opened.page.getByTestId('bucket-mark').first().waitFor({ timeout: 60_000 });
  return opened;
}

describe('the overview of a long lifecycle', () => {
  test('overview draws bounded buckets', async () => {
    const { context, page, errors } = await openLong();
    const buckets = await bucketsOf(page);
    assert.ok(buckets.length > 50, `${buckets.length} buckets fill the width`);
    assert.ok(buckets.length <= 300, `${buckets.length} buckets at most a few hundred`);
    assert.ok((await countMarks(page)) <= 300, 'the DOM holds a bounded number of marks');
    assert.equal(await page.getByTestId('second-mark').count(), 0);

    assert.equal(buckets[0].start, iso(START));
    assert.equal(buckets.at(-1).end, iso(START + FAILURES * EVERY * 1000));
    for (let i = 1; i < buckets.length; i += 1) {
      assert.ok(buckets[i - 1].end < buckets[i].start, `bucket ${i} starts after bucket ${i - 1} ends`);
    }
    assert.equal(
      buckets.reduce((sum, bucket) => sum + bucket.count, 0),
      SECONDS,
      'the counts add up to every event',
    );
    for (const bucket of buckets) {
      assert.equal(bucket.level, 'Warning', `${bucket.start}: a probe failure outranks the ADD`);
    }
    assert.equal(await page.getByTestId('range-slider').inputValue(), '0');
    assert.match(await noteOf(page), new RegExp(`whole lifecycle, ${SECONDS} marks`));
    await screenshot(page, 'zoom-overview');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('wheel zooms to single seconds', async () => {
    const { context, page, errors } = await openLong();
    const box = await page.getByTestId('timeline').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let turn = 0; turn < 20 && (await page.getByTestId('second-mark').count()) === 0; turn += 1) {
      await changeWindow(page, () => page.mouse.wheel(0, -300));
      assert.ok((await countMarks(page)) <= 300, `turn ${turn}: the DOM stays bounded`);
    }
    const marks = await page.getByTestId('second-mark').count();
    assert.ok(marks > 0, 'single seconds show');
    assert.equal(await page.getByTestId('bucket-mark').count(), 0);
    assert.notEqual(await page.getByTestId('range-slider').inputValue(), '0');
    await screenshot(page, 'zoom-seconds');

    // Turning the wheel the other way goes back to buckets.
    await changeWindow(page, () => page.mouse.wheel(0, 600));
    await page.getByTestId('bucket-mark').first().waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('keys zoom and move the window', async () => {
    const { context, page, errors } = await openLong();
    const timelineBox = page.getByTestId('timeline-box');
    await timelineBox.focus();
    for (let press = 0; press < 20 && (await page.getByTestId('second-mark').count()) === 0; press += 1) {
      await changeWindow(page, () => page.keyboard.press('+'));
    }
    assert.ok((await page.getByTestId('second-mark').count()) > 0, 'single seconds show');
    const start = page.getByTestId('window-start');
    const end = page.getByTestId('window-end');

    await changeWindow(page, () => page.keyboard.press('Home'));
    assert.equal((await start.textContent()).trim(), '2025-05-16 08:00:00');
    assert.equal(await page.getByTestId('range-slider').inputValue(), '1');
    await screenshot(page, 'zoom-keys-home');

    await changeWindow(page, () => page.keyboard.press('ArrowRight'));
    assert.equal((await start.textContent()).trim(), '2025-05-16 08:00:05', 'one second further');
    await changeWindow(page, () => page.keyboard.press('ArrowLeft'));
    assert.equal((await start.textContent()).trim(), '2025-05-16 08:00:00');

    await changeWindow(page, () => page.keyboard.press('End'));
    assert.equal((await end.textContent()).trim(), '2025-05-17 15:00:00');
    const slider = page.getByTestId('range-slider');
    assert.equal(await slider.inputValue(), await slider.getAttribute('max'));

    for (let press = 0; press < 20 && (await page.getByTestId('range-slider').inputValue()) !== '0'; press += 1) {
      await changeWindow(page, () => page.keyboard.press('-'));
    }
    assert.equal(await slider.inputValue(), '0', 'zooming out ends at the overview');
    await page.getByTestId('bucket-mark').first().waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bucket click zooms to it', async () => {
    const { context, page, errors } = await openLong();
    const buckets = await bucketsOf(page);
    const chosen = buckets[10];
    await changeWindow(page, () => page.getByTestId('bucket-mark').nth(10).click());
    const zoomed = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="second-mark"], [data-testid="bucket-mark"]')].map(
        (g) => g.getAttribute('data-second') ?? g.getAttribute('data-start'),
      ),
    );
    assert.equal(zoomed[0], chosen.start, 'the window starts at the bucket');
    assert.ok(zoomed.at(-1) <= chosen.end, 'and ends inside it');

    // The clicked bucket is gone, and the focus is on the box, where the arrows move the window.
    const focused = await page.evaluate(() => document.activeElement?.dataset.testid);
    assert.equal(focused, 'timeline-box');
    const start = await page.getByTestId('window-start').textContent();
    await changeWindow(page, () => page.keyboard.press('ArrowRight'));
    assert.notEqual(await page.getByTestId('window-start').textContent(), start, 'the arrow moves it');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bucket clicks reach labelled seconds', async () => {
    const { context, page, errors } = await openLong();
    let clicks = 0;
    while ((await page.getByTestId('second-mark').count()) === 0 && clicks < 5) {
      const middle = Math.floor((await page.getByTestId('bucket-mark').count()) / 2);
      await changeWindow(page, () => page.getByTestId('bucket-mark').nth(middle).click());
      clicks += 1;
      await screenshot(page, `zoom-click-${clicks}`);
      const buckets = await page.getByTestId('bucket-mark').count();
      if (buckets > 0) {
        const ticks = await page.locator('svg.overview .tick-layer text.time').count();
        assert.ok(ticks >= 2, `click ${clicks}: ${buckets} buckets have time labels`);
      }
    }
    assert.ok(clicks <= 3, `${clicks} clicks reach single seconds`);
    const marks = await page.getByTestId('second-mark').count();
    assert.ok(marks > 0, 'single seconds show');
    const labels = await page.locator('svg.timeline .label-layer text.time').count();
    assert.equal(labels, marks, 'every second has its time label');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
