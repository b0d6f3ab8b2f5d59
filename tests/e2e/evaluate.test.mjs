// Evaluate: a story that starts at the applied cycle, linked to a meeting and an indicator,
// seen in the matrix, and a sponsor report (Markdown and HTML) that leaves out a private story.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  loadSample,
  waitForSaved,
  storedDoc,
  checkA11y,
  assertNoConsoleErrors,
  downloadFile,
  KEY_WORKSPACE,
  putStored,
} from './lib/harness.mjs';

const SHOTS = process.env.EVALUATE_SHOTS || '/tmp/evaluate-shots';

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

/** The sample with one recorded meeting added to the (otherwise blank) testing chapter. */
async function sampleWithMeeting(page) {
  await gotoApp(page, server.url);
  await loadSample(page);
  const doc = await storedDoc(page);
  const testing = doc.data.communities.find((c) => c.id === 'c-testing');
  testing.facilitation.meetings.push({
    id: 'mt-e2e',
    title: 'Flaky test clinic',
    purpose: '',
    on: '2026-02-10',
    start_time: '10:00:00',
    slot_minutes: 60,
    location: '',
    created_at: '2026-02-01T09:00:00Z',
    updated_at: '2026-02-01T09:00:00Z',
    record: { attendee_ids: ['p-gus', 'p-emil'], guests: ['A visitor'] },
  });
  await putStored(page, KEY_WORKSPACE, JSON.stringify(doc));
}

