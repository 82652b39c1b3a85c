// Browser tests of the slider's window of marks: it is sized to the timeline panel, so it fits
// without horizontal scrolling at any screen width, its edge labels stay inside the picture,
// and its caption counts marks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
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

/** Opens the page at `width` px and draws default/flappy's whole lifecycle. */
async function withFlappy(width, locale = 'en-US') {
  const opened = await openPage(browser, server.origin, { locale, viewport: { width, height: 900 } });
  const { page } = opened;
  await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'flappy.log', flappyLog(30)));
  await page.getByTestId('second-mark').first().waitFor();
  return opened;
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

    // Narrow the panel without resizing the window, as a page scrollbar appearing would.
    await page.addStyleTag({ content: '.layout { padding-right: 400px; }' });
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
});
