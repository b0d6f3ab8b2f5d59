// End-to-end test helpers: Debian's Chromium driven by playwright-core.
//
// playwright-core never downloads a browser; we point it at /usr/bin/chromium
// (installed by `scripts/setup --browser`). Typical test file:
//
//   import { test, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { startServer } from './lib/server.mjs';
//   import { DIST_DIR, launchBrowser, newContext, gotoApp } from './lib/harness.mjs';
//
//   let server, browser;
//   before(async () => { server = await startServer({ root: DIST_DIR }); browser = await launchBrowser(); });
//   after(async () => { await browser?.close(); await server?.close(); });
//
//   test('loads', async () => {
//     const context = await newContext(browser);      // fresh storage per context
//     const page = await context.newPage();
//     await gotoApp(page, server.url);                 // waits for <body data-app-ready="1">
//     assert.deepEqual(page.consoleErrors, []);
//     await context.close();
//   });

import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// CULTIVATE_DIST lets parallel builds test their own output.
export const DIST_DIR = process.env.CULTIVATE_DIST || path.join(REPO_ROOT, 'dist');

/** The format version this build writes, read from the Rust source so tests follow a bump. */
export const SCHEMA_VERSION = Number(
  (await fs.readFile(path.join(REPO_ROOT, 'src/storage/format.rs'), 'utf8')).match(/pub const SCHEMA_VERSION: u64 = (\d+);/)[1],
);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Same flags as webdriver.json. The background-networking/component/sync flags
// keep Chromium from dialling out on this machine's closed network.
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch headless Chromium (one per test file; close it in `after`). Each launch
 *  gets a fresh temporary profile directory from playwright. */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** A fresh browser context: empty localStorage/IndexedDB/cookies. Downloads are
 *  accepted; actions time out after `actionTimeout` ms (10 s). Extra playwright
 *  context options may be passed. */
export async function newContext(browser, { actionTimeout = 10_000, ...options } = {}) {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: 'UTC',
    ...options,
  });
  // Locator actions and waits fail after 10 s instead of playwright's 30 s, so a
  // missing element fails the test quickly with a clear "waiting for ..." log.
  context.setDefaultTimeout(actionTimeout);
  return context;
}

/** Start collecting console errors and uncaught page errors into
 *  `page.consoleErrors` (idempotent). gotoApp calls this for you; call it
 *  yourself for popups or pages you navigate without gotoApp. */
export function collectErrors(page) {
  if (page.consoleErrors) return page.consoleErrors;
  const errors = [];
  page.consoleErrors = errors;
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc?.url ? ` (${loc.url}${loc.lineNumber != null ? `:${loc.lineNumber}` : ''})` : '';
    errors.push(`console.error: ${msg.text()}${where}`);
  });
  page.on('pageerror', (err) => {
    errors.push(`pageerror: ${err?.stack || err?.message || String(err)}`);
  });
  return errors;
}

/**
 * Open `url` and wait until the app has mounted (`<body data-app-ready="1">`).
 * Console errors and page errors are collected in `page.consoleErrors`.
 * On timeout the error message includes what was collected, which usually says
 * why the wasm did not start.
 */
export async function gotoApp(page, url, { timeout = 30_000 } = {}) {
  const errors = collectErrors(page);
  await page.goto(url, { waitUntil: 'load', timeout });
  try {
    await page.waitForFunction(() => document.body?.dataset.appReady === '1', null, { timeout });
  } catch (err) {
    const detail = errors.length ? `\n  page errors:\n    ${errors.join('\n    ')}` : ' (no console errors)';
    throw new Error(`app at ${url} never set data-app-ready="1" within ${timeout} ms${detail}\n  cause: ${err.message}`);
  }
  return page;
}

