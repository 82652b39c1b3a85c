// Browser tests of the built page (dist/): a real node log in, a pod's lifecycle out, in
// English and Chinese, with bad input reported and nothing sent anywhere but the page's origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  startSession,
  stopSession,
  copyCase07,
  flappyLog,
  marksOf,
  openPage,
  ROOT,
  screenshot,
  timelineFit,
  windowMarksFor,
  writeInput,
} from './support.mjs';

const PROBE_DEMO = 'default/probe-demo';
// The seconds of default/probe-demo at the default levels (Normal and above), from the engine's
// golden output of case 07.
const EXPECTED_MARKS = [
  ['2025-05-16T18:34:04', 'Normal'],
  ['2025-05-16T18:34:06', 'Normal'],
  ['2025-05-16T18:34:39', 'Warning'],
  ['2025-05-16T18:34:44', 'Warning'],
  ['2025-05-16T18:34:49', 'Warning'],
  ['2025-05-16T18:35:20', 'Warning'],
  ['2025-05-16T18:35:21', 'Normal'],
];
const COLOURS = {
  Info: 'whitesmoke',
  Normal: 'lightgreen',
  Warning: 'darkorange',
  Error: 'red',
  Fatal: 'darkred',
};

// The backgrounds of the notice box: pale red for errors, pale blue for neutral notes.
const BACKGROUNDS = { error: 'rgb(255, 244, 242)', info: 'rgb(241, 245, 251)' };

let server;
let browser;
let dir;

before(async () => {
  ({ server, browser, dir } = await startSession());
});
after(() => stopSession({ server, browser }));

/** Opens the page, loads case 07 through the file picker and picks default/probe-demo. */
async function withCase07(options = {}) {
  const opened = await openPage(browser, server.origin, options);
  const { page } = opened;
  await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
  const item = page.locator(`[data-testid="pod-item"][data-pod="${PROBE_DEMO}"]`);
  await item.click();
  await page.getByTestId('second-mark').first().waitFor();
  return { ...opened, item };
}

