#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): writes this build's version and file list into
// the service worker that trunk copied into the staging folder (`sw.js`), so the worker
// caches exactly the files of this build.
//
// - The file list is every file trunk wrote (hashed js, wasm, css, icons, the manifest),
//   relative to the app's folder, except index.html and 404.html (the worker caches the
//   folder itself, `./`, as the app shell) and sw.js itself.
// - The version is the first 16 hex digits of a SHA-256 over the names and contents of
//   those files and index.html: any change to what the browser loads gives a new version,
//   and a rebuild of the same sources gives the same one.
//
// Runs with only Node's standard library (Node is already needed for wasm-opt), offline.
// Usage: TRUNK_STAGING_DIR=dist node scripts/sw-precache.mjs   (trunk sets the variable)
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('sw-precache: set TRUNK_STAGING_DIR or pass the dist folder');
  process.exit(2);
}

async function walk(root, rel = '') {
  const out = [];
  for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(root, name)));
    else if (entry.isFile()) out.push(name);
  }
  return out;
}

const SKIP = new Set(['sw.js', '404.html']);
const all = (await walk(dir)).filter((f) => !SKIP.has(f)).sort();
const files = all.filter((f) => f !== 'index.html');

const hash = createHash('sha256');
for (const f of all) {
  hash.update(f);
  hash.update('\0');
  hash.update(await fs.readFile(path.join(dir, f)));
  hash.update('\0');
}
const version = hash.digest('hex').slice(0, 16);

const swPath = path.join(dir, 'sw.js');
let sw;
try {
  sw = await fs.readFile(swPath, 'utf8');
} catch {
  console.error(`sw-precache: ${swPath} is missing (index.html must copy public/sw.js)`);
  process.exit(1);
}
const BUILD = "'__CULTIVATE_BUILD__'";
const FILES = "['__CULTIVATE_FILES__']";
if (!sw.includes(BUILD) || !sw.includes(FILES)) {
  console.error('sw-precache: sw.js has no placeholders to fill (was it filled already?)');
  process.exit(1);
}
sw = sw.replace(BUILD, JSON.stringify(version)).replace(FILES, JSON.stringify(files));
await fs.writeFile(swPath, sw);
console.log(`sw-precache: build ${version}, ${files.length} files`);
