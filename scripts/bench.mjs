// Benchmark driver (issue #9): bundle sizes, start-up, import/export, interactions with a
// large workspace loaded, and two ratios against plain JavaScript, all in headless Chromium
// and in one run. Called by scripts/bench after a release build; prints the tables and
// writes them into README.md between the bench markers. Not a test: nothing here fails on
// a slow figure; the "met?" column only reports.
//
//   node scripts/bench.mjs --generator PATH [--runs 5] [--names-wasm PATH] [--no-readme]
//
// --generator    the cultivate-generate binary (workspaces are generated here, in memory)
// --names-wasm   the same build's wasm before wasm-opt (it keeps the function names); when
//                given, one extra profiled pass attributes the time of the slow steps to
//                Rust functions (diagnostics only, printed, not written to README.md)
// --diagnostics-only  only that profiled pass (needs --names-wasm)
//
// Every timed step runs in a fresh browser context (empty storage). What each figure measures
// is printed under the tables.
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { DIST_DIR, REPO_ROOT, KEY_WORKSPACE, launchBrowser, newContext, gotoApp, createWorkspace, navigate, saveStatus } from '../tests/e2e/lib/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const RUNS = Math.max(1, Number(opt('--runs', '5')));
const GENERATOR = opt('--generator', null);
const NAMES_WASM = opt('--names-wasm', null);
const WRITE_README = !args.includes('--no-readme');
const DIAGNOSTICS_ONLY = args.includes('--diagnostics-only');
if (!GENERATOR) {
  console.error('usage: node scripts/bench.mjs --generator path/to/cultivate-generate [--runs N] [--names-wasm file] [--no-readme]');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
const int = (n) => Math.round(n).toLocaleString('en');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : 'n/a');
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const log = (...a) => console.error('  ·', ...a);

/** Runs the generator with `genArgs` and returns its output (one line of JSON) as a string. */
function generate(genArgs) {
  return execFileSync(GENERATOR, [...genArgs, '--seed', '1'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }).trim();
}

/** People, communities, memberships, meetings, stories and size of a workspace file. */
function describe(text) {
  const data = JSON.parse(text).data;
  const sum = (f) => data.communities.reduce((n, c) => n + f(c), 0);
  const counts = {
    people: data.people.length,
    organisations: data.organisations.length,
    communities: data.communities.length,
    memberships: sum((c) => c.memberships.length),
    meetings: sum((c) => c.facilitation?.meetings?.length ?? 0),
    stories: sum((c) => c.evaluation?.stories?.length ?? 0),
  };
  const info = `${int(counts.people)} people, ${counts.communities} communities, ${int(counts.memberships)} memberships, ${int(counts.meetings)} meetings, ${int(counts.stories)} stories; ${kb(text.length)} of JSON`;
  return { data, counts, info, chars: text.length };
}

// ---------------------------------------------------------------------------------------------
// In-page timing. Installed in every page (addInitScript runs before the app and is not
// subject to its Content-Security-Policy).
//
// `watch` observes DOM changes from the moment it is created; `done` resolves with the time
// just after the frame that follows the last change (a requestAnimationFrame callback, then a
// task: by then style, layout and paint of that frame have run), once `ready()` holds and
// nothing has changed for `quietMs`. So a figure is "from the event to the updated page
// painted", as a user would see it.

function installBenchHelpers() {
  const frameEnd = () => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)));
  function watch({ ready = () => true, quietMs = 300, timeoutMs = 180_000 } = {}) {
    let lastChange = performance.now();
    let changes = 0;
    let finished = false;
    let quietTimer;
    let resolve;
    let reject;
    const done = new Promise((res, rej) => { resolve = res; reject = rej; });
    const finish = (value, error) => {
      if (finished) return;
      finished = true;
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(limit);
      clearTimeout(quietTimer);
      if (error) reject(error); else resolve(value);
    };
    const check = async () => {
      const seen = lastChange;
      const end = await frameEnd();
      if (finished || lastChange !== seen || !ready()) return;
      clearTimeout(quietTimer);
      quietTimer = setTimeout(() => {
        if (lastChange === seen && ready()) finish({ end, changes });
      }, quietMs);
    };
    const observer = new MutationObserver((records) => {
      changes += records.length;
      lastChange = performance.now();
      check();
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    // A readiness that does not come with a DOM change (rare) is still noticed.
    const poll = setInterval(() => { if (!quietTimer) check(); }, 250);
    const limit = setTimeout(() => finish(null, new Error(`page not ready after ${timeoutMs} ms`)), timeoutMs);
    return { start: check, done };
  }
  /** Arms a measurement that starts at the next `eventType` event (its timeStamp). */
  function arm(eventType, ready, options = {}) {
    const w = watch({ ready, ...options });
    window.__benchPending = new Promise((resolve, reject) => {
      document.addEventListener(eventType, (ev) => {
        const t0 = ev.timeStamp;
        w.start();
        w.done.then(({ end, changes }) => resolve({ ms: end - t0, changes }), reject);
      }, { capture: true, once: true });
    });
  }
  /** Clicks `el` and measures until `ready()`, from just before the click. */
  async function clickAndWait(el, ready, options = {}) {
    const w = watch({ ready, ...options });
    const t0 = performance.now();
    el.click();
    w.start();
    const { end, changes } = await w.done;
    return { ms: end - t0, changes };
  }
  window.__bench = { watch, arm, clickAndWait, frameEnd };
}

async function benchContext(browser, options = {}) {
  const context = await newContext(browser, { actionTimeout: 120_000, ...options });
  await context.addInitScript(installBenchHelpers);
  return context;
}

/** Seeds localStorage with `text` under the workspace key before the app's first load. */
async function seedStorage(context, text) {
  await context.addInitScript(({ key, text }) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      localStorage.setItem(key, text);
      sessionStorage.setItem('bench-seeded', '1');
    }
  }, { key: KEY_WORKSPACE, text });
}

