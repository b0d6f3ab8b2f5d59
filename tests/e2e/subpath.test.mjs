// Hosting under a sub-path, as on GitHub Pages (https://user.github.io/cultivate/):
// links stay under the sub-path, and a reload on a deep link works through 404.html.
//
// `trunk build --public-url /cultivate/` changes only index.html: the <base href> and
// the URLs of the assets it references (the js, wasm, css and icon files are the same
// bytes). So instead of a second release build (minutes), this rewrites dist/index.html
// into a temporary copy of dist/; the before hook checks that nothing else in
// index.html points at the root.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { withPolicy } from '../../scripts/csp.mjs';
import { DIST_DIR, launchBrowser, newContext, gotoApp, assertNoConsoleErrors, loadSample, navigate } from './lib/harness.mjs';

const BASE = '/cultivate/';

let server;
let browser;
let tmpDir;

/** index.html as trunk would write it with --public-url BASE. */
function rewriteForBase(html, files, base) {
  let out = html.replace(/<base href="\/"\s*\/?>/, `<base href="${base}" />`);
  assert.notEqual(out, html, 'dist/index.html has no <base href="/"> to rewrite');
  for (const file of files) {
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(["'])/${escaped}\\1`, 'g'), `$1${base}${file}$1`);
  }
  // Nothing may still point at the root (an asset we did not know about).
  const leftovers = [...out.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*["'](\/[^"']*)["']/g)]
    .map((m) => m[1])
    .filter((url) => !url.startsWith(base));
  assert.deepEqual(leftovers, [], 'root-relative URLs left in index.html');
  // The loader script changed, so its Content-Security-Policy hash is computed again, as the
  // build's post_build hook does.
  return withPolicy(out);
}

before(async () => {
  tmpDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cultivate-subpath-'));
  const files = (await fs.readdir(DIST_DIR, { withFileTypes: true }))
    .filter((e) => e.isFile() && !e.name.endsWith('.html'))
    .map((e) => e.name);
  for (const f of files) await fs.copyFile(path.join(DIST_DIR, f), path.join(tmpDir, f));
  const html = rewriteForBase(await fs.readFile(path.join(DIST_DIR, 'index.html'), 'utf8'), files, BASE);
  await fs.writeFile(path.join(tmpDir, 'index.html'), html);
  await fs.writeFile(path.join(tmpDir, '404.html'), html); // as Trunk.toml's post_build hook does
  server = await startServer({ root: tmpDir, base: BASE, githubPages: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmpDir) await fs.rm(tmpDir, { recursive: true, force: true });
});

test(`under ${BASE}: every link points under the sub-path and navigating by links stays there`, async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    assert.equal(new URL(server.url).pathname, BASE);
    const root = await page.request.get(server.url);
    assert.equal(root.status(), 200, `${BASE} itself is served with 200`);

    await gotoApp(page, server.url);
    await loadSample(page);
    assert.equal(new URL(page.url()).pathname, BASE);

    // Every link of the shell and of the overview points under the sub-path.
    const hrefs = await page.locator('a[href]:not(.skip-link)').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length >= 14, `found ${hrefs.length} links`);
    const outside = hrefs.filter((h) => !h.startsWith(BASE));
    assert.deepEqual(outside, [], `links outside ${BASE} (they leave the app, and GitHub Pages has nothing there)`);

    // Client-side navigation to a community.
    await navigate(page, 'Communities');
    assert.equal(new URL(page.url()).pathname, `${BASE}communities`);
    const link = page.getByTestId('communities-table').getByRole('link', { name: 'Reliability Guild' });
    assert.equal(await link.getAttribute('href'), `${BASE}communities/c-reliability`);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Reliability Guild' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `${BASE}communities/c-reliability`);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test(`under ${BASE} with GitHub Pages' 404.html fallback: a reload on a deep link shows the page`, async () => {
  // A first visit, before the service worker answers deep links itself (workshop.test.mjs
  // checks that case): the host's 404.html fallback must work on its own.
  const context = await newContext(browser, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);

    const deepLink = new URL('communities/c-reliability', server.url).href;
    const response = await page.goto(deepLink, { waitUntil: 'load' });
    assert.equal(response.status(), 404, 'GitHub Pages answers a deep link with 404.html and status 404');
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    await page.getByRole('heading', { level: 1, name: 'Reliability Guild' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `${BASE}communities/c-reliability`);
    assert.equal(await page.getByTestId('member-row').count(), 6);
    assert.equal(await page.title(), 'Reliability Guild · Cultivate');

    // Only the 404 of the deep-linked document may be logged.
    assertNoConsoleErrors(page, [
      {
        pattern: /^console\.error: Failed to load resource: the server responded with a status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/cultivate\/communities\/c-reliability(?::\d+)?\)$/,
        count: 1,
      },
    ]);
    // Nothing was requested outside the sub-path.
    const outsideRequests = server.requests.filter((r) => !r.split(' ')[2].startsWith(BASE));
    assert.deepEqual(outsideRequests, []);
  } finally {
    await context.close();
  }
});

test(`under ${BASE}: pages that navigate after an action (create, delete) stay under the sub-path`, async () => {
  // A first visit, before the service worker answers deep links itself (workshop.test.mjs
  // checks that case): the host's 404.html fallback must work on its own.
  const context = await newContext(browser, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    // Straight to the form (a deep link: 404.html, as above), independent of the links.
    await gotoApp(page, new URL('communities/new', server.url).href);
    await page.getByRole('heading', { level: 1, name: 'New community' }).waitFor();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Sub-path Circle');
    await page.getByRole('button', { name: 'Create community' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sub-path Circle' }).waitFor();
    assert.match(new URL(page.url()).pathname, new RegExp(`^${BASE}communities/[\\w-]+$`));

    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('alertdialog').getByTestId('confirm-yes').click();
    await page.getByRole('heading', { level: 1, name: 'Communities' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `${BASE}communities`);
    assertNoConsoleErrors(page, [
      /^console\.error: Failed to load resource: the server responded with a status of 404 \(Not Found\) \(http:\/\/127\.0\.0\.1:\d+\/cultivate\/communities\/new(?::\d+)?\)$/,
    ]);
  } finally {
    await context.close();
  }
});
