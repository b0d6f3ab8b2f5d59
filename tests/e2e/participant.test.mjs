// Participant mode (issue #8, part 4): a facilitator hands out a story-collection file; three
// participants, each in a fresh browser without a workspace, open it from the welcome page,
// write a value-creation story and export their answers; the facilitator drops the three
// answers files at once on the Data page, reviews the merge (three stories to add, no
// conflicts), merges them, sees them with their tellers, and undoes the merge.
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
  chooseImportFile,
  downloadJson,
  storedDoc,
  storedRaw,
  storageKeys,
  waitForStored,
  checkA11y,
  assertNoConsoleErrors,
  eventually,
  KEY_WORKSPACE,
} from './lib/harness.mjs';

const KEY_PARTICIPANT = 'cultivate.participant';
const COMMUNITY = 'c-negotiators';
const PROMPT = 'Tell us about a checkpoint where the circle made a difference.\nOne story per moment, please.';
const PARTICIPANTS = [
  {
    name: 'Amal Haddad',
    title: 'The checklist at the northern crossing',
    immediate: 'At the peer circle someone shared their checkpoint checklist.',
    applied: 'I used the checklist at the northern crossing the next week.',
    consent: 'Shareable in the organisation',
    key: 'organisation',
  },
  {
    name: 'Bruno Keller',
    title: 'A call before the convoy',
    immediate: 'A colleague from another agency gave me her number at the circle.',
    aspirational: '2099-06-30',
    consent: 'Private to the community',
    key: 'community',
  },
  {
    name: 'Chen Wei',
    title: 'Access as a shared interest',
    immediate: 'The role play showed me how the other side sees access.',
    consent: 'Public',
    key: 'public',
  },
];

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

