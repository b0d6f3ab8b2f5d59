// Merging files (issue #8, part 2): two facilitators, each in their own browser, start from the
// same workspace file, edit it, and one merges the other's export. The record both changed is a
// conflict shown side by side and resolved; a record only the other changed is taken; the merge
// is backed up first and undone in one step. Both adding the same person to a community is one
// membership, with a conflict on its level. Also: a shared meeting merges as a piece.
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
  downloadJson,
  chooseImportFile,
  storedDoc,
  waitForSaved,
  waitForStored,
  checkA11y,
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

async function exportWorkspace(page) {
  await navigate(page, 'Data & backups');
  await page.getByRole('heading', { level: 1, name: 'Data & backups' }).waitFor();
  return downloadJson(page, () => page.getByTestId('export-workspace').click());
}

/** Renames a person on their page, through the form, and waits until it is stored. */
async function renamePerson(page, id, name) {
  await gotoApp(page, `${server.url}people/${id}`);
  const field = page.getByRole('textbox', { name: 'Name', exact: true });
  await field.fill(name);
  await page.getByRole('button', { name: 'Save details' }).click();
  await waitForStored(page, (d) => d.data.people.some((p) => p.id === id && p.name === name));
}

/** Browser A starts from the sample and hands the file to browser B, who imports it in an
 *  empty browser. The caller closes `a` and `b`. */
async function twoBrowsersFromSample() {
  const a = await newContext(browser);
  const b = await newContext(browser);
  const pa = await a.newPage();
  await gotoApp(pa, server.url);
  await loadSample(pa);
  const base = await exportWorkspace(pa);
  const pb = await b.newPage();
  await gotoApp(pb, server.url);
  await chooseImportFile(pb, base.suggestedFilename, base.text);
  await pb.getByTestId('import-confirm').click();
  await pb.getByRole('navigation', { name: 'Main' }).waitFor();
  await waitForSaved(pb);
  return { a, b, pa, pb, base };
}

test('two browsers edit the same workspace; merging shows the conflict side by side, resolves it, and undo puts it back', async () => {
  const { a, b, pa, pb, base } = await twoBrowsersFromSample();
  try {

    const [first, second] = base.json.data.people;
    // Both rename the same person; only B renames a second one.
    await renamePerson(pa, first.id, 'Name chosen by A');
    await renamePerson(pb, first.id, 'Name chosen by B');
    await renamePerson(pb, second.id, 'Renamed by B only');
    const stampA = (await storedDoc(pa)).data.stamps[`people/${first.id}`];
    const stampB = (await storedDoc(pb)).data.stamps[`people/${first.id}`];
    assert.equal(Object.keys(stampA.v).length, 1, 'A stamped the change with its own device');
    assert.notDeepEqual(Object.keys(stampA.v), Object.keys(stampB.v), 'each browser has its own device id');
    const fromB = await exportWorkspace(pb);
    const beforeMerge = await storedDoc(pa);

    // A merges B's file.
    await gotoApp(pa, `${server.url}data`);
    await chooseImportFile(pa, 'from-b.json', fromB.text);
    await pa.getByTestId('import-preview').waitFor();
    await pa.getByTestId('import-merge').click();
    const review = pa.getByTestId('merge-review');
    await review.waitFor();
    assert.match(
      await pa.getByTestId('merge-summary').innerText(),
      /^0 records to add, 1 to update from the file, 1 changed on both sides\.$/,
    );
    await pa.getByTestId('merge-updated').locator('summary').click();
    assert.match(await pa.getByTestId('merge-updated').innerText(), /person: Renamed by B only/);
    const conflict = pa.getByTestId('merge-conflict');
    assert.equal(await conflict.count(), 1);
    const row = conflict.getByRole('row', { name: /^Name/ });
    assert.match(await row.innerText(), /^Name\s+Name chosen by A\s+Name chosen by B/);
    assert.match(await conflict.innerText(), /Yours: last changed .* on device .*\. Theirs: last changed .* on device/);
    assert.deepEqual(await checkA11y(pa), [], 'the merge review has no axe violations');

    // "Take theirs for all", then back to mine for this one, then theirs by its own radio.
    await pa.getByTestId('merge-all-theirs').click();
    assert.equal(await conflict.getByRole('radio', { name: 'Take theirs' }).isChecked(), true);
    await pa.getByTestId('merge-all-mine').click();
    assert.equal(await conflict.getByRole('radio', { name: 'Keep mine' }).isChecked(), true);
    await conflict.getByRole('radio', { name: 'Take theirs' }).check();
    await pa.getByTestId('merge-confirm').click();
    await pa.getByTestId('import-done').waitFor();
    assert.match(await pa.getByTestId('import-done').innerText(), /0 added, 1 updated, 1 conflict resolved \(0 kept yours, 1 took theirs\)/);
    await waitForStored(pa, (d) => d.data.people.find((p) => p.id === first.id)?.name === 'Name chosen by B');
    const merged = await storedDoc(pa);
    assert.equal(merged.data.people.find((p) => p.id === second.id).name, 'Renamed by B only');
    assert.equal(merged.data.people.length, beforeMerge.data.people.length, 'nothing added, nothing lost');

    // Merging the same file again finds nothing to do.
    await chooseImportFile(pa, 'from-b.json', fromB.text);
    await pa.getByTestId('import-merge').click();
    assert.equal(
      await pa.getByTestId('merge-summary').innerText(),
      'Nothing to merge: your workspace already has everything in the file.',
    );
    await pa.getByRole('button', { name: 'Cancel' }).click();

    // Undo restores A's workspace as it was before the merge.
    const undo = pa.getByTestId('undo-import');
    assert.match(await undo.innerText(), /^Undo \(before merging from-b\.json\)$/);
    await undo.click();
    await waitForStored(pa, (d) => d.data.people.find((p) => p.id === first.id)?.name === 'Name chosen by A');
    assert.deepEqual((await storedDoc(pa)).data, beforeMerge.data, 'undo brings back exactly the workspace before the merge');
    assertNoConsoleErrors(pa);
    assertNoConsoleErrors(pb);
  } finally {
    await a.close();
    await b.close();
  }
});

