// Organisation: roles and their warnings, leaders' capacity-building plans, the portfolio
// dashboard (sorting, filtering, print view) and the indicators page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  loadSample,
  waitForSaved,
  waitForStored,
  storedDoc,
  checkA11y,
  assertNoConsoleErrors,
  eventually,
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

const url = (p) => server.url.replace(/\/$/, '') + p;
const LEADING = ['Community leader', 'Chapter leader', 'Practice group leader'];

/** Opens the member's disclosure on the roles page and returns the member's row. */
async function openMember(page, name) {
  const row = page.getByTestId('role-member').filter({ has: page.getByRole('link', { name, exact: true }) });
  const details = row.locator('details');
  if (!(await details.evaluate((d) => d.open))) {
    await row.getByText(`Change roles and groups of ${name}`).click();
  }
  return row;
}

test('roles: removing the only leader raises "no community leader", naming one clears it, and it is saved', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, url('/organisation/roles?community=c-testing'));
    await page.getByRole('heading', { name: 'Warnings for Test Automation Chapter (London)' }).waitFor();
    const noLeader = page.getByTestId('role-warning').filter({ hasText: 'No community leader' });
    assert.equal(await noLeader.count(), 0, 'the sample chapter has a leader');

    // Take every leading role away from every member who holds one.
    const names = await page.getByTestId('role-member').locator('.stack > span:first-child a').allInnerTexts();
    assert.ok(names.includes('Emil Novak'), `members: ${names}`);
    let removed = 0;
    for (const name of names) {
      const row = await openMember(page, name);
      const roles = row.getByRole('group', { name: `Roles of ${name}` });
      for (const role of LEADING) {
        const box = roles.getByRole('checkbox', { name: role, exact: true });
        if (await box.isChecked()) {
          await box.uncheck();
          removed += 1;
        }
      }
    }
    assert.ok(removed >= 1, 'someone led the chapter');
    await noLeader.waitFor();
    assert.match(await noLeader.innerText(), /No community leader: nobody is a community leader, chapter leader or practice group leader\./);
    const a11yWithWarning = await checkA11y(page);
    assert.deepEqual(a11yWithWarning, []);

    // Name Emil community leader, with the keyboard: the warning goes away.
    const emil = await openMember(page, 'Emil Novak');
    const leaderBox = emil.getByRole('group', { name: 'Roles of Emil Novak' }).getByRole('checkbox', { name: 'Community leader', exact: true });
    await leaderBox.focus();
    await page.keyboard.press('Space');
    await noLeader.waitFor({ state: 'detached' });
    assert.equal(await leaderBox.isChecked(), true);
    // The tick did not rebuild the checkbox under the keyboard.
    assert.equal(await leaderBox.evaluate((el) => el === document.activeElement), true);
    await emil.locator('.tag--role', { hasText: 'Community leader' }).waitFor();

    await waitForSaved(page);
    const doc = await storedDoc(page);
    const chapter = doc.data.communities.find((c) => c.id === 'c-testing');
    const m = chapter.memberships.find((x) => x.person_id === 'p-emil');
    assert.ok(m.role_ids.includes('community_leader'), JSON.stringify(m.role_ids));
    assert.ok(chapter.memberships.every((x) => x.person_id === 'p-emil' || !x.role_ids.some((r) => ['community_leader', 'chapter_leader', 'practice_group_leader'].includes(r))));

    // It survives a reload, and the warning stays cleared.
    await page.reload();
    await page.getByRole('heading', { name: 'Warnings for Test Automation Chapter (London)' }).waitFor();
    assert.equal(await page.getByTestId('role-warning').filter({ hasText: 'No community leader' }).count(), 0);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('leaders: a plan step marked done with a date survives a reload', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, url('/organisation/leaders'));
    const card = page.getByTestId('leader-card').filter({ has: page.getByRole('heading', { name: 'Gustavo Lima', exact: true }) });
    await card.waitFor();
    const start = card.getByRole('button', { name: 'Start a plan for Gustavo Lima' });
    if (await start.count()) {
      await start.click();
    } else {
      await card.getByText('Capacity-building plan of Gustavo Lima').click();
    }
    const status = card.getByRole('combobox', { name: 'Status of Facilitation skills for Gustavo Lima' });
    await status.waitFor();
    if ((await status.inputValue()) === 'done') {
      await status.selectOption({ label: 'Not planned' });
      await eventually(async () => assert.equal(await status.inputValue(), ''));
    }
    await status.selectOption({ label: 'Done' });
    const date = card.getByLabel('Done on – Facilitation skills, Gustavo Lima');
    await date.fill('2025-10-20');
    await date.blur();
    await eventually(async () => assert.equal(await date.inputValue(), '2025-10-20'));
    // The open plan, its selects and dates pass axe too.
    assert.deepEqual(await checkA11y(page), []);

    await waitForSaved(page);
    const doc = await waitForStored(page, (d) => {
      const plan = d.data.programme.leader_plans.find((p) => p.person_id === 'p-gus');
      return plan?.steps.some((s) => s.step_id === 'facilitation' && s.status === 'done' && s.on === '2025-10-20');
    });
    assert.ok(doc);
    const before = await card.getByTestId('leader-status').innerText();
    assert.match(before, /^(In progress: \d+ of 7 steps|Done: all 7 steps)$/);

    await page.reload();
    const again = page.getByTestId('leader-card').filter({ has: page.getByRole('heading', { name: 'Gustavo Lima', exact: true }) });
    await again.getByText('Capacity-building plan of Gustavo Lima').click();
    const status2 = again.getByRole('combobox', { name: 'Status of Facilitation skills for Gustavo Lima' });
    assert.equal(await status2.inputValue(), 'done');
    assert.equal(await again.getByLabel('Done on – Facilitation skills, Gustavo Lima').inputValue(), '2025-10-20');
    assert.equal(await again.getByTestId('leader-status').innerText(), before);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

