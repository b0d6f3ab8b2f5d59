// Organisation checks: the structure chooser, the readiness check and the health check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR, launchBrowser, newContext, gotoApp, loadSample, waitForSaved, storedDoc, checkA11y, assertNoConsoleErrors,
} from './lib/harness.mjs';

// Screenshots (print emulation included) land here for people to look at.
const SHOTS = process.env.CHECKS_SHOTS || '/tmp/checks-shots';

let server;
let browser;
before(async () => {
  server = await startServer({ root: DIST_DIR });
  browser = await launchBrowser();
  await fs.mkdir(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const url = (path) => server.url.replace(/\/$/, '') + path;

async function openSample(path) {
  const context = await newContext(browser);
  const page = await context.newPage();
  await gotoApp(page, server.url);
  await loadSample(page);
  await gotoApp(page, url(path));
  return { context, page };
}

/** The cells of the row whose header is exactly `name`, as trimmed texts. */
async function rowCells(table, name) {
  const row = table.locator('tr').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
  assert.equal(await row.count(), 1, `one row for ${name}`);
  return (await row.getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

test('structure chooser: from the first question to a result saved against a community, printed on A4', async () => {
  const { context, page } = await openSample('/organisation/chooser');
  try {
    const progress = page.locator('.chooser-progress');
    await progress.getByText('Question 1 of 7', { exact: true }).waitFor();
    assert.equal(await page.getByRole('progressbar', { name: 'Question 1 of 7' }).getAttribute('value'), '1');
    assert.deepEqual(await checkA11y(page), []);

    // Next without an answer: an inline message, and no step forward.
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Choose the answer that fits best to go on.').waitFor();
    assert.equal(await page.getByRole('radiogroup', { name: "What is the group's main purpose?" }).getAttribute('aria-invalid'), 'true');
    await progress.getByText('Question 1 of 7', { exact: true }).waitFor();

    // A local group of a wider testing community: a chapter.
    const answers = [
      ["What is the group's main purpose?", "Build members' capability; create and exchange knowledge"],
      ['Who belongs?', 'People in one place, part of a wider group'],
      ['What holds the group together?', 'Passion for and identification with a domain'],
      ['How long will it last?', 'As long as members find learning value'],
      ['Must it deliver something specific?', 'No: it builds a capability'],
      ['How clear are its boundaries?', 'Fuzzy: people join and drift at the edges'],
      ['Where does the knowledge sit?', 'In one site, with a wider group elsewhere'],
    ];
    for (const [i, [question, answer]] of answers.entries()) {
      await progress.getByText(`Question ${i + 1} of 7`, { exact: true }).waitFor();
      const group = page.getByRole('radiogroup', { name: question });
      await group.getByRole('radio', { name: answer }).check();
      if (i === 2) {
        // Going back keeps the answer given.
        await page.getByRole('button', { name: 'Back' }).click();
        await progress.getByText('Question 2 of 7', { exact: true }).waitFor();
        assert.equal(await page.getByRole('radio', { name: answers[1][1] }).isChecked(), true);
        await page.getByRole('button', { name: 'Next' }).click();
        assert.equal(await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: answer }).isChecked(), true);
      }
      await page.getByRole('button', { name: i === 6 ? 'See the result' : 'Next' }).click();
    }

    const result = page.getByTestId('chooser-result');
    await result.waitFor();
    assert.equal(await page.getByTestId('chooser-recommendation').innerText(), 'Chapter of a community');
    assert.match(await result.innerText(), /It fits 7 of your 7 answers\./);
    assert.equal(await page.getByTestId('chooser-reasons').getByRole('listitem').count(), 7);
    assert.match(await result.innerText(), /Runner-up\s+Community of practice, which fits 5 of your 7 answers\./);
    assert.match(await result.innerText(), /What to do next\s+Agree with the wider community how the chapter links back, and name a chapter leader\./);
    // Keyboard focus moved to the recommendation.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'chooser-result-h');
    assert.deepEqual(await checkA11y(page), []);

    // Save it against the London testing chapter.
    const save = page.locator('.chooser-save');
    await save.getByRole('button', { name: 'Save result' }).click();
    await save.getByText('Choose the community to save the result to').waitFor();
    await save.getByLabel('Community', { exact: true }).selectOption({ label: 'Test Automation Chapter (London)' });
    await save.getByLabel('Date of the result').fill('2026-11-20');
    await save.getByLabel('Note (optional)').fill('Agreed with the testing community leads');
    await save.getByRole('button', { name: 'Save result' }).click();
    await page.getByTestId('chooser-saved').getByText('Saved the result to Test Automation Chapter (London).').waitFor();
    await waitForSaved(page);
    const doc = await storedDoc(page);
    const testing = doc.data.communities.find((c) => c.id === 'c-testing');
    assert.deepEqual(testing.stewardship.structure_choice, {
      on: '2026-11-20',
      answers: [
        { question_id: 'purpose', option_id: 'purpose_capability' },
        { question_id: 'membership', option_id: 'membership_local' },
        { question_id: 'glue', option_id: 'glue_passion' },
        { question_id: 'lifespan', option_id: 'lifespan_learning' },
        { question_id: 'deliverables', option_id: 'deliverables_capability' },
        { question_id: 'boundaries', option_id: 'boundaries_fuzzy' },
        { question_id: 'location', option_id: 'location_one_site' },
      ],
      recommended_id: 'chapter',
      note: 'Agreed with the testing community leads',
    });
    assert.equal(testing.formation_type_id, 'chapter');
    const saved = page.getByTestId('chooser-saved-results');
    assert.deepEqual(
      (await rowCells(saved, 'Test Automation Chapter (London)')).slice(0, 4),
      ['Chapter of a community', '2026-11-20', 'Chapter', 'Agreed with the testing community leads'],
    );

    // Print: only the result, on A4.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await result.isVisible(), true);
    assert.equal(await save.isVisible(), false);
    assert.equal(await page.locator('.chooser-saved').isVisible(), false);
    assert.equal(await result.getByRole('button', { name: 'Print' }).isVisible(), false);
    await page.screenshot({ path: `${SHOTS}/chooser-print.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/chooser-print.pdf`, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });

    // The saved result survives a reload and can be shown again.
    await page.reload();
    await page.getByTestId('chooser-saved-results').waitFor();
    await page.getByRole('button', { name: 'Show the result saved for Test Automation Chapter (London)' }).click();
    await page.getByText('Result saved for Test Automation Chapter (London) on 2026-11-20').waitFor();
    assert.equal(await page.getByTestId('chooser-recommendation').innerText(), 'Chapter of a community');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('health check: recorded twice for a community, the change shown in the comparison table', async () => {
  const { context, page } = await openSample('/organisation/health');
  try {
    const list = page.getByTestId('health-list');
    await list.waitFor();
    assert.deepEqual(await checkA11y(page), []);
    await list.getByRole('link', { name: 'Reliability Guild', exact: true }).click();
    await page.getByRole('heading', { name: 'Health of Reliability Guild', level: 1 }).waitFor();
    const before = (await storedDoc(page)).data.communities.find((c) => c.id === 'c-reliability').stewardship.health_checks.length;

    const form = page.locator('form').filter({ has: page.getByLabel('Date of the check') });
    const score = (factor, word) => form.getByRole('group', { name: factor, exact: true }).getByRole('radio', { name: word }).check();

    // Inline validation: nothing scored.
    await form.getByLabel('Date of the check').fill('2026-09-01');
    await form.getByRole('button', { name: 'Save check' }).click();
    await form.getByText('Score at least one success factor').waitFor();

    // The first check.
    await score('Passion for the domain', '4 strong');
    await score('Trust', '2 partly');
    await score('Rhythm', '3 mostly');
    await form.getByRole('checkbox', { name: 'Leader or core group burnout' }).check();
    await form.getByLabel('Note (optional)').fill('First check');
    await form.getByRole('button', { name: 'Save check' }).click();
    await page.getByText('Saved the health check of 2026-09-01.', { exact: false }).waitFor();

    // The second, with different scores and risks.
    await form.getByLabel('Date of the check').fill('2026-11-10');
    await score('Passion for the domain', '4 strong');
    await score('Trust', '4 strong');
    await score('Rhythm', '1 weak');
    await form.getByRole('checkbox', { name: 'No protected time' }).check();
    await form.getByLabel('Note (optional)').fill('Second check');
    await form.getByRole('button', { name: 'Save check' }).click();
    await page.getByText('Saved the health check of 2026-11-10.', { exact: false }).waitFor();

    // Compare the two explicitly (the sample may hold other checks of this community).
    await page.getByLabel('Show the check of').selectOption({ label: '2026-11-10 — Second check' });
    await page.getByLabel('Compare with').selectOption({ label: '2026-09-01 — First check' });
    const table = page.getByTestId('health-comparison');
    await table.getByRole('columnheader', { name: 'Before (2026-09-01)' }).waitFor();
    assert.deepEqual(await rowCells(table, 'Passion for the domain'), ['4 strong', '4 strong', '= no change']);
    assert.deepEqual(await rowCells(table, 'Trust'), ['2 partly', '4 strong', '▲ up 2']);
    assert.deepEqual(await rowCells(table, 'Rhythm'), ['3 mostly', '1 weak', '▼ down 2']);
    const risks = (await page.getByTestId('health-risk-changes').innerText()).replace(/\s+/g, ' ');
    assert.match(risks, /Flagged since 2026-09-01 No protected time/);
    assert.match(risks, /Cleared since 2026-09-01 Leader or core group burnout/);
    // 9 of 12 = 75 %, then 9 of 12 = 75 %: the score is unchanged, the table tells what moved.
    assert.match(await page.getByTestId('health-report').innerText(), /Health on 2026-11-10/);
    const warnings = await page.getByTestId('health-warnings').getByRole('listitem').allInnerTexts();
    assert.ok(warnings.includes('Risk present: No protected time'), warnings.join(' | '));
    assert.ok(warnings.includes('Rhythm fell from mostly to weak since 2026-09-01'), warnings.join(' | '));

    await waitForSaved(page);
    const checks = (await storedDoc(page)).data.communities.find((c) => c.id === 'c-reliability').stewardship.health_checks;
    assert.equal(checks.length, before + 2);
    const mine = checks.filter((h) => h.note === 'First check' || h.note === 'Second check');
    assert.deepEqual(mine.map((h) => [h.on, h.scores, h.risks]), [
      ['2026-09-01', [{ area_id: 'passion_for_domain', score: 4 }, { area_id: 'trust', score: 2 }, { area_id: 'rhythm', score: 3 }], ['burnout']],
      ['2026-11-10', [{ area_id: 'passion_for_domain', score: 4 }, { area_id: 'trust', score: 4 }, { area_id: 'rhythm', score: 1 }], ['no_time']],
    ]);
    assert.deepEqual(await checkA11y(page), []);
    await page.screenshot({ path: `${SHOTS}/health.png`, fullPage: true });

    // The list shows the latest check.
    await gotoApp(page, url('/organisation/health'));
    const cells = await rowCells(page.getByTestId('health-list'), 'Reliability Guild');
    assert.equal(cells[0], '2026-11-10');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('readiness check: scored, its weakest areas listed with an action each, compared with the one before', async () => {
  const { context, page } = await openSample('/organisation/readiness');
  try {
    const form = page.locator('form').filter({ has: page.getByLabel('Date of the check') });
    await form.waitFor();
    assert.deepEqual(await checkA11y(page), []);

    await form.getByLabel('Date of the check').fill('2026-11-02');
    await form.getByRole('button', { name: 'Save check' }).click();
    await form.getByText('Score at least one readiness area').waitFor();

    await form.getByLabel('Organisation (optional)').selectOption({ label: 'Harbour Bank (fictional)' });
    await form.getByLabel('Who scored it (optional)').fill('Sponsors and the social learning team');
    const score = (area, word) => form.getByRole('group', { name: area, exact: true }).getByRole('radio', { name: word }).check();
    await score('Strategic context', '3 mostly');
    await score('Culture of sharing', '3 mostly');
    await score('Protected time', '1 weak');
    await score('Sponsorship', '4 strong');
    await score('Expectations', '3 mostly');
    await score('Recognition and careers', '0 absent');
    await score('Support', '2 partly');
    // The error clears as soon as something is scored.
    assert.equal(await form.getByText('Score at least one readiness area').count(), 0);
    await form.getByRole('button', { name: 'Save check' }).click();
    await page.getByText('Saved the readiness check of 2026-11-02.', { exact: false }).waitFor();

    const report = page.getByTestId('readiness-report');
    await report.getByRole('heading', { name: 'Readiness on 2026-11-02' }).waitFor();
    const weakest = page.getByTestId('readiness-weakest');
    assert.deepEqual(await weakest.getByRole('heading', { level: 4 }).allInnerTexts(), [
      'Recognition and careers — 0 absent',
      'Protected time — 1 weak',
      'Support — 2 partly',
    ]);
    assert.deepEqual(
      await weakest.getByRole('list', { name: 'Suggested actions for Recognition and careers' }).getByRole('listitem').allInnerTexts(),
      ['Put community work into reviews and careers Ask HR to recognise leadership and contributions in performance reviews.'],
    );
    // Compared with the sample's check of 2025-10-30 (3, 3, 2, 4, 3, 1, 3).
    const table = page.getByTestId('readiness-scores');
    assert.deepEqual(await rowCells(table, 'Protected time'), ['2 partly', '1 weak', '▼ down 1']);
    assert.deepEqual(await rowCells(table, 'Sponsorship'), ['4 strong', '4 strong', '= no change']);
    assert.match(await report.innerText(), /down 11 points\s+Since the check of 2025-10-30/);

    await waitForSaved(page);
    const doc = await storedDoc(page);
    const mine = doc.data.programme.readiness_checks.find((r) => r.on === '2026-11-02');
    assert.equal(mine.organisation_id, 'org-harbour');
    assert.equal(mine.by, 'Sponsors and the social learning team');
    assert.equal(mine.scores.length, 7);
    assert.equal(doc.data.programme.readiness_checks.at(-1).on, '2026-11-02', 'kept in date order');
    assert.deepEqual(await checkA11y(page), []);

    // It survives a reload.
    await page.reload();
    await page.getByTestId('readiness-report').getByRole('heading', { name: 'Readiness on 2026-11-02' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/readiness.png`, fullPage: true });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    assert.equal(await report.isVisible(), true);
    assert.equal(await form.isVisible(), false);
    assert.equal(await page.getByTestId('readiness-history').isVisible(), false);
    await page.screenshot({ path: `${SHOTS}/readiness-print.png`, fullPage: true });
    await page.pdf({ path: `${SHOTS}/readiness-print.pdf`, format: 'A4' });
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
