// Tiny dependency-free static file server for the trunk build (dist/) of a
// single-page app:
//   - only paths under `base` are served (e.g. '/cultivate/'); others are 404
//   - an existing file is served with its Content-Type
//   - a directory is served through its index.html
//   - anything else under `base` falls back, so client-side routes survive a reload:
//       default            index.html with status 200 (as `trunk serve` and most
//                          hosts' rewrite rules do)
//       githubPages: true  404.html with status 404 (GitHub Pages); Chromium then
//                          logs "Failed to load resource ... 404" for the document.
//                          Without a 404.html the answer is a plain-text 404.
//
//   const srv = await startServer({ root: 'dist', base: '/cultivate/', githubPages: true });
//   await page.goto(srv.url);   // http://127.0.0.1:PORT/cultivate/
//   await srv.close();

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

export function contentType(filePath) {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function normaliseBase(base) {
  let b = String(base || '/');
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

async function statFile(p) {
  try {
    const st = await fs.stat(p);
    return st;
  } catch {
    return null;
  }
}

/**
 * Start a static server on 127.0.0.1.
 * @param {object} [opts]
 * @param {string} [opts.root='dist']  directory to serve (relative to cwd or absolute)
 * @param {string} [opts.base='/']     URL prefix the site lives under, e.g. '/cultivate/'
 * @param {number} [opts.port=0]       0 = pick a free port
 * @param {boolean} [opts.githubPages=false] SPA fallback as GitHub Pages: 404.html with status 404
 * @param {Record<string,string>} [opts.headers={}] extra headers on every response
 * @returns {Promise<{url: string, port: number, base: string, root: string, githubPages: boolean, requests: string[], close: () => Promise<void>}>}
 *          url ends with base, e.g. 'http://127.0.0.1:40123/cultivate/'.
 *          requests records "STATUS METHOD PATH" for every request (handy when debugging).
 */
export async function startServer({ root = 'dist', base = '/', port = 0, githubPages = false, headers = {} } = {}) {
  const rootDir = path.resolve(root);
  const basePath = normaliseBase(base);
  const rootStat = await statFile(rootDir);
  if (!rootStat?.isDirectory()) {
    throw new Error(`startServer: root directory not found: ${rootDir}`);
  }
  const requests = [];

  async function send(req, res, status, filePath) {
    const body = await fs.readFile(filePath);
    res.writeHead(status, {
      'Content-Type': contentType(filePath),
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    requests.push(`${status} ${req.method} ${req.url}`);
  }

  function sendText(req, res, status, text, extra = {}) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers, ...extra });
    res.end(req.method === 'HEAD' ? undefined : text);
    requests.push(`${status} ${req.method} ${req.url}`);
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(req, res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return sendText(req, res, 400, 'bad request\n');
    }
    // '/cultivate' without the trailing slash: redirect like GitHub Pages does.
    if (basePath !== '/' && pathname === basePath.slice(0, -1)) {
      return sendText(req, res, 301, 'moved\n', { Location: basePath });
    }
    if (!pathname.startsWith(basePath)) {
      return sendText(req, res, 404, 'not found (outside base)\n');
    }
    const rel = pathname.slice(basePath.length);
    const filePath = path.resolve(rootDir, `.${path.posix.sep}${rel}`);
    if (filePath !== rootDir && !filePath.startsWith(rootDir + path.sep)) {
      return sendText(req, res, 403, 'forbidden\n');
    }

    const st = await statFile(filePath);
    if (st?.isFile()) return send(req, res, 200, filePath);
    if (st?.isDirectory()) {
      const index = path.join(filePath, 'index.html');
      if ((await statFile(index))?.isFile()) return send(req, res, 200, index);
    }

    // SPA fallback.
    if (githubPages) {
      const notFound = path.join(rootDir, '404.html');
      if ((await statFile(notFound))?.isFile()) return send(req, res, 404, notFound);
      return sendText(req, res, 404, 'not found\n');
    }
    const index = path.join(rootDir, 'index.html');
    if ((await statFile(index))?.isFile()) return send(req, res, 200, index);
    return sendText(req, res, 404, 'not found\n');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      if (!res.headersSent) sendText(req, res, 500, `server error: ${err?.message ?? err}\n`);
      else res.destroy(err);
    });
  });
  // Keep-alive sockets would make close() wait; track them so close() is prompt.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;

  return {
    url: `http://127.0.0.1:${actualPort}${basePath}`,
    port: actualPort,
    base: basePath,
    root: rootDir,
    githubPages,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
