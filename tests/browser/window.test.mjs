// Browser tests of the slider's window of marks: it is sized to the timeline panel, so it fits
// without horizontal scrolling at any screen width, its edge labels stay inside the picture,
// and its caption counts marks. A whole lifecycle with more seconds than the window contains is
// drawn as buckets with time labels, and `+` zooms right after a pod is picked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  startSession,
  stopSession,
  copyCase07,
  flappyLog,
  marksOf,
  openPage,
  screenshot,
  timelineFit,
  windowMarksFor,
  writeInput,
} from './support.mjs';

// flappyLog(30) gives default/flappy one ADD and 30 probe failures, each in its own second.
const TOTAL = 31;

let server;
let browser;
let dir;

before(async () => {
  ({ server, browser, dir } = await startSession());
});
after(() => stopSession({ server, browser }));

/**
 * Opens the page at `width` px and draws the whole lifecycle of default/flappy with `failures`
 * probe failures, which is drawn as buckets.
 */
async function withFlappy(width, locale = 'en-US', failures = 30) {
  const opened = await openPage(browser, server.origin, { locale, viewport: { width, height: 900 } });
  const { page } = opened;
  const input = writeInput(dir, `flappy-${failures}.log`, flappyLog(failures));
  await page.getByTestId('file-input').setInputFiles(input);
  await page.getByTestId('bucket-mark').first().waitFor();
  return opened;
}

/** Reads the buckets of the overview as {start, end}. */
function bucketsOf(page) {
  return page.getByTestId('bucket-mark').evaluateAll((marks) =>
    marks.map((g) => ({ start: g.getAttribute('data-start'), end: g.getAttribute('data-end') })),
  );
}

/** Returns the time labels under the overview's axis. */
function ticksOf(page) {
  return page.locator('svg.overview .tick-layer text.time').allTextContents();
}

function noteOf(page) {
  return page.getByTestId('window-note').textContent();
}

function waitForMarks(page, count) {
  return page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="second-mark"]').length === n,
    count,
  );
}

/** Checks that the drawn window needs no horizontal scrolling and keeps every label inside. */
async function assertFits(page, situation) {
  const fit = await timelineFit(page);
  assert.ok(fit.svgWidth <= fit.boxWidth, `${situation}: the picture (${fit.svgWidth} px) fits the box (${fit.boxWidth} px)`);
  assert.equal(fit.scrollWidth, fit.boxWidth, `${situation}: the box does not scroll sideways`);
  assert.deepEqual(fit.outside, [], `${situation}: no label runs past an edge`);
}