function assertOnlyOrigin(requests) {
  const elsewhere = requests.filter(
    (url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'),
  );
  assert.deepEqual(elsewhere, [], 'the page must request nothing outside its origin');
}

describe('a first visit', () => {
  test('sample button draws a timeline', async () => {
    const { context, page, requests, errors } = await openPage(browser, server.origin);
    assert.equal(await page.getByTestId('error').count(), 0);
    assert.equal(await page.getByTestId('timeline').count(), 0);
    assert.match(await page.locator('.welcome').textContent(), /Load the node's logs/);
    assert.match(await page.locator('footer').textContent(), /read locally.*Nothing is uploaded/);
    assert.equal(await page.getByTestId('file-input').getAttribute('type'), 'file');
    assert.equal(await page.getByTestId('file-input').getAttribute('multiple'), '');
    await screenshot(page, 'first-visit');

    await page.getByTestId('sample-button').click();
    await page.getByTestId('second-mark').first().waitFor();
    assert.deepEqual(
      (await marksOf(page)).map((m) => [m.second, m.level]),
      EXPECTED_MARKS,
    );
    await page.getByTestId('sample-button').click();
    assert.equal(await page.getByTestId('pod-item').count(), 1, 'a second click reads nothing twice');
    assert.equal(await page.getByTestId('second-mark').count(), EXPECTED_MARKS.length);
    await page.setViewportSize({ width: 420, height: 900 });
    await screenshot(page, 'narrow');
    assertOnlyOrigin(requests);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('a real node log', () => {
  test('marks have expected seconds and colours', async () => {
    const { context, page, item, requests, errors } = await withCase07();
    assert.equal(await item.getAttribute('data-worst'), 'Warning');
    assert.equal((await page.getByTestId('pod-count').textContent()).trim(), '1 of 1');
    assert.match(await page.locator('.file-list').textContent(), /Lines: 12 · from the kubelet: 11/);
    assert.match(await item.textContent(), /probe-demo/);
    assert.equal(new URL(page.url()).hash, `#pod=${PROBE_DEMO}`);

    const marks = await marksOf(page);
    assert.deepEqual(
      marks.map((m) => [m.second, m.level]),
      EXPECTED_MARKS,
    );
    assert.equal(marks[4].count, 3, '18:34:49 has three events');
    const labelled = await page.getByTestId('second-mark').evaluateAll((all) =>
      all.map((g) => [g.dataset.count, g.getAttribute('aria-label')]),
    );
    for (const [count, label] of labelled) {
      const noun = count === '1' ? 'event' : 'events';
      assert.match(label, new RegExp(`, ${count} ${noun}$`), `aria-label of a mark with ${count}`);
    }
    assert.equal(labelled[4][1], '18:34:49, Warning, 3 events');
    const fills = await page
      .locator('[data-testid="second-mark"] circle.dot')
      .evaluateAll((dots) => dots.map((dot) => dot.getAttribute('fill')));
    assert.deepEqual(
      fills,
      EXPECTED_MARKS.map(([, level]) => COLOURS[level]),
    );
    const labels = await page.getByTestId('timeline').textContent();
    assert.match(labels, /Liveness probe failed/);
    assert.match(labels, /Container will be restarted/);
    assert.match(labels, /2025-05-16/);

    const slider = page.getByTestId('range-slider');
    assert.equal(await slider.getAttribute('min'), '0');
    assert.equal(await slider.getAttribute('max'), '0', 'seven marks fit in one window');
    assert.match(await page.getByTestId('window-start').textContent(), /2025-05-16 18:34:04/);
    assert.match(await page.getByTestId('window-end').textContent(), /2025-05-16 18:35:21/);

    await screenshot(page, 'case07-timeline');
    assertOnlyOrigin(requests);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('clicked or Enter mark lists events', async () => {
    const { context, page } = await withCase07();
    await page.locator('[data-testid="second-mark"][data-second="2025-05-16T18:34:49"]').click();
    const rows = page.getByTestId('detail-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 3);
    const first = await rows.first().textContent();
    assert.match(first, /2025-05-16 18:34:49\.885197/, 'time with microseconds');
    assert.match(first, /Liveness probe failed/);
    assert.match(first, /liveness/, 'container');
    assert.match(first, /messages/, 'file name');
    assert.match(first, /line 7(?!\d)/, 'line number');
    assert.match(first, /"Probe failed" probeType="Liveness"/, 'raw line');
    assert.equal(await rows.first().getAttribute('data-line'), '7');
    await screenshot(page, 'case07-details');

    const added = page.locator('[data-testid="second-mark"][data-second="2025-05-16T18:34:04"]');
    await added.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('details').getByText('SyncLoop ADD').waitFor();
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().textContent(), /Pod added/);
    await context.close();
  });

  test('level filter applies live', async () => {
    const { context, page } = await withCase07();
    const filter = page.getByTestId('level-filter');
    const checked = await filter
      .locator('input[type=checkbox]')
      .evaluateAll((boxes) => boxes.map((b) => [b.dataset.level, b.checked]));
    assert.deepEqual(checked, [
      ['Info', false],
      ['Normal', true],
      ['Warning', true],
      ['Error', true],
      ['Fatal', true],
    ]);
    await filter.locator('input[data-level="Warning"]').uncheck();
    assert.deepEqual(
      (await marksOf(page)).map((m) => m.second.slice(11)),
      ['18:34:04', '18:34:06', '18:35:21'],
    );
    await filter.locator('input[data-level="Normal"]').uncheck();
    await page.getByTestId('error').waitFor();
    assert.match(await page.getByTestId('error').textContent(), /default\/probe-demo.*no events/);
    assert.equal(await page.getByTestId('error').getAttribute('data-severity'), 'info');
    assert.equal(await page.getByTestId('second-mark').count(), 0);
    await filter.locator('input[data-level="Warning"]').check();
    await filter.locator('input[data-level="Normal"]').check();
    assert.equal(await page.getByTestId('second-mark').count(), EXPECTED_MARKS.length);
    assert.equal(await page.getByTestId('error').count(), 0);

    // A second file adds an Info event (a removed container) to the same pod.
    const removed = `May 16 18:36:00 node-a kubelet[4052]: I0516 18:36:00.500000    4052 kubelet.go:2439] "SyncLoop (PLEG): event for pod" pod="${PROBE_DEMO}" event={"ID":"aca7a28b-f77c-4067-b897-1bdba6f841e3","Type":"ContainerRemoved","Data":"1e2bae5bb3547b77f04a475d7a09b9004f7e5f68d3aa273497bdceb951c4c44d"}\n`;
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'messages.1', removed));
    await page.locator('.file-list li', { hasText: 'messages.1' }).waitFor();
    assert.equal(await page.getByTestId('second-mark').count(), EXPECTED_MARKS.length, 'Info is off');
    await filter.locator('input[data-level="Info"]').check();
    const info = page.locator('[data-testid="second-mark"][data-second="2025-05-16T18:36:00"]');
    assert.equal(await info.getAttribute('data-level'), 'Info');
    const dot = info.locator('circle.dot');
    assert.equal(await dot.getAttribute('fill'), 'whitesmoke');
    const outline = await dot.evaluate((circle) => getComputedStyle(circle).stroke);
    assert.equal(outline, 'rgb(138, 147, 158)', 'whitesmoke dots have a grey outline');
    await screenshot(page, 'case07-with-info');
    await context.close();
  });

  test('downloaded SVG parses with page marks', async () => {
    const { context, page } = await withCase07();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-svg').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'probe-demo-Pod-lifecycle.svg');
    const svg = readFileSync(await download.path(), 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        marks: [...doc.querySelectorAll('g.mark')].map((g) => ({
          second: g.getAttribute('data-second'),
          level: g.getAttribute('data-level'),
          count: Number(g.getAttribute('data-count')),
        })),
      };
    }, svg);
    assert.equal(parsed.error, null, 'the SVG is well-formed XML');
    assert.equal(parsed.root, 'svg');
    assert.deepEqual(parsed.marks, await marksOf(page));

    // Open the downloaded file itself, as a standalone SVG document.
    const saved = join(dir, 'probe-demo-Pod-lifecycle.svg');
    await download.saveAs(saved);
    const view = await context.newPage();
    await view.goto(pathToFileURL(saved).href);
    const drawn = await view.evaluate(() => ({
      root: document.documentElement.localName,
      width: document.documentElement.width.baseVal.value,
      height: document.documentElement.height.baseVal.value,
      marks: document.querySelectorAll('g.mark').length,
      dotWidth: document.querySelector('g.mark circle').getBoundingClientRect().width,
    }));
    assert.equal(drawn.root, 'svg', 'the file opens as an SVG document');
    assert.equal(drawn.marks, parsed.marks.length, 'the standalone file draws every mark');
    assert.ok(drawn.dotWidth > 0, 'marks are drawn with a size');
    await view.setViewportSize({ width: Math.ceil(drawn.width), height: Math.ceil(drawn.height) });
    await screenshot(view, 'case07-export', { fullPage: false });
    await context.close();
  });

  test('slider moves a window of marks', async () => {
    const { context, page } = await openPage(browser, server.origin);
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'flappy.log', flappyLog(30)));
    await page.locator('[data-testid="pod-item"][data-pod="default/flappy"]').click();
    // 31 seconds are more than a window of labelled marks, so the whole lifecycle is one
    // bucket per second.
    await page.getByTestId('bucket-mark').first().waitFor();
    const bucketStarts = () =>
      page.getByTestId('bucket-mark').evaluateAll((marks) => marks.map((g) => g.dataset.start));
    const whole = await bucketStarts();
    assert.equal(whole.length, 31);
    const slider = page.getByTestId('range-slider');
    const size = windowMarksFor((await timelineFit(page)).boxWidth);
    assert.equal(await slider.getAttribute('max'), String(31 - size + 1));

    await slider.fill('5');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="second-mark"]').length === n,
      size,
    );
    const windowed = await marksOf(page);
    assert.deepEqual(
      windowed.map((mark) => mark.second),
      whole.slice(4, 4 + size),
    );
    assert.match(await page.getByTestId('window-start').textContent(), /19:00:28/);
    const end = windowed.at(-1).second.slice(11);
    assert.match(await page.getByTestId('window-end').textContent(), new RegExp(end));
    const labels = await page.getByTestId('timeline').textContent();
    assert.match(labels, /Liveness probe failed/, 'a window has room for labels');
    await screenshot(page, 'flappy-window');

    await slider.fill('0');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="bucket-mark"]').length === 31);
    await screenshot(page, 'flappy-whole');

    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.locator(`[data-testid="pod-item"][data-pod="${PROBE_DEMO}"]`).waitFor();
    const order = () =>
      page.getByTestId('pod-item').evaluateAll((items) => items.map((item) => item.dataset.pod));
    assert.deepEqual(await order(), ['default/flappy', PROBE_DEMO], 'both Warning, more events first');
    await page.getByTestId('pod-search').fill('PROBE');
    assert.deepEqual(await order(), [PROBE_DEMO]);
    await page.getByTestId('pod-search').fill('0f3c8e52');
    assert.deepEqual(await order(), ['default/flappy'], 'a UID finds its pod');
    await page.getByTestId('pod-search').fill('');
    assert.equal(await page.getByTestId('bucket-mark').count(), 31, 'the chosen pod stays drawn');
    await context.close();
  });

  test('long pauses get gap labels', async () => {
    const line = (hms, message) =>
      `May 16 ${hms} node-a kubelet[4052]: I0516 ${hms}.100000    4052 ${message}`;
    const log = [
      line('08:00:00', 'kubelet.go:2407] "SyncLoop ADD" source="api" pods=["default/sleepy"]'),
      line('09:05:00', 'prober.go:107] "Probe failed" probeType="Liveness" pod="default/sleepy" podUID="7d1e0c44-2b7a-4f1e-9c3d-5a6b7c8d9e0f" containerName="app" probeResult="failure" output=<'),
      line('09:05:30', 'prober.go:107] "Probe failed" probeType="Liveness" pod="default/sleepy" podUID="7d1e0c44-2b7a-4f1e-9c3d-5a6b7c8d9e0f" containerName="app" probeResult="failure" output=<'),
      '',
    ].join('\n');
    const { context, page } = await openPage(browser, server.origin);
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'sleepy.log', log));
    await page.getByTestId('second-mark').first().waitFor();
    const gaps = await page.locator('[data-testid="timeline"] text.gap').allTextContents();
    assert.deepEqual(gaps, ['+1h05m'], 'only the pause over a minute is written');
    await context.close();
  });

  test('dropped file reads like picked one', async () => {
    const { context, page } = await openPage(browser, server.origin);
    const text = readFileSync(copyCase07(dir), 'utf8');
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.log', { lastModified: Date.UTC(2025, 5, 1) }));
      return data;
    }, text);
    await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: transfer });
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
    await page.getByTestId('second-mark').first().waitFor();
    assert.deepEqual(
      (await marksOf(page)).map((m) => [m.second, m.level]),
      EXPECTED_MARKS,
      'the only pod is shown without a click',
    );
    await context.close();
  });
});