let axeSource;
async function loadAxe() {
  axeSource ??= await fs.readFile(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

function formatTarget(target) {
  // axe targets are selector arrays (nested arrays for shadow DOM / iframes).
  return Array.isArray(target) ? target.map(formatTarget).join(' >>> ') : String(target);
}

/**
 * Run axe-core on the current page and return its violations as readable strings,
 * e.g. "color-contrast [serious] Elements must meet minimum color contrast ratio
 * thresholds (2 nodes): .btn, #save". An empty array means no violations.
 * `axeOptions` are merged into axe.run's options (e.g. { runOnly: ['wcag2a', 'wcag2aa'] }
 * or { rules: { 'color-contrast': { enabled: false } } }).
 */
export async function checkA11y(page, axeOptions = {}) {
  const hasAxe = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (!hasAxe) {
    // Evaluated through the DevTools protocol rather than added as a <script>: the app's
    // Content-Security-Policy forbids inline scripts, and evaluation is not subject to it.
    await page.evaluate(await loadAxe());
  }
  const violations = await page.evaluate(async (options) => {
    const result = await window.axe.run(document, { resultTypes: ['violations'], ...options });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target),
    }));
  }, axeOptions);
  return violations.map((v) => {
    const shown = v.targets.slice(0, 3).map(formatTarget).join(', ');
    const more = v.targets.length > 3 ? `, … (+${v.targets.length - 3} more)` : '';
    return `${v.id} [${v.impact ?? 'n/a'}] ${v.help} (${v.targets.length} node${v.targets.length === 1 ? '' : 's'}): ${shown}${more}`;
  });
}

/**
 * Trigger a download with `clickFn` and return `{ suggestedFilename, text }` (the file's
 * bytes as UTF-8). Throws if no download starts within `timeout` or it fails.
 */
export async function downloadFile(page, clickFn, { timeout = 15_000 } = {}) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), clickFn()]);
  const failure = await download.failure();
  if (failure) throw new Error(`download of ${download.suggestedFilename()} failed: ${failure}`);
  const file = await download.path();
  const text = await fs.readFile(file, 'utf8');
  return { suggestedFilename: download.suggestedFilename(), text };
}

/**
 * Trigger a download with `clickFn` (e.g. `() => page.getByRole('button', { name: 'Export' }).click()`)
 * and return `{ suggestedFilename, text, json }`. Throws if no download starts
 * within `timeout` or the file is not valid JSON.
 */
export async function downloadJson(page, clickFn, options = {}) {
  const { suggestedFilename, text } = await downloadFile(page, clickFn, options);
  let json;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(
      `download ${suggestedFilename} is not valid JSON (${err.message}); starts with: ${JSON.stringify(text.slice(0, 200))}`,
    );
  }
  return { suggestedFilename, text, json };
}

// ---------------------------------------------------------------------------
// Cultivate-specific helpers, shared by the test files.

export const KEY_WORKSPACE = 'cultivate.workspace';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries `fn` (which should throw, e.g. through `assert`, while its condition does not
 * hold yet) until it returns without throwing; returns its value. After `timeout` ms
 * the last error is rethrown, so the failure message is the real assertion's.
 */
export async function eventually(fn, { timeout = 5_000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await sleep(interval);
  }
}

/**
 * Fails when `page.consoleErrors` holds anything not matched by one of the `allowed`
 * regular expressions. Each allowance must match at least once (`allowed` entries are
 * `{ pattern: RegExp, count?: number }` or a plain RegExp meaning "exactly once").
 */
export function assertNoConsoleErrors(page, allowed = []) {
  const errors = [...(page.consoleErrors ?? [])];
  const unexpected = [];
  const rules = allowed.map((a) => (a instanceof RegExp ? { pattern: a, count: 1 } : { count: 1, ...a }));
  const seen = rules.map(() => 0);
  for (const e of errors) {
    const i = rules.findIndex((r) => r.pattern.test(e));
    if (i === -1) unexpected.push(e);
    else seen[i] += 1;
  }
  if (unexpected.length) {
    throw new Error(`unexpected console errors:\n  ${unexpected.join('\n  ')}`);
  }
  rules.forEach((r, i) => {
    if (seen[i] !== r.count) {
      throw new Error(
        `expected ${r.count} console error(s) matching ${r.pattern}, saw ${seen[i]}; all errors:\n  ${errors.join('\n  ') || '(none)'}`,
      );
    }
  });
}

// The app keeps its documents in IndexedDB (database `cultivate`, store `kv`, the same keys
// localStorage used to hold) and small settings in localStorage. These helpers read and
// write both from the page, as the app sees them.

/**
 * Runs one operation on the app's IndexedDB store from the page: `get` (a key's text, or
 * localStorage's when the store has none), `put`, `clear` (and localStorage too) or `keys`
 * (the store's and localStorage's, sorted). One function, passed whole to the page: its CSP
 * allows no eval, so the page cannot be given shared helper code any other way.
 */