/** In-page click on the element matched by `selector`, timed until `readySelector` matches
 *  (at least `minCount` elements). */
function timeClick(page, selector, readySelector, minCount = 1) {
  return page.evaluate(({ selector, readySelector, minCount }) => {
    const el = document.querySelector(selector);
    if (!el) throw new Error(`nothing matches ${selector}`);
    return window.__bench.clickAndWait(el, () => document.querySelectorAll(readySelector).length >= minCount);
  }, { selector, readySelector, minCount });
}

const navLink = (href) => `nav[aria-label="Main"] a[href="${href}"]`;

// ---------------------------------------------------------------------------------------------
// Sizes

async function sizes() {
  // One row per kind: the page itself, all stylesheets together, the JS glue, the wasm, and
  // the service worker (loaded on its own, not part of the app's start-up).
  const rows = new Map();
  for (const f of await fs.readdir(DIST_DIR)) {
    if (!/\.(wasm|js|css)$/.test(f) && f !== 'index.html') continue;
    const buf = await fs.readFile(path.join(DIST_DIR, f));
    const br = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    const kind = f === 'sw.js' ? 'sw' : f.split('.').pop();
    const row = rows.get(kind) ?? { kind, raw: 0, br: 0, gz: 0, files: 0 };
    rows.set(kind, { kind, raw: row.raw + buf.length, br: row.br + br, gz: row.gz + gz, files: row.files + 1 });
  }
  const order = ['html', 'css', 'js', 'wasm', 'sw'];
  return [...rows.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

// ---------------------------------------------------------------------------------------------
// localStorage capacity, and the largest generated workspace that fits

/** The longest value Chromium stores under the workspace key in an empty origin. */
async function storageLimit(browser, url) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(new URL('manifest.webmanifest', url).href);
  const max = await page.evaluate((key) => {
    let lo = 0;
    let hi = 12_000_000;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try { localStorage.setItem(key, 'x'.repeat(mid)); lo = mid; } catch { hi = mid - 1; }
      localStorage.clear();
    }
    return lo;
  }, KEY_WORKSPACE);
  await context.close();
  return max;
}

/** Size M's shape (per 2,000 people: 10 organisations, 50 communities, 5,000 meetings,
 *  1,000 stories, 2 memberships each), scaled to `people`. */
const mShape = (people) => [
  '--people', String(people),
  '--organisations', String(Math.max(1, Math.round(people / 200))),
  '--communities', String(Math.max(1, Math.round(people / 40))),
  '--memberships', '2',
  '--meetings', String(Math.round(people * 2.5)),
  '--stories', String(Math.round(people / 2)),
];

/** Binary search (in steps of 10 people) for the largest M-shaped workspace whose JSON is at
 *  most `budget` characters. */
function largestFitting(budget) {
  let lo = 10;
  let hi = 200; // in tens of people: 100..2,000 (M itself does not fit)
  let best = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const genArgs = mShape(mid * 10);
    const text = generate(genArgs);
    if (text.length <= budget) { best = { genArgs, text }; lo = mid + 1; } else { hi = mid - 1; }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Start-up

/** Milliseconds from navigation start to the app's `cultivate-mounted` mark. */
async function mountTimes(browser, url, storedText) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await benchContext(browser);
    if (storedText) await seedStorage(context, storedText);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.appReady === '1', null, { timeout: 120_000 });
    const t = await page.evaluate(() => performance.getEntriesByName('cultivate-mounted')[0]?.startTime ?? NaN);
    if (storedText && !(await page.locator('.app-shell').count())) throw new Error('the generated workspace did not open from storage');
    times.push(t);
    await context.close();
  }
  return stats(times);
}

// ---------------------------------------------------------------------------------------------
// Import, export and interactions with a large workspace loaded

/**
 * One run in a fresh context: create a workspace, open the Data page, import `text` through
 * the file input, export, then (when `interactions`) open People, type into its search, and
 * open the portfolio, the Evaluate area and a community's value-creation matrix.
 */