/** Adds `person` to the community at `level` on its page, and waits until it is stored. */
async function addToCommunity(page, community, person, level) {
  await gotoApp(page, `${server.url}communities/${community.id}`);
  await page.getByRole('combobox', { name: 'Person', exact: true }).selectOption({ label: person.name });
  await page.getByLabel('Participation level').selectOption({ label: level.label });
  await page.getByRole('button', { name: 'Add member' }).click();
  await waitForStored(page, (d) =>
    d.data.communities.find((c) => c.id === community.id).memberships.some((m) => m.person_id === person.id),
  );
}

test('both browsers add the same person to a community: the merge asks which level, and keeps one membership', async () => {
  const { a, b, pa, pb, base } = await twoBrowsersFromSample();
  try {
    const ws = base.json.data;
    const community = ws.communities[0];
    const person = ws.people.find((p) => !community.memberships.some((m) => m.person_id === p.id));
    const [, active, peripheral] = ws.catalogues.participation_levels;
    await addToCommunity(pa, community, person, active);
    await addToCommunity(pb, community, person, peripheral);
    const fromB = await exportWorkspace(pb);

    await gotoApp(pa, `${server.url}data`);
    await chooseImportFile(pa, 'from-b.json', fromB.text);
    await pa.getByTestId('import-preview').waitFor();
    await pa.getByTestId('import-merge').click();
    await pa.getByTestId('merge-review').waitFor();
    const conflict = pa.getByTestId('merge-conflict');
    assert.equal(await conflict.count(), 1);
    assert.match(await conflict.locator('legend').innerText(), new RegExp(`^membership: ${person.name}`));
    const row = conflict.getByRole('row', { name: /^Level/ });
    assert.equal((await row.innerText()).replace(/\s+/g, ' ').trim(), `Level ${active.label} ${peripheral.label}`);
    await conflict.getByRole('radio', { name: 'Take theirs' }).check();
    await pa.getByTestId('merge-confirm').click();
    await pa.locator('[data-testid="import-done"], [data-testid="import-error"]').first().waitFor();
    assert.equal(await pa.getByTestId('import-error').count(), 0, await pa.locator('main').innerText());
    await waitForStored(pa, (d) =>
      d.data.communities.find((c) => c.id === community.id).memberships.some((m) => m.person_id === person.id && m.level_id === peripheral.id),
    );
    const mine = (await storedDoc(pa)).data.communities.find((c) => c.id === community.id);
    assert.equal(mine.memberships.filter((m) => m.person_id === person.id).length, 1, 'one membership, not two');
    assertNoConsoleErrors(pa);
    assertNoConsoleErrors(pb);
  } finally {
    await a.close();
    await b.close();
  }
});

test('a meeting shared as a piece merges into another workspace and never renames it', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const ws = (await storedDoc(page)).data;
    const community = ws.communities.find((c) => c.facilitation.meetings.length > 0);
    const meeting = community.facilitation.meetings[0];
    await gotoApp(page, `${server.url}facilitate/${community.id}/meetings/${meeting.id}`);
    const piece = await downloadJson(page, () => page.getByTestId('share-meeting').click());
    assert.equal(piece.json.format, 'cultivate-community');
    assert.equal(piece.json.data.piece.kind, 'meeting');
    assert.deepEqual(piece.json.data.community.facilitation.meetings.map((m) => m.id), [meeting.id]);

    // Another browser with a workspace of its own.
    const other = await newContext(browser);
    try {
      const p2 = await other.newPage();
      await gotoApp(p2, server.url);
      await p2.getByRole('textbox', { name: 'Workspace name', exact: true }).fill('Second workshop');
      await p2.getByRole('button', { name: 'Create workspace' }).click();
      await p2.getByRole('navigation', { name: 'Main' }).waitFor();
      await navigate(p2, 'Data & backups');
      await chooseImportFile(p2, piece.suggestedFilename, piece.text);
      await p2.getByTestId('merge-review').waitFor();
      assert.match(await p2.getByRole('heading', { name: /^Merge the meeting / }).innerText(), new RegExp(meeting.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await p2.getByTestId('merge-confirm').click();
      await p2.locator('[data-testid="import-done"], [data-testid="import-error"]').first().waitFor();
      assert.equal(await p2.getByTestId('import-error').count(), 0, await p2.locator('main').innerText());
      await waitForStored(p2, (d) => d.data.communities.some((c) => c.id === community.id));
      const after2 = (await storedDoc(p2)).data;
      assert.equal(after2.name, 'Second workshop');
      assert.deepEqual(after2.communities[0].facilitation.meetings.map((m) => m.id), [meeting.id]);
      assertNoConsoleErrors(p2);
    } finally {
      await other.close();
    }
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
