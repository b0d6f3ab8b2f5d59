// Renders the app icons in public/ (PNG, for the web app manifest) from their SVG sources
// with the local Chromium. Run after changing public/icon.svg or public/icon-maskable.svg:
//   node scripts/make-icons.mjs
// The PNGs are committed, so builds never need this.
import fs from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, launchBrowser } from '../tests/e2e/lib/harness.mjs';

const pub = path.join(REPO_ROOT, 'public');
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];
const browser = await launchBrowser();
try {
  for (const [src, out, size] of jobs) {
    const svg = await fs.readFile(path.join(pub, src), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${data}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.waitForFunction(() => document.images[0].complete);
    await page.screenshot({ path: path.join(pub, out), omitBackground: true });
    await page.close();
    console.log(`public/${out} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
