// Technology (guidebook chapter 5): a community's digital habitat.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR, launchBrowser, newContext, gotoApp, createWorkspace, navigate, waitForSaved, storedDoc,
  assertNoConsoleErrors, checkA11y,
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

/** Sets a range slider with the keyboard: Home, then ArrowRight `steps` times. */
async function rate(form, label, steps) {
  const slider = form.getByRole('slider', { name: label, exact: true });
  await slider.focus();
  await slider.press('Home');
  for (let i = 0; i < steps; i++) await slider.press('ArrowRight');
  assert.equal(await slider.inputValue(), String(steps), `${label} is set by keyboard`);
}

async function addTool(page, { name, category, mode, orientations }) {
  const form = page.locator('form', { has: page.getByLabel('Tool name') });
  await form.getByLabel('Tool name').fill(name);
  await form.getByLabel('Category').selectOption({ label: category });
  await form.getByLabel('When members use it').selectOption({ label: mode });
  for (const o of orientations) {
    await form.getByRole('group', { name: 'Orientations it serves' }).getByRole('checkbox', { name: o, exact: true }).check();
  }
  await form.getByRole('button', { name: 'Add tool' }).click();
  await page.getByTestId('tools-table').getByRole('rowheader', { name, exact: true }).waitFor();
}

test('rate the orientations, add three tools, see a gap, add a tool that closes it, see it cleared', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await createWorkspace(page, 'Habitat test');
    await navigate(page, 'Communities');
    await page.getByRole('link', { name: 'New community' }).first().click();
    await page.getByLabel('Name').fill('Data stewards');
    await page.getByRole('button', { name: 'Create community' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data stewards' }).waitFor();
    await page.getByRole('link', { name: 'Digital habitat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digital habitat of Data stewards' }).waitFor();

    // Before any rating there is nothing to call a gap.
    assert.match(await page.getByTestId('gap-summary').innerText(), /Rate the orientations/);

    const ratings = page.getByRole('form', { name: 'Rate the orientations' });
    await rate(ratings, 'Meetings', 4);
    await rate(ratings, 'Open-ended conversation', 3);
    await rate(ratings, 'Content', 3);
    await rate(ratings, 'Relationships', 2);
    await ratings.getByLabel('Note (optional)').fill('First rating');
    await ratings.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText(/Saved the profile of/).waitFor();
    // The chart has a table alternative with the ratings.
    const table = page.getByTestId('orientation-table');
    assert.equal(await table.getByRole('row', { name: /^Meetings 4$/ }).count(), 1);

    await addTool(page, { name: 'Video room', category: 'Video meetings', mode: 'Synchronous (live)', orientations: ['Meetings', 'Relationships'] });
    await addTool(page, { name: 'Team chat', category: 'Chat', mode: 'Both', orientations: ['Open-ended conversation'] });
    await addTool(page, { name: 'Calendar', category: 'Calendar', mode: 'Asynchronous (any time)', orientations: ['Meetings'] });

    // Content is rated important and no tool serves it: a gap.
    await page.getByTestId('gap-list').waitFor();
    assert.equal(await page.getByTestId('gap-list').innerText(), 'Content');
    const coverage = page.getByTestId('coverage-table');
    assert.equal(await coverage.getByRole('row', { name: /^Content / }).getByText('Gap', { exact: true }).count(), 1);
    assert.match(await page.getByTestId('async-path').innerText(), /can take part through Team chat/);

    await addTool(page, { name: 'Wiki', category: 'Repository or wiki', mode: 'Asynchronous (any time)', orientations: ['Content'] });
    await page.getByText('No gaps: every orientation rated important or essential is served by at least one tool.').waitFor();
    assert.equal(await page.getByTestId('gap-list').count(), 0);
    assert.equal(await coverage.getByText('Gap', { exact: true }).count(), 0);

    // Everything is stored, and survives a reload.
    await waitForSaved(page);
    const doc = await storedDoc(page);
    const t = doc.data.communities[0].technology;
    assert.deepEqual(t.tools.map((x) => x.name), ['Video room', 'Team chat', 'Calendar', 'Wiki']);
    assert.equal(t.profiles.length, 1);
    assert.equal(t.profiles[0].ratings.find((r) => r.orientation_id === 'content').importance, 3);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Digital habitat of Data stewards' }).waitFor();
    await page.getByText('No gaps: every orientation rated important or essential is served by at least one tool.').waitFor();
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('stewardship: a decision is logged and a checklist step ticked, and both survive a reload; the page passes axe', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await page.getByTestId('load-sample').click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await gotoApp(page, server.url.replace(/\/$/, '') + '/technology/c-reliability');
    await page.getByLabel('What was configured or decided').fill('Created an #incidents channel');
    await page.getByLabel('Why', { exact: true }).fill('Incidents were discussed in too many places');
    await page.getByRole('button', { name: 'Log decision' }).click();
    await page.getByTestId('decision-log').getByText('Created an #incidents channel').waitFor();
    const step = page.getByRole('checkbox', { name: 'Name a technology steward' });
    await step.check();
    await waitForSaved(page);
    await page.reload();
    await page.getByTestId('decision-log').getByText('Created an #incidents channel').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Name a technology steward' }).isChecked(), true);
    const violations = await checkA11y(page);
    assert.deepEqual(violations, []);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
