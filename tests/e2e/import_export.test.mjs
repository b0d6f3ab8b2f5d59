// Export and import round trip: the exported file matches the published JSON Schema,
// importing it into an empty browser gives back the identical workspace, and importing
// over an existing workspace makes a backup and can be undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  REPO_ROOT,
  KEY_WORKSPACE,
  launchBrowser,
  newContext,
  gotoApp,
  assertNoConsoleErrors,
  loadSample,
  navigate,
  downloadJson,
  chooseImportFile,
  storedDoc,
  storageKeys,
  waitForSaved,
  waitForStored,
  eventually,
  SCHEMA_VERSION,
  storedRaw,
  assertToastLayout,
  clearStored,
} from './lib/harness.mjs';

// CULTIVATE_SCHEMA_PATH overrides the location (e.g. to try a freshly generated schema).
const SCHEMA_PATH = process.env.CULTIVATE_SCHEMA_PATH || path.join(REPO_ROOT, 'schema/cultivate-workspace.schema.json');

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

/** Compiles the workspace schema with the draft its `$schema` names, plus formats. */
async function compileSchema() {
  let text;
  try {
    text = await fs.readFile(SCHEMA_PATH, 'utf8');
  } catch (err) {
    throw new Error(
      `${path.relative(REPO_ROOT, SCHEMA_PATH)} is missing (${err.code}); generate it with ` +
        '`cargo run --features schema --bin cultivate-schema > schema/cultivate-workspace.schema.json`',
    );
  }
  const schema = JSON.parse(text);
  const is2020 = /2020-12/.test(schema.$schema ?? '');
  const AjvClass = is2020 ? Ajv2020 : Ajv;
  const ajv = new AjvClass({ allErrors: true, strict: true });
  addFormats(ajv);
  // schemars annotates integers with Rust's types; make those formats known and checked.
  const ints = { uint: [0, 2 ** 53], uint8: [0, 255], uint16: [0, 65535], uint32: [0, 2 ** 32 - 1], uint64: [0, 2 ** 64 - 1] };
  for (const [name, [min, max]] of Object.entries(ints)) {
    ajv.addFormat(name, { type: 'number', validate: (n) => Number.isInteger(n) && n >= min && n <= max });
  }
  for (const name of ['int', 'int8', 'int16', 'int32', 'int64']) {
    ajv.addFormat(name, { type: 'number', validate: (n) => Number.isInteger(n) });
  }
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  // chrono's NaiveTime (a planned activity's start time) is a JSON Schema partial-time.
  ajv.addFormat('partial-time', /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?$/);
  return { validate: ajv.compile(schema), ajv, draft: is2020 ? '2020-12' : schema.$schema };
}

async function exportWorkspace(page) {
  await navigate(page, 'Data & backups');
  await page.getByRole('heading', { level: 1, name: 'Data & backups' }).waitFor();
  const file = await downloadJson(page, () => page.getByTestId('export-workspace').click());
  await page.getByText(`Exported ${file.suggestedFilename}.`).waitFor();
  return file;
}

