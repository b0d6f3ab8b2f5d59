// The safety of the user's data and of the page: user text is never markup, unsafe links
// never go live, an unreadable or newer stored value is kept untouched (and can be
// downloaded and set aside), a full storage never loses the work on screen, and two tabs
// never silently overwrite each other's saves. Before the app mounts, the page says it is
// opening, and explains a storage that does not answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  KEY_WORKSPACE,
  launchBrowser,
  newContext,
  gotoApp,
  assertNoConsoleErrors,
  createWorkspace,
  loadSample,
  navigate,
  downloadFile,
  downloadJson,
  storedRaw,
  storedDoc,
  storageKeys,
  saveStatus,
  waitForSaved,
  waitForStored,
  eventually,
  SCHEMA_VERSION,
  putStored,
  chooseImportFile,
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

/** Fails the test if any alert/confirm/prompt opens (and dismisses it so nothing hangs). */
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', async (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    await d.dismiss().catch(() => {});
  });
  return dialogs;
}

async function addPerson(page, name) {
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByTestId('people-table').getByRole('link', { name, exact: true }).waitFor();
}

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(1)</script>';

test('(a) names with markup render as text: no element, no script, no dialog', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const dialogs = watchDialogs(page);
    await gotoApp(page, server.url);
    await createWorkspace(page, SCRIPT);
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), SCRIPT);

    await navigate(page, 'People & organisations');
    await addPerson(page, SCRIPT);

    await navigate(page, 'Communities');
    await page.getByRole('link', { name: 'New community' }).first().click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(IMG);
    await page.getByRole('button', { name: 'Create community' }).click();
    const h1 = page.getByRole('heading', { level: 1 });
    await eventually(async () => assert.equal(await h1.textContent(), IMG));

    await page.getByRole('combobox', { name: 'Person', exact: true }).selectOption({ label: SCRIPT });
    await page.getByRole('button', { name: 'Add member' }).click();
    assert.equal(await page.getByTestId('member-row').getByRole('link').first().textContent(), SCRIPT);
    await waitForSaved(page);

    // Check the rendered page, then again after a reload from storage.
    for (const pass of ['rendered', 'reloaded']) {
      if (pass === 'reloaded') {
        await gotoApp(page, page.url());
        await eventually(async () => assert.equal(await h1.textContent(), IMG));
      }
      await page.waitForTimeout(200); // give a (wrongly) created <img src=x> time to fail and fire onerror
      assert.equal(await page.locator('main img').count(), 0, `${pass}: an <img> appeared in main`);
      assert.equal(await page.locator('img').count(), 0, `${pass}: an <img> appeared on the page`);
      const scripts = await page.evaluate(() => [...document.scripts].filter((s) => s.textContent.includes('alert(1)')).length);
      assert.equal(scripts, 0, `${pass}: a <script> with the user's text exists`);
      assert.equal(await page.title(), `${IMG} · Cultivate`);
      assert.equal(await page.locator('.brand__workspace').textContent(), SCRIPT);
      assert.equal(await page.getByTestId('member-row').getByRole('link').first().textContent(), SCRIPT);
    }

    await navigate(page, 'People & organisations');
    assert.equal(await page.getByTestId('people-table').getByRole('link').first().textContent(), SCRIPT);
    await navigate(page, 'Overview');
    await page.getByRole('link', { name: IMG, exact: true }).waitFor();

    assert.deepEqual(dialogs, [], 'a dialog opened: user text ran as script');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(a) a javascript: link is refused by the repertoire form', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const dialogs = watchDialogs(page);
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, `${server.url}communities/c-reliability`);
    await page.getByRole('heading', { level: 1, name: 'Reliability Guild' }).waitFor();
    const items = page.getByTestId('practice-list').locator(':scope > li');
    assert.equal(await items.count(), 2);

    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Sneaky');
    await page.getByRole('textbox', { name: 'Link', exact: true }).fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add item' }).click();
    const error = page.locator('#item-link-error');
    await error.waitFor();
    assert.equal(await error.textContent(), "Link uses the 'javascript:' scheme; only http, https and mailto links are allowed");
    assert.equal(await items.count(), 2, 'the item was not added');
    assert.equal(await page.locator('a[href^="javascript" i]').count(), 0);
    assert.deepEqual(dialogs, []);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(a) a stored workspace with a javascript: link is not loaded: recovery screen, no live link', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const dialogs = watchDialogs(page);
    await gotoApp(page, server.url);
    await loadSample(page);
    const doc = await storedDoc(page);
    assert.equal(doc.data.communities[0].practice[0].link, 'https://example.org/reliability/review-template');
    doc.data.communities[0].practice[0].link = 'javascript:alert(1)';
    const raw = JSON.stringify(doc);
    await putStored(page, KEY_WORKSPACE, raw);

    await gotoApp(page, `${server.url}communities/c-reliability`);
    const recovery = page.getByTestId('recovery');
    await recovery.waitFor();
    const paths = await recovery.getByTestId('problem-list').locator('.problem-list__path').allInnerTexts();
    assert.deepEqual(paths, ['communities[0].practice[0].link']);
    assert.equal(await page.locator('a[href^="javascript" i]').count(), 0, 'a live javascript: link exists');
    await page.waitForTimeout(400);
    assert.equal(await storedRaw(page), raw, 'the stored value is untouched');
    assert.deepEqual(dialogs, []);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

