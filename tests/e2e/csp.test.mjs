// Content-Security-Policy: the built index.html carries a strict policy (scripts/csp.mjs),
// and using every page of the sample workspace fires no `securitypolicyviolation` event.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { DIST_DIR, launchBrowser, newContext, gotoApp, loadSample, storedDoc, navigate, downloadJson } from './lib/harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ root: DIST_DIR });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function policyOf(html) {
  const m = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(m, 'index.html has a Content-Security-Policy meta tag');
  return Object.fromEntries(
    m[1].split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
}

test('the built index.html has a strict policy: wasm allowed, the loader by hash, no inline script, no objects', async () => {
  const html = await fs.readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  const p = policyOf(html);
  assert.ok(p['script-src'].includes("'wasm-unsafe-eval'"));
  assert.ok(p['script-src'].some((v) => v.startsWith("'sha256-")), 'the inline loader is allowed by its hash');
  assert.ok(!p['script-src'].includes("'unsafe-inline'") && !p['script-src'].includes("'unsafe-eval'"));
  assert.deepEqual(p['object-src'], ["'none'"]);
  assert.deepEqual(p['base-uri'], ["'self'"]);
  assert.ok(!p['style-src'].includes("'unsafe-inline'"), 'no <style> elements');
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'), 'the policy comes before any script');
  assert.equal(await fs.readFile(path.join(DIST_DIR, '404.html'), 'utf8'), html, '404.html is the same page');
});

test('using every page of the sample fires no securitypolicyviolation', async () => {
  const context = await newContext(browser);
  try {
    await context.addInitScript(() => {
      window.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const doc = await storedDoc(page);
    const cs = doc.data.communities;
    const cid = 'c-negotiators';
    const meeting = cs.flatMap((c) => (c.facilitation?.meetings ?? []).map((m) => [c.id, m.id]))[0];
    const story = cs.flatMap((c) => (c.evaluation?.stories ?? []).map((s) => [c.id, s.id]))[0];
    const routes = [
      '/', '/communities', '/communities/new', `/communities/${cid}`, '/people', '/people/p-amara',
      '/organisations/org-relief', '/introduction', '/organisation', '/organisation/chooser',
      '/organisation/readiness', '/organisation/roles', '/organisation/leaders', '/organisation/health',
      `/organisation/health/${cid}`, '/organisation/indicators', '/cultivate', '/cultivate/new', `/cultivate/${cid}`,
      `/cultivate/${cid}/forming`, `/cultivate/${cid}/charter`, `/cultivate/${cid}/lifecycle`,
      `/cultivate/${cid}/onboarding`, `/cultivate/${cid}/rhythm`, '/facilitate', '/facilitate/formats',
      `/facilitate/${cid}`, '/technology', `/technology/${cid}`, '/evaluate', '/evaluate/report', `/evaluate/${cid}`,
      `/evaluate/${cid}/plan`, `/evaluate/${cid}/indicators`, `/evaluate/${cid}/stories`, `/evaluate/${cid}/report`,
      `/evaluate/${cid}/reflection`, '/data', '/no/such/page',
      ...(meeting ? [`/facilitate/${meeting[0]}/meetings/${meeting[1]}`, `/facilitate/${meeting[0]}/meetings/${meeting[1]}/run`, `/facilitate/${meeting[0]}/meetings/${meeting[1]}/record`] : []),
      ...(story ? [`/evaluate/${story[0]}/stories/${story[1]}`] : []),
    ];
    const seen = [];
    for (const route of routes) {
      await gotoApp(page, new URL(route.slice(1), server.url).href);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const found = await page.evaluate(() => window.__csp.splice(0));
      seen.push(...found.map((f) => `${route}: ${f}`));
    }
    // An export (Blob download) under the policy.
    await navigate(page, 'Data & backups');
    const file = await downloadJson(page, () => page.getByTestId('export-workspace').click());
    assert.equal(file.json.data.id, doc.data.id);
    seen.push(...(await page.evaluate(() => window.__csp.splice(0))).map((f) => `export: ${f}`));
    assert.deepEqual(seen, [], 'no content-security-policy violations');
  } finally {
    await context.close();
  }
});