test('the exported workspace validates against schema/cultivate-workspace.schema.json', async () => {
  const { validate, ajv } = await compileSchema();
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const file = await exportWorkspace(page);

    assert.match(file.suggestedFilename, /^cultivate-sample-two-learning-initiatives-\d{4}-\d{2}-\d{2}\.json$/);
    assert.equal(file.json.format, 'cultivate-workspace');
    assert.equal(file.json.schema_version, SCHEMA_VERSION);
    assert.equal(file.json.data.communities.length, 13);
    assert.equal(file.json.data.people.length, 35);

    const ok = validate(file.json);
    assert.equal(ok, true, `schema errors:\n  ${ajv.errorsText(validate.errors, { separator: '\n  ' })}`);

    // The schema has teeth: a person whose name is a number, or an unknown envelope
    // field, is rejected.
    const broken = structuredClone(file.json);
    broken.data.people[0].name = 42;
    broken.surprise = true;
    assert.equal(validate(broken), false, 'a broken document passed the schema');
    const paths = validate.errors.map((e) => `${e.instancePath} ${e.keyword}`);
    assert.ok(paths.includes('/data/people/0/name type'), paths.join(', '));
    assert.ok(paths.includes(' additionalProperties'), paths.join(', '));

    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('export, clear storage, import: the workspace is identical; re-import makes a backup that undo restores', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const file = await exportWorkspace(page);
    const storedBefore = await storedDoc(page);
    assert.deepEqual(file.json.data, storedBefore.data, 'the export holds exactly what is stored');

    // An empty browser again: the welcome screen.
    await clearStored(page);
    await gotoApp(page, server.url);
    await page.getByRole('heading', { name: 'Start a new workspace' }).waitFor();
    assert.deepEqual(await storageKeys(page), []);

    await chooseImportFile(page, file.suggestedFilename, file.text);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const previewText = await preview.innerText();
    assert.match(previewText, /Sample: two learning initiatives/);
    assert.match(previewText, /13 communities, 35 people, 4 organisations, 75 memberships, 18 repertoire items/);
    assert.doesNotMatch(previewText, /It replaces/, 'nothing to replace in an empty browser');
    await page.getByTestId('import-confirm').click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await waitForSaved(page);

    const imported = await storedDoc(page);
    assert.deepEqual(imported.data, file.json.data, 'the imported workspace is identical to the exported one');
    assert.equal(imported.data.updated_at, file.json.data.updated_at);
    assert.deepEqual(
      (await storageKeys(page)).filter((k) => k.startsWith('cultivate.backup')),
      [],
      'importing into an empty browser needs no backup',
    );

    // Change something, then import the same file over it.
    await navigate(page, 'People & organisations');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Zora Neale');
    await page.getByRole('button', { name: 'Add person' }).click();
    await assertToastLayout(page, 'Added Zora Neale.');
    await waitForStored(page, (d) => d.data.people.some((p) => p.name === 'Zora Neale'));
    const edited = await storedDoc(page);

    await navigate(page, 'Data & backups');
    assert.equal(await page.getByTestId('no-backups').innerText(), 'No backups yet.');
    await chooseImportFile(page, file.suggestedFilename, file.text);
    await preview.waitFor();
    assert.match(
      await preview.innerText(),
      /It replaces\s+your workspace Sample: two learning initiatives \(13 communities, 36 people, 4 organisations, 75 memberships, 18 repertoire items\)\. A backup is made first, and you can undo the import\./,
    );
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await waitForStored(page, (d) => !d.data.people.some((p) => p.name === 'Zora Neale'));
    assert.deepEqual((await storedDoc(page)).data, file.json.data);

    const backups = page.getByTestId('backups-table');
    await backups.waitFor();
    const rows = backups.locator('tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), new RegExp(`Before importing ${file.suggestedFilename.replace(/\./g, '\\.')}[\\s\\S]*Sample: two learning initiatives`));
    const backupKeys = (await storageKeys(page)).filter((k) => /^cultivate\.backup\.\d+$/.test(k));
    assert.equal(backupKeys.length, 1);
    const backup = JSON.parse(await storedRaw(page, backupKeys[0]));
    assert.deepEqual(backup.data, edited.data, 'the backup holds the workspace from before the import');

    const undo = page.getByTestId('undo-import');
    assert.match(await undo.innerText(), /^Undo \(before importing /);
    // A long message with a long Undo label fits its box, on a wide screen and a narrow one.
    await assertToastLayout(page, /^Imported /);
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 320, height: 640 });
    await assertToastLayout(page, /^Imported /);
    await page.setViewportSize(viewport);
    assert.equal(await page.getByTestId('import-done').count(), 1);
    await undo.click();
    await waitForStored(page, (d) => d.data.people.some((p) => p.name === 'Zora Neale'));
    // The page no longer says the file is imported once the import is undone.
    await eventually(async () => assert.equal(await page.getByTestId('import-done').count(), 0));
    await assertToastLayout(page, /^Undone\./);
    // Undoing the undo is a redo, and says so.
    assert.equal(await page.getByTestId('undo-import').innerText(), 'Redo');
    assert.deepEqual((await storedDoc(page)).data, edited.data, 'undo brings the previous workspace back exactly');
    await navigate(page, 'People & organisations');
    await page.getByTestId('people-table').getByRole('link', { name: 'Zora Neale' }).waitFor();
    // Undo is itself undoable: the imported version is now backed up too.
    await eventually(async () => {
      const keys = (await storageKeys(page)).filter((k) => /^cultivate\.backup\.\d+$/.test(k));
      assert.equal(keys.length, 2);
    });
    assert.ok((await storedDoc(page)).data, KEY_WORKSPACE);
    // A later message is not about the import: it offers no Undo, and the Data page does.
    await page.getByTestId('people-table').getByRole('link', { name: 'Zora Neale' }).click();
    await page.locator('#edit-person-title').fill('Editor');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByTestId('notice').filter({ hasText: /^Saved\./ }).waitFor();
    assert.equal(await page.getByTestId('undo-import').count(), 0);
    await navigate(page, 'Data & backups');
    const redo = page.getByTestId('undo-import-data');
    assert.equal(await redo.innerText(), 'Redo');
    assert.match(await page.getByRole('status').filter({ has: redo }).innerText(), /^You can redo what you undid \(importing /);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
