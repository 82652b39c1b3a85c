#!/usr/bin/env node
// Seals a Trunk build before it replaces dist/. Trunk runs this as a post_build hook with
// TRUNK_STAGING_DIR set to the finished build (see Trunk.toml). A folder given as the first
// argument is sealed instead. The script
//   1. puts the sha256 of each inline <script> of index.html (Trunk's module bootstrap) into the
//      Content-Security-Policy in place of the PODLIFE_SCRIPT_HASHES placeholder,
//   2. writes the SVG icon of `<link rel="icon" href="./NAME.svg">` into that link as a data:
//      URL, because Chromium fetches the icon again at each change of the URL fragment, and
//   3. writes the build's file list and version into sw.js in place of its `podlife:build`
//      line, so the service worker precaches exactly this build.
// It fails, and so fails the build, when index.html has inline styles, allows 'unsafe-inline',
// or lacks a placeholder.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const PLACEHOLDER = "'PODLIFE_SCRIPT_HASHES'";
const SW_FILE = 'sw.js';
const BUILD_LINE = /^const BUILD = .*\/\/ podlife:build$/m;

function fail(message) {
  console.error(`seal-dist: ${message}`);
  process.exit(1);
}

/** Lists every file under `dir` as a path relative to it, with `/` separators, sorted. */
function listFiles(dir) {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Returns the CSP source expression of each inline script, in document order. */
function inlineScriptHashes(html) {
  const hashes = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, body] = match;
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const digest = createHash('sha256').update(body, 'utf8').digest('base64');
    hashes.push(`'sha256-${digest}'`);
  }
  return hashes;
}

/** Replaces the href of each `<link rel="icon">` to an SVG file of the build by a data: URL. */
function inlineIcons(dir, html) {
  const link = /(<link\b[^>]*\brel="icon"[^>]*\bhref=")\.\/([\w.-]+\.svg)(")/g;
  return html.replace(link, (_, before, name, after) => {
    const svg = readFileSync(join(dir, name)).toString('base64');
    return `${before}data:image/svg+xml;base64,${svg}${after}`;
  });
}

/**
 * Fills the script hashes into index.html's CSP, inlines its icon, and checks that no inline
 * style is left.
 */
function sealIndex(dir) {
  const path = join(dir, 'index.html');
  const html = inlineIcons(dir, readFileSync(path, 'utf8'));
  if (!html.includes(PLACEHOLDER)) fail(`index.html has no ${PLACEHOLDER} in its CSP`);
  if (html.includes("'unsafe-inline'")) fail("index.html's CSP allows 'unsafe-inline'");
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  if (/<style\b|\sstyle\s*=/i.test(markup)) {
    fail("index.html has an inline style, which style-src 'self' blocks");
  }
  const hashes = inlineScriptHashes(html);
  if (hashes.length === 0) fail('index.html has no inline script; is the placeholder still needed?');
  writeFileSync(path, html.replace(PLACEHOLDER, hashes.join(' ')));
  return hashes;
}

/** Writes the file list and the build version into the service worker. */
function sealServiceWorker(dir) {
  const path = join(dir, SW_FILE);
  const script = readFileSync(path, 'utf8');
  if (!BUILD_LINE.test(script)) fail(`${SW_FILE} has no "const BUILD = … // podlife:build" line`);
  const files = listFiles(dir).filter((file) => file !== SW_FILE);
  const version = createHash('sha256');
  for (const file of files) {
    const content = createHash('sha256').update(readFileSync(join(dir, file))).digest('hex');
    version.update(`${file}\0${content}\n`);
  }
  const build = { version: version.digest('hex').slice(0, 16), files };
  const line = `const BUILD = ${JSON.stringify(build)}; // podlife:build`;
  writeFileSync(path, script.replace(BUILD_LINE, () => line));
  return build;
}

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) fail('set TRUNK_STAGING_DIR or pass the build folder as the first argument');
const hashes = sealIndex(dir);
const build = sealServiceWorker(dir);
console.log(
  `seal-dist: ${hashes.length} inline script hash(es) in the CSP; ` +
    `build ${build.version} of ${build.files.length} files in ${SW_FILE}`,
);
