// Browser tests of compressed and bundled logs. A dropped .tar.gz support bundle with a rotated
// multi-member .gz and the live messages file gives one lifecycle across both files, each dated
// on its own. Damaged or skipped input is reported in the user's language, and the rest is read. The archives are built here with node's zlib and a small tar writer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { marksOf, openPage, screenshot, startSession, stopSession } from './support.mjs';

const POD = 'shop/cart-7';
const UID = '5d0c6a8e-41f2-4a7e-9c1b-2f3e4d5c6b7a';
const CONTAINER = '9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0';
const ROTATED = 'bundle.tar.gz/var/log/messages-20251231.gz';
const LIVE = 'bundle.tar.gz/var/log/messages';

/** 2026-01-01 00:05:00 UTC, when the bundle was collected, in seconds. */
const COLLECTED = Date.UTC(2026, 0, 1, 0, 5) / 1000;
/** A date for the dropped file that no log in it should take its year from. */
const DROPPED_AT = Date.UTC(2027, 5, 1, 12);

const line = (stamp, klog, message) =>
  `${stamp} node-b kubelet[3117]: ${klog}    3117 ${message}`;

/** Kubelet lines of Dec 31 2025, as the rotated file contains them. */
const YEAR_END = [
  line('Dec 31 23:59:40', 'I1231 23:59:40.120001', `kubelet.go:2407] "SyncLoop ADD" source="api" pods=["${POD}"]`),
  line('Dec 31 23:59:45', 'I1231 23:59:45.300002', `kubelet.go:2439] "SyncLoop (PLEG): event for pod" pod="${POD}" event={"ID":"${UID}","Type":"ContainerStarted","Data":"${CONTAINER}"}`),
  line('Dec 31 23:59:58', 'I1231 23:59:58.700003', `prober.go:107] "Probe failed" probeType="Liveness" pod="${POD}" podUID="${UID}" containerName="cart" probeResult="failure" output="timeout"`),
];

/** Kubelet lines of Jan 1 2026, as the live file contains them. */
const NEW_YEAR = [
  line('Jan  1 00:00:08', 'I0101 00:00:08.700004', `prober.go:107] "Probe failed" probeType="Liveness" pod="${POD}" podUID="${UID}" containerName="cart" probeResult="failure" output="timeout"`),
  line('Jan  1 00:00:08', 'I0101 00:00:08.700105', `kuberuntime_container.go:808] "Killing container with a grace period" pod="${POD}" podUID="${UID}" containerName="cart" containerID="containerd://${CONTAINER}" gracePeriod=30`),
  line('Jan  1 00:00:39', 'I0101 00:00:39.010006', `kubelet.go:2439] "SyncLoop (PLEG): event for pod" pod="${POD}" event={"ID":"${UID}","Type":"ContainerDied","Data":"${CONTAINER}"}`),
];

const text = (lines) => Buffer.from(`${lines.join('\n')}\n`);

/** Writes `value` as a zero-padded octal field of `width` bytes, NUL-terminated. */
function octal(header, offset, width, value) {
  header.write(value.toString(8).padStart(width - 1, '0'), offset, 'ascii');
}

/**
 * Builds a ustar archive of `members`, each {path, data, mtime, type}, where type is '0' for a
 * file (the default), '5' for a directory and '2' for a symbolic link to `link`.
 */
function tarOf(members) {
  const blocks = [];
  for (const { path, data = Buffer.alloc(0), mtime = COLLECTED, type = '0', link = '' } of members) {
    const header = Buffer.alloc(512);
    header.write(path, 0, 'utf8');
    octal(header, 100, 8, type === '5' ? 0o755 : 0o644);
    octal(header, 108, 8, 0);
    octal(header, 116, 8, 0);
    octal(header, 124, 12, data.length);
    octal(header, 136, 12, mtime);
    header.fill(' ', 148, 156);
    header.write(type, 156, 'ascii');
    header.write(link, 157, 'utf8');
    header.write('ustar\u000000', 257, 'binary');
    const sum = header.reduce((total, byte) => total + byte, 0);
    header.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 'binary');
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** Compresses the rotated file as two concatenated gzip members; DecompressionStream would stop after the first. */
function multiMemberYearEnd() {
  return Buffer.concat([gzipSync(text(YEAR_END.slice(0, 1))), gzipSync(text(YEAR_END.slice(1)))]);
}

function bundle() {
  return gzipSync(
    tarOf([
      { path: 'var/', type: '5' },
      { path: 'var/log/', type: '5' },
      { path: 'var/log/messages-20251231.gz', data: multiMemberYearEnd() },
      { path: 'var/log/messages', data: text(NEW_YEAR) },
    ]),
  );
}

/** Drops files, each {name, bytes}, on the page's drop zone as a person dragging them would. */
async function drop(page, files) {
  const payload = files.map(({ name, bytes }) => ({ name, base64: bytes.toString('base64') }));
  const transfer = await page.evaluateHandle(
    ({ payload, lastModified }) => {
      const data = new DataTransfer();
      for (const { name, base64 } of payload) {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], name, { lastModified }));
      }
      return data;
    },
    { payload, lastModified: DROPPED_AT },
  );
  await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

