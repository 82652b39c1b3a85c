// The slider-step measurement: picks a pod in the pod list, then moves the timeline's range
// slider one step at a time and times each step from the `input` event to the first frame
// rendered after the page changed its DOM.

/** Clicks the pod `key` (`namespace/name`) in the pod list and waits until its timeline shows. */
export async function pickPod(page, key, timeoutMs) {
  const item = page.locator(`[data-testid="pod-item"][data-pod="${key}"]`);
  if ((await item.count()) === 0) return false;
  await item.first().click();
  await page.waitForFunction(
    (expected) => document.querySelector('.timeline-title h2')?.textContent?.includes(expected),
    key,
    { timeout: timeoutMs },
  );
  return true;
}

/**
 * Moves the range slider `count` single steps up from the middle of its range. Returns the
 * slider's maximum and, for each step, the milliseconds from dispatching `input` to the first
 * DOM change (`domMs`) and to the end of the next rendered frame after it (`ms`). Frames come
 * at the display's rate, so `ms` is rounded up to the next frame. A step after which the DOM did
 * not change within `settleMs` is marked `changed: false`.
 */
export async function measureSteps(page, count = 15, settleMs = 2000) {
  return page.evaluate(
    async ({ count, settleMs }) => {
      const slider = document.querySelector('[data-testid="range-slider"]');
      if (!slider || slider.disabled) return { max: 0, steps: [] };
      const max = Number(slider.max);

      // A frame is rendered once a task queued from requestAnimationFrame runs: the frame's
      // style, layout and paint happen between the two.
      const afterNextFrame = () =>
        new Promise((done) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done();
            channel.port2.postMessage(null);
          }),
        );
      const domChange = () => {
        let observer;
        let timer;
        const changed = new Promise((done) => {
          observer = new MutationObserver(() => done(performance.now()));
          observer.observe(document.body, {
            subtree: true,
            childList: true,
            attributes: true,
            characterData: true,
          });
          timer = setTimeout(() => done(null), settleMs);
        });
        return changed.finally(() => {
          observer.disconnect();
          clearTimeout(timer);
        });
      };

      const first = Math.max(0, Math.min(max - count, Math.floor(max / 2) - Math.floor(count / 2)));
      slider.value = String(first);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await afterNextFrame();
      await afterNextFrame();

      const steps = [];
      for (let value = first + 1; value <= Math.min(max, first + count); value += 1) {
        const changed = domChange();
        const start = performance.now();
        slider.value = String(value);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const changedAt = await changed;
        await afterNextFrame();
        steps.push({
          value,
          ms: performance.now() - start,
          domMs: changedAt === null ? null : changedAt - start,
          changed: changedAt !== null,
        });
      }
      return { max, steps };
    },
    { count, settleMs },
  );
}

/** Returns the number of marks the timeline's SVG holds, of each kind the page draws. */
export async function markCounts(page) {
  return page.evaluate(() => ({
    seconds: document.querySelectorAll('[data-testid="second-mark"]').length,
    buckets: document.querySelectorAll('[data-testid="bucket-mark"]').length,
  }));
}

/** Returns the median of `values`, or NaN for none. */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
