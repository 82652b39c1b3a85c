// A static file server on 127.0.0.1 for a Trunk build folder, so the benchmark can serve a
// build of its own (`--dist DIR`) while another build rewrites dist/.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the files under `root` on a free port of 127.0.0.1, and returns the origin and a
 * function that stops the server.
 */
export async function serveFolder(root) {
  const base = normalize(root + sep);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const file = normalize(join(base, path === '/' ? 'index.html' : path));
    let size;
    try {
      if (!file.startsWith(base)) throw new Error('outside the served folder');
      size = statSync(file).size;
    } catch {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'content-length': size });
    createReadStream(file).pipe(response);
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const stop = () => new Promise((closed) => server.close(() => closed()));
  return { origin, stop };
}