const fileRows = (page) =>
  page.getByTestId('file-item').evaluateAll((items) =>
    items.map((item) => ({
      name: item.querySelector('.file-name').textContent,
      year: item.querySelector('[data-testid="file-year"]').textContent,
      yearShown: !item.querySelector('[data-testid="file-year"]').classList.contains('hidden'),
    })),
  );

let server;
let browser;

before(async () => {
  ({ server, browser } = await startSession());
});
after(() => stopSession({ server, browser }));

describe('a dropped support bundle', () => {
  test('bundle shows one merged lifecycle', async () => {
    const { context, page, errors } = await openPage(browser, server.origin);
    await drop(page, [{ name: 'bundle.tar.gz', bytes: bundle() }]);
    await page.getByTestId('file-item').nth(1).waitFor();
    await page.locator(`[data-testid="pod-item"][data-pod="${POD}"]`).click();
    await page.getByTestId('second-mark').first().waitFor();

    assert.deepEqual(await fileRows(page), [
      { name: ROTATED, year: 'year 2025 (from the rotation date in the file name)', yearShown: true },
      { name: LIVE, year: 'year 2026 (from the file date stored in the archive)', yearShown: true },
    ]);
    assert.equal(await page.getByTestId('error').count(), 0, 'no file has an issue');

    const seconds = (await marksOf(page)).map((mark) => mark.second);
    assert.deepEqual(seconds, [...seconds].sort(), 'marks in time order');
    assert.equal(seconds[0], '2025-12-31T23:59:40', 'the rotated file starts the lifecycle');
    assert.equal(seconds.at(-1), '2026-01-01T00:00:39', 'the live file ends it');
    assert.ok(seconds.includes('2025-12-31T23:59:58'), 'the second gzip member is read');
    assert.ok(seconds.includes('2026-01-01T00:00:08'));

    await page.locator('[data-testid="second-mark"][data-second="2025-12-31T23:59:58"]').click();
    const lastOfYear = page.getByTestId('detail-row');
    await lastOfYear.first().waitFor();
    assert.equal(await lastOfYear.count(), 1);
    assert.match(await lastOfYear.locator('td').first().textContent(), /^2025-12-31 23:59:58\.700003/);
    assert.equal(await lastOfYear.locator('.source .file-name').textContent(), ROTATED);
    assert.equal(await lastOfYear.getAttribute('data-line'), '3', 'line 3 counts across gzip members');

    await page.locator('[data-testid="second-mark"][data-second="2026-01-01T00:00:08"]').click();
    const firstOfYear = page.locator('[data-testid="detail-row"]', { hasText: '2026-01-01 00:00:08' });
    await firstOfYear.first().waitFor();
    const sources = await firstOfYear.locator('.source .file-name').allTextContents();
    assert.ok(sources.length >= 1);
    assert.ok(sources.every((name) => name === LIVE), sources.join(', '));
    await screenshot(page, 'bundle-new-year');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('damaged input reported in Chinese', async () => {
    const { context, page, errors } = await openPage(browser, server.origin, { locale: 'zh-CN' });
    const whole = gzipSync(Buffer.concat(Array(200).fill(text(NEW_YEAR))));
    const cut = whole.subarray(0, Math.floor(whole.length / 2));
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
    const withSkips = gzipSync(
      tarOf([
        { path: 'logs/core.bin', data: binary },
        { path: 'logs/syslog', type: '2', link: 'messages' },
        { path: 'logs/messages-20251231', data: text(YEAR_END) },
      ]),
    );
    await drop(page, [
      { name: 'messages.gz', bytes: cut },
      { name: 'other.tar.gz', bytes: withSkips },
    ]);
    await page.getByTestId('file-item').nth(2).waitFor();
    const notice = page.getByTestId('error');
    await notice.waitFor();
    const items = await notice.locator('li').allTextContents();
    assert.ok(items.some((item) => item.startsWith('messages.gz：gzip 数据被截断或已损坏')), items.join('\n'));
    // A bundle's members with no kubelet line share one note, not an error each.
    assert.ok(items.includes('other.tar.gz：跳过了 1 个没有 kubelet 日志行的文件：logs/core.bin。'), items.join('\n'));
    assert.ok(items.some((item) => item.startsWith('other.tar.gz/logs/syslog：该归档成员是指向 messages 的链接')), items.join('\n'));

    const rows = await fileRows(page);
    assert.deepEqual(
      rows.map((row) => row.name),
      ['messages.gz', 'other.tar.gz/logs/syslog', 'other.tar.gz/logs/messages-20251231'],
    );
    assert.deepEqual(rows.map((row) => row.yearShown), [true, false, true], 'a link has no year');
    assert.equal(rows[2].year, '年份 2025（取自文件名中的轮转日期）');
    const skipped = await page.getByTestId('file-skipped').allTextContents();
    assert.deepEqual(skipped, ['other.tar.gz：跳过了 1 个没有 kubelet 日志行的文件：logs/core.bin。']);

    const seconds = (await marksOf(page)).map((mark) => mark.second);
    assert.equal(seconds[0], '2025-12-31T23:59:40', 'the bundle member is read');
    assert.ok(seconds.includes('2027-01-01T00:00:08'), `the lines before the cut are read: ${seconds}`);
    await screenshot(page, 'bundle-damaged-zh');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