const CORRUPT = '{"format":"cultivate-workspace","schema_version":1, garbage';

/** A context whose storage holds `raw` before the app's first load (seeded once, so a
 *  reload sees whatever the app left there). */
async function contextWithStored(raw) {
  const context = await newContext(browser);
  await context.addInitScript((value) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      localStorage.setItem('cultivate.workspace', value);
      sessionStorage.setItem('e2e-seeded', '1');
    }
  }, raw);
  return context;
}

test('(b) a corrupt stored value opens the recovery screen, stays untouched and downloads byte for byte', async () => {
  const context = await contextWithStored(CORRUPT);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    const recovery = page.getByTestId('recovery');
    await recovery.waitFor();
    assert.equal(await recovery.getByRole('heading', { level: 1 }).textContent(), 'Your stored workspace could not be opened');
    assert.match(await recovery.getByRole('alert').innerText(), /This is not valid JSON: .*line 1, column \d+/);
    assert.match(await recovery.innerText(), new RegExp(`The stored value is ${CORRUPT.length} characters long`));
    assert.equal(await page.getByRole('navigation', { name: 'Main' }).count(), 0, 'no workspace shell');

    await page.waitForTimeout(400);
    assert.equal(await storedRaw(page), CORRUPT, 'loading left the stored value untouched');
    assert.deepEqual(await storageKeys(page), [KEY_WORKSPACE]);

    const file = await downloadFile(page, () => page.getByTestId('download-raw').click());
    assert.equal(file.text, CORRUPT, 'the download is the stored value, byte for byte');
    assert.match(file.suggestedFilename, /^cultivate-unreadable-\d{4}-\d{2}-\d{2}\.json$/);

    // A reload still finds it untouched.
    await gotoApp(page, server.url);
    await recovery.waitFor();
    assert.equal(await storedRaw(page), CORRUPT);
    assert.deepEqual(await storageKeys(page), [KEY_WORKSPACE]);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(b) starting a new workspace from the recovery screen sets the raw value aside and saves the new one', async () => {
  const context = await contextWithStored(CORRUPT);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await page.getByTestId('recovery').waitFor();

    // Only after a confirmation.
    await page.getByRole('textbox', { name: 'Name of a new workspace', exact: true }).fill('Fresh start');
    await page.getByTestId('recovery-start-new').click();
    const dialog = page.getByRole('alertdialog', { name: 'Start a new workspace?' });
    await dialog.waitFor();
    assert.equal(await storedRaw(page), CORRUPT, 'nothing happens before the confirmation');
    await dialog.getByTestId('confirm-yes').click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Fresh start');

    // The raw value is kept under a recovery key, exactly.
    const keys = await storageKeys(page);
    const recoveryKeys = keys.filter((k) => /^cultivate\.recovery\.\d+$/.test(k));
    assert.equal(recoveryKeys.length, 1, `keys: ${keys.join(', ')}`);
    assert.equal(await storedRaw(page, recoveryKeys[0]), CORRUPT, 'the raw value is kept under the recovery key');

    // The new workspace is saved, with no false alarm about another tab.
    await page.waitForTimeout(400);
    const status = await saveStatus(page);
    const conflict = await page.getByTestId('conflict-banner').allInnerTexts();
    assert.deepEqual(conflict, [], `a conflict banner appeared (save status "${status}")`);
    assert.match(status, /^Saved\b/);
    const doc = await storedDoc(page);
    assert.equal(doc.data.name, 'Fresh start');

    // It is what opens next time.
    await gotoApp(page, server.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Fresh start');

    // The Data page lists the set-aside value and downloads it unchanged.
    await navigate(page, 'Data & backups');
    const setAside = page.getByRole('region', { name: 'Set-aside data' });
    await setAside.waitFor();
    assert.match(await setAside.innerText(), new RegExp(`${CORRUPT.length} characters`));
    const again = await downloadFile(page, () => setAside.getByRole('button', { name: 'Download' }).click());
    assert.equal(again.text, CORRUPT);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(c) a workspace stored by a newer version opens the recovery screen and is left untouched', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const doc = await storedDoc(page);
    doc.schema_version += 1; // one newer than this build writes
    const raw = JSON.stringify(doc);
    await putStored(page, KEY_WORKSPACE, raw);

    await gotoApp(page, server.url);
    const recovery = page.getByTestId('recovery');
    await recovery.waitFor();
    const text = await recovery.innerText();
    assert.match(text, new RegExp(`written by a newer version of Cultivate \\(format version ${SCHEMA_VERSION + 1}\\); this version reads up to ${SCHEMA_VERSION}\\.`));
    assert.match(text, /It was saved by a newer version of Cultivate\./);
    assert.equal(await recovery.getByTestId('problem-list').count(), 0);
    await page.waitForTimeout(400);
    assert.equal(await storedRaw(page), raw, 'the newer data is untouched');
    assert.deepEqual(await storageKeys(page), [KEY_WORKSPACE]);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(d) when storage is full an edit stays on screen, the banner says so, and Export now saves it', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await createWorkspace(page, 'Quota test');
    await navigate(page, 'People & organisations');
    await addPerson(page, 'Before Full');
    await waitForStored(page, (d) => d.data.people.length === 1);
    const rawBefore = await storedRaw(page);

    // The disk fills up. Chromium offers no way to shrink an incognito context's quota
    // (`Storage.overrideQuotaForOrigin` does not apply to it), so the page's IndexedDB is made
    // to behave as on a full disk: each write's transaction aborts with the QuotaExceededError
    // a real full disk gives, after the app has queued it, so the app learns of it late, as it
    // would.
    await page.evaluate(() => {
      const put = IDBObjectStore.prototype.put;
      window.__diskFull = true;
      IDBObjectStore.prototype.put = function (...args) {
        const req = put.apply(this, args);
        if (window.__diskFull) {
          const tx = this.transaction;
          Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
          tx.abort();
        }
        return req;
      };
    });
    await addPerson(page, 'After Full');
    const banner = page.getByTestId('save-error-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Your latest changes are not saved\. Browser storage is full/);
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.equal(await saveStatus(page), 'Not saved');
    assert.equal(await page.getByTestId('people-table').getByRole('link', { name: 'After Full' }).count(), 1, 'the new person is still shown');
    assert.equal(await storedRaw(page), rawBefore, 'the stored workspace is the last good save');

    const exported = await downloadJson(page, () => banner.getByRole('button', { name: 'Export now' }).click());
    assert.deepEqual(exported.json.data.people.map((p) => p.name).sort(), ['After Full', 'Before Full']);
    assert.match(exported.suggestedFilename, /^cultivate-quota-test-\d{4}-\d{2}-\d{2}\.json$/);
    await banner.getByText(`Exported ${exported.suggestedFilename}. Keep it somewhere safe.`).waitFor();

    // Make room and try again: the banner goes and the edit is stored.
    await page.evaluate(() => { window.__diskFull = false; });
    await banner.getByRole('button', { name: 'Try saving again' }).click();
    await waitForSaved(page);
    assert.equal(await banner.count(), 0);
    await waitForStored(page, (d) => d.data.people.some((p) => p.name === 'After Full'));
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

// ----- two tabs -----

/** Opens two tabs of one browser profile on the People page of the same workspace. */
async function twoTabs(context) {
  const a = await context.newPage();
  await gotoApp(a, server.url);
  await createWorkspace(a, 'Shared');
  const b = await context.newPage();
  await gotoApp(b, `${server.url}people`);
  await b.getByRole('heading', { level: 1, name: 'People & organisations' }).waitFor();
  await navigate(a, 'People & organisations');
  for (const p of [a, b]) {
    assert.equal(await p.evaluate(() => document.visibilityState), 'visible', 'both tabs must be visible (a hidden tab saves at once)');
  }
  return { a, b };
}

/**
 * Holds the tab's 300 ms save timer (the app's only 300 ms timeout) instead of running it,
 * so the tab keeps unsaved changes for as long as the test wants. `window.__releaseSave()`
 * runs the held timers and returns how many there were.
 */
async function holdSaves(page) {
  await page.evaluate(() => {
    const realSet = window.setTimeout.bind(window);
    const realClear = window.clearTimeout.bind(window);
    const held = new Map();
    let next = 1_000_000;
    window.setTimeout = (fn, ms, ...args) => {
      if (ms !== 300) return realSet(fn, ms, ...args);
      const id = next++;
      held.set(id, () => fn(...args));
      return id;
    };
    window.clearTimeout = (id) => (held.has(id) ? held.delete(id) : realClear(id));
    window.__heldSaves = () => held.size;
    window.__releaseSave = () => {
      const fns = [...held.values()];
      held.clear();
      fns.forEach((f) => f());
      return fns.length;
    };
  });
}

const names = (doc) => doc.data.people.map((p) => p.name).sort();
const shown = (page) => page.getByTestId('people-table').getByRole('link').allTextContents().then((n) => n.sort());

/** The tab's save status says Saved: then every person it shows must be stored. */
async function assertSavedMeansStored(page, label) {
  const status = await saveStatus(page);
  if (/^Saved\b/.test(status)) {
    const stored = names(await storedDoc(page));
    for (const n of await shown(page)) assert.ok(stored.includes(n), `${label} says "${status}" but ${n} is not stored`);
  }
}

test('(e) two tabs: a save in one tab is picked up by the other without a conflict', async () => {
  const context = await newContext(browser);
  try {
    const { a, b } = await twoTabs(context);
    await addPerson(a, 'Alan from A');
    await waitForSaved(a);
    await b.getByTestId('people-table').getByRole('link', { name: 'Alan from A' }).waitFor();
    await b.getByTestId('notice').getByText('Updated with changes saved in another tab.').waitFor();
    assert.equal(await b.getByTestId('conflict-banner').count(), 0);
    assert.match(await saveStatus(b), /^Saved\b/);

    // And the other way round.
    await addPerson(b, 'Bea from B');
    await waitForSaved(b);
    await a.getByTestId('people-table').getByRole('link', { name: 'Bea from B' }).waitFor();
    assert.equal(await a.getByTestId('conflict-banner').count(), 0);
    assert.deepEqual(names(await storedDoc(a)), ['Alan from A', 'Bea from B']);
    assert.deepEqual(await shown(a), await shown(b));
    assertNoConsoleErrors(a);
    assertNoConsoleErrors(b);
  } finally {
    await context.close();
  }
});

test('(e) two tabs: an Undo offered in one tab is withdrawn when that tab takes the other tab’s save, and its backup stays', async () => {
  const context = await newContext(browser);
  try {
    const { a, b } = await twoTabs(context);
    await addPerson(a, 'Alan from A');
    await waitForSaved(a);
    const file = await storedDoc(a);
    file.data.people.push({ ...file.data.people[0], id: 'p-imported', name: 'Ida Imported' });
    await navigate(a, 'Data & backups');
    await chooseImportFile(a, 'ida.json', JSON.stringify(file));
    await a.getByTestId('import-confirm').click();
    await a.getByTestId('import-done').waitFor();
    await a.getByTestId('undo-import').waitFor();
    await waitForStored(a, (d) => names(d).includes('Ida Imported'));

    // B (which took A's import) adds someone; A takes B's save.
    await b.getByTestId('people-table').getByRole('link', { name: 'Ida Imported' }).waitFor();
    await addPerson(b, 'Bea from B');
    await waitForSaved(b);
    await a.getByTestId('notice').getByText('Updated with changes saved in another tab.').waitFor();
    // Undoing the import in A now would also drop Bea, under a message about the import: A
    // offers no Undo any more, neither beside the message nor on its Data page.
    assert.equal(await a.getByTestId('undo-import').count(), 0);
    assert.equal(await a.getByTestId('undo-import-data').count(), 0);
    await a.getByTestId('notice').getByRole('button', { name: 'Dismiss message' }).click();
    await a.getByTestId('notice').waitFor({ state: 'detached' });
    assert.equal(await a.getByTestId('undo-import-data').count(), 0);
    // The backup from before the import is still listed, to restore by hand.
    await eventually(async () => assert.ok((await storageKeys(a)).some((k) => /^cultivate\.backup\.\d+$/.test(k))));
    await a.getByTestId('backups-table').getByText('Before importing ida.json', { exact: false }).first().waitFor();
    assert.deepEqual(names(await storedDoc(a)), ['Alan from A', 'Bea from B', 'Ida Imported']);
    assertNoConsoleErrors(a);
    assertNoConsoleErrors(b);
  } finally {
    await context.close();
  }
});

/** Both tabs edit; B's save is held until after A saved. Returns the pages. */
async function conflictingEdits(context) {
  const { a, b } = await twoTabs(context);
  await holdSaves(b);
  await addPerson(b, 'Bea from B');
  assert.equal(await b.evaluate(() => window.__heldSaves()), 1, "B's save is pending");
  assert.equal(await saveStatus(b), 'Saving…');

  await addPerson(a, 'Cy from A');
  await waitForSaved(a);
  await waitForStored(a, (d) => names(d).includes('Cy from A'));

  // B has unsaved work and learns of A's save: it must ask, not overwrite or drop.
  const banner = b.getByTestId('conflict-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /Changed in two places\. This workspace was also changed in another tab or window/);
  assert.equal(await b.evaluate(() => window.__releaseSave()), 1);
  await b.waitForTimeout(100);
  assert.deepEqual(names(await storedDoc(a)), ['Cy from A'], "B's held save did not overwrite A's");
  assert.doesNotMatch(await saveStatus(b), /^Saved\b/, 'B must not claim its change is saved');
  await banner.waitFor();
  assert.equal(await b.getByTestId('save-error-banner').count(), 0, 'one banner speaks for the unsaved work');
  await assertSavedMeansStored(a, 'tab A');
  await assertSavedMeansStored(b, 'tab B');
  return { a, b, banner };
}

test('(e) two tabs: unsaved work in one tab meets another tab’s save → conflict banner; "Load the other version" takes it', async () => {
  const context = await newContext(browser);
  try {
    const { a, b, banner } = await conflictingEdits(context);
    await banner.getByRole('button', { name: 'Load the other version' }).click();
    await eventually(async () => assert.equal(await banner.count(), 0));
    assert.deepEqual(await shown(b), ['Cy from A']);
    assert.match(await saveStatus(b), /^Saved\b/);
    assert.deepEqual(names(await storedDoc(b)), ['Cy from A']);

    // B's unsaved version is not simply dropped: it is backed up first.
    const backupKeys = (await storageKeys(b)).filter((k) => /^cultivate\.backup\.\d+$/.test(k));
    assert.equal(backupKeys.length, 1, 'a backup of the unsaved version');
    assert.deepEqual(names(JSON.parse(await storedRaw(b, backupKeys[0]))), ['Bea from B']);
    await navigate(b, 'Data & backups');
    assert.match(await b.getByTestId('backups-table').innerText(), /This tab's unsaved version, replaced by another tab's/);
    assert.deepEqual(names(await storedDoc(a)), ['Cy from A'], 'A still sees its saved version stored');
    await assertSavedMeansStored(a, 'tab A');
    await assertSavedMeansStored(b, 'tab B');
    assertNoConsoleErrors(a);
    assertNoConsoleErrors(b);
  } finally {
    await context.close();
  }
});

test('(e) two tabs: "Keep this tab’s version" backs up the other tab’s save before replacing it', async () => {
  const context = await newContext(browser);
  try {
    const { a, b, banner } = await conflictingEdits(context);
    const otherVersion = await storedDoc(b);
    await banner.getByRole('button', { name: "Keep this tab's version" }).click();
    await eventually(async () => assert.equal(await banner.count(), 0));
    await waitForSaved(b);
    await waitForStored(b, (d) => names(d).includes('Bea from B'));
    assert.deepEqual(names(await storedDoc(b)), ['Bea from B']);

    // A's saved change is not lost: it is in a backup.
    const backupKeys = (await storageKeys(b)).filter((k) => /^cultivate\.backup\.\d+$/.test(k));
    assert.equal(backupKeys.length, 1);
    const backup = JSON.parse(await storedRaw(b, backupKeys[0]));
    assert.deepEqual(backup.data, otherVersion.data, "the backup holds A's saved version");

    // Tab A had nothing unsaved, so it simply follows.
    await a.getByTestId('people-table').getByRole('link', { name: 'Bea from B' }).waitFor();
    assert.deepEqual(await shown(a), ['Bea from B']);
    assert.equal(await a.getByTestId('conflict-banner').count(), 0);
    await navigate(a, 'Data & backups');
    assert.match(await a.getByTestId('backups-table').innerText(), /Another tab's version, replaced by this tab's/);
    await assertSavedMeansStored(b, 'tab B');
    assertNoConsoleErrors(a);
    assertNoConsoleErrors(b);
  } finally {
    await context.close();
  }
});

/** Lets a tab hold the messages other tabs send when their writes commit (the store's
 *  BroadcastChannel), as when a busy tab has not yet run them: `window.__channelHeld = true`
 *  queues them, `window.__releaseChannel()` delivers them and says how many there were. */
function holdableChannel() {
  const own = Object.getOwnPropertyDescriptor(BroadcastChannel.prototype, 'onmessage');
  const queued = [];
  window.__channelHeld = false;
  Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
    configurable: true,
    get() { return own.get.call(this); },
    set(fn) {
      const channel = this;
      own.set.call(this, fn && ((ev) => (window.__channelHeld ? queued.push(() => fn.call(channel, ev)) : fn.call(channel, ev))));
    },
  });
  window.__releaseChannel = () => {
    window.__channelHeld = false;
    const due = queued.splice(0);
    due.forEach((deliver) => deliver());
    return due.length;
  };
}

test('(e) two tabs: a save over another tab’s save that this tab has not heard of is refused; the tab asks, and keeping its version backs up the other', async () => {
  const context = await newContext(browser);
  try {
    await context.addInitScript(holdableChannel);
    const { a, b } = await twoTabs(context);
    await b.evaluate(() => { window.__channelHeld = true; });
    await addPerson(a, 'Cy from A');
    await waitForSaved(a);
    await waitForStored(a, (d) => names(d).includes('Cy from A'));
    const aVersion = await storedDoc(a);

    // B has not heard of A's save and saves the same revision: the store refuses it.
    await addPerson(b, 'Bea from B');
    const banner = b.getByTestId('conflict-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /another tab or window, which saved it first/);
    assert.doesNotMatch(await saveStatus(b), /^Saved\b/, 'B must not claim its change is saved');
    // The conflict banner alone: no "Try saving again" that would only be refused again.
    assert.equal(await b.getByTestId('save-error-banner').count(), 0, 'one banner speaks for the unsaved work');
    assert.deepEqual(names(await storedDoc(a)), ['Cy from A'], "A's save stays stored");
    assert.equal(await a.getByTestId('conflict-banner').count(), 0);
    assert.match(await saveStatus(a), /^Saved\b/);
    await assertSavedMeansStored(a, 'tab A');

    // B hears of A's save late: it already knows it, so nothing changes.
    assert.ok((await b.evaluate(() => window.__releaseChannel())) >= 1, "B heard of A's save");
    await b.waitForTimeout(300);
    assert.equal(await banner.count(), 1);

    // B keeps its version: A's is backed up first, then B's is stored, and A follows.
    await banner.getByRole('button', { name: "Keep this tab's version" }).click();
    await eventually(async () => assert.equal(await banner.count(), 0));
    await waitForStored(b, (d) => names(d).includes('Bea from B'));
    assert.deepEqual(names(await storedDoc(b)), ['Bea from B']);
    const backupKeys = (await storageKeys(b)).filter((k) => /^cultivate\.backup\.\d+$/.test(k));
    assert.equal(backupKeys.length, 1);
    assert.deepEqual(JSON.parse(await storedRaw(b, backupKeys[0])).data, aVersion.data, "the backup holds A's version");
    await a.getByTestId('people-table').getByRole('link', { name: 'Bea from B' }).waitFor();
    await assertSavedMeansStored(a, 'tab A');
    await assertSavedMeansStored(b, 'tab B');
    assertNoConsoleErrors(a);
    assertNoConsoleErrors(b);
  } finally {
    await context.close();
  }
});

test('(f) storage disabled: the app says so, works in memory, and Export now keeps the work', async () => {
  const context = await newContext(browser);
  try {
    // As in a browser with site data blocked: touching localStorage or IndexedDB throws.
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'indexedDB']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }
    });
    const page = await context.newPage();
    await gotoApp(page, server.url);
    const banner = page.getByTestId('memory-only-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /Browser storage is not available/);
    assert.match(await banner.innerText(), /Your work stays in this tab only; export it to keep it\./);
    // Not createWorkspace(): without storage the status never says "Saved".
    await page.getByRole('textbox', { name: 'Workspace name', exact: true }).fill('No storage');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await navigate(page, 'People & organisations');
    await addPerson(page, 'Only In Memory');
    const exported = await downloadJson(page, () => banner.getByRole('button', { name: 'Export now' }).click());
    assert.deepEqual(exported.json.data.people.map((p) => p.name), ['Only In Memory']);
    assert.equal(exported.json.data.name, 'No storage');
  } finally {
    await context.close();
  }
});

test('(g) before the app mounts the page says it is opening, and the message goes once it has', async () => {
  const context = await newContext(browser);
  try {
    // A slow network: the wasm arrives a while after the page.
    await context.route(/_bg\.wasm$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'domcontentloaded' });
    const status = page.locator('#boot-status');
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal((await status.innerText()).trim(), 'Opening Cultivate…');
    await page.waitForFunction(() => document.body?.dataset.appReady === '1', null, { timeout: 30_000 });
    assert.equal(await page.locator('#boot').count(), 0, 'the opening message is removed when the app mounts');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  } finally {
    await context.close();
  }
});