function inStore(page, op, key = null, value = null) {
  return page.evaluate(async ([op, key, value]) => {
    const settle = (r) =>
      new Promise((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const open = indexedDB.open('cultivate', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('kv'); // as the app creates it
    const db = await settle(open);
    try {
      if (op === 'get') {
        const v = await settle(db.transaction('kv').objectStore('kv').get(key));
        return typeof v === 'string' ? v : localStorage.getItem(key);
      }
      if (op === 'keys') {
        const keys = await settle(db.transaction('kv').objectStore('kv').getAllKeys());
        return [...new Set([...keys.map(String), ...Object.keys(localStorage)])].sort();
      }
      const tx = db.transaction('kv', 'readwrite');
      if (op === 'put') tx.objectStore('kv').put(value, key);
      else tx.objectStore('kv').clear();
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onabort = () => reject(tx.error);
      });
      if (op === 'clear') localStorage.clear();
      return null;
    } finally {
      db.close();
    }
  }, [op, key, value]);
}

/** The raw stored string under `key` (null when absent): from IndexedDB, or localStorage. */
export function storedRaw(page, key = KEY_WORKSPACE) {
  return inStore(page, 'get', key);
}

/** Stores `value` under `key` in the app's IndexedDB store, as another tab or an older
 *  session would have; the app reads it on its next load. */
export async function putStored(page, key, value) {
  await inStore(page, 'put', key, value);
}

/** The stored workspace document, parsed (null when absent). */
export async function storedDoc(page) {
  const raw = await storedRaw(page);
  return raw == null ? null : JSON.parse(raw);
}

/** Empties the app's storage (IndexedDB's store and localStorage), as a fresh browser. */
export async function clearStored(page) {
  await inStore(page, 'clear');
}

/** Every stored key (IndexedDB's and localStorage's), sorted. */
export function storageKeys(page) {
  return inStore(page, 'keys');
}

/** Waits until the stored workspace document satisfies `predicate(doc)` (which may use assert). */
export async function waitForStored(page, predicate, options = {}) {
  return eventually(async () => {
    const doc = await storedDoc(page);
    assert.ok(doc, 'nothing stored under cultivate.workspace');
    const ok = await predicate(doc);
    assert.notEqual(ok, false, 'stored workspace does not satisfy the condition yet');
    return doc;
  }, options);
}

/** The save status pill's text ("Saved 14:05:02", "Saving…", "Not saved", …). */
export function saveStatus(page) {
  return page.getByTestId('save-status').innerText();
}

/**
 * The passing message (toast) is laid out whole: everything in it lies inside its box, the
 * box inside the viewport, and the dismiss button sits beside the message's first line rather
 * than wrapped below it. Waits for the message that contains `hasText` (a string or RegExp);
 * returns its text.
 */
export async function assertToastLayout(page, hasText) {
  // Messages stay until the next one or a dismissal: wait for this one, not the last one.
  const notice = page.getByTestId('notice').filter({ hasText });
  await notice.waitFor();
  const layout = await notice.evaluate((n) => {
    const box = n.getBoundingClientRect();
    const p = n.querySelector('p').getBoundingClientRect();
    const dismiss = n.querySelector('button[aria-label="Dismiss message"]').getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(n.querySelector('p')).lineHeight);
    const outside = [...n.querySelectorAll('*')]
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5))
      .map(([el]) => el.outerHTML.slice(0, 80));
    return {
      text: n.querySelector('p').textContent,
      outside,
      inViewport: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      dismissBesideFirstLine: dismiss.left >= p.right - 0.5 && dismiss.top < p.top + lineHeight,
    };
  });
  assert.deepEqual(layout.outside, [], `nothing sticks out of the message ${JSON.stringify(layout.text)}`);
  assert.ok(layout.inViewport, `the message ${JSON.stringify(layout.text)} is inside the viewport`);
  assert.ok(layout.dismissBesideFirstLine, `the dismiss button of ${JSON.stringify(layout.text)} sits beside its first line`);
  return layout.text;
}

/** Waits until the save status says "Saved …". */
export async function waitForSaved(page, options = {}) {
  await eventually(async () => {
    const text = await saveStatus(page);
    assert.match(text, /^Saved\b/, `save status is ${JSON.stringify(text)}`);
  }, options);
}

/** From the welcome screen: opens the sample workspace and waits for the shell. */
export async function loadSample(page) {
  await page.getByTestId('load-sample').click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await waitForSaved(page);
}

/** From the welcome screen: creates a workspace called `name`. */
export async function createWorkspace(page, name) {
  await page.getByRole('textbox', { name: 'Workspace name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await waitForSaved(page);
}

/** Follows a link of the main navigation (client-side, no reload). */
export async function navigate(page, linkName) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
}

/** Picks `text` as the file `name` in the import panel's file input. */
export async function chooseImportFile(page, name, text) {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}
