// Bad files are refused with a precise message, and refusing one changes nothing: the
// stored workspace stays byte for byte as it was and no backup is made.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  assertNoConsoleErrors,
  loadSample,
  navigate,
  chooseImportFile,
  storedRaw,
  storageKeys,
  SCHEMA_VERSION,
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

/**
 * Opens the sample workspace on the Data page, imports `text` as `name`, and checks that
 * the import is refused without touching storage. Returns the error banner.
 */
async function importRefused(page, name, makeText) {
  await gotoApp(page, server.url);
  await loadSample(page);
  await navigate(page, 'Data & backups');
  await page.getByRole('heading', { level: 1, name: 'Data & backups' }).waitFor();
  const rawBefore = await storedRaw(page);
  const keysBefore = await storageKeys(page);
  assert.deepEqual(keysBefore, ['cultivate.workspace']);

  await chooseImportFile(page, name, makeText(JSON.parse(rawBefore)));
  const error = page.getByTestId('import-error');
  await error.waitFor();
  assert.equal(await page.getByTestId('import-preview').count(), 0, 'no preview for a refused file');
  assert.equal(await page.getByTestId('import-confirm').count(), 0, 'nothing to confirm');
  assert.equal(await error.getAttribute('role'), 'alert');

  await page.waitForTimeout(400); // longer than the save debounce
  assert.equal(await storedRaw(page), rawBefore, 'the stored workspace is byte-for-byte unchanged');
  assert.deepEqual(await storageKeys(page), keysBefore, 'no backup or other key was written');
  assert.equal(await page.getByTestId('no-backups').innerText(), 'No backups yet.');
  assert.equal(await page.getByTestId('undo-import').count(), 0);
  return error;
}

async function problemPaths(error) {
  return error.getByTestId('problem-list').locator('.problem-list__path').allInnerTexts();
}

test('(a) a file that is not JSON is refused and changes nothing', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const error = await importRefused(page, 'notes.json', () => 'this is {not json');
    const text = await error.innerText();
    assert.match(text, /^notes\.json: Nothing was imported\. This is not valid JSON: .*\(line 1, column \d+\)\. Your workspace is unchanged\.$/s);
    assert.equal(await error.getByTestId('problem-list').count(), 0);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(b) broken records are refused with their exact field paths: a dangling person_id and a javascript: link', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const error = await importRefused(page, 'broken-refs.json', (doc) => {
      doc.data.communities[0].memberships[0].person_id = 'p-nobody';
      doc.data.communities[0].practice[0].link = 'javascript:alert(1)';
      return JSON.stringify(doc);
    });
    assert.match(await error.innerText(), /^broken-refs\.json: Nothing was imported: the file has 2 problems\. Your workspace is unchanged\./);
    assert.deepEqual(await problemPaths(error), ['communities[0].memberships[0].person_id', 'communities[0].practice[0].link']);
    const items = await error.getByTestId('problem-list').locator('li').allInnerTexts();
    assert.match(items[0], /no person with id 'p-nobody'/);
    assert.match(items[1], /'javascript:' scheme; only http, https and mailto links are allowed/);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(b) a record of the wrong type is refused with its field path: a person whose name is a number', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const error = await importRefused(page, 'number-name.json', (doc) => {
      doc.data.people[1].name = 42;
      return JSON.stringify(doc);
    });
    assert.match(await error.innerText(), /the file has 1 problem\./);
    assert.deepEqual(await problemPaths(error), ['people[1].name']);
    assert.match(await error.getByTestId('problem-list').innerText(), /people\[1\]\.name: wrong type: integer `42`, expected text/);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(b) one file with all three faults lists every problem at once', async () => {
  // format.rs promises "decode every record (collecting *all* problems)"; a user fixing a
  // file should not have to re-import once per kind of fault.
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const error = await importRefused(page, 'all-broken.json', (doc) => {
      doc.data.communities[0].memberships[0].person_id = 'p-nobody';
      doc.data.people[1].name = 42;
      doc.data.communities[0].practice[0].link = 'javascript:alert(1)';
      return JSON.stringify(doc);
    });
    const paths = await problemPaths(error);
    for (const expected of ['people[1].name', 'communities[0].memberships[0].person_id', 'communities[0].practice[0].link']) {
      assert.ok(paths.includes(expected), `problem list ${JSON.stringify(paths)} lacks ${expected}`);
    }
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('(c) a file from a newer version (schema_version 99) is refused and changes nothing', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const error = await importRefused(page, 'from-the-future.json', (doc) => {
      doc.schema_version = 99;
      return JSON.stringify(doc);
    });
    const text = await error.innerText();
    assert.match(text, new RegExp(`written by a newer version of Cultivate \\(format version 99\\); this version reads up to ${SCHEMA_VERSION}\\.`));
    assert.match(text, /Your workspace is unchanged\.$/);
    assert.equal(await error.getByTestId('problem-list').count(), 0);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