test('(g) storage that never opens: after a few seconds the page says why it waits and what to do, and writes nothing', async () => {
  const context = await newContext(browser);
  try {
    // A browser whose IndexedDB never answers: the open request fires no event at all.
    await context.addInitScript(() => {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (...args) {
        const req = open.apply(this, args);
        for (const name of ['onsuccess', 'onerror', 'onupgradeneeded', 'onblocked']) {
          Object.defineProperty(req, name, { configurable: true, get: () => null, set: () => {} });
        }
        return req;
      };
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    const status = page.locator('#boot-status');
    assert.equal((await status.innerText()).trim(), 'Opening Cultivate…');
    await page.waitForFunction(
      () => /Still opening this browser's storage/.test(document.getElementById('boot-status')?.textContent ?? ''),
      null,
      { timeout: 15_000 },
    );
    const text = await status.innerText();
    assert.match(text, /close any other Cultivate tabs and reload this page/);
    assert.match(text, /Your saved work is not touched while this page waits\./);
    assert.equal(await page.evaluate(() => document.body.dataset.appReady), undefined, 'the app has not mounted');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cultivate.'))), [], 'nothing was written');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('(h) typing left unsaved in a form is not lost without a word: a link asks first, Cancel keeps it, closing the tab asks, and a saved form lets the user go', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await navigate(page, 'People & organisations');
    await page.locator('[data-testid="people-table"] tbody tr a').first().click();
    const name = page.locator('#edit-person-name');
    const original = await name.inputValue();
    const personUrl = page.url();
    const dialog = page.getByRole('alertdialog');

    // Nothing typed: the links simply go.
    await navigate(page, 'Communities');
    await page.waitForURL(/\/communities$/);
    assert.equal(await dialog.count(), 0);
    await page.goBack();
    await page.waitForURL(personUrl);

    // Typed, not saved: a link asks; Cancel stays, with the typing kept.
    await name.fill('Renamed, not saved');
    await navigate(page, 'Communities');
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Leave without saving\?/);
    assert.match(await dialog.innerText(), /typed into a form on this page and not saved it/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(page.url(), personUrl);
    assert.equal(await name.inputValue(), 'Renamed, not saved');

    // The skip link stays on the page: no question, and the form keeps its mark.
    await page.evaluate(() => document.querySelector('.skip-link').click());
    await page.waitForTimeout(200);
    assert.equal(await dialog.count(), 0);
    assert.equal(page.url(), personUrl);
    assert.equal(await page.locator('form[data-unsaved]').count(), 1);

    // Closing the tab asks too: the browser's own question, answered "stay".
    const asked = new Promise((resolve) => page.once('dialog', (d) => { resolve(d.type()); d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');
    assert.equal(page.isClosed(), false, 'the page stays open');
    assert.equal(await name.inputValue(), 'Renamed, not saved');

    // A save that fails its checks keeps the question; the name field says what is wrong.
    await name.fill('');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.locator('#edit-person-name[aria-invalid="true"]').waitFor();
    await page.waitForTimeout(200);
    await navigate(page, 'Communities');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // "Leave without saving" goes, and the person keeps the stored name.
    await name.fill('Renamed, not saved');
    await navigate(page, 'Communities');
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL(/\/communities$/);
    const doc = await storedDoc(page);
    assert.ok(doc.data.people.some((p) => p.name === original));
    assert.ok(!doc.data.people.some((p) => p.name === 'Renamed, not saved'));

    // Saved: the links go without asking, straight after the click on Save.
    await page.goto(personUrl);
    await name.fill('Renamed and saved');
    await page.getByRole('button', { name: 'Save details' }).click();
    await navigate(page, 'Communities');
    await page.waitForURL(/\/communities$/);
    assert.equal(await dialog.count(), 0);
    await waitForSaved(page);
    assert.ok((await storedDoc(page)).data.people.some((p) => p.name === 'Renamed and saved'));
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
