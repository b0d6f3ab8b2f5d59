// Workshop readiness (issue #8, parts 1, 5 and 6): offline use through the service worker,
// the update notice, a sub-path, CSV downloads, several workspaces, the sample and starting
// over.
//
// The service-worker tests serve a private copy of the dist folder, because they "deploy" a
// new version by changing files in it (the test server reads files on every request).
// The sub-path test uses CULTIVATE_DIST_SUB when it is set (a build made with
// `trunk build --release --public-url /cultivate-sub/ --dist <dir>`); otherwise it rewrites
// index.html of the main dist for the sub-path, as subpath.test.mjs does (trunk's
// --public-url changes only index.html).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { withPolicy } from '../../scripts/csp.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  loadSample,
  createWorkspace,
  navigate,
  storedDoc,
  storageKeys,
  waitForSaved,
  waitForStored,
  checkA11y,
  downloadFile,
  assertNoConsoleErrors,
  eventually,
  KEY_WORKSPACE,
  putStored,
  storedRaw,
} from './lib/harness.mjs';

const SUB = '/cultivate-sub/';
/** The one console error of the offline probe's failed fetch. */
const PROBE_ERRORS = [
  /^console\.error: Failed to load resource: net::ERR_FAILED \(http:\/\/127\.0\.0\.1:\d+\/not-cached-\d+\.txt(?::\d+)?\)$/,
];
let browser;
const tmpDirs = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const d of tmpDirs) await fs.rm(d, { recursive: true, force: true });
});

/** A private copy of a dist folder. */
async function copyDist(from = DIST_DIR) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cultivate-workshop-'));
  tmpDirs.push(dir);
  await fs.cp(from, dir, { recursive: true });
  return dir;
}

/** Waits until the service worker controls the page (its files are stored). */
async function waitForOfflineReady(page) {
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 20_000 });
}

/** Adds a person on the People page and waits until it is saved. */
async function addPerson(page, name) {
  await navigate(page, 'People & organisations');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByTestId('people-table').getByRole('link', { name }).waitFor();
  await waitForSaved(page);
  await waitForStored(page, (doc) => doc.data.people.some((p) => p.name === name));
}

async function confirm(page) {
  await page.getByRole('alertdialog').getByTestId('confirm-yes').click();
}

/** The build's version and file list, from the service worker in `dir`. */
async function workerInfo(dir) {
  const sw = await fs.readFile(path.join(dir, 'sw.js'), 'utf8');
  const build = JSON.parse(sw.match(/const BUILD = ("[^"]*");/)[1]);
  const files = JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]);
  return { sw, build, files };
}