test('a story from the applied cycle, linked to a meeting and an indicator, in the matrix and in a report without the private story', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await sampleWithMeeting(page);

    // An indicator of applied value.
    await gotoApp(page, url('/evaluate/c-testing/indicators'));
    assert.deepEqual(await checkA11y(page), []);
    await page.getByRole('button', { name: 'Define an indicator' }).click();
    await page.getByLabel('Value cycle').selectOption('applied');
    await page.locator('#ind-name').fill('Flaky tests quarantined within a day');
    await page.locator('#ind-unit').fill('%');
    await page.getByRole('button', { name: 'Save indicator' }).click();
    await page.getByRole('heading', { name: 'Flaky tests quarantined within a day' }).waitFor();
    await waitForSaved(page);

    // The story starts in the applied cycle.
    await gotoApp(page, url('/evaluate/c-testing/stories/new'));
    await page.locator('#story-title').fill('Quarantine in the payments pipeline');
    await page.getByLabel('The story starts in').selectOption('applied');
    // Saving without the first step names it.
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.getByRole('alert').getByText('Tell the first step: the story starts in the cycle “Applied value”').waitFor();
    await page.getByLabel('Teller', { exact: true }).selectOption({ label: 'Gustavo Lima' });
    await page.locator('#step-applied').fill('We quarantined the flaky checkout test the same day, as agreed at the clinic.');
    await page.locator('#step-realized').fill('The pipeline stayed green all week.');
    await page.getByLabel('Flaky test clinic (2026-02-10)').check();
    await page.getByLabel('Flaky tests quarantined within a day (Applied value)').check();
    await page.getByLabel('Shareable in the organisation').check();
    assert.deepEqual(await checkA11y(page), []);
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.waitForURL(/\/evaluate\/c-testing\/stories\/(?!new)[^/]+$/);
    await waitForSaved(page);

    // A private story.
    await gotoApp(page, url('/evaluate/c-testing/stories/new'));
    await page.locator('#story-title').fill('Private: the team that nearly quit');
    await page.getByLabel("Teller's name").fill('A tester');
    await page.locator('#step-immediate').fill('A hard conversation at the clinic.');
    await page.getByRole('button', { name: 'Save story' }).click();
    await page.waitForURL(/\/evaluate\/c-testing\/stories\/(?!new)[^/]+$/);
    await waitForSaved(page);

    const doc = await storedDoc(page);
    const ev = doc.data.communities.find((c) => c.id === 'c-testing').evaluation;
    const applied = ev.stories.find((s) => s.title === 'Quarantine in the payments pipeline');
    assert.equal(applied.start_cycle_id, 'applied');
    assert.deepEqual(applied.meeting_ids, ['mt-e2e']);
    assert.deepEqual(applied.indicator_ids, [ev.indicators[0].id]);
    assert.equal(applied.consent, 'organisation');
    assert.deepEqual(applied.steps.map((s) => s.cycle_id), ['applied', 'realized']);
    assert.equal(ev.stories.find((s) => s.title.startsWith('Private')).consent, 'community');

    // The matrix.
    await gotoApp(page, url('/evaluate/c-testing'));
    const matrix = page.getByTestId('value-matrix');
    await matrix.waitFor();
    await page.locator('#matrix-from').fill('2026-01-01');
    await page.locator('#matrix-to').fill('2026-12-31');
    const appliedRow = matrix.locator('tr[data-cycle="applied"]');
    await appliedRow.getByRole('link', { name: 'Quarantine in the payments pipeline' }).waitFor();
    assert.match(await appliedRow.innerText(), /starts here/);
    assert.match(await appliedRow.innerText(), /cited by 1 story/);
    assert.match(await matrix.locator('tr[data-cycle="potential"]').innerText(), /No evidence of potential value in this period/);
    assert.deepEqual(await checkA11y(page), []);
    await page.screenshot({ path: `${SHOTS}/matrix.png`, fullPage: true });

    // The sponsor report, shareable in the organisation.
    await gotoApp(page, url('/evaluate/c-testing/report'));
    await page.locator('#report-from').fill('2026-01-01');
    await page.locator('#report-to').fill('2026-12-31');
    const report = page.getByTestId('sponsor-report');
    await report.getByText('Quarantine in the payments pipeline').first().waitFor();
    assert.equal(await report.getByText('Private: the team that nearly quit').count(), 0);
    await page.getByTestId('withheld-note').waitFor();
    assert.deepEqual(await checkA11y(page), []);
    const md = await downloadFile(page, () => page.getByRole('button', { name: 'Download Markdown' }).click());
    assert.match(md.suggestedFilename, /^value-report-test-automation-chapter-london-\d{4}-\d{2}-\d{2}\.md$/);
    assert.match(md.text, /Quarantine in the payments pipeline/);
    assert.doesNotMatch(md.text, /nearly quit|hard conversation/);
    const html = await downloadFile(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
    assert.match(html.suggestedFilename, /\.html$/);
    assert.match(html.text, /Quarantine in the payments pipeline/);
    assert.doesNotMatch(html.text, /nearly quit|hard conversation/);
    assert.doesNotMatch(html.text, /<script/i);

    // Print: the options are hidden, the report shows.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.report-options').isVisible(), false);
    assert.equal(await report.isVisible(), true);
    await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    assertNoConsoleErrors(page);

    // The exported HTML opens on its own, with no app.
    const bare = await context.newPage();
    await bare.setContent(html.text);
    assert.equal(await bare.getByRole('heading', { level: 1 }).innerText(), "Value created by Test Automation Chapter (London)");
    assert.deepEqual(await checkA11y(bare), []);
    await bare.screenshot({ path: `${SHOTS}/export.png`, fullPage: true });
    await fs.writeFile(`${SHOTS}/export.html`, html.text);
  } finally {
    await context.close();
  }
});

test('every Evaluate page of the sample has no axe violations', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  try {
    await gotoApp(page, server.url);
    await loadSample(page);
    for (const path of ['/evaluate', '/evaluate/report', '/evaluate/c-negotiators', '/evaluate/c-negotiators/plan', '/evaluate/c-negotiators/indicators',
      '/evaluate/c-negotiators/stories', '/evaluate/c-negotiators/stories/story-n-grid', '/evaluate/c-negotiators/report', '/evaluate/c-negotiators/reflection',
      '/cultivate/c-negotiators/lifecycle']) {
      await gotoApp(page, url(path));
      await page.locator('h1').first().waitFor();
      assert.deepEqual(await checkA11y(page), [], path);
      await page.screenshot({ path: `${SHOTS}/${path.replace(/\//g, '_')}.png`, fullPage: true });
    }
    await gotoApp(page, url('/evaluate'));
    await page.getByTestId('stories-due').getByRole('link', { name: 'Convoy crossings with the shared grid' }).waitFor();
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