async function workspaceRun(browser, url, name, text, file, desc, { interactions }) {
  const context = await benchContext(browser);
  const page = await context.newPage();
  await gotoApp(page, url);
  await createWorkspace(page, 'Bench');
  await navigate(page, 'Data & backups');
  await page.getByTestId('import-file').waitFor();
  const r = {};

  // Import, step 1: file chosen (its change event) → preview painted.
  await page.evaluate(() => window.__bench.arm('change', () => !!document.querySelector('[data-testid="import-preview"], [data-testid="import-error"]')));
  // A path, as a user picks a file from disk (a buffer would be decoded by playwright's own
  // script in the page first).
  await page.getByTestId('import-file').setInputFiles(file);
  r.pick = (await page.evaluate(() => window.__benchPending)).ms;
  if (await page.getByTestId('import-error').count()) throw new Error(`import of ${name} refused: ${await page.getByTestId('import-error').innerText()}`);

  // Import, step 2: "Import" clicked → success notice painted (backup, replace, save, re-render).
  r.confirm = (await timeClick(page, '[data-testid="import-confirm"]', '[data-testid="import-done"], [data-testid="import-error"]')).ms;
  if (await page.getByTestId('import-error').count()) throw new Error(`import of ${name} failed: ${await page.getByTestId('import-error').innerText()}`);
  r.saveStatus = (await saveStatus(page)).trim();
  r.quotaBanner = await page.getByText('Browser storage is full', { exact: false }).count() > 0;

  // The same text through File.text() + JSON.parse, and JSON.parse alone, in this page.
  const js = await page.evaluate(async (t) => {
    const readParse = [];
    const parseOnly = [];
    for (let i = 0; i < 5; i++) {
      const file = new File([t], 'same.json', { type: 'application/json' });
      const t0 = performance.now();
      const s = await file.text();
      const t1 = performance.now();
      JSON.parse(s);
      const t2 = performance.now();
      readParse.push(t2 - t0);
      parseOnly.push(t2 - t1);
    }
    const med = (xs) => xs.sort((a, b) => a - b)[2];
    return { readParse: med(readParse), parseOnly: med(parseOnly) };
  }, text);
  Object.assign(r, js);

  // Export: click → the file handed to the browser (in-page), → playwright's download event.
  await page.evaluate(() => {
    window.__benchHandoff = new Promise((resolve) => {
      document.addEventListener('click', (ev) => { if (ev.target?.matches?.('a[download]')) resolve(performance.now()); }, { capture: true });
    });
  });
  let downloadAt = NaN;
  const t0 = performance.now();
  const [download, inPage] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }).then((d) => { downloadAt = performance.now(); return d; }),
    page.evaluate(async () => {
      const el = document.querySelector('[data-testid="export-workspace"]');
      const w = window.__bench.watch({ ready: () => [...document.querySelectorAll('p[role="status"]')].some((p) => p.textContent.startsWith('Exported')) });
      const c0 = performance.now();
      el.click();
      w.start();
      const handoff = await window.__benchHandoff;
      const { end } = await w.done;
      return { handoff: handoff - c0, painted: end - c0 };
    }),
  ]);
  r.exportDownload = downloadAt - t0;
  r.exportHandoff = inPage.handoff;
  r.exportPainted = inPage.painted;
  const failure = await download.failure();
  if (failure) throw new Error(`export of ${name} failed: ${failure}`);
  r.exportBytes = (await fs.stat(await download.path())).size;
  await download.delete();

  if (interactions) {
    // People (all rows rendered), then keys typed into the search.
    r.people = (await timeClick(page, navLink('/people'), '[data-testid="people-table"] tbody tr', desc.counts.people)).ms;
    const search = page.getByTestId('people-search');
    await search.focus();
    r.keys = [];
    for (const key of ['a', 'd', 'a', 'Backspace', 'Backspace', 'Backspace']) {
      await page.evaluate(() => window.__bench.arm('keydown', () => true));
      await page.keyboard.press(key);
      const t = await page.evaluate(() => window.__benchPending);
      r.keys.push({ key, ...t, rows: await page.locator('[data-testid="people-table"] tbody tr').count() });
    }
    const shown = await page.locator('[data-testid="people-table"] tbody tr').count();
    if (shown !== desc.counts.people) throw new Error(`after clearing the search, ${shown} of ${desc.counts.people} rows are shown`);

    // The portfolio (Organisation area), the Evaluate area, and the matrix of the community
    // with the most stories.
    r.portfolio = (await timeClick(page, navLink('/organisation'), '[data-testid="portfolio-row"]', desc.counts.communities)).ms;
    r.evaluate = (await timeClick(page, navLink('/evaluate'), '#eval-communities-h ~ ul .card__title a', desc.counts.communities)).ms;
    const richest = desc.data.communities.reduce((a, c) => ((c.evaluation?.stories?.length ?? 0) > (a.evaluation?.stories?.length ?? 0) ? c : a));
    r.matrixCommunity = `${richest.name} (${richest.evaluation?.stories?.length ?? 0} stories)`;
    r.matrix = (await timeClick(page, `main .card__title a[href="/evaluate/${richest.id}"]`, '[data-testid="value-matrix"] tbody tr')).ms;
  }
  await context.close();
  return r;
}

// ---------------------------------------------------------------------------------------------
// A 10,000-row people list: the app against plain JavaScript building the same markup

/** The plain page: the app's own stylesheets and an empty <main>; the rows are built by
 *  `buildPlainList` below, in the page. Served through playwright's routing on the app's
 *  origin, so the stylesheets load from the bench server. */
