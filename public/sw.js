// podlife's service worker: keeps a copy of one whole build, so the page opens and works with no
// network after the first visit. Every path is relative to the worker's scope (the folder of
// sw.js), so the same build works at / and under any sub-path.
//
// A new build installs beside the old one and waits. The page offers a reload, and posts
// { type: 'skip-waiting' } when the user accepts.
'use strict';

// The build's files (sw.js itself excluded) and a hash over their contents. The post-build step
// .ci/seal-dist.mjs rewrites this line. An unsealed copy precaches nothing.
const BUILD = { version: 'unsealed', files: [] }; // podlife:build

const SCOPE = new URL(self.registration.scope);
// Caches are shared by the whole origin, so each copy of podlife (one per sub-path) names and
// deletes only its own.
const CACHE_PREFIX = `podlife:${SCOPE.pathname}:`;
const CACHE_NAME = `${CACHE_PREFIX}${BUILD.version}`;
const INDEX_URL = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(deleteOlderCaches().then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin) return;
  if (!url.pathname.startsWith(SCOPE.pathname)) return;
  event.respondWith(respond(request, url));
});

/** Fetches every file of the build past the HTTP cache and stores it under this build's name. */
async function precache() {
  const cache = await caches.open(CACHE_NAME);
  await Promise.all(
    BUILD.files.map(async (file) => {
      const url = new URL(file, SCOPE);
      const response = await fetch(url, { cache: 'reload' });
      if (!response.ok) throw new Error(`precaching ${url} failed: HTTP ${response.status}`);
      await cache.put(url, await unredirected(response));
    }),
  );
}

/**
 * Returns `response` without its redirect flag, because a browser rejects a redirected response
 * to a navigation request, and a host may redirect index.html to its folder.
 */
async function unredirected(response) {
  if (!response.redirected) return response;
  const { status, statusText, headers } = response;
  return new Response(await response.blob(), { status, statusText, headers });
}

/** Deletes the caches of this copy's earlier builds. */
async function deleteOlderCaches() {
  const names = await caches.keys();
  const older = names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME);
  await Promise.all(older.map((name) => caches.delete(name)));
}

/**
 * Responds from this build's cache, with index.html for the scope's folder URL. Requests for
 * anything else go to the network.
 */
async function respond(request, url) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  if (request.mode === 'navigate' && url.pathname === SCOPE.pathname) {
    const index = await cache.match(INDEX_URL);
    if (index) return index;
  }
  return fetch(request);
}