describe('the pod in the URL fragment', () => {
  test('fragment preselects the pod', async () => {
    const { context, page } = await openPage(browser, server.origin, { hash: '#pod=default/probe-demo' });
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal(await page.getByTestId('second-mark').count(), EXPECTED_MARKS.length);
    await context.close();
  });

  test('unknown fragment pod is reported', async () => {
    const { context, page } = await openPage(browser, server.origin, { hash: '#pod=shop/missing' });
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.getByTestId('error').waitFor();
    assert.match(await page.getByTestId('error').textContent(), /shop\/missing/);
    assert.equal(await page.getByTestId('error').getAttribute('data-severity'), 'error');
    await page.locator(`[data-testid="pod-item"][data-pod="${PROBE_DEMO}"]`).click();
    await page.getByTestId('second-mark').first().waitFor();
    assert.equal(await page.getByTestId('error').count(), 0);
    await context.close();
  });

  test('unknown pod notice dismissed', async () => {
    const { context, page, errors } = await openPage(browser, server.origin, { hash: '#pod=nope' });
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    const notice = page.getByTestId('error');
    await notice.waitFor();
    assert.equal((await notice.locator('li').textContent()).trim(), 'Pod nope is not in the loaded files.');
    const dismiss = notice.getByTestId('notice-dismiss');
    assert.ok(await dismiss.isVisible(), 'the notice has a Dismiss button');
    assert.equal((await dismiss.textContent()).trim(), 'Dismiss');

    await dismiss.click();
    assert.equal(await notice.count(), 0, 'dismissed');
    assert.equal(new URL(page.url()).hash, '#pod=nope', 'the request stays in the URL');

    // Another file does not bring the dismissed notice back.
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'flappy.log', flappyLog(3)));
    await page.locator('[data-testid="pod-item"][data-pod="default/flappy"]').waitFor();
    assert.equal(await notice.count(), 0, 'still dismissed after another file');

    // A request for another unknown pod is reported again.
    await page.evaluate(() => {
      window.location.hash = '#pod=shop/missing';
    });
    await notice.waitFor();
    assert.match(await notice.textContent(), /Pod shop\/missing is not in the loaded files/);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('bad input', () => {
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  const noKubelet = [
    'May 16 18:30:01 node-a systemd[1]: Started Session 12 of user root.',
    'May 16 18:30:02 node-a sshd[811]: Accepted publickey for root from 192.0.2.10 port 50022',
    '',
  ].join('\n');
  const longLine = [
    `May 16 18:40:00 node-a kubelet[4052]: I0516 18:40:00.100000    4052 kubelet.go:2407] "SyncLoop ADD" source="api" pods=["default/long-pod"]`,
    `May 16 18:40:01 node-a kubelet[4052]: I0516 18:40:01.100000    4052 kubelet.go:2407] ${'x'.repeat(1024 * 1024)}`,
    '',
  ].join('\n');
  const invalidUtf8 = Buffer.concat([
    Buffer.from('May 16 18:40:00 node-a kubelet[4052]: I0516 18:40:00.100000    4052 kubelet.go:2407] "SyncLoop ADD" source="api" pods=["default/caf'),
    Buffer.from([0xe9]),
    Buffer.from('"]\n'),
  ]);
  // Files that gave nothing are errors; files read with a warning get a neutral note.
  const cases = [
    ['empty.log', '', /empty\.log: the file is empty/, 'error'],
    ['core.bin', binary, /core\.bin: this is a binary file/, 'error'],
    ['logs.zst', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]), /logs\.zst: the file is zstd-compressed/, 'error'],
    ['auth.log', noKubelet, /auth\.log.*no kubelet line/, 'error'],
    ['long.log', longLine, /long\.log: line 2 was longer than 256 KiB/, 'info'],
    ['latin1.log', invalidUtf8, /latin1\.log: line 1 contains bytes that are not UTF-8/, 'info'],
  ];

  for (const [name, content, message, severity] of cases) {
    test(`${name} reported, pods kept`, async () => {
      const { context, page } = await withCase07();
      await page.getByTestId('file-input').setInputFiles(writeInput(dir, name, content));
      const error = page.getByTestId('error');
      await error.waitFor();
      assert.match(await error.textContent(), message);
      assert.equal(await error.getAttribute('data-severity'), severity);
      assert.equal(await error.locator('li').getAttribute('data-severity'), severity);
      assert.equal(await error.getAttribute('role'), severity === 'error' ? 'alert' : 'status');
      const background = await error.evaluate((box) => getComputedStyle(box).backgroundColor);
      assert.equal(background, BACKGROUNDS[severity], `a ${severity} box has its own colour`);
      await page.locator(`[data-testid="pod-item"][data-pod="${PROBE_DEMO}"]`).waitFor();
      assert.equal(await page.getByTestId('second-mark').count(), EXPECTED_MARKS.length);
      await screenshot(page, `bad-input-${name.replace('.', '-')}`);
      await error.getByRole('button').click();
      assert.equal(await error.count(), 0, 'dismissed');
      await context.close();
    });
  }
});

