// Browser tests of offline use and privacy: the strict Content-Security-Policy, no request once
// the first load has settled, the page offline after one visit, the same build under a sub-path,
// and the prompt that a new deployment shows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_07, DIST, launch, scratchDir, screenshot, serveFolder } from './support.mjs';

const PROBE_DEMO = 'default/probe-demo';
const SECOND = '2025-05-16T18:34:49';
const INDEX_HTML = readFileSync(join(DIST, 'index.html'), 'utf8');

let browser;

before(async () => {
  browser = await launch();
});
after(() => browser?.close());

/** Returns the CSP of index.html as a map from directive name to its source list. */
function cspOf(html) {
  const content = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)?.[1];
  assert.ok(content, 'index.html has a CSP meta tag');
  const directives = {};
  for (const directive of content.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}

/** Returns the CSP hash source of each inline script of `html`. */
function inlineScriptHashes(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

/**
 * Opens `url` in a fresh context that records every request of its pages, their workers and
 * its service worker, every error the page reports, and every CSP violation in the page.
 */
async function openRecorded(url) {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: 'en-US',
    viewport: { width: 1400, height: 1000 },
  });
  const requests = [];
  context.on('request', (request) => {
    const by = request.serviceWorker() ? 'service worker' : request.resourceType();
    requests.push({ url: request.url(), by });
  });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.getByTestId('sample-button').waitFor();
  return { context, page, requests, errors };
}

/** Waits until the service worker controls the page and the parse worker has started. */
async function settle(page) {
  await page.locator('body[data-offline-ready="true"]').waitFor({ state: 'attached' });
  await page.locator('body[data-parse-worker="ready"]').waitFor({ state: 'attached' });
}

/** Drops case 07 on the page, picks its pod and opens one second's details. */
async function useCase07(page) {
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'messages', { lastModified: Date.UTC(2025, 5, 1) }));
    return data;
  }, readFileSync(CASE_07, 'utf8'));
  await page.getByTestId('drop-zone').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  await page.locator(`[data-testid="pod-item"][data-pod="${PROBE_DEMO}"]`).click();
  await page.locator(`[data-testid="second-mark"][data-second="${SECOND}"]`).click();
  const rows = page.getByTestId('detail-row');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 3, `the details of ${SECOND} list its three events`);
}

/** Clicks the export button `testId` and returns the downloaded file's name and text. */
async function download(page, testId) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** Returns the test ids of the export buttons on the page. */
function exportButtons(page) {
  return page
    .locator('button[data-testid^="download-"]')
    .evaluateAll((buttons) => buttons.map((button) => button.dataset.testid));
}

/** Lists the recorded requests from `from` on that are not under `prefix`, as readable lines. */
function outside(requests, prefix, from = 0) {
  return requests
    .slice(from)
    .filter(({ url }) => !url.startsWith(prefix) && !url.startsWith('blob:') && !url.startsWith('data:'))
    .map(({ url, by }) => `${by}: ${url}`);
}

/** Lists the recorded http(s) requests from `from` on, as readable lines. */
function httpRequests(requests, from) {
  return requests
    .slice(from)
    .filter(({ url }) => /^https?:/.test(url))
    .map(({ url, by }) => `${by}: ${url}`);
}

/** Copies the build to `root/sub` in a new scratch folder and serves that folder. */
async function serveCopy(sub = '') {
  const root = scratchDir();
  const site = join(root, sub);
  mkdirSync(site, { recursive: true });
  cpSync(DIST, site, { recursive: true });
  const server = await serveFolder(root, join(sub, 'index.html'));
  return { server, site, url: `${server.origin}/${sub ? `${sub}/` : ''}` };
}

