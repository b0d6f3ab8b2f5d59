// Cultivating: the lifecycle stage (self-assessment, suggestion, confirmation, history, tasks,
// transformation) and the maturity soundboard (dated assessments compared).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR, launchBrowser, newContext, gotoApp, loadSample, waitForSaved, waitForStored, storedDoc, checkA11y,
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

const guild = (doc) => doc.data.communities.find((c) => c.id === 'c-reliability');
const text = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

async function openLifecycle(page, community = 'c-reliability') {
  await gotoApp(page, server.url);
  await loadSample(page);
  await gotoApp(page, `${server.url.replace(/\/$/, '')}/cultivate/${community}/lifecycle`);
  await page.getByTestId('current-stage').waitFor();
}

/** Answers the statement whose text matches `statement` with `answer` ("Fully", …). */
async function answer(page, statement, answer) {
  const group = page.getByTestId('statements').getByRole('group', { name: statement });
  await group.getByRole('radio', { name: answer, exact: true }).check();
}

test('a self-assessment suggests a stage, the confirmed stage appears in the history and survives a reload, a task is ticked, and two maturity assessments are compared', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await openLifecycle(page);
    assert.equal(await text(page.getByTestId('current-stage').getByRole('heading', { level: 3 })), 'Current stage: Maturing');
    assert.equal(await text(page.getByTestId('stage-ladder').locator('[aria-current="step"]')), 'Maturing Current stage');
    assert.match(await text(page.getByTestId('stage-suggestion')), /^No suggestion yet/);
    assert.equal(await text(page.getByTestId('stage-history-empty')), 'No stage recorded yet. The community has been at Maturing since it was added; record a stage above to start its history.');

    // The statements do not come in stage order.
    const legends = await page.getByTestId('statements').locator('legend').allInnerTexts();
    assert.equal(legends.length, 10);
    assert.doesNotMatch(legends[0], /only started to discover common ground/);

    await answer(page, /We have been going for a long time/, 'Fully');
    await answer(page, /Our energy comes in cycles/, 'Mostly');
    await answer(page, /Members see gaps in what we know/, 'A little');
    await answer(page, /We have launched and meet/, 'Not at all');
    assert.equal(await text(page.getByTestId('assessment-progress')), '4 of 10 statements answered.');

    const suggestion = page.getByTestId('stage-suggestion');
    await suggestion.getByText('The self-assessment suggests Stewardship, from 4 of 10 statements answered.').waitFor();
    const reasons = page.getByTestId('stage-reasons');
    assert.equal(await text(reasons.getByRole('row', { name: /^Stewardship/ })), 'Stewardship Suggested 2 of 2 2.5');
    assert.equal(await text(reasons.getByRole('row', { name: /^Maturing/ })), 'Maturing 1 of 2 1.0');
    assert.equal(await text(reasons.getByRole('row', { name: /^Potential/ })), 'Potential 0 of 2 —');

    // The stage select follows the suggestion; record it with a date and a note.
    const form = page.getByTestId('confirm-stage');
    assert.equal(await form.getByLabel('Stage').inputValue(), 'stewardship');
    await form.getByLabel('Date').fill('2026-02-10');
    await form.getByLabel('Note (optional)').fill('Renewal workshop agreed');
    await form.getByRole('button', { name: 'Record the stage' }).click();
    await form.getByRole('status').getByText('Recorded Stewardship on 2026-02-10.').waitFor();

    const history = page.getByTestId('stage-history');
    const firstRow = history.locator('tbody tr').first();
    assert.equal(await text(firstRow), '2026-02-10 Maturing → Stewardship Stewardship Renewal workshop agreed');
    assert.equal(await text(page.getByTestId('current-stage').getByRole('heading', { level: 3 })), 'Current stage: Stewardship');
    assert.equal(await form.getByLabel('Note (optional)').inputValue(), '', 'the note is cleared for the next entry');

    await waitForSaved(page);
    let doc = await storedDoc(page);
    assert.equal(guild(doc).lifecycle_stage_id, 'stewardship');
    assert.deepEqual(guild(doc).cultivation.stage_history, [
      { on: '2026-02-10', from_stage_id: 'maturing', to_stage_id: 'stewardship', suggested_stage_id: 'stewardship', note: 'Renewal workshop agreed' },
    ]);

    await page.reload();
    await page.getByTestId('stage-history').waitFor();
    assert.equal(await text(page.getByTestId('stage-history').locator('tbody tr').first()), '2026-02-10 Maturing → Stewardship Stewardship Renewal workshop agreed');
    assert.equal(
      await page.getByTestId('statements').getByRole('group', { name: /We have been going for a long time/ }).getByRole('radio', { name: 'Fully', exact: true }).isChecked(),
      true,
    );

    // The stewardship tasks are now the current ones; tick one.
    const tasks = page.getByTestId('stage-tasks');
    assert.equal(await tasks.getByRole('checkbox').count(), 4);
    await tasks.getByRole('checkbox', { name: 'Hold a renewal workshop' }).check();
    await page.getByTestId('current-stage').getByText('· 1 of 4 done').waitFor();
    doc = await waitForStored(page, (d) => guild(d).cultivation.tasks_done.includes('renewal_workshop'));
    assert.deepEqual(guild(doc).cultivation.tasks_done, ['renewal_workshop']);

    assert.deepEqual(await checkA11y(page), []);

    // Maturity: a baseline in January, a second look in June.
    const mform = page.getByTestId('maturity-form');
    const score = async (dimension, value) => {
      await mform.getByRole('group', { name: dimension, exact: true }).getByRole('radio', { name: value, exact: true }).check();
    };
    await score('Domain clarity', '3 established');
    await score('Community', '2 developing');
    await score('Practice', '1 emerging');
    await mform.getByLabel('Date of this assessment').fill('2026-01-15');
    await mform.getByLabel('Note (optional)').fill('Baseline');
    await mform.getByRole('button', { name: 'Save assessment' }).click();
    await mform.getByText('Saved the assessment of 2026-01-15.').waitFor();

    // The form now starts from that assessment: change what moved.
    assert.equal(await mform.getByRole('group', { name: 'Community', exact: true }).getByRole('radio', { name: '2 developing' }).isChecked(), true);
    await score('Community', '3 established');
    await score('Practice', '0 absent');
    await score('Rhythm', '2 developing');
    await mform.getByLabel('Date of this assessment').fill('2026-06-15');
    await mform.getByRole('button', { name: 'Save assessment' }).click();
    await mform.getByText('Saved the assessment of 2026-06-15.').waitFor();

    const table = page.getByTestId('maturity-comparison');
    await table.waitFor();
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Dimension', '2026-01-15', '2026-06-15', 'Change']);
    assert.equal(await text(table.getByRole('row', { name: /^Community/ })), 'Community 2 · developing 3 · established +1');
    assert.equal(await text(table.getByRole('row', { name: /^Practice/ })), 'Practice 1 · emerging 0 · absent −1');
    assert.equal(await text(table.getByRole('row', { name: /^Domain clarity/ })), 'Domain clarity 3 · established 3 · established no change');
    assert.equal(await text(table.getByRole('row', { name: /^Rhythm/ })), 'Rhythm not scored 2 · developing not comparable');
    assert.equal(
      await text(page.getByTestId('maturity-summary')),
      'From 2026-01-15 to 2026-06-15, of 7 dimensions: 1 stronger, 1 weaker, 1 unchanged, 4 not scored in one or both.',
    );
    // The chart draws both: the earlier dashed with squares, the later solid with circles.
    const radar = page.getByTestId('maturity-radar');
    assert.equal(await radar.locator('.radar__series--dashed rect').count(), 3);
    assert.equal(await radar.locator('.radar__series--solid circle').count(), 4);
    assert.match(await radar.locator('desc').textContent(), /Assessment of 2026-01-15 \(earlier\): Domain clarity 3 \(established\), Community 2 \(developing\), Practice 1 \(emerging\), Rhythm not scored/);

    // Correct the baseline: Edit takes the keyboard to the form, saving brings it back to the list.
    await page.getByTestId('maturity-list').getByRole('button', { name: 'Edit the assessment of 2026-01-15' }).click();
    await mform.getByRole('heading', { name: 'Edit the assessment of 2026-01-15' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'maturity-form-h');
    assert.equal(await mform.getByLabel('Date of this assessment').inputValue(), '2026-01-15');
    assert.equal(await mform.getByLabel('Note (optional)').inputValue(), 'Baseline');
    await score('Community', '1 emerging');
    await mform.getByRole('button', { name: 'Save changes' }).click();
    await mform.getByRole('heading', { name: 'New assessment' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'assessments-h');
    assert.equal(await text(table.getByRole('row', { name: /^Community/ })), 'Community 1 · emerging 3 · established +2');

    await waitForSaved(page);
    doc = await storedDoc(page);
    assert.deepEqual(guild(doc).cultivation.maturity.map((a) => [a.on, a.note, a.scores.length]), [
      ['2026-01-15', 'Baseline', 3],
      ['2026-06-15', '', 4],
    ]);

    assert.deepEqual(await checkA11y(page), []);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('a date before the last change is refused inline; at transformation the ending is recorded; a mistaken change is undone', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await openLifecycle(page, 'c-negotiators');
    assert.equal(await page.getByTestId('transformation').count(), 0, 'no transformation panel before that stage');
    const form = page.getByTestId('confirm-stage');
    // No answers: the select starts at the current stage.
    assert.equal(await form.getByLabel('Stage').inputValue(), 'stewardship');
    await form.getByLabel('Stage').selectOption('transformation');
    await form.getByLabel('Date').fill('2026-03-01');
    await form.getByRole('button', { name: 'Record the stage' }).click();
    await page.getByTestId('transformation').waitFor();

    // An earlier date is refused on the date field, and nothing is recorded.
    await form.getByLabel('Stage').selectOption('stewardship');
    await form.getByLabel('Date').fill('2026-02-01');
    await form.getByRole('button', { name: 'Record the stage' }).click();
    const date = form.getByLabel('Date');
    await form.getByText('The date must not be before the last recorded change (2026-03-01)').waitFor();
    assert.equal(await date.getAttribute('aria-invalid'), 'true');
    assert.equal(await date.getAttribute('aria-describedby'), 'confirm-on-error');
    assert.equal(await page.getByTestId('stage-history').locator('tbody tr').count(), 1);

    // Record how the community ended.
    const panel = page.getByTestId('transformation');
    await panel.getByRole('radio', { name: 'Merged' }).check();
    await panel.getByLabel('Date').fill('2026-04-01');
    await panel.getByLabel('Note (optional)').fill('Joined the regional negotiators network');
    await panel.getByRole('button', { name: 'Record how it ended or changed' }).click();
    await panel.getByTestId('transformation-record').getByText('Merged on 2026-04-01.').waitFor();
    const doc = await waitForStored(page, (d) => d.data.communities[2].cultivation.transformation !== null && d.data.communities[2].cultivation.transformation !== undefined);
    assert.deepEqual(doc.data.communities[2].cultivation.transformation, { mode_id: 'merged', on: '2026-04-01', note: 'Joined the regional negotiators network' });
    assert.deepEqual(await checkA11y(page), []);

    // Undo the move to transformation: back at stewardship, the record kept as history.
    await page.getByRole('button', { name: 'Undo the latest change…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Undo the change' }).click();
    await page.getByTestId('stage-history-empty').waitFor();
    assert.equal(await text(page.getByTestId('current-stage').getByRole('heading', { level: 3 })), 'Current stage: Stewardship');
    assert.match(await text(page.getByTestId('transformation')), /kept as history/);
    assert.equal(await page.getByTestId('transformation').getByRole('radio').count(), 0, 'no form away from that stage');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