test('the build fills the service worker with its version and every file of the app shell', async () => {
  const { build, files } = await workerInfo(DIST_DIR);
  assert.match(build, /^[0-9a-f]{16}$/);
  const onDisk = (await fs.readdir(DIST_DIR, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && !path.relative(DIST_DIR, e.parentPath).startsWith('.'))
    .map((e) => path.posix.join(path.relative(DIST_DIR, e.parentPath).split(path.sep).join('/'), e.name))
    .filter((f) => !['sw.js', 'index.html', '404.html'].includes(f));
  assert.deepEqual([...files].sort(), onDisk.sort(), 'the worker caches exactly the files of the build');
  for (const ext of ['.js', '.wasm', '.css', '.svg', '.png', '.webmanifest']) {
    assert.ok(files.some((f) => f.endsWith(ext)), `a ${ext} file is cached`);
  }
  const html = await fs.readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  assert.match(html, /<link rel="manifest" href="manifest\.webmanifest"/, 'relative manifest link');
  const manifest = JSON.parse(await fs.readFile(path.join(DIST_DIR, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  for (const icon of manifest.icons) {
    assert.ok(files.includes(icon.src), `${icon.src} is in the build`);
    assert.ok(!icon.src.startsWith('/'), 'icons are relative');
  }
  assert.ok(manifest.icons.some((i) => i.type === 'image/png' && i.sizes === '512x512'));
});

test('offline: after one online visit the app reloads, navigates, edits and saves with the network off', async () => {
  const server = await startServer({ root: await copyDist() });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await waitForOfflineReady(page);
    await navigate(page, 'Data & backups');
    await eventually(async () => assert.match(await page.getByTestId('offline-status').innerText(), /^Ready:/), { timeout: 15_000 });

    await context.setOffline(true);
    // The network really is off: a file that is not cached cannot be fetched.
    const probe = await page.evaluate(() => fetch(`not-cached-${Date.now()}.txt`).then(() => 'fetched', () => 'failed'));
    assert.equal(probe, 'failed');

    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    await page.getByRole('heading', { level: 1, name: 'Data & backups' }).waitFor();
    await navigate(page, 'Communities');
    await page.getByTestId('communities-table').getByRole('link', { name: 'Reliability Guild' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reliability Guild' }).waitFor();
    await addPerson(page, 'Offline Olu');

    // A deep link typed in while offline opens too (the worker answers every route).
    await page.goto(new URL('communities/c-testing', server.url).href, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.notEqual(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
    const doc = await storedDoc(page);
    assert.ok(doc.data.people.some((p) => p.name === 'Offline Olu'), 'the offline edit is stored');
    // Only the probe's failed fetch may be logged.
    assertNoConsoleErrors(page, PROBE_ERRORS);
  } finally {
    await context.close();
    await server.close();
  }
});

test('update: a new version waits while the open page keeps working; "Reload" moves to it', async () => {
  const dir = await copyDist();
  const server = await startServer({ root: dir });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await waitForOfflineReady(page);
    assert.equal(await page.getByTestId('update-notice').count(), 0, 'no notice before an update');

    // Deploy version 2: new hashed names for the js and wasm (the old files are gone from
    // the server, as on a real host), a new index.html and a new sw.js.
    const v1 = await workerInfo(dir);
    let html = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
    const renamed = {};
    for (const f of v1.files.filter((f) => /\.(js|wasm)$/.test(f))) {
      const next = f.replace(/-([0-9a-f]{16})(_bg)?\.(js|wasm)$/, (_, h, bg, ext) => `-${'2'.repeat(16)}${bg ?? ''}.${ext}`);
      assert.notEqual(next, f, `renamed ${f}`);
      renamed[f] = next;
      await fs.rename(path.join(dir, f), path.join(dir, next));
      html = html.split(f).join(next);
    }
    // The loader script now names other files: its CSP hash is computed again, as the build does.
    await fs.writeFile(path.join(dir, 'index.html'), withPolicy(html));
    const v2build = 'f'.repeat(16);
    const files2 = v1.files.map((f) => renamed[f] ?? f);
    const sw2 = v1.sw
      .replace(`const BUILD = ${JSON.stringify(v1.build)};`, `const BUILD = ${JSON.stringify(v2build)};`)
      .replace(`const FILES = ${JSON.stringify(v1.files)};`, `const FILES = ${JSON.stringify(files2)};`);
    assert.notEqual(sw2, v1.sw);
    await fs.writeFile(path.join(dir, 'sw.js'), sw2);
    const newJs = files2.find((f) => f.endsWith('.js') && f.includes('2222'));

    // The next visit still runs version 1 (whose files the server no longer has) and says
    // that an update is available.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    const notice = page.getByTestId('update-notice');
    await notice.waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId('update-region').getAttribute('role'), 'status');
    assert.match(await notice.innerText(), /Update available/);
    const scriptOf = () => page.evaluate(() => document.querySelector('link[rel="modulepreload"]').getAttribute('href'));
    assert.ok(!(await scriptOf()).includes('2222'), 'the open page still runs version 1');

    // The open page is not broken: it navigates, edits and saves.
    await addPerson(page, 'Before Update');
    await navigate(page, 'Data & backups');
    await eventually(async () => assert.match(await page.getByTestId('offline-status').innerText(), /new version is stored/));
    assert.deepEqual(await checkA11y(page), [], 'the page with the update notice has no axe violations');

    await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), page.getByTestId('update-reload').click()]);
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    assert.ok((await scriptOf()).endsWith(newJs), `now running version 2 (${await scriptOf()})`);
    assert.equal(await page.getByTestId('update-notice').count(), 0, 'no notice after the update');
    const doc = await storedDoc(page);
    assert.ok(doc.data.people.some((p) => p.name === 'Before Update'), 'the edit made before reloading is kept');
    // Both builds' caches are kept, so a tab still open on version 1 finds its files.
    const caches = await page.evaluate(() => caches.keys());
    assert.ok(caches.includes(`cultivate-${v2build}`), caches.join());
    assert.ok(caches.includes(`cultivate-${v1.build}`), caches.join());
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
    await server.close();
  }
});

/** A dist for SUB: CULTIVATE_DIST_SUB if given, else the main dist with index.html rewritten. */
async function subPathDist() {
  if (process.env.CULTIVATE_DIST_SUB) {
    const html = await fs.readFile(path.join(process.env.CULTIVATE_DIST_SUB, 'index.html'), 'utf8');
    assert.match(html, new RegExp(`<base href="${SUB}"`), `CULTIVATE_DIST_SUB must be built with --public-url ${SUB}`);
    return process.env.CULTIVATE_DIST_SUB;
  }
  const dir = await copyDist();
  const files = (await fs.readdir(dir)).filter((f) => !f.endsWith('.html'));
  let html = await fs.readFile(path.join(dir, 'index.html'), 'utf8');
  html = html.replace(/<base href="\/"\s*\/?>/, `<base href="${SUB}" />`);
  for (const f of files) html = html.split(`'/${f}'`).join(`'${SUB}${f}'`).split(`"/${f}"`).join(`"${SUB}${f}"`);
  assert.ok(html.includes(`<base href="${SUB}"`));
  html = withPolicy(html); // the loader names other URLs now: hash it again, as the build does
  await fs.writeFile(path.join(dir, 'index.html'), html);
  await fs.writeFile(path.join(dir, '404.html'), html);
  return dir;
}

test(`sub-path: under ${SUB} on a GitHub Pages-like host the worker is scoped there and works offline`, async () => {
  const server = await startServer({ root: await subPathDist(), base: SUB, githubPages: true });
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await waitForOfflineReady(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    assert.equal(scope, server.url, 'the worker serves the sub-path only');

    await context.setOffline(true);
    const deep = new URL('communities/c-reliability', server.url).href;
    const response = await page.goto(deep, { waitUntil: 'load' });
    assert.equal(response.status(), 200, 'offline, the worker answers the deep link with the app');
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    await page.getByRole('heading', { level: 1, name: 'Reliability Guild' }).waitFor();
    await navigate(page, 'Data & backups');
    assert.equal(new URL(page.url()).pathname, `${SUB}data`);
    const outside = server.requests.filter((r) => !r.split(' ')[2].startsWith(SUB));
    assert.deepEqual(outside, [], 'nothing was requested outside the sub-path');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
    await server.close();
  }
});

// ---------------------------------------------------------------------------
// The rest needs no service worker; one server on the main dist.

let server;
before(async () => {
  server = await startServer({ root: DIST_DIR });
});
after(async () => {
  await server?.close();
});

/** Splits CSV text (after the BOM) into records as RFC 4180 reads it. */
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r') {
      assert.equal(text[i + 1], '\n', 'CR is followed by LF');
      i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (c === '\n') assert.fail('bare LF outside a quoted field');
    else field += c;
  }
  assert.equal(field + record.join(''), '', 'the last record ends in CRLF');
  return records;
}