describe('the window of marks', () => {
  for (const width of [1400, 1024, 420]) {
    test(`window fits at ${width} px`, async () => {
      const { context, page, errors } = await withFlappy(width);
      const { boxWidth } = await timelineFit(page);
      const size = windowMarksFor(boxWidth);
      const slider = page.getByTestId('range-slider');
      const note = page.getByTestId('window-note');
      assert.equal(await slider.getAttribute('max'), String(TOTAL - size + 1));
      assert.equal(
        (await note.textContent()).trim(),
        `whole lifecycle, ${TOTAL} marks; move the slider to see ${size} at a time`,
      );
      assert.ok(await slider.isVisible());
      await screenshot(page, `window-${width}-whole`);

      await slider.fill('1');
      await waitForMarks(page, size);
      await assertFits(page, 'first window');
      assert.match(await page.getByTestId('timeline').textContent(), /Liveness probe failed/);
      assert.equal((await note.textContent()).trim(), `marks 1–${size} of ${TOTAL}`);
      await screenshot(page, `window-${width}-first`);

      const last = TOTAL - size + 1;
      await slider.fill(String(last));
      await waitForMarks(page, size);
      await assertFits(page, 'last window');
      assert.equal((await marksOf(page)).at(-1).second, '2025-05-16T19:03:30');
      assert.equal((await note.textContent()).trim(), `marks ${last}–${TOTAL} of ${TOTAL}`);
      await screenshot(page, `window-${width}-last`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('window at 1400 px is narrowed', async () => {
    const { context, page } = await withFlappy(1400);
    const { boxWidth } = await timelineFit(page);
    assert.ok(windowMarksFor(boxWidth) < 20, `20 marks need 1081 px, the box has ${boxWidth} px`);
    await context.close();
  });

  test('window follows panel width', async () => {
    const { context, page } = await withFlappy(1400);
    await page.getByTestId('range-slider').fill('1');
    await waitForMarks(page, windowMarksFor((await timelineFit(page)).boxWidth));

    // Narrow the panel without resizing the window, as a page scrollbar appearing would. The
    // style is set through the CSSOM, because the page's CSP blocks an added <style> element.
    await page.locator('.layout').evaluate((layout) => {
      layout.style.paddingRight = '400px';
    });
    const narrower = windowMarksFor(await page.locator('.timeline-box').evaluate((box) => box.clientWidth));
    await waitForMarks(page, narrower);
    await assertFits(page, 'narrowed panel');
    assert.equal(
      await page.getByTestId('range-slider').getAttribute('max'),
      String(TOTAL - narrower + 1),
    );
    await context.close();
  });

  test('window caption in Chinese', async () => {
    const { context, page } = await withFlappy(1400, 'zh-CN');
    const size = windowMarksFor((await timelineFit(page)).boxWidth);
    const note = page.getByTestId('window-note');
    assert.equal(
      (await note.textContent()).trim(),
      `完整生命周期，共 ${TOTAL} 个标记；拖动滑块可每次查看 ${size} 个`,
    );
    await page.getByTestId('range-slider').fill('3');
    await waitForMarks(page, size);
    assert.equal((await note.textContent()).trim(), `第 3–${size + 2} 个标记，共 ${TOTAL} 个`);
    await context.close();
  });

  test('short lifecycle hides slider', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.getByTestId('second-mark').first().waitFor();
    const slider = page.getByTestId('range-slider');
    assert.equal(await slider.getAttribute('max'), '0');
    assert.ok(await slider.isHidden(), 'nothing to move, so no slider');
    assert.ok(await slider.isDisabled());
    assert.ok(await page.getByTestId('window-start').isVisible());
    assert.ok(await page.getByTestId('window-end').isVisible());
    assert.equal(
      (await page.getByTestId('window-note').textContent()).trim(),
      'The whole lifecycle fits in one window.',
    );
    await assertFits(page, 'whole lifecycle');
    await screenshot(page, 'window-fits');
    await context.close();
  });

  test('whole lifecycle drawn as buckets', async () => {
    const { context, page, errors } = await withFlappy(1400, 'en-US', 100);
    assert.equal(await page.getByTestId('second-mark').count(), 0, 'no row of unlabelled dots');
    const buckets = await bucketsOf(page);
    assert.equal(buckets.length, 101, 'one bucket per second while the width has room');
    for (const bucket of buckets) {
      assert.equal(bucket.start, bucket.end, `${bucket.start}: a bucket of one second`);
    }
    const ticks = await ticksOf(page);
    assert.ok(ticks.length >= 3, `time labels under the axis: ${ticks}`);
    assert.equal(ticks[0], '19:00:00');
    await assertFits(page, 'overview of 101 seconds');
    await screenshot(page, 'window-101-whole');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('narrow whole lifecycle buckets', async () => {
    const { context, page, errors } = await withFlappy(420, 'en-US', 100);
    assert.equal(await page.getByTestId('second-mark').count(), 0);
    const buckets = await bucketsOf(page);
    assert.ok(buckets.length < 101, `${buckets.length} buckets of several seconds`);
    assert.ok(buckets.some((bucket) => bucket.start < bucket.end), 'some buckets span seconds');
    assert.ok((await ticksOf(page)).length >= 1, 'time labels under the axis');
    await assertFits(page, 'narrow overview');
    await screenshot(page, 'window-101-narrow');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('bucket click shows labelled seconds', async () => {
    const { context, page, errors } = await withFlappy(1400, 'en-US', 100);
    const chosen = (await bucketsOf(page))[40];
    await page.getByTestId('bucket-mark').nth(40).click();
    await page.getByTestId('second-mark').first().waitFor();
    const marks = await marksOf(page);
    const size = windowMarksFor((await timelineFit(page)).boxWidth);
    assert.equal(marks.length, size, 'the smallest window of seconds');
    assert.equal(marks[0].second, chosen.start, 'the window starts at the bucket');
    assert.equal(await page.getByTestId('bucket-mark').count(), 0);
    const labels = await page.locator('svg.timeline .label-layer text.time').count();
    assert.equal(labels, size, 'every second has its time label');
    await assertFits(page, 'clicked bucket');
    await screenshot(page, 'window-101-clicked');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('plus zooms after pod is picked', async () => {
    const { context, page, errors } = await withFlappy(1400, 'en-US', 100);
    const item = page.getByTestId('pod-item').first();
    await item.click();
    assert.equal(await item.evaluate((element) => element === document.activeElement), true);
    const whole = await noteOf(page);
    assert.match(whole, /^whole lifecycle, 101 marks/);

    // Typed into the pod filter, + is text and leaves the window alone.
    const filter = page.getByTestId('pod-search');
    await filter.fill('');
    await filter.press('+');
    assert.equal(await filter.inputValue(), '+');
    assert.equal(await noteOf(page), whole, 'the filter keeps its key');
    await filter.fill('');

    await item.focus();
    await page.keyboard.press('+');
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="window-note"]')?.textContent !== text,
      whole,
    );
    assert.match(await noteOf(page), /^marks \d+–\d+ of 101$/);
    assert.notEqual(await page.getByTestId('range-slider').inputValue(), '0');
    await screenshot(page, 'window-plus-after-pick');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('hint sits outside focus outline', async () => {
    const { context, page } = await withFlappy(1400, 'en-US', 100);
    assert.equal(await page.locator('.timeline-box .hint').count(), 0, 'the box holds only the picture');
    const hint = page.locator('.timeline-panel > .hint');
    assert.match(await hint.textContent(), /Click a bar/);
    const [hintBox, timelineBox] = [await hint.boundingBox(), await page.getByTestId('timeline-box').boundingBox()];
    assert.ok(hintBox.y + hintBox.height <= timelineBox.y, 'the hint is above the box');
    await context.close();
  });

  test('SVG of 101 seconds stays small', async () => {
    const { context, page, errors } = await withFlappy(1400, 'zh-CN', 100);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-svg').click(),
    ]);
    const saved = join(dir, 'flappy-101-Pod-lifecycle.svg');
    await download.saveAs(saved);
    const view = await context.newPage();
    await view.goto(pathToFileURL(saved).href);
    const drawn = await view.evaluate(() => ({
      width: document.documentElement.width.baseVal.value,
      height: document.documentElement.height.baseVal.value,
      buckets: document.querySelectorAll('g.bucket').length,
      marks: document.querySelectorAll('g.mark').length,
      text: document.documentElement.textContent,
    }));
    assert.equal(drawn.buckets, 101, 'the overview, one bucket per second');
    assert.equal(drawn.marks, 0);
    assert.ok(drawn.width <= 1400, `${drawn.width} px wide`);
    assert.ok(drawn.height <= 600, `${drawn.height} px high`);
    assert.match(drawn.text, /共 101 个有事件的秒/, 'the note says why there are buckets');
    await view.setViewportSize({ width: Math.ceil(drawn.width), height: Math.ceil(drawn.height) });
    await screenshot(view, 'window-101-export', { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  });
});
