// Takes screenshots of every page of the release build, for people to look at.
// Usage: node scripts/screenshots.mjs [outdir]  (after `trunk build --release`)
import { startServer } from '../tests/e2e/lib/server.mjs';
import { DIST_DIR, launchBrowser, newContext, gotoApp } from '../tests/e2e/lib/harness.mjs';

const out = process.argv[2] || '/tmp/cultivate-shots';
await (await import('node:fs/promises')).mkdir(out, { recursive: true });
const server = await startServer({ root: DIST_DIR });
const browser = await launchBrowser();
const shoot = async (page, name) => page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
try {
  for (const scheme of ['light', 'dark']) {
    const context = await newContext(browser, { colorScheme: scheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await shoot(page, `${scheme}-welcome`);
    await page.getByTestId('load-sample').click();
    await page.waitForSelector('.app-shell');
    const routes = ['/', '/communities', '/communities/c-negotiators', '/communities/new', '/people', '/people/p-amara', '/introduction', '/cultivate', '/technology', '/technology/c-negotiators', '/data'];
    for (const r of routes) {
      await gotoApp(page, server.url.replace(/\/$/, '') + r);
      await shoot(page, `${scheme}${r.replace(/\//g, '_') || '_home'}`);
    }
    if (page.consoleErrors.length) console.log(scheme, 'console errors:', page.consoleErrors);
    await context.close();
  }
  const narrow = await newContext(browser, { viewport: { width: 390, height: 800 } });
  const page = await narrow.newPage();
  await gotoApp(page, server.url);
  await page.getByTestId('load-sample').click();
  await page.waitForSelector('.app-shell');
  await gotoApp(page, server.url.replace(/\/$/, '') + '/communities/c-reliability');
  await shoot(page, 'narrow-community');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: `${out}/print-community.pdf`, format: 'A4' });
  await narrow.close();
} finally {
  await browser.close();
  await server.close();
}
console.log('screenshots in', out);