const STAGES = ['Potential', 'Coalescing', 'Maturing', 'Stewardship', 'Transformation'];

test('portfolio: sorts by a column, filters by stage, prints the filters, and all four pages pass axe', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, url('/organisation'));
    const table = page.getByTestId('portfolio-table');
    await table.waitFor();
    const names = () => table.locator('tbody tr th[scope="row"] > a').allInnerTexts();
    const stages = () => table.getByTestId('portfolio-stage').allInnerTexts();
    const header = (label) => table.locator('thead th').filter({ has: page.getByRole('button', { name: label, exact: true }) });

    // Sorted by name to begin with; the header says so.
    assert.equal(await header('Community').getAttribute('aria-sort'), 'ascending');
    const all = await names();
    assert.ok(all.length >= 3, `rows: ${all}`);
    assert.deepEqual(all, [...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));

    // Again: Z to A.
    await table.getByRole('button', { name: 'Community', exact: true }).click();
    assert.equal(await header('Community').getAttribute('aria-sort'), 'descending');
    assert.deepEqual(await names(), [...all].sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase())));

    // By stage: the catalogue's order, potential first.
    await table.getByRole('button', { name: 'Stage', exact: true }).click();
    assert.equal(await header('Stage').getAttribute('aria-sort'), 'ascending');
    assert.equal(await header('Community').getAttribute('aria-sort'), null);
    const ranks = (await stages()).map((s) => STAGES.indexOf(s.trim()));
    assert.ok(ranks.every((r) => r >= 0), `stages: ${await stages()}`);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));

    // Filter by stage.
    await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Coalescing' });
    await eventually(async () => {
      const shown = await stages();
      assert.ok(shown.length >= 1 && shown.length < all.length, `shown: ${shown}`);
      assert.ok(shown.every((s) => s.trim() === 'Coalescing'), `shown: ${shown}`);
    });
    assert.ok((await names()).includes('Test Automation Chapter (London)'));
    assert.equal(await page.getByTestId('portfolio-filters-applied').innerText(), 'Filters: Stage: Coalescing.');
    assert.match(await page.getByTestId('portfolio-summary').innerText(), new RegExp(`: ${(await names()).length} of ${all.length} communities, sorted by stage \\(lowest first\\)\\.$`));
    // The chart counts what is shown.
    const stageChart = page.getByTestId('chart-stage');
    await stageChart.getByText('Communities by stage as a table').click();
    assert.equal(await stageChart.getByRole('row', { name: `Coalescing ${(await names()).length}` }).count(), 1);
    assert.equal(await stageChart.getByRole('row', { name: 'Maturing 0' }).count(), 1);
    assert.deepEqual(await checkA11y(page), []);

    // Print view: the filters applied are on paper, the filter form is not, the headers are.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('portfolio-filters-applied').isVisible(), true);
    assert.equal(await page.getByRole('search', { name: 'Filter the communities' }).isVisible(), false);
    assert.equal(await table.getByRole('button', { name: 'Stage', exact: true }).isVisible(), false);
    assert.equal(await table.locator('thead th').nth(1).locator('.sort-label-print').isVisible(), true);
    assert.equal((await table.locator('thead').innerText()).replace(/\s+/g, ' ').trim(), 'Community Stage Health Participation Leaders Warnings Last activity');
    const shot = path.join(process.env.PORTFOLIO_SHOTS || os.tmpdir(), 'portfolio-print.png');
    await page.screenshot({ path: shot, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // Clearing brings every community back.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await eventually(async () => assert.equal((await names()).length, all.length));

    for (const p of ['/organisation/roles', '/organisation/leaders', '/organisation/indicators']) {
      await gotoApp(page, url(p));
      await page.locator('.page-header h1').waitFor();
      await page.locator('main section').first().waitFor();
      assert.deepEqual(await checkA11y(page), [], `axe on ${p}`);
    }
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('indicators: a value entered by hand shows with its source, and a bad one is refused inline', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, url('/organisation/indicators'));
    await page.getByLabel('Community', { exact: true }).selectOption({ label: 'Frontline Negotiators\' Circle' });
    const section = page.getByTestId('indicator-community').filter({ has: page.getByRole('heading', { name: 'Frontline Negotiators\' Circle' }) });
    await section.getByText('Enter a value by hand for Frontline Negotiators\' Circle').click();
    const form = section.locator('form');
    await form.getByLabel('Indicator').selectOption({ label: 'Requests from outside' });
    await form.getByRole('button', { name: 'Save value' }).click();
    await form.getByText('Enter the value', { exact: true }).waitFor();
    const value = form.getByRole('textbox', { name: 'Value', exact: true });
    assert.equal(await value.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await checkA11y(page), []);
    // The date starts on today, so this value is the latest even if others were entered.
    assert.match(await form.locator('input[type="date"]').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await value.fill('4 requests from other agencies');
    await form.getByLabel('Source (optional)').fill('Kofi, quarterly note');
    await form.getByRole('button', { name: 'Save value' }).click();
    const row = section.getByTestId('indicator-table').getByRole('row').filter({ hasText: 'Requests from outside' });
    await row.getByText('4 requests from other agencies').waitFor();
    assert.match(await row.innerText(), /entered by hand on \d{1,2} [A-Z][a-z]+ \d{4}: Kofi, quarterly note/);
    assert.equal(await value.inputValue(), '', 'the form is ready for the next value');
    await waitForSaved(page);
    await page.reload();
    await page.getByLabel('Community', { exact: true }).selectOption({ label: 'Frontline Negotiators\' Circle' });
    const again = page.getByTestId('indicator-community').filter({ has: page.getByRole('heading', { name: 'Frontline Negotiators\' Circle' }) });
    await again.getByTestId('indicator-table').getByRole('row').filter({ hasText: 'Requests from outside' }).getByText('4 requests from other agencies').waitFor();
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