describe('Simplified Chinese', () => {
  test('browser language, then English switch', async () => {
    const { context, page, requests } = await openPage(browser, server.origin, { locale: 'zh-CN' });
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
    assert.equal((await page.getByTestId('sample-button').textContent()).trim(), '试用示例日志');
    await page.getByTestId('sample-button').click();
    await page.getByTestId('second-mark').first().waitFor();
    assert.deepEqual(
      (await marksOf(page)).map((m) => [m.second, m.level]),
      EXPECTED_MARKS,
    );
    const labels = await page.getByTestId('timeline').textContent();
    assert.match(labels, /存活探针失败/);
    assert.match(labels, /容器将重启/);
    assert.match(await page.getByTestId('level-filter').textContent(), /警告/);
    assert.match(await page.locator('footer').textContent(), /不会上传/);
    assert.match(await page.locator('.file-list').textContent(), /sample-aks-liveness\.log/);
    assert.equal((await page.getByTestId('file-year').textContent()).trim(), '年份 2025（示例日志的固定年份）');

    // An own file replaces the sample; its pod is the same one.
    await page.getByTestId('file-input').setInputFiles(copyCase07(dir));
    await page.locator('[data-testid="file-item"]', { hasText: 'messages' }).waitFor();
    assert.equal(await page.getByTestId('file-item').count(), 1);
    await page.getByTestId('second-mark').first().waitFor();
    assert.deepEqual(
      (await marksOf(page)).map((m) => [m.second, m.level]),
      EXPECTED_MARKS,
    );

    await page.locator('[data-testid="second-mark"][data-second="2025-05-16T18:35:20"]').click();
    const details = page.getByTestId('details');
    await details.waitFor();
    assert.match(await details.textContent(), /容器退出/);
    assert.match(await details.textContent(), /第 \d+ 行/);
    await page.getByTestId('file-input').setInputFiles(writeInput(dir, 'empty.log', ''));
    await page.getByTestId('error').waitFor();
    assert.match(await page.getByTestId('error').textContent(), /empty\.log：文件为空/);
    await screenshot(page, 'zh-cn');

    await page.getByTestId('lang-switch').selectOption('en');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.getByTestId('timeline').textContent(), /Liveness probe failed/);
    assert.match(await page.locator('footer').textContent(), /Nothing is uploaded/);
    assert.match(await page.getByTestId('error').textContent(), /empty\.log: the file is empty/);
    assertOnlyOrigin(requests);
    await context.close();
  });
});

describe('the READMEs', () => {
  // The READMEs name the page's buttons in bold; the names must be the ones the page shows.
  const languages = [
    ['en-US', 'README.md'],
    ['zh-CN', 'README.zh-CN.md'],
  ];
  for (const [locale, file] of languages) {
    test(`${file} names page buttons`, async () => {
      const readme = readFileSync(join(ROOT, file), 'utf8');
      const { context, page } = await openPage(browser, server.origin, { locale });
      await page.getByTestId('sample-button').click();
      await page.getByTestId('second-mark').first().waitFor();
      const buttons = [
        page.locator('label:has([data-testid="file-input"])'),
        page.getByTestId('sample-button'),
        page.getByTestId('download-svg'),
        page.getByTestId('download-json'),
        page.getByTestId('clear-files'),
      ];
      for (const button of buttons) {
        const name = (await button.textContent()).trim();
        assert.ok(readme.includes(`**${name}**`), `${file} names the button **${name}**`);
      }
      await context.close();
    });
  }
});
