// Browser tests of sharing: the PNG, CSV and JSON downloads, copying a second to the clipboard,
// the redact switch and the export of the current window. They also check that the page's marks
// equal those of the downloaded SVG and of the CLI's SVG, and that Chromium and rsvg-convert
// draw the SVG's marks in the same colours.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OUTPUT,
  ROOT,
  buildCli,
  flappyLog,
  openPage,
  runCli,
  screenshot,
  startSession,
  stopSession,
  writeInput,
} from './support.mjs';

const CASES = join(ROOT, 'tests/fixtures/cases');
const ALL_LEVELS = ['Info', 'Normal', 'Warning', 'Error', 'Fatal'];
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The AKS liveness case: default/probe-demo, 7 seconds at the default levels. */
const CASE_07 = { dir: '07-aks-liveness-exec-restart', pod: 'default/probe-demo' };
/** A journal case with Info, Normal, Warning and Error events of prod/orders-db-0. */
const CASE_18 = { dir: '18-journal-json-multiline-probe', pod: 'prod/orders-db-0' };

let server;
let browser;
let dir;

before(async () => {
  buildCli();
  ({ server, browser, dir } = await startSession());
});
after(() => stopSession({ server, browser }));

/**
 * Copies a case's input.log into a folder of its own under the scratch folder, dated at the end
 * of the year its expected.json states, so the page and the CLI infer that year.
 */
function stageCase(name) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const copy = join(folder, 'input.log');
  copyFileSync(join(CASES, name, 'input.log'), copy);
  const { year } = JSON.parse(readFileSync(join(CASES, name, 'expected.json'), 'utf8'));
  const modified = new Date(Date.UTC(year, 11, 31, 23, 59, 59));
  utimesSync(copy, modified, modified);
  return copy;
}

/** Gives the page `path`, ticks `levels`, picks `pod` and waits for its marks. */
async function showPod(page, path, pod, levels = []) {
  await page.getByTestId('file-input').setInputFiles(path);
  await page.locator(`[data-testid="pod-item"][data-pod="${pod}"]`).click();
  for (const level of levels) {
    await page.locator(`[data-testid="level-filter"] input[data-level="${level}"]`).check();
  }
  await page.waitForFunction(
    (key) => document.querySelector('.timeline-title h2')?.textContent?.includes(key),
    pod,
  );
  await page.locator('[data-testid="second-mark"], [data-testid="bucket-mark"]').first().waitFor();
}

/** Clicks the button `testId` and returns the download's suggested name and bytes. */
async function download(page, testId) {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  const bytes = readFileSync(await saved.path());
  return { name: saved.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/** Saves `bytes` as tests/browser/output/NAME for a person to look at. */
function keep(name, bytes) {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, name);
  writeFileSync(path, bytes);
  return path;
}

/** Returns the width and height attributes of an SVG document's root element. */
function svgSize(svg) {
  const root = svg.match(/<svg\b[^>]*>/)[0];
  return {
    width: Number(root.match(/\bwidth="([\d.]+)"/)[1]),
    height: Number(root.match(/\bheight="([\d.]+)"/)[1]),
  };
}

/**
 * Returns an SVG document without its `<style>` element, for the page's DOMParser: the page's
 * Content-Security-Policy rejects inline styles, also in a parsed document, and reports each
 * one as an error.
 */
const withoutStyle = (svg) => svg.replace(/<style>[\s\S]*?<\/style>/, '');

/** Reads the marks of an SVG document as {second, level, labels}, parsed by the page's DOMParser. */
function svgMarks(page, svg) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return [...doc.querySelectorAll('g.mark')].map((g) => ({
      second: g.getAttribute('data-second'),
      level: g.getAttribute('data-level'),
      labels: [...g.querySelectorAll('text.label')].map((t) => t.textContent),
    }));
  }, withoutStyle(svg));
}

/**
 * Reads the page's marks as {second, level, labels}. The page draws each mark's labels in the
 * label layer, one group per mark in the order of the marks.
 */