const url = (path) => server.url.replace(/\/$/, '') + path;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** axe in the light and the dark colour scheme; returns "scheme screen: violation" lines. */
async function auditBothSchemes(page, screen) {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    for (const v of await checkA11y(page)) found.push(`[${colorScheme}] ${screen}: ${v}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function confirm(page) {
  await page.getByRole('alertdialog').getByTestId('confirm-yes').click();
}

/** Fills the participant's story form for `who` and saves it. */
async function writeStory(page, who) {
  await page.getByRole('textbox', { name: 'Your name' }).fill(who.name);
  await page.getByRole('textbox', { name: 'Title of the story' }).fill(who.title);
  await page.locator('#p-step-immediate').fill(who.immediate);
  if (who.applied) await page.locator('#p-step-applied').fill(who.applied);
  await page.getByRole('radio', { name: who.consent }).check();
  if (who.aspirational) {
    await page.getByRole('radio', { name: /^Aspirational/ }).check();
    // The model requires a follow-up date for an aspirational story.
    await page.getByTestId('participant-save').click();
    await page.locator('#p-follow-up-error').waitFor();
    assert.equal(await page.locator('#p-follow-up').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#p-follow-up').getAttribute('aria-describedby'), 'p-follow-up-error');
    await page.locator('#p-follow-up').fill(who.aspirational);
  }
  await page.getByTestId('participant-save').click();
  await eventually(async () =>
    assert.match(await page.getByTestId('participant-saved').innerText(), new RegExp(`Saved your story “${escape(who.title)}”`)),
  );
}

test('three participants answer a story-collection file without a workspace; the facilitator merges all the answers in one step and can undo it', async () => {
  const facilitator = await newContext(browser, { reducedMotion: 'reduce' });
  const contexts = [];
  try {
    // ----- The facilitator hands out a story-collection file. -----
    const fp = await facilitator.newPage();
    await gotoApp(fp, server.url);
    await loadSample(fp);
    const start = (await storedDoc(fp)).data.communities.find((c) => c.id === COMMUNITY);
    const storiesBefore = start.evaluation.stories.map((s) => s.id);
    await gotoApp(fp, url(`/evaluate/${COMMUNITY}/stories`));
    const card = fp.getByTestId('collect-stories');
    await card.getByRole('heading', { name: 'Collect stories from participants' }).waitFor();
    await fp.getByRole('textbox', { name: 'Invitation shown to participants' }).fill(PROMPT);
    const collection = await downloadJson(fp, () => fp.getByTestId('collect-download').click());
    assert.match(await fp.getByTestId('collect-done').innerText(), new RegExp(escape(collection.suggestedFilename)));
    assert.equal(collection.json.format, 'cultivate-community');
    const piece = collection.json.data;
    assert.equal(piece.piece.kind, 'collection');
    assert.equal(piece.piece.prompt, PROMPT);
    assert.equal(piece.community.id, COMMUNITY);
    assert.deepEqual(piece.community.evaluation.stories, [], 'no stories are handed out');
    assert.deepEqual(piece.community.memberships, [], 'no members are handed out');
    assert.deepEqual(piece.people, [], 'no people are handed out');

    // The community's stories can be shared as a piece too.
    const shared = await downloadJson(fp, () => fp.getByTestId('share-stories').click());
    assert.equal(shared.json.data.piece.kind, 'stories');
    assert.deepEqual(shared.json.data.community.evaluation.stories.map((s) => s.id).sort(), [...storiesBefore].sort());
    assert.match(await fp.getByTestId('share-stories-done').innerText(), new RegExp(escape(shared.suggestedFilename)));

    // ----- Three participants, each in a fresh browser without a workspace. -----
    const answers = [];
    for (const [i, who] of PARTICIPANTS.entries()) {
      const context = await newContext(browser, { reducedMotion: 'reduce' });
      contexts.push(context);
      const p = await context.newPage();
      await gotoApp(p, server.url);
      await p.getByRole('heading', { name: 'Start a new workspace' }).waitFor();
      await chooseImportFile(p, collection.suggestedFilename, collection.text);
      await p.getByTestId('collection-card').waitFor();
      await p.getByTestId('collection-open').click();
      await p.getByRole('heading', { level: 1, name: `Stories for ${start.name}` }).waitFor();
      assert.equal(new URL(p.url()).pathname, '/participate');
      assert.equal(await p.getByTestId('participant-prompt').innerText(), PROMPT);
      assert.equal(await p.getByTestId('participant-export').isDisabled(), true, 'nothing to export yet');

      if (i === 0) {
        // The model's checks show inline, tied to their fields.
        await p.getByTestId('participant-save').click();
        await p.locator('#p-title-error').waitFor();
        for (const id of ['p-title', 'p-teller']) {
          assert.equal(await p.locator(`#${id}`).getAttribute('aria-invalid'), 'true', id);
          assert.match(await p.locator(`#${id}`).getAttribute('aria-describedby'), new RegExp(`${id}-error`), id);
        }
        assert.match(await p.locator('#p-steps-error').innerText(), /Tell the first step/);
        assert.equal(await p.locator('#p-step-immediate').getAttribute('aria-invalid'), 'true');
        assert.match(await p.locator('#p-step-immediate').getAttribute('aria-describedby'), /p-steps-error/);
        assert.deepEqual(await auditBothSchemes(p, 'participate with errors'), []);
      }

      await writeStory(p, who);
      const list = p.getByTestId('participant-stories');
      await list.getByRole('heading', { name: who.title }).waitFor();
      assert.match(await list.innerText(), new RegExp(`Told by ${escape(who.name)}`));
      assert.equal(await storedRaw(p, KEY_WORKSPACE), null, 'a participant gets no workspace');
      assert.ok((await storageKeys(p)).includes(KEY_PARTICIPANT), 'the stories are kept in this browser');

      if (i === 0) {
        // The stories survive a reload (the page stands on its own without a workspace).
        await gotoApp(p, url('/participate'));
        await list.getByRole('heading', { name: who.title }).waitFor();
        assert.deepEqual(await auditBothSchemes(p, 'participate with a story'), []);

        // Edit: the form takes the story's values, and the new title replaces the old one.
        await list.getByRole('button', { name: `Edit “${who.title}”` }).click();
        await p.getByRole('heading', { name: 'Edit your story' }).waitFor();
        assert.equal(await p.getByRole('textbox', { name: 'Title of the story' }).inputValue(), who.title);
        assert.equal(await p.locator('#p-step-applied').inputValue(), who.applied);
        who.title = `${who.title} (revised)`;
        await p.getByRole('textbox', { name: 'Title of the story' }).fill(who.title);
        await p.getByTestId('participant-save').click();
        await list.getByRole('heading', { name: who.title }).waitFor();

        // A second story, deleted after confirming; the name is kept for the next story.
        assert.equal(await p.getByRole('textbox', { name: 'Your name' }).inputValue(), who.name);
        await writeStory(p, { ...who, title: 'A story to delete', applied: undefined, consent: 'Public' });
        assert.equal(await list.getByRole('listitem').count(), 2);
        await list.getByRole('button', { name: 'Delete “A story to delete”' }).click();
        await confirm(p);
        await eventually(async () => assert.equal(await list.getByRole('listitem').count(), 1));
        await list.getByRole('heading', { name: who.title }).waitFor();
      }

      const exported = await downloadJson(p, () => p.getByTestId('participant-export').click());
      assert.match(await p.getByTestId('participant-exported').innerText(), new RegExp(escape(exported.suggestedFilename)));
      const data = exported.json.data;
      assert.equal(data.piece.kind, 'answers');
      assert.equal(data.community.id, COMMUNITY);
      assert.equal(data.community.evaluation.stories.length, 1);
      const story = data.community.evaluation.stories[0];
      assert.equal(story.title, who.title);
      assert.equal(story.teller_name, who.name);
      assert.equal(story.teller_id, null);
      assert.equal(story.consent, who.key);
      assert.equal(story.status, who.aspirational ? 'aspirational' : 'realised');
      if (who.aspirational) assert.equal(story.follow_up_on, who.aspirational);
      assert.equal(story.steps[0].cycle_id, 'immediate');
      answers.push(exported);

      if (i === PARTICIPANTS.length - 1) {
        // Discarding (after confirming) removes the stories from this browser.
        await p.getByTestId('participant-discard').click();
        await confirm(p);
        await p.getByTestId('participant-discarded').waitFor();
        assert.equal(await storedRaw(p, KEY_PARTICIPANT), null);
        await p.getByRole('link', { name: 'Back to the start page' }).click();
        await p.getByRole('heading', { name: 'Start a new workspace' }).waitFor();
      }
      assertNoConsoleErrors(p);
    }
    assert.equal(new Set(answers.map((a) => a.suggestedFilename)).size, 3, 'each answers file has its own name');

    // ----- The facilitator merges the three answers files in one step. -----
    await navigate(fp, 'Data & backups');
    await fp.getByRole('heading', { level: 1, name: 'Data & backups' }).waitFor();
    await fp.getByTestId('import-file').setInputFiles(
      answers.map((a) => ({ name: a.suggestedFilename, mimeType: 'application/json', buffer: Buffer.from(a.text, 'utf8') })),
    );
    await fp.getByTestId('merge-review').waitFor();
    assert.match(await fp.getByTestId('merge-summary').innerText(), /^3 records to add, 0 to update from the file, 0 changed on both sides\.$/);
    assert.equal(await fp.getByTestId('merge-conflict').count(), 0);
    await fp.getByTestId('merge-added').locator('summary').click();
    const added = await fp.getByTestId('merge-added').innerText();
    for (const [i, who] of PARTICIPANTS.entries()) {
      assert.match(added, new RegExp(`${escape(who.title)} — from ${escape(answers[i].suggestedFilename)}`));
    }
    await fp.getByTestId('merge-confirm').click();
    await fp.getByTestId('import-done').waitFor();
    assert.match(await fp.getByTestId('import-done').innerText(), /3 added, 0 updated, 0 conflicts resolved/);
    const merged = await waitForStored(
      fp,
      (d) => d.data.communities.find((c) => c.id === COMMUNITY).evaluation.stories.length === storiesBefore.length + 3,
    );
    const mergedStories = merged.data.communities.find((c) => c.id === COMMUNITY).evaluation.stories;
    for (const who of PARTICIPANTS) {
      const s = mergedStories.find((x) => x.title === who.title);
      assert.ok(s, `${who.title} merged`);
      assert.equal(s.teller_name, who.name);
    }

    // The stories appear on the community's stories page with their tellers. (In-app
    // navigation by keyboard, as the merge notice with its Undo button stays on top.)
    await navigate(fp, 'Evaluate');
    await fp.getByRole('link', { name: start.name, exact: true }).press('Enter');
    await fp.getByRole('navigation', { name: 'Evaluation of this community' }).getByRole('link', { name: 'Stories' }).press('Enter');
    const table = fp.getByTestId('stories-table');
    await table.waitFor();
    for (const who of PARTICIPANTS) {
      const row = table.getByRole('row', { name: new RegExp(escape(who.title)) });
      assert.match(await row.innerText(), new RegExp(escape(who.name)));
    }

    // Undo takes the merge back: the three stories are gone again.
    await fp.getByTestId('undo-import').click();
    await waitForStored(
      fp,
      (d) => d.data.communities.find((c) => c.id === COMMUNITY).evaluation.stories.length === storiesBefore.length,
    );
    await eventually(async () => {
      const text = await table.innerText();
      for (const who of PARTICIPANTS) assert.doesNotMatch(text, new RegExp(escape(who.title)));
    });
    assert.deepEqual(
      (await storedDoc(fp)).data.communities.find((c) => c.id === COMMUNITY).evaluation.stories.map((s) => s.id),
      storiesBefore,
    );
    assertNoConsoleErrors(fp);
  } finally {
    for (const c of contexts) await c.close();
    await facilitator.close();
  }
});

test('a participant with a workspace answers inside it, and the workspace is left alone', async () => {
  const context = await newContext(browser, { reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, url(`/evaluate/${COMMUNITY}/stories`));
    const collection = await downloadJson(page, () => page.getByTestId('collect-download').click());
    const before = await storedDoc(page);

    // With nothing open, the page says where to open a file.
    await gotoApp(page, url('/participate'));
    await page.getByTestId('participant-nothing').getByRole('link', { name: 'Data page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data & backups' }).waitFor();

    await chooseImportFile(page, collection.suggestedFilename, collection.text);
    await page.getByTestId('collection-open').click();
    await page.getByRole('heading', { level: 1, name: /^Stories for / }).waitFor();
    // Inside the workspace's shell: its navigation is there.
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await writeStory(page, PARTICIPANTS[2]);
    assert.deepEqual(await auditBothSchemes(page, 'participate in a workspace'), []);
    const after = await storedDoc(page);
    assert.deepEqual(after.data, before.data, 'the participant’s story never enters their own workspace');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
