// Hostile content: a workspace whose every free-text field carries an XSS payload is
// imported through the import panel, then every page is opened. No script may run, no
// dialog may open, no payload may become an element or a live javascript: link, and the
// layout must not break (no page wider than the window). A 1 MB string in one field is
// refused at import with its field path, and the app stays usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  loadSample,
  navigate,
  storedDoc,
  waitForSaved,
  chooseImportFile,
  assertNoConsoleErrors,
} from './lib/harness.mjs';

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

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"><circle r="9"/></svg>',
  '"><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  'javascript:window.__xss=1',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==',
  '<a href="javascript:window.__xss=1">click</a> {{7*7}} ${7*7}',
  '<style>body{display:none}</style>',
];

// Free-text fields and their length limits (names 200, one-line texts 1,000, long texts 20,000).
const NAME_KEYS = new Set(['name', 'title', 'label', 'heading', 'teller_name']);
const SHORT_KEYS = new Set([
  'priority', 'topic', 'unit', 'source', 'stakeholders', 'data_source', 'schedule', 'what', 'cost', 'by',
  'online_needs', 'in_person_needs', 'text_short',
]);
const LONG_KEYS = new Set([
  'description', 'notes', 'note', 'statement', 'text', 'why', 'purpose', 'activities', 'outputs', 'invited',
  'value_members_short', 'value_members_long', 'value_org_short', 'value_org_long', 'rhythm', 'norms',
  'confidential', 'publishable', 'body', 'contribution', 'access_notes', 'materials', 'achieved',
  'challenges', 'decisions',
]);

/** Puts a payload into every free-text string of `value`, keeping it within its limit. */
function poison(value, key = '', counter = { n: 0 }) {
  if (Array.isArray(value)) return value.map((v) => poison(v, key === 'guests' ? 'name' : key, counter));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'catalogues' ? v : poison(v, k, counter);
    return out;
  }
  if (typeof value !== 'string') return value;
  const limit = NAME_KEYS.has(key) ? 200 : SHORT_KEYS.has(key) ? 1000 : LONG_KEYS.has(key) ? 20000 : 0;
  if (!limit) return value;
  if (NAME_KEYS.has(key) && value.trim() === '') return value;
  const payload = PAYLOADS[counter.n++ % PAYLOADS.length];
  // Keep the original start so names stay told apart, and the payload whole.
  return `${value.slice(0, Math.max(0, limit - payload.length - 1))} ${payload}`.slice(0, limit).trim();
}

async function importText(page, name, text) {
  await navigate(page, 'Data & backups');
  await chooseImportFile(page, name, text);
}

async function pageIsClean(page, route) {
  const found = await page.evaluate(() => {
    const inMain = (sel) => document.querySelectorAll(`main ${sel}`).length;
    return {
      xss: window.__xss ?? null,
      scripts: inMain('script'),
      iframes: inMain('iframe'),
      imgs: inMain('img[src="x"]'),
      styles: inMain('style'),
      jsLinks: document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i]').length,
      tooWide: document.documentElement.scrollWidth - window.innerWidth,
      bodyShown: getComputedStyle(document.body).display !== 'none',
    };
  });
  assert.equal(found.xss, null, `a payload ran at ${route}`);
  assert.equal(found.scripts + found.iframes + found.imgs + found.styles, 0, `a payload became an element at ${route}`);
  assert.equal(found.jsLinks, 0, `a javascript: or data: link is live at ${route}`);
  assert.ok(found.bodyShown, `a payload hid the page at ${route}`);
  assert.ok(found.tooWide <= 1, `the page at ${route} is ${found.tooWide}px wider than the window`);
}

test('every free-text field carrying XSS payloads: imported, every page opened, nothing runs and the layout holds', async () => {
  const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      await d.dismiss().catch(() => {});
    });
    await gotoApp(page, server.url);
    await loadSample(page);
    const doc = await storedDoc(page);
    const hostile = { ...doc, data: poison(doc.data) };
    // One very long word, to test that text wraps rather than widening the page.
    hostile.data.communities[0].domain.statement = 'W'.repeat(5000);
    hostile.data.people[0].notes = `${'x'.repeat(19000)}`;

    await importText(page, 'hostile.json', JSON.stringify(hostile));
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-confirm').click();
    await waitForSaved(page);
    const stored = await storedDoc(page);
    assert.equal(stored.data.communities[0].domain.statement, 'W'.repeat(5000), 'the hostile file was imported as it is');
    assert.ok(stored.data.people.some((p) => p.name.includes('<script>') || p.name.includes('<img')), 'payloads are stored as text');

    const cid = stored.data.communities.find((c) => c.memberships.length > 0 && c.id !== 'c-reliability')?.id ?? stored.data.communities[0].id;
    const c = stored.data.communities.find((x) => x.id === cid);
    const meeting = stored.data.communities.flatMap((x) => (x.facilitation?.meetings ?? []).map((m) => [x.id, m.id]))[0];
    const story = stored.data.communities.flatMap((x) => (x.evaluation?.stories ?? []).map((s) => [x.id, s.id]))[0];
    const routes = [
      '/', '/communities', `/communities/${cid}`, '/people', `/people/${stored.data.people[0].id}`,
      `/organisations/${stored.data.organisations[0].id}`, '/organisation', '/organisation/chooser',
      '/organisation/readiness', '/organisation/roles', '/organisation/leaders', '/organisation/health',
      `/organisation/health/${cid}`, '/organisation/indicators', '/cultivate', `/cultivate/${cid}`,
      `/cultivate/${cid}/forming`, `/cultivate/${cid}/charter`, `/cultivate/${cid}/lifecycle`,
      `/cultivate/${cid}/onboarding`, `/cultivate/${cid}/rhythm`, '/facilitate', '/facilitate/formats',
      `/facilitate/${cid}`, '/technology', `/technology/${cid}`, '/evaluate', '/evaluate/report', `/evaluate/${cid}`,
      `/evaluate/${cid}/plan`, `/evaluate/${cid}/indicators`, `/evaluate/${cid}/stories`, `/evaluate/${cid}/report`,
      `/evaluate/${cid}/reflection`, '/data',
      ...(meeting ? [`/facilitate/${meeting[0]}/meetings/${meeting[1]}`, `/facilitate/${meeting[0]}/meetings/${meeting[1]}/record`] : []),
      ...(story ? [`/evaluate/${story[0]}/stories/${story[1]}`] : []),
    ];
    assert.ok(c, 'a community to visit');
    for (const route of routes) {
      await gotoApp(page, new URL(route.slice(1), server.url).href);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await pageIsClean(page, route);
    }
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('a 1 MB string in one field is refused at import with its field path, and the app stays usable', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const before = await storedDoc(page);
    const huge = structuredClone(before);
    huge.data.people[0].notes = 'y'.repeat(1_000_000);
    await importText(page, 'huge.json', JSON.stringify(huge));
    const problems = page.getByTestId('import-error');
    await problems.waitFor();
    assert.match(await problems.innerText(), /people\[0\]\.notes/);
    assert.deepEqual((await storedDoc(page)).data, before.data, 'nothing changed');
    await navigate(page, 'Communities');
    await page.getByRole('heading', { level: 1, name: 'Communities' }).waitFor();
  } finally {
    await context.close();
  }
});
