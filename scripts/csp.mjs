#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): puts a strict Content-Security-Policy into the
// built index.html, as a <meta> tag before anything else loads.
//
// Trunk writes a small inline module script that loads the wasm; its content names this
// build's hashed files, so its SHA-256 is computed here, after the build, and allowed by
// hash. No other inline script is allowed ('unsafe-inline' is never used for scripts).
//
// - script-src 'self' 'wasm-unsafe-eval' 'sha256-…': the app's JS, its WebAssembly, the loader.
// - style-src 'self' plus style-src-attr 'unsafe-inline': the stylesheets, and the style
//   attributes the views set (bar widths in charts); no <style> element is allowed.
// - object-src 'none', form-action 'none', frame-src 'none': nothing embedded or posted.
// - base-uri 'self': the app reads its base path from trunk's <base href> (sub-path hosting),
//   so 'none' would break every link; 'self' still stops a foreign <base>.
//
// Runs with only Node's standard library, offline, and writes atomically.
// Usage: TRUNK_STAGING_DIR=dist node scripts/csp.mjs   (trunk sets the variable)
// Tests that rewrite index.html (a sub-path, a new version) call `withPolicy` again.
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const META = /\s*<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/i;

/** `html` with a fresh policy: any old one removed, the inline scripts hashed as they are now. */
export function withPolicy(html) {
  html = html.replace(META, '');
  const hashes = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  if (hashes.length === 0) throw new Error('found no inline loader script in index.html; the build changed shape');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "form-action 'none'",
    "base-uri 'self'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const out = html.replace(/(<meta charset="utf-8"\s*\/?>)/i, `$1\n    ${meta}`);
  if (!out.includes(meta)) throw new Error('no <meta charset> to put the policy after');
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!dir) {
    console.error('csp: set TRUNK_STAGING_DIR or pass the dist folder');
    process.exit(2);
  }
  const file = path.join(dir, 'index.html');
  try {
    const html = withPolicy(await fs.readFile(file, 'utf8'));
    const tmp = `${file}.csp-tmp`;
    await fs.writeFile(tmp, html);
    await fs.rename(tmp, file);
    console.log('csp: policy written into index.html');
  } catch (e) {
    console.error(`csp: ${e.message}`);
    process.exit(1);
  }
}