function pageMarks(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.timeline');
    const marks = [...svg.querySelectorAll('[data-testid="second-mark"]')];
    const texts = [...svg.querySelectorAll('.label-layer .mark-text')];
    return marks.map((g, i) => ({
      second: g.getAttribute('data-second'),
      level: g.getAttribute('data-level'),
      labels: [...(texts[i]?.querySelectorAll('text.label') ?? [])].map((t) => t.textContent),
    }));
  });
}

const lines = (text) => text.split('\n').filter((line) => line !== '');

test('PNG is the SVG at twice its size', async () => {
  const { context, page, errors } = await openPage(browser, server.origin);
  await showPod(page, stageCase(CASE_07.dir), CASE_07.pod);
  const svg = await download(page, 'download-svg');
  const png = await download(page, 'download-png');

  assert.equal(png.name, 'probe-demo-Pod-lifecycle.png');
  assert.deepEqual(png.bytes.subarray(0, 8), PNG_SIGNATURE, 'PNG signature');
  assert.equal(png.bytes.subarray(12, 16).toString('latin1'), 'IHDR', 'first chunk is IHDR');
  const { width, height } = svgSize(svg.text);
  assert.equal(png.bytes.readUInt32BE(16), 2 * width, 'PNG width');
  assert.equal(png.bytes.readUInt32BE(20), 2 * height, 'PNG height');
  keep('share-case07.png', png.bytes);
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSV and JSON equal the CLI', async () => {
  const { context, page, errors } = await openPage(browser, server.origin);
  const input = stageCase(CASE_07.dir);
  await showPod(page, input, CASE_07.pod);
  for (const [testId, format, name] of [
    ['download-csv', 'csv', 'probe-demo-events.csv'],
    ['download-json', 'json', 'probe-demo-events.jsonl'],
  ]) {
    const saved = await download(page, testId);
    const cli = runCli(['--logfile', input, '--podname', CASE_07.pod, '--format', format]);
    assert.equal(cli.status, 0, `podlife --format ${format} failed: ${cli.stderr}`);
    assert.equal(saved.name, name, `${format} file name`);
    assert.ok(lines(cli.stdout).length > 1, `the CLI wrote ${format} records`);
    assert.equal(saved.text, cli.stdout, `${format} download equals the CLI's output`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy second to clipboard', async () => {
  const { context, page, errors } = await openPage(browser, server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const input = stageCase(CASE_07.dir);
  await showPod(page, input, CASE_07.pod);
  await page.locator('[data-testid="second-mark"][data-second="2025-05-16T18:34:49"]').click();
  const rows = page.getByTestId('detail-row');
  await rows.first().waitFor();
  const raw = await page.locator('[data-testid="detail-row"] .raw-line').allTextContents();
  assert.equal(raw.length, 3, 'three events in 18:34:49');

  const button = page.getByTestId('copy-second');
  assert.equal((await button.textContent()).trim(), 'Copy as text');
  await button.click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="copy-second"]')?.dataset.copied === 'true',
  );
  assert.equal((await button.textContent()).trim(), 'Copied');
  await screenshot(page, 'share-copied');

  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const copiedLines = copied.split('\n');
  assert.equal(copiedLines[0], 'default/probe-demo · 2025-05-16 18:34:49');
  for (const line of raw) {
    assert.ok(copiedLines.includes(`  ${line}`), `the copy has the raw line ${line}`);
  }
  assert.match(copied, /Warning {2}Liveness probe failed {2}\[liveness\] {2}input\.log:\d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('copy falls back to execCommand', async () => {
  const { context, page, errors } = await openPage(browser, server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  // Hide the Clipboard API as a plain-HTTP page lacks it, keeping it for the test to read with.
  await page.addInitScript(() => {
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    window.testClipboard = descriptor.get.call(navigator);
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await page.reload();
  await page.getByTestId('sample-button').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard), undefined, 'no Clipboard API');

  await showPod(page, stageCase(CASE_07.dir), CASE_07.pod);
  await page.locator('[data-testid="second-mark"][data-second="2025-05-16T18:34:04"]').click();
  const raw = await page.locator('[data-testid="detail-row"] .raw-line').first().textContent();
  await page.getByTestId('copy-second').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="copy-second"]')?.dataset.copied === 'true',
  );
  const copied = await page.evaluate(() => window.testClipboard.readText());
  assert.ok(copied.includes(`  ${raw}`), `the copy has the raw line ${raw}`);
  const scratch = await page.locator('.clipboard-scratch').count();
  assert.equal(scratch, 0, 'the textarea is removed after the copy');
  assert.deepEqual(errors, []);
  await context.close();
});

/** The host name and IPv4 addresses that the redaction test's log contains. */
const HOST = 'aks-nodepool1-28471936-vmss000003';
const ADDRESSES = ['10.244.3.17', '172.16.8.4', '192.168.49.2'];

/** Writes a log of default/shop-api on HOST whose probe output and events name ADDRESSES. */
function addressLog() {
  const line = (hms, message) =>
    `May 16 ${hms} ${HOST} kubelet[4052]: I0516 ${hms}.100000    4052 ${message}`;
  const uid = 'c3a2f0e1-7b7d-4c9a-9e57-2f1d0a6b8c44';
  return [
    line('10:00:00', 'kubelet.go:2407] "SyncLoop ADD" source="api" pods=["default/shop-api"]'),
    line(
      '10:00:05',
      `prober.go:107] "Probe failed" probeType="Liveness" pod="default/shop-api" podUID="${uid}" containerName="api" probeResult="failure" output="Get \\"http://${ADDRESSES[0]}:8080/healthz\\": dial tcp ${ADDRESSES[0]}:8080: connect: connection refused"`,
    ),
    line(
      '10:00:09',
      `prober.go:107] "Probe failed" probeType="Readiness" pod="default/shop-api" podUID="${uid}" containerName="api" probeResult="failure" output="Get \\"http://${ADDRESSES[1]}:9000/ready\\" from ${HOST} via ${ADDRESSES[2]}: context deadline exceeded"`,
    ),
    '',
  ].join('\n');
}

test('redact hides addresses and hosts', async () => {
  const { context, page, errors } = await openPage(browser, server.origin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const input = writeInput(dir, 'messages-redact', addressLog());
  await showPod(page, input, 'default/shop-api');
  const redact = page.getByTestId('redact-exports');
  assert.equal(await redact.isChecked(), false, 'the switch starts off');
  const plain = await download(page, 'download-json');
  assert.ok(plain.text.includes(ADDRESSES[0]), 'without the switch the address stays');

  await redact.check();
  const exports = {
    svg: (await download(page, 'download-svg')).text,
    json: (await download(page, 'download-json')).text,
    csv: (await download(page, 'download-csv')).text,
  };
  await page.locator('[data-testid="second-mark"]').nth(2).click();
  await page.getByTestId('copy-second').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="copy-second"]')?.dataset.copied === 'true',
  );
  exports.clipboard = await page.evaluate(() => navigator.clipboard.readText());
  await screenshot(page, 'share-redact');

  for (const [format, text] of Object.entries(exports)) {
    for (const address of ADDRESSES) {
      assert.ok(!text.includes(address), `${format} has no ${address}`);
    }
    assert.ok(!text.includes(HOST), `${format} has no host name ${HOST}`);
    assert.match(text, /\b10\.0\.0\.\d+\b/, `${format} has an address placeholder`);
    assert.match(text, /\bnode-\d+\b/, `${format} has a host placeholder`);
  }

  // The switch is remembered on the next visit.
  await page.reload();
  await page.getByTestId('sample-button').waitFor();
  await showPod(page, input, 'default/shop-api');
  assert.equal(await page.getByTestId('redact-exports').isChecked(), true, 'the switch stays on');
  assert.deepEqual(errors, []);
  await context.close();
});

test('redacted downloads equal CLI --redact', async () => {
  const inputs = [
    [writeInput(dir, 'messages-redact-cli', addressLog()), 'default/shop-api'],
    [stageCase(CASE_18.dir), CASE_18.pod],
  ];
  for (const [input, pod] of inputs) {
    const { context, page, errors } = await openPage(browser, server.origin);
    await showPod(page, input, pod);
    await page.getByTestId('redact-exports').check();
    for (const [testId, format] of [
      ['download-json', 'json'],
      ['download-csv', 'csv'],
    ]) {
      const saved = await download(page, testId);
      const cli = runCli(['--logfile', input, '--podname', pod, '--format', format, '--redact']);
      assert.equal(cli.status, 0, `podlife --redact --format ${format} failed: ${cli.stderr}`);
      assert.equal(saved.text, cli.stdout, `${pod}: redacted ${format} equals the CLI's`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/** Waits until the window caption under the slider changes after `act`. */
async function changeWindow(page, act) {
  const before = await page.getByTestId('window-note').textContent();
  await act();
  await page.waitForFunction(
    (text) => document.querySelector('[data-testid="window-note"]')?.textContent !== text,
    before,
  );
}

test('window scope exports window seconds', async () => {
  const { context, page, errors } = await openPage(browser, server.origin);
  // 31 seconds: the whole lifecycle is drawn as buckets until zoomed in.
  const input = writeInput(dir, 'flappy-share.log', flappyLog(30));
  await page.getByTestId('file-input').setInputFiles(input);
  await page.getByTestId('bucket-mark').first().waitFor();
  await page.getByTestId('timeline-box').focus();
  for (let press = 0; press < 20 && (await page.getByTestId('second-mark').count()) === 0; press += 1) {
    await changeWindow(page, () => page.keyboard.press('+'));
  }
  await changeWindow(page, () => page.keyboard.press('Home'));
  await changeWindow(page, () => page.keyboard.press('ArrowRight'));
  await changeWindow(page, () => page.keyboard.press('ArrowRight'));
  const windowSeconds = (await pageMarks(page)).map((mark) => mark.second);
  assert.ok(windowSeconds.length >= 5, `a window of ${windowSeconds.length} seconds`);
  assert.ok(windowSeconds.length < 31, 'the window is not the whole lifecycle');
  assert.equal(windowSeconds[0], '2025-05-16T19:00:14', 'the window starts at the third second');

  await page.getByTestId('export-scope').selectOption('window');
  const windowed = await download(page, 'download-svg');
  assert.equal(windowed.name, 'flappy-Pod-lifecycle-window.svg');
  const exported = (await svgMarks(page, windowed.text)).map((mark) => mark.second);
  assert.deepEqual(exported, windowSeconds, 'the SVG has the seconds of the window');

  await page.getByTestId('export-scope').selectOption('whole');
  const whole = await download(page, 'download-svg');
  assert.equal(whole.name, 'flappy-Pod-lifecycle.svg');
  assert.ok(whole.text.includes('2025-05-16T19:00:00'), 'the whole lifecycle has the first second');
  assert.ok(!windowed.text.includes('data-second="2025-05-16T19:00:00"'), 'the window has not');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [kase, levels] of [
  [CASE_07, []],
  [CASE_18, ALL_LEVELS],
]) {
  test(`page, SVG and CLI agree: ${kase.dir}`, async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    const input = stageCase(kase.dir);
    await showPod(page, input, kase.pod, levels);
    const onPage = await pageMarks(page);
    const downloaded = await svgMarks(page, (await download(page, 'download-svg')).text);

    const out = join(dir, `${kase.dir}.svg`);
    const levelArgs = levels.length ? ['--eventlevel', levels.join(',')] : [];
    const cli = runCli(['--logfile', input, '--podname', kase.pod, '--out', out, ...levelArgs]);
    assert.equal(cli.status, 0, `podlife --format svg failed: ${cli.stderr}`);
    const fromCli = await svgMarks(page, readFileSync(out, 'utf8'));

    assert.ok(onPage.length > 1, `the page shows ${onPage.length} marks`);
    if (levels.length) {
      const shownLevels = new Set(onPage.map((mark) => mark.level));
      assert.ok(shownLevels.size >= 3, `several levels: ${[...shownLevels]}`);
    }
    assert.deepEqual(downloaded, onPage, 'the downloaded SVG has the page marks');
    assert.deepEqual(fromCli, onPage, "the CLI's SVG has the page marks");
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/**
 * Draws the SVG `svg` (by Chromium) and the PNG `png` (by rsvg-convert) on canvases in the page
 * and returns, for each mark of the SVG, its fill and the colour of both pictures at its centre.
 */
function coloursAtMarks(page, svg, png) {
  return page.evaluate(
    async ({ svgText, marksText, pngBase64 }) => {
      const load = async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      };
      const pixels = (image) => {
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth;
        canvas.height = image.naturalHeight;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        return { context, url: canvas.toDataURL('image/png') };
      };
      const blobUrl = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
      const chromium = pixels(await load(blobUrl));
      URL.revokeObjectURL(blobUrl);
      const rsvg = pixels(await load(`data:image/png;base64,${pngBase64}`));

      const doc = new DOMParser().parseFromString(marksText, 'image/svg+xml');
      const shift = (element) => {
        const group = element.closest('g.timeline');
        const match = group?.getAttribute('transform')?.match(/translate\(([\d.]+)[ ,]+([\d.]+)\)/);
        return match ? [Number(match[1]), Number(match[2])] : [0, 0];
      };
      const hex = (data) =>
        `#${[...data.slice(0, 3)].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      // A canvas writes back any CSS colour it is given as #rrggbb.
      const cssHex = (colour) => {
        const context = document.createElement('canvas').getContext('2d');
        context.fillStyle = colour;
        return context.fillStyle;
      };
      const marks = [...doc.querySelectorAll('g.mark circle.dot')].map((dot) => {
        const [dx, dy] = shift(dot);
        const x = Math.round(Number(dot.getAttribute('cx')) + dx);
        const y = Math.round(Number(dot.getAttribute('cy')) + dy);
        return {
          second: dot.closest('g.mark').getAttribute('data-second'),
          fill: cssHex(dot.getAttribute('fill')),
          chromium: hex(chromium.context.getImageData(x, y, 1, 1).data),
          rsvg: hex(rsvg.context.getImageData(x, y, 1, 1).data),
        };
      });
      return { marks, chromiumPng: chromium.url.split(',')[1] };
    },
    { svgText: svg, marksText: withoutStyle(svg), pngBase64: png.toString('base64') },
  );
}

for (const locale of ['en-US', 'zh-CN']) {
  test(`Chromium and rsvg-convert agree: ${locale}`, async () => {
    const { context, page, errors } = await openPage(browser, server.origin, { locale });
    await showPod(page, stageCase(CASE_07.dir), CASE_07.pod);
    await screenshot(page, `share-page-${locale}`);
    const svg = await download(page, 'download-svg');
    const svgPath = keep(`share-case07-${locale}.svg`, svg.bytes);
    const pngPath = join(OUTPUT, `share-case07-${locale}-rsvg.png`);
    const convert = spawnSync('rsvg-convert', ['--output', pngPath, svgPath], { encoding: 'utf8' });
    assert.equal(convert.status, 0, `rsvg-convert failed: ${convert.stderr ?? convert.error}`);

    const { marks, chromiumPng } = await coloursAtMarks(page, svg.text, readFileSync(pngPath));
    keep(`share-case07-${locale}-chromium.png`, Buffer.from(chromiumPng, 'base64'));
    assert.equal(marks.length, 7, 'seven marks');
    for (const mark of marks) {
      assert.equal(mark.chromium, mark.fill, `Chromium draws ${mark.second} in its fill`);
      assert.equal(mark.rsvg, mark.fill, `rsvg-convert draws ${mark.second} in its fill`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const [locale, file] of [
  ['en-US', 'README.md'],
  ['zh-CN', 'README.zh-CN.md'],
]) {
  test(`${file} names sharing controls`, async () => {
    const readme = readFileSync(join(ROOT, file), 'utf8');
    const { context, page, errors } = await openPage(browser, server.origin, { locale });
    await showPod(page, stageCase(CASE_07.dir), CASE_07.pod);
    await page.getByTestId('second-mark').first().click();
    const controls = [
      page.locator('.export-scope > span'),
      page.locator('[data-testid="export-scope"] option[value="whole"]'),
      page.locator('[data-testid="export-scope"] option[value="window"]'),
      page.getByTestId('download-png'),
      page.getByTestId('download-csv'),
      page.getByTestId('copy-second'),
      page.locator('label:has([data-testid="redact-exports"])'),
    ];
    for (const control of controls) {
      const name = (await control.textContent()).trim();
      assert.ok(readme.includes(`**${name}**`), `${file} names **${name}**`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