async function plainPageHtml() {
  const index = await fs.readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  const links = index.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Plain list</title>${links.join('')}</head>
<body><div class="app-shell"><main id="main" class="app-main"></main></div></body></html>`;
}

/** In the plain page: compute the rows the people page shows (name, organisation name, title,
 *  number of communities) from the workspace data, and build the same table markup. */
function buildPlainList(data) {
  const t0 = performance.now();
  const orgs = new Map(data.organisations.map((o) => [o.id, o.name]));
  const counts = new Map();
  for (const c of data.communities) for (const m of c.memberships) counts.set(m.person_id, (counts.get(m.person_id) ?? 0) + 1);
  const rows = data.people.map((p) => [p.id, p.name, p.organisation_id ? orgs.get(p.organisation_id) ?? '(unknown organisation)' : '', p.title, counts.get(p.id) ?? 0]);
  const t1 = performance.now();
  const el = (tag, attrs = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const tbody = el('tbody');
  for (const [id, name, org, title, n] of rows) {
    tbody.append(el('tr', {}, el('td', {}, el('a', { href: `/people/${id}` }, name)), el('td', {}, org), el('td', {}, title), el('td', { class: 'num' }, String(n))));
  }
  const table = el('table', { class: 'data-table', 'data-testid': 'people-table' },
    el('caption', { class: 'visually-hidden' }, 'People in this workspace'),
    el('thead', {}, el('tr', {}, ...['Name', 'Organisation', 'Title'].map((h) => el('th', { scope: 'col' }, h)), el('th', { scope: 'col', class: 'num' }, 'Communities'))),
    tbody);
  const main = document.getElementById('main');
  main.append(
    el('div', { class: 'page-header' }, el('h1', {}, 'People & organisations')),
    el('section', { class: 'section' }, el('h2', {}, 'People'), el('p', { class: 'muted', role: 'status' }, `${rows.length} of ${rows.length} people`),
      el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Scrollable table' }, table)),
  );
  return window.__bench.frameEnd().then((end) => ({ ms: end - t0, compute: t1 - t0, rows: tbody.children.length }));
}

async function listRun(browser, url, text, desc, plainHtml) {
  const context = await benchContext(browser);
  await seedStorage(context, text);
  await context.route('**/__bench/plain-people.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: plainHtml }));
  const page = await context.newPage();
  await gotoApp(page, url, { timeout: 120_000 });
  if (!(await page.locator('.app-shell').count())) throw new Error('the 10,000-people workspace did not open from storage');
  const app = await timeClick(page, navLink('/people'), '[data-testid="people-table"] tbody tr', desc.counts.people);
  const appRows = await page.locator('[data-testid="people-table"] tbody tr').count();
  const plainPage = await context.newPage();
  await plainPage.goto(new URL('__bench/plain-people.html', url).href);
  const data = { organisations: desc.data.organisations, people: desc.data.people, communities: desc.data.communities.map((c) => ({ memberships: c.memberships.map((m) => ({ person_id: m.person_id })) })) };
  const plain = await plainPage.evaluate(buildPlainList, data);
  await context.close();
  return { app: app.ms, appRows, plain: plain.ms, plainCompute: plain.compute, plainRows: plain.rows };
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: CPU profiles of the slow steps, with the un-optimised wasm that keeps names

function summariseProfile(profile, top = 8) {
  // Self time per function. Rust functions come from the wasm (url wasm://…); "js" marks
  // functions of the JS glue or the bench helpers, "native" the browser's own (DOM calls,
  // TextDecoder, Blob, the garbage collector).
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const clean = (cf) => (cf.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}$/, '').replace(/^\$/, '');
  const kindOf = (cf) => (/\.wasm|^wasm:/.test(cf.url) ? 'wasm' : cf.url ? 'js' : 'native');
  // The nearest caller that is the app's own code (not an iterator adapter, closure or
  // library), so that inlined loops are attributed to the function that runs them.
  const appCaller = (id, includeSelf = false) => {
    for (let p = includeSelf ? id : parent.get(id); p != null; p = parent.get(p)) {
      const cf = byId.get(p).callFrame;
      const name = clean(cf);
      if (kindOf(cf) === 'wasm' && /^cultivate::/.test(name)) return name.replace(/^cultivate::/, '');
    }
    return null;
  };
  const deltas = profile.timeDeltas;
  const byApp = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const cf = byId.get(id).callFrame;
    const fn = clean(cf);
    if (fn === '(idle)') return;
    const kind = kindOf(cf);
    const caller = kind === 'wasm' && !/^cultivate::/.test(fn) ? appCaller(id) : null;
    const key = `${kind} ${fn}${kind === 'js' && fn === '(anonymous)' ? ` ${cf.url.split('/').pop()}:${cf.lineNumber + 1}` : ''}${caller ? `  ← ${caller}` : ''}`;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
    const owner = kind === 'wasm' ? appCaller(id, true) ?? '(Rust outside the app\'s own functions)' : kind === 'js' ? '(JS glue)' : '(browser)';
    byApp.set(owner, (byApp.get(owner) ?? 0) + dt);
  });
  const groups = [
    ['Rust: JSON text → serde_json::Value', /^wasm [^←]*(serde_json::(de|read)::|serde_json::value::de::<impl serde_core::de::Deserialize for serde_json::value::Value>|ValueVisitor)/],
    ['Rust: serde (Value → records, or serialising)', /^wasm [^←]*(serde|decode_|format::)/],
    ['Rust: validation', /^wasm [^←]*(validate|Checker)/],
    ['Rust: clone / drop / allocation', /^wasm [^←]*(clone|drop|dlmalloc|alloc::|memcpy|memmove|realloc)/],
    ['Rust: Leptos / tachys (rendering, reactivity)', /^wasm [^←]*(tachys|leptos|reactive_graph|any_spawner|or_poisoned)/],
    ['Rust: other', /^wasm /],
    ['JS glue (wasm-bindgen) and bench helpers', /^js /],
    ['Browser: garbage collection', /^native \(garbage collector\)/],
    ['Browser: style, layout, paint, other native work', /^native \(program\)/],
    ['Browser: DOM, strings, blobs', /^native /],
  ];
  const grouped = new Map(groups.map(([g]) => [g, 0]));
  for (const [key, t] of self) {
    const g = groups.find(([, re]) => re.test(key));
    grouped.set(g[0], grouped.get(g[0]) + t);
  }
  const topList = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const apps = [...byApp.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { total, grouped: [...grouped.entries()].filter(([, t]) => t > 0).sort((a, b) => b[1] - a[1]), top: topList, apps };
}

async function profiled(page, fn) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { wall, ...summariseProfile(profile) };
}

async function diagnostics(browser, url, mFile, mDesc, listText, listDesc, lText) {
  const out = [];
  const wasm = await fs.readFile(NAMES_WASM);
  const ctx = async () => {
    const context = await benchContext(browser, { serviceWorkers: 'block' });
    await context.route(/_bg\.wasm$/, (route) => route.fulfill({ contentType: 'application/wasm', body: wasm }));
    return context;
  };
  {
    const context = await ctx();
    await seedStorage(context, lText);
    const page = await context.newPage();
    out.push(['Start-up with L stored (navigation → mounted)', await profiled(page, async () => { await gotoApp(page, url, { timeout: 120_000 }); })]);
    await context.close();
  }
  {
    const context = await ctx();
    const page = await context.newPage();
    await gotoApp(page, url);
    await createWorkspace(page, 'Bench');
    await navigate(page, 'Data & backups');
    out.push(['Import M: file chosen → preview', await profiled(page, async () => {
      await page.getByTestId('import-file').setInputFiles(mFile);
      await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    })]);
    out.push(['Import M: "Import" clicked → done', await profiled(page, async () => {
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
    })]);
    out.push(['Export M', await profiled(page, async () => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-workspace').click()]);
      await d.failure();
    })]);
    out.push(['Open People with M (2,000 rows)', await profiled(page, () => timeClick(page, navLink('/people'), '[data-testid="people-table"] tbody tr', mDesc.counts.people))]);
    const search = page.getByTestId('people-search');
    await search.focus();
    const key = async (k) => {
      await page.evaluate(() => window.__bench.arm('keydown', () => true));
      await page.keyboard.press(k);
      await page.evaluate(() => window.__benchPending);
    };
    out.push(['Search keypress "a" with M (2,000 rows stay)', await profiled(page, () => key('a'))]);
    out.push(['Search keypress "d" with M (2,000 → 133 rows)', await profiled(page, () => key('d'))]);
    out.push(['Search keypress Backspace with M (133 → 2,000 rows)', await profiled(page, () => key('Backspace'))]);
    await key('Backspace');
    out.push(['Open the portfolio with M', await profiled(page, () => timeClick(page, navLink('/organisation'), '[data-testid="portfolio-row"]', mDesc.counts.communities))]);
    await context.close();
  }
  {
    const context = await ctx();
    await seedStorage(context, listText);
    const page = await context.newPage();
    await gotoApp(page, url, { timeout: 120_000 });
    out.push(['Open People with 10,000 people', await profiled(page, () => timeClick(page, navLink('/people'), '[data-testid="people-table"] tbody tr', listDesc.counts.people))]);
    await context.close();
  }
  return { sizes: await codeSizes(NAMES_WASM), profiles: out };
}

/** Code size per crate (and per module of this app) from the named wasm's name section:
 *  what the bundle is made of. Sizes are before wasm-opt, so proportions only. */
async function codeSizes(file) {
  const buf = await fs.readFile(file);
  let p = 8;
  const leb = () => { let r = 0; let sh = 0; let b; do { b = buf[p++]; r += (b & 0x7f) * 2 ** sh; sh += 7; } while (b & 0x80); return r; };
  let imported = 0;
  let data = 0;
  const bodies = [];
  const names = new Map();
  while (p < buf.length) {
    const id = buf[p++];
    const size = leb();
    const end = p + size;
    if (id === 2) {
      for (let i = 0, n = leb(); i < n; i++) {
        for (let k = 0; k < 2; k++) { const len = leb(); p += len; } // module and field names
        const kind = buf[p++];
        if (kind === 0) { leb(); imported++; } else if (kind === 1) { p++; if (leb() & 1) { leb(); leb(); } else leb(); } else if (kind === 2) { if (leb() & 1) { leb(); leb(); } else leb(); } else if (kind === 3) p += 2; else { p++; leb(); }
      }
    } else if (id === 10) {
      for (let i = 0, n = leb(); i < n; i++) { const sz = leb(); bodies.push(sz); p += sz; }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      const nl = leb();
      const name = buf.toString('utf8', p, p + nl);
      p += nl;
      while (name === 'name' && p < end) {
        const sub = buf[p++];
        const subEnd = leb() + p;
        if (sub === 1) for (let i = 0, n = leb(); i < n; i++) { const idx = leb(); const l = leb(); names.set(idx, buf.toString('utf8', p, p + l)); p += l; }
        p = subEnd;
      }
    }
    p = end;
  }
  const crates = new Map();
  const modules = new Map();
  bodies.forEach((sz, i) => {
    const n = (names.get(i + imported) ?? '').replace(/^<+/, '').replace(/^(impl|dyn) /, '');
    const crate = n.match(/^([a-z_][a-z0-9_]*)/)?.[1] ?? '(other: trait impls, closures)';
    crates.set(crate, (crates.get(crate) ?? 0) + sz);
    const mod = n.match(/^cultivate::([a-z_]+(::[a-z_]+)?)/)?.[1];
    if (mod) modules.set(mod, (modules.get(mod) ?? 0) + sz);
  });
  const code = bodies.reduce((a, b) => a + b, 0);
  const top = (m, k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
  return { code, data, crates: top(crates, 10), modules: top(modules, 8) };
}

function printDiagnostics(diag) {
  const { sizes: cs, profiles } = diag;
  console.log(`\nDiagnostics: what the wasm is made of (before wasm-opt: ${kb(cs.code)} of code, ${kb(cs.data)} of data such as texts and catalogues)`);
  for (const [c, t] of cs.crates) console.log(`    ${c.padEnd(42)} ${kb(t).padStart(10)}  ${((100 * t) / cs.code).toFixed(0)}%`);
  console.log('  the app\'s own modules:');
  for (const [c, t] of cs.modules) console.log(`      ${c.padEnd(40)} ${kb(t).padStart(10)}`);
  console.log('\nDiagnostics: CPU profiles (200 µs sampling, with the wasm before wasm-opt so that Rust names show; slower than the measured build, proportions only):');
  for (const [label, p] of profiles) {
    console.log(`\n${label}: ${ms(p.wall)} wall, ${ms(p.total)} sampled on the main thread (idle time left out)`);
    for (const [g, t] of p.grouped) console.log(`    ${g.padEnd(42)} ${ms(t).padStart(9)}  ${((100 * t) / p.total).toFixed(0)}%`);
    console.log('  top functions (self time):');
    for (const [f, t] of p.top) console.log(`      ${ms(t).padStart(9)}  ${f.slice(0, 160)}`);
    console.log('  by the app\'s own Rust function running (its time plus the library code it calls):');
    for (const [f, t] of p.apps) console.log(`      ${ms(t).padStart(9)}  ${f.slice(0, 160)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const wallStart = performance.now();
const loadStart = os.loadavg()[0];
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cultivate-bench-'));
const mFile = path.join(tmp, 'generated-m.json');
const lFile = path.join(tmp, 'generated-l.json');
const server = await startServer({ root: DIST_DIR });
const browser = await launchBrowser();
try {
  console.error('== sizes');
  const sz = await sizes();
  const sum = (kinds) => sz.filter((r) => kinds.includes(r.kind)).reduce((a, r) => ({ raw: a.raw + r.raw, br: a.br + r.br, gz: a.gz + r.gz }), { raw: 0, br: 0, gz: 0 });
  const app = sum(['wasm', 'js']);
  const whole = sum(['html', 'css', 'wasm', 'js']);

  console.error('== workspaces');
  const limit = await storageLimit(browser, server.url);
  // L must also leave room for what an import stores next to it: the backup of the workspace
  // it replaces (a new, empty one: its catalogues are about 90,000 characters) and the index.
  const IMPORT_ROOM = 131_072;
  const budget = limit - IMPORT_ROOM;
  const sText = generate(['--size', 'S']);
  const mText = generate(['--size', 'M']);
  const namedL = generate(['--size', 'L']).length;
  const fit = largestFitting(budget);
  if (!fit) throw new Error(`no M-shaped workspace of 100 people or more fits in ${budget} characters`);
  const lText = fit.text;
  // 10,000 people, one membership each, spread over 20 communities; no meetings or stories.
  const listText = generate(['--people', '10000', '--communities', '20', '--organisations', '5', '--memberships', '1']);
  const S = describe(sText);
  const M = describe(mText);
  const L = describe(lText);
  const LIST = describe(listText);
  const listFits = listText.length <= limit;
  await fs.writeFile(mFile, mText);
  await fs.writeFile(lFile, lText);
  log(`localStorage holds ${int(limit)} characters under ${KEY_WORKSPACE}; L = ${L.info} (${fit.genArgs.join(' ')})`);
  if (DIAGNOSTICS_ONLY) {
    printDiagnostics(await diagnostics(browser, server.url, mFile, M, listText, LIST, lText));
    process.exitCode = 0;
  } else {

  console.error(`== start-up (${RUNS} runs each)`);
  const upEmpty = await mountTimes(browser, server.url, null);
  const upS = await mountTimes(browser, server.url, sText);
  const upL = await mountTimes(browser, server.url, lText);

  console.error(`== import, export and interactions (${RUNS} runs each of M and L)`);
  const mRuns = [];
  const lRuns = [];
  for (let i = 0; i < RUNS; i++) {
    mRuns.push(await workspaceRun(browser, server.url, 'generated-m', mText, mFile, M, { interactions: true }));
    log(`M run ${i + 1}: pick ${ms(mRuns.at(-1).pick)}, confirm ${ms(mRuns.at(-1).confirm)}, keys ${mRuns.at(-1).keys.map((k) => ms(k.ms)).join(' ')}`);
    lRuns.push(await workspaceRun(browser, server.url, 'generated-l', lText, lFile, L, { interactions: false }));
    log(`L run ${i + 1}: pick ${ms(lRuns.at(-1).pick)}, confirm ${ms(lRuns.at(-1).confirm)}, save status "${lRuns.at(-1).saveStatus}"`);
  }

  console.error(`== 10,000-row list against plain JS (${RUNS} runs)`);
  if (!listFits) throw new Error(`the 10,000-people workspace (${listText.length} characters) does not fit localStorage`);
  const plainHtml = await plainPageHtml();
  const listRuns = [];
  for (let i = 0; i < RUNS; i++) listRuns.push(await listRun(browser, server.url, listText, LIST, plainHtml));

  let diag = null;
  if (NAMES_WASM) {
    console.error('== diagnostics: CPU profiles with the named (pre-wasm-opt) wasm');
    diag = await diagnostics(browser, server.url, mFile, M, listText, LIST, lText);
  }

  // -------------------------------------------------------------------------------------------
  // Tables
  const col = (runs, f) => stats(runs.map(f));
  const row = (label, s) => `| ${label} | ${ms(s.median)} | ${ms(s.min)} | ${ms(s.max)} |`;
  const m = {
    pick: col(mRuns, (r) => r.pick), confirm: col(mRuns, (r) => r.confirm), total: col(mRuns, (r) => r.pick + r.confirm),
    readParse: col(mRuns, (r) => r.readParse), parseOnly: col(mRuns, (r) => r.parseOnly),
    download: col(mRuns, (r) => r.exportDownload), handoff: col(mRuns, (r) => r.exportHandoff), exportPainted: col(mRuns, (r) => r.exportPainted),
    people: col(mRuns, (r) => r.people), portfolio: col(mRuns, (r) => r.portfolio), evaluate: col(mRuns, (r) => r.evaluate), matrix: col(mRuns, (r) => r.matrix),
  };
  const l = {
    pick: col(lRuns, (r) => r.pick), confirm: col(lRuns, (r) => r.confirm), total: col(lRuns, (r) => r.pick + r.confirm),
    readParse: col(lRuns, (r) => r.readParse), parseOnly: col(lRuns, (r) => r.parseOnly),
    download: col(lRuns, (r) => r.exportDownload), handoff: col(lRuns, (r) => r.exportHandoff), exportPainted: col(lRuns, (r) => r.exportPainted),
  };
  const keyNames = mRuns[0].keys.map((k) => k.key);
  const typed = keyNames.map((key, i) => ({ key, s: col(mRuns, (r) => r.keys[i].ms), rows: mRuns[0].keys[i].rows }));
  const allKeys = stats(mRuns.flatMap((r) => r.keys.map((k) => k.ms)));
  const list = { app: col(listRuns, (r) => r.app), plain: col(listRuns, (r) => r.plain), plainCompute: col(listRuns, (r) => r.plainCompute), ratio: col(listRuns, (r) => r.app / r.plain) };
  const importRatioM = col(mRuns, (r) => r.pick / r.readParse);
  const importRatioL = col(lRuns, (r) => r.pick / r.readParse);
  const parseRatioM = col(mRuns, (r) => r.pick / r.parseOnly);
  const mSave = [...new Set(mRuns.map((r) => r.saveStatus))].join(' / ');
  const lSave = [...new Set(lRuns.map((r) => r.saveStatus))].join(' / ');
  const mQuota = mRuns.some((r) => r.quotaBanner);
  const typedPath = 'a → ad → ada → ad → a → (empty)';

  const chromium = execFileSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const date = new Date().toISOString().slice(0, 10);
  const lArgs = fit.genArgs.join(' ');
  const worstInteraction = Math.max(allKeys.median, m.people.median, m.portfolio.median, m.evaluate.median, m.matrix.median, m.exportPainted.median);
  const worstName = [['a search keypress', allKeys.median], ['opening People', m.people.median], ['opening the portfolio', m.portfolio.median], ['opening Evaluate', m.evaluate.median], ['opening the matrix', m.matrix.median], ['export', m.exportPainted.median]]
    .sort((a, b) => b[1] - a[1])[0][0];
  const met = (ok) => (ok ? 'yes' : '**no**');
  const ratio = (x) => `${x.toFixed(2)}×`;

  const lines = [
    `Measured ${date} by \`scripts/bench\` on ${os.cpus().length} cores (${os.cpus()[0]?.model?.trim() ?? 'unknown CPU'}; load average ${loadStart.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end), ${chromium}, headless; median of ${RUNS} runs, each in a fresh browser context.`,
    '',
    '| What | Raw | Brotli (q11) | Gzip (-9) |',
    '|---|---:|---:|---:|',
    ...sz.map((r) => `| ${{ html: 'index.html', wasm: 'WebAssembly', js: 'JS glue', css: `CSS (${r.files} files)`, sw: 'Service worker (loaded separately)' }[r.kind]} | ${kb(r.raw)} | ${kb(r.br)} | ${kb(r.gz)} |`),
    `| **App (wasm + JS)** | **${kb(app.raw)}** | **${kb(app.br)}** | **${kb(app.gz)}** |`,
    `| **Whole app as loaded (HTML + CSS + JS + wasm)** | **${kb(whole.raw)}** | **${kb(whole.br)}** | **${kb(whole.gz)}** |`,
    '',
    `Workspaces (\`cultivate-generate ... --seed 1\`): S = \`--size S\`; M = \`--size M\`; L = the largest workspace of M's shape whose JSON fits localStorage with room for the backup an import makes (\`${lArgs}\`). Chromium's localStorage holds ${int(limit)} characters under \`${KEY_WORKSPACE}\` (10 MiB of UTF-16 per origin, key included). The generator's own \`--size L\` (ten times M) is ${mb(namedL)} of JSON.`,
    '',
    '| Start-up: navigation to app mounted | Median | Min | Max |',
    '|---|---:|---:|---:|',
    row('Empty browser (welcome screen)', upEmpty),
    row(`S from storage (${S.info})`, upS),
    row(`L from storage (${L.info})`, upL),
    `| M from storage (${M.info}) | does not fit localStorage | | |`,
    `| Generator's \`--size L\` (${mb(namedL)} of JSON) | does not fit localStorage | | |`,
    '',
    '| Import and export (Data page) | Median | Min | Max |',
    '|---|---:|---:|---:|',
    row('Import M: file chosen → preview painted (read, parse, migrate, validate, plan)', m.pick),
    row('Import M: "Import" clicked → success notice painted (backup, replace, save, re-render)', m.confirm),
    row('Import M: both steps', m.total),
    row('Export M: click → file handed to the browser (in-page)', m.handoff),
    row(`Export M: click → download event (${mb(mRuns[0].exportBytes)} file)`, m.download),
    row('Import L: file chosen → preview painted', l.pick),
    row('Import L: "Import" clicked → success notice painted', l.confirm),
    row('Import L: both steps', l.total),
    row('Export L: click → file handed to the browser (in-page)', l.handoff),
    row(`Export L: click → download event (${mb(lRuns[0].exportBytes)} file)`, l.download),
    '',
    `After importing M the save ${mQuota ? 'fails with the quota banner' : 'status is'} ("${mSave}"): M stays in memory only, which is what the interactions below use. After importing L: "${lSave}".`,
    '',
    `| With M loaded (in memory, after the import) | Median | Min | Max |`,
    '|---|---:|---:|---:|',
    row(`Open People (nav click → all ${int(M.counts.people)} rows painted)`, m.people),
    ...typed.map(({ key, s, rows }, i) => row(`Search keypress ${i + 1}: \`${key}\`, ${typedPath.split(' → ')[i] === '(empty)' ? 'query emptied' : `query "${typedPath.split(' → ')[i]}"`} → ${int(rows)} rows painted`, s)),
    row(`Search keypress, all ${allKeys.n} (${RUNS} runs × ${keyNames.length} keys)`, allKeys),
    row(`Open Organisation (portfolio, ${M.counts.communities} rows)`, m.portfolio),
    row(`Open Evaluate (${M.counts.communities} community cards)`, m.evaluate),
    row(`Open the value-creation matrix of ${mRuns[0].matrixCommunity}`, m.matrix),
    '',
    '| Ratios, measured in the same page and run | Median | Min | Max |',
    '|---|---:|---:|---:|',
    `| Import M (file chosen → preview painted) ÷ JS \`File.text()\` + \`JSON.parse\` of the same text (${ms(m.readParse.median)}) | ${ratio(importRatioM.median)} | ${ratio(importRatioM.min)} | ${ratio(importRatioM.max)} |`,
    `| Import L (file chosen → preview painted) ÷ JS \`File.text()\` + \`JSON.parse\` of the same text (${ms(l.readParse.median)}) | ${ratio(importRatioL.median)} | ${ratio(importRatioL.min)} | ${ratio(importRatioL.max)} |`,
    `| People list, ${int(LIST.counts.people)} rows: app (nav click → rows painted, ${ms(list.app.median)}) ÷ plain JS (same rows computed and built, ${ms(list.plain.median)}) | ${ratio(list.ratio.median)} | ${ratio(list.ratio.min)} | ${ratio(list.ratio.max)} |`,
    '',
    '| Target (issue #9) | Measured | Met? |',
    '|---|---|---|',
    `| Whole app ≤ 200 KB brotli | ${kb(whole.br)} (HTML + CSS + JS + wasm); wasm + JS alone ${kb(app.br)} | ${met(whole.br <= 200_000)} |`,
    `| Import parse within 2× of \`JSON.parse\` for ≥ 1 MB | M: ${ratio(importRatioM.median)}, L: ${ratio(importRatioL.median)} (the app's whole read-to-preview step; no parse-only timing is exposed) | ${met(importRatioM.median <= 2 && importRatioL.median <= 2)} |`,
    `| List render within 1.3× of plain JS | ${ratio(list.ratio.median)} (${int(LIST.counts.people)} rows) | ${met(list.ratio.median <= 1.3)} |`,
    `| No interaction above 100 ms with M loaded | slowest: ${worstName}, ${ms(worstInteraction)}; search keys ${ms(allKeys.median)} median, ${ms(allKeys.max)} max | ${met(worstInteraction <= 100 && allKeys.max <= 100)} |`,
    `| Start-up of the largest workspace that fits storage (no target in #9) | L: ${ms(upL.median)} | — |`,
  ];
  const table = lines.join('\n');
  console.log(table);

  const notes = [
    '',
    'What the figures measure (in-page times come from `performance.now()` and event time stamps):',
    '- Start-up: navigation start → the app\'s `cultivate-mounted` performance mark (set once the stored workspace is decoded and the first screen built).',
    '- Every in-page figure runs from the event (its timeStamp, or just before an in-page click) to the end of the frame that follows the last DOM change (requestAnimationFrame, then a task), with 300 ms of quiet to be sure the page has settled.',
    '- Import, step 1 covers the app\'s File.text(), decoding (serde_json to a Value tree, migration, decoding the records, validation), planning the import against the current workspace and rendering the preview. No timing of the parse alone is exposed by the app, so the ratio compares this whole step with File.text() + JSON.parse in JS.',
    `- JSON.parse alone of M in the same page: ${ms(m.parseOnly.median)}; of L: ${ms(l.parseOnly.median)}. Import M step 1 ÷ JSON.parse alone: ${ratio(parseRatioM.median)}.`,
    `- Plain JS list: the same rows (organisation names and membership counts from Maps: ${ms(list.plainCompute.median)}) built with createElement into the same markup and stylesheets.`,
    `- App rows rendered: ${listRuns[0].appRows} of ${int(LIST.counts.people)} (no pagination or virtualisation); plain: ${listRuns[0].plainRows}.`,
    `- Wall time of the measuring: ${(performance.now() - wallStart) / 1000 | 0} s.`,
  ];
  console.log(notes.join('\n'));
  const block = `${table}\n${notes.join('\n')}`;

  if (diag) printDiagnostics(diag);

  if (WRITE_README) {
    const readmePath = path.join(REPO_ROOT, 'README.md');
    const readme = await fs.readFile(readmePath, 'utf8').catch(() => '');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    if (readme.includes(start) && readme.includes(end)) {
      const next = readme.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => `${start}\n${block}\n${end}`);
      await fs.writeFile(readmePath, next);
      console.log('README.md updated');
    } else {
      console.log('README.md has no bench markers; table not written');
    }
  }
  }
} finally {
  await browser.close();
  await server.close();
  await fs.rm(tmp, { recursive: true, force: true });
}