test('CSV downloads: UTF-8 with BOM, CRLF, quoted commas, quotes and line breaks, non-ASCII names intact', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    // Give a person a name and notes that need every kind of quoting, then reload.
    const doc = await storedDoc(page);
    const person = doc.data.people[0];
    person.name = 'Zoë "Z" Ørsted, Jr.';
    person.notes = 'Met at the café\nfollow up in März';
    await putStored(page, KEY_WORKSPACE, JSON.stringify(doc));
    await gotoApp(page, new URL('data', server.url).href);

    const people = await downloadFile(page, () => page.getByTestId('csv-people').click());
    assert.match(people.suggestedFilename, /^cultivate-[a-z0-9-]+-people-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(people.text.startsWith('\uFEFF'), 'starts with the UTF-8 byte order mark');
    assert.ok(people.text.includes('"Zoë ""Z"" Ørsted, Jr."'), 'comma and quotes: quoted, inner quotes doubled');
    assert.ok(people.text.includes('"Met at the café\nfollow up in März"'), 'the line break stays inside the quoted field');
    const rows = parseCsv(people.text.slice(1));
    assert.deepEqual(rows[0], ['Name', 'Email', 'Organisation', 'Title', 'Communities', 'Notes', 'Person id']);
    assert.equal(rows.length, doc.data.people.length + 1);
    const row = rows.find((r) => r[6] === person.id);
    assert.equal(row[0], 'Zoë "Z" Ørsted, Jr.');
    assert.equal(row[5], 'Met at the café\nfollow up in März');
    assert.ok(rows.every((r) => r.length === rows[0].length), 'every record has the header width');

    const members = await downloadFile(page, () => page.getByTestId('csv-members').click());
    const mrows = parseCsv(members.text.slice(1));
    assert.equal(mrows[0][0], 'Community');
    const memberships = doc.data.communities.reduce((n, c) => n + c.memberships.length, 0);
    assert.equal(mrows.length, memberships + 1);
    const hers = doc.data.communities.filter((c) => c.memberships.some((m) => m.person_id === person.id)).map((c) => c.name);
    assert.ok(hers.length > 0, 'the first sample person is a member somewhere');
    assert.deepEqual(mrows.filter((r) => r[1] === 'Zoë "Z" Ørsted, Jr.').map((r) => r[0]), hers, 'one row per membership, name read back intact');

    const acts = await downloadFile(page, () => page.getByTestId('csv-activities').click());
    const arows = parseCsv(acts.text.slice(1));
    assert.deepEqual(arows[0].slice(0, 6), ['Community', 'Title', 'Type', 'First date', 'Start time', 'Duration (minutes)']);
    assert.ok(arows.length > 1);
    assert.ok(arows.slice(1).every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r[3]) && /^\d{2}:\d{2}$/.test(r[4])), 'ISO dates and times');

    // The seven exports, under three headings.
    for (const heading of ['People and communities', 'Activities and meetings', 'Evaluation']) {
      await page.getByRole('heading', { level: 4, name: heading }).waitFor();
    }
    for (const key of ['people', 'members', 'activities', 'meetings', 'attendance', 'indicators', 'stories']) {
      await page.getByTestId(`csv-${key}`).waitFor();
    }

    const meetings = await downloadFile(page, () => page.getByTestId('csv-meetings').click());
    assert.match(meetings.suggestedFilename, /^cultivate-[a-z0-9-]+-meetings-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.ok(meetings.text.startsWith('\uFEFF'));
    assert.ok(
      meetings.text.startsWith(
        '\uFEFFCommunity,Title,Date,Start time,End time,Duration (minutes),Agenda (minutes),Formats,Activity types,Status,Agenda blocks,Attendees,Guests,Harvest items,Follow-ups open,Follow-ups done,Purpose,Location,Record notes,Community id,Meeting id\r\n',
      ),
      'the header line',
    );
    const mtrows = parseCsv(meetings.text.slice(1));
    assert.equal(mtrows.length, doc.data.communities.reduce((n, c) => n + c.facilitation.meetings.length, 0) + 1);
    const clinic = mtrows.find((r) => r[20] === 'mt-s1');
    assert.deepEqual(clinic.slice(1, 7), ['Champions\' clinic: secrets in pipelines', '2025-12-10', '14:00', '15:30', '90', '90']);
    assert.deepEqual(clinic.slice(9, 16), ['Recorded', '4', '6', '1', '4', '2', '1'], 'status, blocks, attendees, guests, harvest, follow-ups open and done');
    assert.equal(clinic[7], 'Check-in and news round; Case clinic; Show-and-tell; Harvest and close');

    const attendance = await downloadFile(page, () => page.getByTestId('csv-attendance').click());
    const atrows = parseCsv(attendance.text.slice(1));
    assert.deepEqual(atrows[0].slice(0, 5), ['Community', 'Meeting', 'Date', 'Name', 'Attended as']);
    const hers_at = atrows.find((r) => r[9] === 'mt-s1' && r[10] === person.id);
    assert.ok(hers_at, 'the renamed first sample person attended the clinic');
    assert.deepEqual(hers_at.slice(3, 5), ['Zoë "Z" Ørsted, Jr.', 'Member']);
    assert.deepEqual(atrows.find((r) => r[4] === 'Guest').slice(3, 5), ['Priya Raman (cloud platform team)', 'Guest']);

    const stories = await downloadFile(page, () => page.getByTestId('csv-stories').click());
    assert.match(stories.suggestedFilename, /^cultivate-[a-z0-9-]+-stories-\d{4}-\d{2}-\d{2}\.csv$/);
    const srows = parseCsv(stories.text.slice(1));
    assert.deepEqual(srows[0], [
      'Community', 'Title', 'Teller', 'Told on', 'Status', 'Follow up on', 'Starts in', 'Cycles',
      'Immediate value', 'Potential value', 'Applied value', 'Realized value', 'Transformative value',
      'Strategic value', 'Enabling value', 'Orienting value',
      'Verification', 'Consent', 'Meetings', 'Repertoire items', 'Indicators', 'Community id', 'Story id',
    ]);
    assert.equal(srows.length, doc.data.communities.reduce((n, c) => n + c.evaluation.stories.length, 0) + 1);
    const grid = srows.find((r) => r[22] === 'story-n-grid');
    assert.deepEqual(grid.slice(1, 8), [
      'The planning grid at the northern checkpoint', 'Ivan Petrov', '2025-12-18', 'Realised', '',
      'Immediate value', 'Immediate value; Potential value; Applied value; Realized value',
    ]);
    assert.match(grid[10], /^I filled in the grid with my team/);
    assert.deepEqual(grid.slice(16, 19), ['Corroborated', 'Shareable in the organisation', 'Peer circle: access at checkpoints']);
    assert.equal(srows.find((r) => r[22] === 'story-n-river')[17], 'Private to the community', 'private stories are exported, marked');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('the sample opens in a separate workspace; switching back brings the original data back', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await createWorkspace(page, 'Harbour workshop');
    await addPerson(page, 'Ngozi Ọkọnkwọ');
    const original = await storedDoc(page);

    await navigate(page, 'Data & backups');
    await page.getByTestId('no-parked').waitFor();
    assert.equal(await page.getByRole('radio', { name: /Keep it alongside/ }).isChecked(), true, 'keeping is the default');
    await page.getByTestId('open-sample').click();
    assert.match(await page.getByRole('alertdialog').innerText(), /“Harbour workshop” is kept under Workspaces/);
    await confirm(page);
    await page.getByTestId('parked-table').waitFor();
    await waitForStored(page, (doc) => doc.data.is_sample === true);
    assert.match(await page.getByTestId('open-workspace').textContent(), /Sample data/);
    const row = page.getByTestId('parked-row');
    assert.equal(await row.count(), 1);
    assert.match(await row.innerText(), /Harbour workshop/);
    const parkedKeys = (await storageKeys(page)).filter((k) => k.startsWith('cultivate.parked.'));
    assert.equal(parkedKeys.length, 1);
    const parked = JSON.parse(await storedRaw(page, parkedKeys[0]));
    assert.deepEqual(parked.data, original.data, 'the parked copy is the original, unchanged');

    // Work in the sample, then switch back.
    await addPerson(page, 'Sample Sam');
    await navigate(page, 'Data & backups');
    await page.getByTestId('switch-workspace').click();
    await page.getByTestId('open-workspace').filter({ hasText: 'Harbour workshop' }).waitFor();
    const back = await waitForStored(page, (doc) => doc.data.name === 'Harbour workshop');
    assert.deepEqual(back.data, original.data, 'switching back gives the original data');
    assert.match(await page.getByTestId('parked-row').innerText(), /Sample/);
    assert.equal(await page.getByTestId('parked-row').count(), 1, 'the opened workspace is no longer listed');

    // A reload keeps the choice; the sample, with its edit, waits in the list.
    await page.reload();
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    await page.getByTestId('open-workspace').filter({ hasText: 'Harbour workshop' }).waitFor();
    await page.getByTestId('switch-workspace').click();
    await waitForStored(page, (doc) => doc.data.is_sample && doc.data.people.some((p) => p.name === 'Sample Sam'));
    await page.getByTestId('switch-workspace').click();
    await waitForStored(page, (doc) => doc.data.name === 'Harbour workshop');

    // Deleting the parked sample asks, and backs it up first.
    assert.deepEqual(await checkA11y(page), [], 'Data page with another workspace listed');
    await page.getByRole('button', { name: /^Delete… .*Sample/ }).first().click();
    assert.match(await page.getByRole('alertdialog').innerText(), /backed up first/);
    await confirm(page);
    await page.getByTestId('no-parked').waitFor();
    const backups = page.getByTestId('backups-table');
    await backups.getByRole('row').filter({ hasText: /Deleted workspace/ }).waitFor();
    assert.deepEqual((await storageKeys(page)).filter((k) => k.startsWith('cultivate.parked.')), []);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('start over and the sample in place both back up first, and can be undone', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const sample = await storedDoc(page);
    await navigate(page, 'Data & backups');
    await page.getByRole('radio', { name: /Replace it/ }).check();

    // A name is needed; nothing is asked without one.
    await page.getByTestId('start-over').click();
    await page.getByText('Give the new workspace a name').waitFor();
    assert.equal(await page.getByRole('alertdialog').count(), 0);

    await page.getByRole('textbox', { name: 'Name of the new, empty workspace' }).fill('Fresh start');
    await page.getByTestId('start-over').click();
    assert.match(await page.getByRole('alertdialog').innerText(), /backed up first/);
    await confirm(page);
    const fresh = await waitForStored(page, (doc) => doc.data.name === 'Fresh start');
    assert.equal(fresh.data.communities.length, 0);
    assert.equal(fresh.data.people.length, 0);
    const backups = page.getByTestId('backups-table');
    const backupRow = backups.getByRole('row').filter({ hasText: 'Before starting over' });
    await backupRow.waitFor();
    assert.match(await backupRow.innerText(), new RegExp(sample.data.name));
    const backupKey = (await storageKeys(page)).find((k) => k.startsWith('cultivate.backup.'));
    const backup = JSON.parse(await storedRaw(page, backupKey));
    assert.deepEqual(backup.data, sample.data, 'the backup holds the whole previous workspace');
    assert.equal((await storageKeys(page)).filter((k) => k.startsWith('cultivate.parked.')).length, 0, 'nothing parked when replacing');

    // The sample, in place of "Fresh start".
    await page.getByTestId('open-sample').click();
    await confirm(page);
    await waitForStored(page, (doc) => doc.data.is_sample === true);
    await backups.getByRole('row').filter({ hasText: 'Before loading the sample' }).waitFor();

    // Undo brings "Fresh start" back. One Undo at a time: the message offers it, and once
    // the message is dismissed, the page does.
    await page.getByTestId('undo-import').waitFor();
    assert.equal(await page.getByTestId('undo-import-data').count(), 0);
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await page.getByTestId('undo-import-data').click();
    await waitForStored(page, (doc) => doc.data.name === 'Fresh start');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('a parked workspace that cannot be read is never opened or overwritten, and is set aside when deleted', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const raw = '{"format":"cultivate-workspace","schema_version":999,"data":{"name":"From the future"}}';
    const key = 'cultivate.parked.1700000000000';
    await putStored(page, key, raw);
    await gotoApp(page, new URL('data', server.url).href);
    const row = page.getByTestId('parked-row');
    assert.match(await row.innerText(), /From the future/);
    await row.getByTestId('switch-workspace').click();
    const error = page.getByTestId('workspaces-error');
    await error.waitFor();
    assert.match(await error.innerText(), /cannot be opened, so nothing was changed/);
    assert.equal(await storedRaw(page, key), raw, 'left exactly as it was');
    assert.equal((await storedDoc(page)).data.is_sample, true, 'the open workspace is unchanged');

    // Download gives the stored text byte for byte.
    const file = await downloadFile(page, () => row.getByRole('button', { name: /^Download/ }).click());
    assert.equal(file.text, raw);

    await row.getByRole('button', { name: /^Delete…/ }).click();
    await confirm(page);
    await page.getByTestId('no-parked').waitFor();
    const recoveryKeys = (await storageKeys(page)).filter((k) => k.startsWith('cultivate.recovery.'));
    const kept = await Promise.all(recoveryKeys.map((k) => storedRaw(page, k)));
    assert.deepEqual(kept, [raw], 'the unreadable document was set aside before it was deleted');
    await page.getByRole('heading', { name: 'Set-aside data' }).waitFor();
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('Data page: no axe violations in light and dark, and it fits 390 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const context = await newContext(browser, { colorScheme });
    try {
      const page = await context.newPage();
      await gotoApp(page, server.url);
      await loadSample(page);
      await navigate(page, 'Data & backups');
      await page.getByTestId('csv-people').waitFor();
      assert.deepEqual(await checkA11y(page), [], `${colorScheme}`);
      assertNoConsoleErrors(page);
    } finally {
      await context.close();
    }
  }
  const narrow = await newContext(browser, { viewport: { width: 390, height: 800 } });
  try {
    const page = await narrow.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, new URL('data', server.url).href);
    await page.getByTestId('open-sample').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  } finally {
    await narrow.close();
  }
});
