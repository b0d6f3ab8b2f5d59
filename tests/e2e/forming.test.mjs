// Forming a community: the wizard from the first step to the printed charter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  createWorkspace,
  loadSample,
  waitForSaved,
  waitForStored,
  storedDoc,
  checkA11y,
  downloadFile,
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

const url = (path) => server.url.replace(/\/$/, '') + path;

/** Waits until the wizard shows step `n` (1-based) titled `title`, marked as current in the progress list. */
async function atStep(page, n, title) {
  await page.getByTestId('wizard-count').filter({ hasText: `Step ${n} of 8` }).waitFor();
  assert.equal(await page.locator('#wizard-step-h').innerText(), title);
  const current = page.getByRole('navigation', { name: 'Forming steps' }).locator('[aria-current="step"]');
  assert.equal(await current.count(), 1);
  assert.match(await current.innerText(), new RegExp(title));
}

const next = (page) => page.getByRole('button', { name: /^Next/ }).click();

test('the forming wizard, from the first step to a saved, printed and exported charter', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await createWorkspace(page, 'Harbour workshop');
    await gotoApp(page, url('/cultivate'));
    await page.getByRole('link', { name: 'Start the forming wizard' }).click();

    // Step 1: the community is created with its name and formation type.
    await atStep(page, 1, 'Formation type');
    assert.deepEqual(await checkA11y(page), []);
    await page.getByRole('button', { name: /Create and continue/ }).click();
    assert.match(await page.locator('#community-name-error').innerText(), /Name is required/);
    await page.getByLabel('Name of the community').fill('Reliability Guild');
    await page.getByRole('combobox', { name: 'Formation type' }).selectOption({ label: 'Community of practice' });
    await page.getByRole('button', { name: /Create and continue/ }).click();

    // Step 2: domain, key issues and strategic links.
    await atStep(page, 2, 'Domain');
    assert.match(page.url(), /\/cultivate\/[^/]+\/forming$/);
    const statement = 'How we keep rotating equipment running safely across our three plants.';
    await page.getByLabel('Domain statement').fill(statement);
    await page.getByLabel('New key issue').fill('Bearing failures on cooling-water pumps');
    await page.getByRole('button', { name: 'Add key issue' }).click();
    await page.getByTestId('key-issues').getByText('Bearing failures on cooling-water pumps').waitFor();
    await page.locator('#new-link-priority').fill('Reduce unplanned downtime');
    await page.locator('#new-link-contribution').fill('Members share failure cases, so a fault is not diagnosed twice.');
    await page.getByRole('button', { name: 'Add strategic link' }).click();
    await page.getByTestId('strategic-link').waitFor();
    // A second link is typed but never added with its button: moving on keeps it. (So
    // the wizard's add forms are not held back by the question about unsaved typing.)
    await page.locator('#new-link-priority').fill('Safety first');
    assert.equal(await page.locator('form[data-unsaved]').count(), 0);
    assert.deepEqual(await checkA11y(page), []);
    await next(page);

    // Step 3: a topic, its owner added on the spot.
    await atStep(page, 3, 'Learning agenda');
    await page.locator('#new-topic').fill('Vibration analysis');
    await page.locator('#new-topic-owner').selectOption({ label: 'Someone new…' });
    await page.getByLabel("New owner's name").fill('Ana Ruiz');
    await page.getByRole('button', { name: 'Add owner' }).click();
    await page.getByLabel("New owner's name").waitFor({ state: 'detached' });
    assert.equal(await page.locator('#new-topic-owner option:checked').innerText(), 'Ana Ruiz');
    await page.locator('#new-topic-activities').fill('Two clinics on reading spectra');
    await page.locator('#new-topic-outputs').fill('A first-line diagnosis checklist');
    await page.getByRole('button', { name: 'Add topic' }).click();
    await page.getByTestId('agenda-topic').waitFor();
    assert.deepEqual(await checkA11y(page), []);

    // Back once: the answers of step 2 are all there, including the link never "added".
    await page.getByRole('button', { name: 'Back' }).click();
    await atStep(page, 2, 'Domain');
    assert.equal(await page.getByLabel('Domain statement').inputValue(), statement);
    const links = page.getByTestId('strategic-link');
    assert.equal(await links.count(), 2);
    assert.equal(await links.nth(1).getByLabel('Organisational priority').inputValue(), 'Safety first');
    await next(page);
    await atStep(page, 3, 'Learning agenda');
    const topic = page.getByTestId('agenda-topic');
    assert.equal(await topic.getByLabel('Topic 1').inputValue(), 'Vibration analysis');
    assert.equal(await topic.locator('select option:checked').innerText(), 'Ana Ruiz');
    await next(page);

    // Step 4: who is invited, the core group and the leader.
    await atStep(page, 4, 'Community');
    await page.getByLabel('Who is invited').fill('All reliability engineers in the three plants.');
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Ana Ruiz' });
    await page.getByRole('button', { name: 'Add to the core group' }).click();
    await page.getByTestId('core-member').filter({ hasText: 'Ana Ruiz' }).waitFor();
    await page.locator('#core-new-name').fill('Ben Okoro');
    await page.getByRole('button', { name: 'Add new person to the core group' }).click();
    await page.getByTestId('core-member').filter({ hasText: 'Ben Okoro' }).waitFor();
    await page.getByTestId('no-leader').waitFor();
    await page.getByRole('checkbox', { name: 'Ana Ruiz leads the community' }).check();
    await page.getByTestId('no-leader').waitFor({ state: 'detached' });
    assert.deepEqual(await checkA11y(page), []);
    await next(page);

    // Step 5: typed, then the page reloads at once (no blur, no wait): the wizard
    // resumes at the same step with the text.
    await atStep(page, 5, 'Practice');
    const practice = 'Failure cases worked through together\n- vibration spectra\n- route cards';
    await page.getByLabel('What members will share and build').fill(practice);
    await page.reload();
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    await atStep(page, 5, 'Practice');
    assert.equal(await page.getByLabel('What members will share and build').inputValue(), practice);
    let doc = await storedDoc(page);
    assert.equal(doc.data.communities[0].cultivation.forming.step, 4);

    await next(page);
    await atStep(page, 6, 'Value proposition');
    await page.getByLabel('For members, in the short term').fill('Help with hard cases.');
    await page.getByLabel('For the organisation, in the long term').fill('Reliability as a strategic capability.');
    assert.deepEqual(await checkA11y(page), []);
    await next(page);
    await atStep(page, 7, 'Rhythm');
    await page.getByLabel('The rhythm you intend').fill('A 60-minute online clinic each month.');
    await next(page);
    await atStep(page, 8, 'Norms and confidentiality');
    await page.getByLabel(/^Norms:/).fill('Start and end on time.\nNo dumb questions.');
    await page.getByLabel('What stays inside the community').fill('Names of colleagues in failure cases.');
    await page.getByLabel('What may be published outside it').fill('Checklists once reviewed.');
    assert.deepEqual(await checkA11y(page), []);

    // The progress list ticks every answered step.
    await page.waitForFunction(() => document.querySelectorAll('.wizard-progress__item.is-done').length === 8);
    assert.equal(await page.getByRole('navigation', { name: 'Forming steps' }).getByText('(answered)').count(), 8);

    // The charter: a draft made from the answers, edited and saved as version 1.
    await page.getByRole('button', { name: 'Generate the charter' }).click();
    await page.getByTestId('charter-editor').waitFor();
    const membership = await page.getByLabel('Text of “Membership and roles”').inputValue();
    assert.equal(
      membership,
      'Who is invited:\nAll reliability engineers in the three plants.\n\nCore group: Ana Ruiz, Ben Okoro.\n\nLeader: Ana Ruiz.',
    );
    assert.match(await page.getByLabel('Text of “Learning agenda”').inputValue(), /^Vibration analysis, owned by Ana Ruiz:/);
    assert.match(await page.getByLabel('Text of “Strategic links”').inputValue(), /- Safety first$/);
    await page.getByLabel('Text of “Rhythm”').fill('A 60-minute online clinic on the second Tuesday of each month.');
    assert.deepEqual(await checkA11y(page), []);
    await page.getByRole('button', { name: 'Save as version 1' }).click();

    const today = new Date().toISOString().slice(0, 10); // the browser runs in UTC
    const meta = page.getByTestId('charter-meta');
    await meta.waitFor();
    assert.equal(await meta.innerText(), `Community of practice · Version 1 · ${today}`);
    const charterDoc = page.getByTestId('charter-document');
    assert.equal(await charterDoc.getByRole('heading', { level: 2 }).innerText(), 'Reliability Guild');
    assert.equal(await charterDoc.getByRole('listitem').filter({ hasText: 'vibration spectra' }).count(), 1);
    assert.match(await page.getByTestId('charter-versions').innerText(), new RegExp(`Version 1 · ${today} · 10 sections \\(current\\)`));
    assert.deepEqual(await checkA11y(page), []);

    await waitForSaved(page);
    doc = await waitForStored(page, (d) => d.data.communities[0].cultivation.charters.length === 1);
    const c = doc.data.communities[0];
    const charter = c.cultivation.charters[0];
    assert.equal(charter.version, 1);
    assert.equal(charter.on, today);
    assert.deepEqual(charter.sections.map((s) => s.heading), [
      'Purpose and domain',
      'Strategic links',
      'Learning agenda',
      'Membership and roles',
      'Practice',
      'Value proposition',
      'Rhythm',
      'Norms',
      'Confidentiality',
      'Review',
    ]);
    assert.equal(charter.sections[6].body, 'A 60-minute online clinic on the second Tuesday of each month.');
    assert.equal(charter.sections[4].body, practice);
    // The core group and the leader are real memberships.
    const people = Object.fromEntries(doc.data.people.map((p) => [p.id, p.name]));
    const core = c.memberships.map((m) => [people[m.person_id], m.level_id, m.role_ids]);
    assert.deepEqual(core, [
      ['Ana Ruiz', 'core_group', ['community_leader']],
      ['Ben Okoro', 'core_group', []],
    ]);
    assert.equal(people[c.cultivation.forming.agenda[0].owner_id], 'Ana Ruiz');
    assert.deepEqual(c.cultivation.forming.strategic_links.map((l) => l.priority), ['Reduce unplanned downtime', 'Safety first']);

    // Print: the document alone, without navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: '/tmp/forming-e2e-charter-print.png', fullPage: true });
    assert.equal(await charterDoc.isVisible(), true);
    for (const hidden of [page.getByTestId('charter-toolbar'), page.getByRole('navigation', { name: 'Main' }), page.locator('.app-header'), page.getByTestId('charter-versions')]) {
      assert.equal(await hidden.isVisible(), false);
    }
    const pdf = await page.pdf({ preferCSSPageSize: true });
    assert.match(pdf.subarray(0, 5).toString('latin1'), /^%PDF-/);
    await page.emulateMedia({ media: 'screen' });

    // Markdown export.
    const { suggestedFilename, text } = await downloadFile(page, () => page.getByRole('button', { name: 'Export Markdown' }).click());
    assert.equal(suggestedFilename, 'cultivate-reliability-guild-charter-v1.md');
    assert.ok(text.startsWith(`# Charter: Reliability Guild\n\nCommunity of practice · Version 1 · ${today}\n\n## Purpose and domain\n`), text.slice(0, 200));
    assert.match(text, /\n## Membership and roles\n\n\*\*Who is invited:\*\*\\\nAll reliability engineers in the three plants\.\n/);
    assert.match(text, /\n## Practice\n\nFailure cases worked through together\n\n- vibration spectra\n- route cards\n/);

    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('charter versions: a new version from an edit, dates never go back, and older versions stay readable', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, url('/cultivate/c-negotiators/forming'));
    await page.getByTestId('wizard-count').waitFor();
    // The progress list jumps to any step.
    const steps = page.getByRole('navigation', { name: 'Forming steps' });
    await steps.getByRole('button', { name: /Practice/ }).click();
    await atStep(page, 5, 'Practice');
    await page.getByLabel('What members will share and build').fill('Negotiation planning grids and debriefs.');
    // Save and finish later: a later visit opens at the same step, with the answer.
    await page.getByRole('button', { name: 'Save and finish later' }).click();
    await page.getByTestId('notice').filter({ hasText: 'opens at step 5, Practice' }).waitFor();
    assert.match(page.url(), /\/cultivate\/c-negotiators$/);
    await gotoApp(page, url('/cultivate/c-negotiators/forming'));
    await atStep(page, 5, 'Practice');
    assert.equal(await page.getByLabel('What members will share and build').inputValue(), 'Negotiation planning grids and debriefs.');
    await steps.getByRole('button', { name: /Norms and confidentiality/ }).click();
    await atStep(page, 8, 'Norms and confidentiality');
    await page.getByLabel(/^Norms:/).fill('Chatham House rule.');

    await page.getByRole('button', { name: 'Generate the charter' }).click();
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await page.getByTestId('charter-meta').filter({ hasText: 'Version 1' }).waitFor();
    const v1Date = (await page.getByTestId('charter-meta').innerText()).split(' · ').at(-1);

    // Edit as version 2: a date before version 1's is refused, then saved.
    await page.getByRole('button', { name: 'Edit as version 2' }).click();
    await page.getByLabel('Heading of section 8').fill('How we work together');
    await page.getByLabel('Date of this version').fill('2020-01-01');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    assert.match(await page.locator('#charter-on-error').innerText(), /must not be before version 1's date/);
    await page.getByLabel('Date of this version').fill(v1Date);
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByTestId('charter-meta').filter({ hasText: 'Version 2' }).waitFor();
    const doc = page.getByTestId('charter-document');
    assert.equal(await doc.getByRole('heading', { name: 'How we work together' }).count(), 1);

    // Version 1 is kept as it was.
    await page.getByRole('button', { name: 'Show version 1' }).click();
    await page.getByTestId('older-version').waitFor();
    assert.equal(await doc.getByRole('heading', { name: 'Norms' }).count(), 1);
    assert.equal(await doc.getByRole('heading', { name: 'How we work together' }).count(), 0);
    assert.deepEqual(await checkA11y(page), []);
    await page.getByRole('button', { name: 'Show the current version' }).click();
    await page.getByTestId('older-version').waitFor({ state: 'detached' });

    await waitForSaved(page);
    const stored = await storedDoc(page);
    const charters = stored.data.communities.find((c) => c.id === 'c-negotiators').cultivation.charters;
    assert.deepEqual(charters.map((c) => c.version), [1, 2]);
    assert.equal(charters[1].sections[7].heading, 'How we work together');
    assert.equal(charters[0].sections[7].heading, 'Norms');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