describe('the content security policy', () => {
  test('built index.html allows no inline code', () => {
    const csp = cspOf(INDEX_HTML);
    assert.ok(!INDEX_HTML.includes("'unsafe-inline'"), "no 'unsafe-inline' anywhere");
    const icon = INDEX_HTML.match(/<link\b[^>]*rel="icon"[^>]*>/)?.[0];
    assert.match(icon, /href="data:image\/svg\+xml;base64,/, 'the icon needs no request');
    const hashes = inlineScriptHashes(INDEX_HTML);
    assert.equal(hashes.length, 1, "Trunk's bootstrap is the only inline script");
    assert.deepEqual(csp['script-src'], ["'self'", "'wasm-unsafe-eval'", ...hashes]);
    assert.deepEqual(csp['style-src'], ["'self'"]);
    assert.deepEqual(csp['default-src'], ["'self'"]);
    assert.deepEqual(csp['img-src'], ["'self'", 'blob:', 'data:']);
    assert.deepEqual(csp['connect-src'], ["'self'"]);
    assert.deepEqual(csp['worker-src'], ["'self'"]);
    assert.deepEqual(csp['font-src'], ["'self'"]);
    assert.deepEqual(csp['manifest-src'], ["'self'"]);
    assert.deepEqual(csp['object-src'], ["'none'"]);
    assert.deepEqual(csp['base-uri'], ["'none'"]);
    assert.deepEqual(csp['form-action'], ["'none'"]);
    assert.equal(csp['frame-ancestors'], undefined, 'a meta CSP ignores frame-ancestors');
  });

  test('page works without a violation', async () => {
    const { server, url } = await serveCopy();
    try {
      const { context, page, requests, errors } = await openRecorded(`${url}index.html`);
      await settle(page);
      await useCase07(page);
      const svg = await download(page, 'download-svg');
      assert.match(svg.text, /^<\?xml|^<svg/, 'the SVG download is an SVG document');
      const json = await download(page, 'download-json');
      assert.match(json.text, /"pod":/, 'the JSON download lists events');
      await screenshot(page, 'offline-csp-page');

      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      const cspErrors = errors.filter((error) => /Content Security Policy/i.test(error));
      assert.deepEqual(cspErrors, [], 'no CSP error in the console');
      assert.deepEqual(errors, [], 'no error in the console');
      assert.deepEqual(outside(requests, `${server.origin}/`), [], 'no request to another origin');
      await context.close();
    } finally {
      await server.stop();
    }
  });

  test('manifest parses in Chromium', async () => {
    const { server, url } = await serveCopy();
    try {
      const { context, page } = await openRecorded(`${url}index.html`);
      const devtools = await context.newCDPSession(page);
      const manifest = await devtools.send('Page.getAppManifest');
      assert.equal(manifest.url, `${url}manifest.webmanifest`);
      assert.deepEqual(manifest.errors, [], 'Chromium reports no manifest error');
      const parsed = JSON.parse(manifest.data);
      assert.equal(parsed.short_name, 'podlife');
      assert.equal(parsed.start_url, './');
      assert.equal(parsed.display, 'standalone');
      for (const icon of parsed.icons) {
        const response = await page.request.get(new URL(icon.src, manifest.url).href);
        assert.equal(response.status(), 200, `icon ${icon.src} is served`);
      }
      await context.close();
    } finally {
      await server.stop();
    }
  });
});

describe('privacy', () => {
  test('footer says files stay local', async () => {
    const { server, url } = await serveCopy();
    try {
      const { context, page } = await openRecorded(`${url}index.html`);
      const note = page.getByTestId('privacy-note');
      assert.match(await note.textContent(), /read locally in this browser\. Nothing is uploaded/);
      await page.getByTestId('lang-switch').selectOption('zh-CN');
      assert.match(await note.textContent(), /本地读取，不会上传任何内容/);
      await context.close();
    } finally {
      await server.stop();
    }
  });

  test('settled page makes no request', async () => {
    const { server, url } = await serveCopy();
    try {
      const { context, page, requests } = await openRecorded(`${url}index.html`);
      await settle(page);
      assert.deepEqual(outside(requests, `${server.origin}/`), [], 'the first load stays on its origin');
      const settled = requests.length;

      await useCase07(page);
      const buttons = await exportButtons(page);
      assert.ok(buttons.includes('download-svg'), `export buttons: ${buttons}`);
      assert.ok(buttons.includes('download-json'), `export buttons: ${buttons}`);
      for (const testId of buttons) {
        const file = await download(page, testId);
        assert.ok(file.text.length > 0, `${testId} downloads a non-empty file`);
      }

      const late = httpRequests(requests, settled);
      assert.deepEqual(late, [], `requests after the first load:\n${late.join('\n')}`);
      await context.close();
    } finally {
      await server.stop();
    }
  });
});

describe('offline after one visit', () => {
  test('reloaded page works with no network', async () => {
    const { server, url } = await serveCopy();
    const { context, page, requests } = await openRecorded(`${url}index.html`);
    await settle(page);
    await server.stop();
    await context.setOffline(true);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the service worker answers the reload');
    await page.getByTestId('sample-button').waitFor();

    await useCase07(page);
    const svg = await download(page, 'download-svg');
    assert.match(svg.text, /probe-demo/, 'the SVG names the pod');
    await screenshot(page, 'offline-reloaded');
    assert.deepEqual(outside(requests, `${server.origin}/`), [], 'no request to another origin');
    await context.close();
  });
});

describe('a build under a sub-path', () => {
  test('works online and offline', async () => {
    const { server, url } = await serveCopy('tools/podlife');
    const { context, page, requests, errors } = await openRecorded(url);
    await settle(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, url, 'the service worker covers only the sub-path');
    await useCase07(page);
    assert.match((await download(page, 'download-svg')).text, /probe-demo/);
    assert.deepEqual(errors, [], 'no error in the console');

    await server.stop();
    await context.setOffline(true);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the service worker answers the reload');
    await page.getByTestId('sample-button').waitFor();
    await useCase07(page);
    assert.match((await download(page, 'download-svg')).text, /probe-demo/);
    await screenshot(page, 'offline-sub-path');
    assert.deepEqual(outside(requests, url), [], 'every request stays under the sub-path');
    await context.close();
  });
});

/**
 * Writes `text` to `path` as a deployment would, with a modification time a minute ahead. The
 * browser checks sw.js with If-Modified-Since, and Python's server responds 304 Not Modified
 * to a file changed within the same second as the copy it served first.
 */
function deploy(path, text) {
  writeFileSync(path, text);
  const later = new Date(Date.now() + 60_000);
  utimesSync(path, later, later);
}

describe('a new deployment', () => {
  test('offers a reload into it', async () => {
    const { server, site, url } = await serveCopy();
    try {
      const { context, page } = await openRecorded(url);
      await settle(page);
      assert.equal(await page.getByTestId('update-available').count(), 0, 'no prompt on a first visit');

      // Deploy a build whose index.html differs, as the next release would.
      const worker = readFileSync(join(site, 'sw.js'), 'utf8');
      const version = worker.match(/"version":"([0-9a-f]+)"/)[1];
      deploy(join(site, 'sw.js'), worker.replace(version, `${version}-next`));
      const marker = '<meta name="podlife-deployment" content="next" />';
      const html = readFileSync(join(site, 'index.html'), 'utf8');
      deploy(join(site, 'index.html'), html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />${marker}`));

      await page.goto(url);
      const bar = page.getByTestId('update-available');
      await bar.waitFor();
      assert.match(await bar.textContent(), /A new version of podlife is available/);
      assert.equal(await page.locator('meta[name="podlife-deployment"]').count(), 0, 'the old build still shows');
      await screenshot(page, 'offline-update-available');

      await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
      await page.getByTestId('sample-button').waitFor();
      assert.equal(await page.locator('meta[name="podlife-deployment"]').count(), 1, 'the new build shows');
      assert.equal(await page.getByTestId('update-available').count(), 0);
      await settle(page);
      const caches = await page.evaluate(() => globalThis.caches.keys());
      assert.deepEqual(caches, [`podlife:/:${version}-next`], 'the old build is deleted');
      await context.close();
    } finally {
      await server.stop();
    }
  });

  test('bar is translated', async () => {
    // The bar's text comes from the message table; this checks its Chinese form renders.
    const { server, site, url } = await serveCopy();
    try {
      const { context, page } = await openRecorded(url);
      await settle(page);
      await page.getByTestId('lang-switch').selectOption('zh-CN');
      const worker = readFileSync(join(site, 'sw.js'), 'utf8');
      deploy(join(site, 'sw.js'), worker.replace(/"version":"([0-9a-f]+)"/, '"version":"$1-zh"'));
      await page.goto(url);
      const bar = page.getByTestId('update-available');
      await bar.waitFor();
      assert.match(await bar.textContent(), /podlife 有新版本可用。/);
      assert.match(await page.getByTestId('update-reload').textContent(), /重新加载/);
      await context.close();
    } finally {
      await server.stop();
    }
  });
});
