// Smoke test: the optimised release build (dist/, from `trunk build --release`)
// loads in a real browser, the app mounts, and nothing is logged as an error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { DIST_DIR, launchBrowser, newContext, gotoApp } from './lib/harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: DIST_DIR, base: '/' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('release build mounts at / with title "Cultivate" and no console errors', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    const title = await page.title();
    assert.match(title, /Cultivate/, `page title was ${JSON.stringify(title)}`);
    assert.deepEqual(page.consoleErrors, [], 'console errors were logged');
  } finally {
    await context.close();
  }
});
