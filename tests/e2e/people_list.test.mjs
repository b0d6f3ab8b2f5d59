// A long people list is shown 200 rows at a time: "Show more" and "Show all" reveal the rest,
// the count says how many match, and a new search starts again at the first page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  KEY_WORKSPACE,
  launchBrowser,
  newContext,
  gotoApp,
  loadSample,
  storedDoc,
  putStored,
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

/** The sample workspace with members added up to `count` people (every other one an
 *  engineer), stored, and the app opened on the People page. Returns the stored document. */
async function openWithPeople(page, count) {
  await gotoApp(page, server.url);
  await loadSample(page);
  const doc = await storedDoc(page);
  const template = doc.data.people[0];
  const extra = count - doc.data.people.length;
  for (let i = 0; i < extra; i++) {
    doc.data.people.push({
      ...template,
      id: `p-many-${i}`,
      name: `Member ${String(i).padStart(3, '0')}`,
      email: `member${i}@example.org`,
      title: i % 2 ? 'Engineer' : 'Analyst',
    });
  }
  await putStored(page, KEY_WORKSPACE, JSON.stringify(doc));
  await gotoApp(page, `${server.url}people`);
  return doc;
}

test('450 people: 200 shown, "Show 200 more" adds a page, a search starts again at the first page, "Show all" shows every match', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const doc = await openWithPeople(page, 450);

    const rows = page.getByTestId('people-table').locator('tbody tr');
    const more = page.getByTestId('people-more');
    await more.waitFor();
    assert.equal(await rows.count(), 200);
    assert.match(await page.getByRole('status').filter({ hasText: 'people' }).innerText(), /^450 of 450 people$/);
    assert.equal(await more.locator('p').innerText(), 'Showing the first 200 of 450.');
    // By name, ignoring case and accents (the sample's Inês Carvalho comes among the I's,
    // not after Zofia Kowalski where she is in the file).
    const names = await page.getByTestId('people-table').locator('tbody tr td:first-child').allInnerTexts();
    const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    assert.equal(names.length, 200);
    assert.deepEqual(names.slice(0, 3), ['Aiko Tanaka', 'Amara Okafor', 'Bruno Sato']);
    for (let i = 1; i < names.length; i++) assert.ok(fold(names[i - 1]) <= fold(names[i]), `${names[i - 1]} before ${names[i]}`);
    assert.ok(names.indexOf('Hugo Laurent') < names.indexOf('Inês Carvalho') && names.indexOf('Inês Carvalho') < names.indexOf('Ivan Petrov'), names.join(', '));

    await more.getByRole('button', { name: 'Show 200 more' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="people-table"] tbody tr').length === 400);
    await more.getByRole('button', { name: 'Show 50 more' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Show 50 more', 'the button keeps the focus');
    assert.deepEqual(await checkA11y(page), []);

    // A search starts again at the first page of what it finds.
    await page.getByTestId('people-search').fill('engineer');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="people-table"] tbody tr').length === 200);
    const engineers = doc.data.people.filter((p) => p.title.toLowerCase().includes('engineer') || p.name.toLowerCase().includes('engineer') || p.email.toLowerCase().includes('engineer')).length;
    assert.ok(engineers > 200, `the search must match more than a page (${engineers})`);
    assert.equal(await more.locator('p').innerText(), `Showing the first 200 of ${engineers}.`);

    await more.getByRole('button', { name: `Show all ${engineers}` }).click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="people-table"] tbody tr').length === n, engineers);
    assert.equal(await more.count(), 0, 'nothing more to show');

    // Few enough matches: no pager at all.
    await page.getByTestId('people-search').fill('member 01');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="people-table"] tbody tr').length === 10);
    assert.equal(await more.count(), 0);
    // Case, spaces around the query and the organisation column count too.
    await page.getByTestId('people-search').fill('  MEMBER 01 ');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="people-table"] tbody tr').length === 10);
    const org = doc.data.organisations.at(-1);
    const orgName = new Map(doc.data.organisations.map((o) => [o.id, o.name]));
    const q = org.name.toLowerCase();
    const atOrg = doc.data.people.filter((p) => [p.name, p.title, p.email, orgName.get(p.organisation_id) ?? ''].some((f) => f.toLowerCase().includes(q))).length;
    assert.ok(atOrg > 0 && atOrg < 450, `some people at ${org.name} (${atOrg})`);
    await page.getByTestId('people-search').fill(org.name);
    await eventually(async () => assert.equal(await page.getByRole('status').filter({ hasText: 'people' }).innerText(), `${atOrg} of 450 people`));
    // No match: the status says so, and where the search looks.
    await page.getByTestId('people-search').fill('zz-nobody');
    await eventually(async () => assert.equal(
      await page.getByRole('status').filter({ hasText: 'matches' }).innerText(),
      'No one matches “zz-nobody”. The search looks in names, job titles, emails and organisations.',
    ));
    assert.equal(await page.locator('[data-testid="people-table"] tbody tr').count(), 0);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('3,000 people: "Show all" adds the rows over several frames up to every match, and a search typed meanwhile stops it at the first page of what it finds', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const doc = await openWithPeople(page, 3000);
    const engineers = doc.data.people.filter((p) => [p.name, p.title, p.email].some((f) => f.toLowerCase().includes('engineer'))).length;
    assert.ok(engineers > 200, `the search must match more than a page (${engineers})`);
    const more = page.getByTestId('people-more');
    await more.waitFor();
    // Counts are grouped by thousands.
    assert.equal(await page.getByRole('status').filter({ hasText: 'people' }).innerText(), '3,000 of 3,000 people');
    assert.equal(await more.locator('p').innerText(), 'Showing the first 200 of 3,000.');
    await more.getByRole('button', { name: 'Show all 3,000' }).waitFor();

    // In the page: click "Show all", then count the rows at the end of each frame.
    const reveal = (searchAfterFrames) => page.evaluate(async ({ searchAfterFrames }) => {
      const rows = () => document.querySelectorAll('[data-testid="people-table"] tbody tr').length;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const button = [...document.querySelectorAll('[data-testid="people-more"] button')].find((b) => b.textContent.startsWith('Show all'));
      button.click();
      const focus = document.activeElement?.getAttribute('aria-label');
      const seen = [];
      const busy = [];
      for (let i = 0; i < 120; i++) {
        await frame();
        seen.push(rows());
        busy.push(document.querySelector('[data-testid="people-table"]').getAttribute('aria-busy'));
        if (i + 1 === searchAfterFrames) {
          const input = document.getElementById('people-search');
          input.value = 'engineer';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
      }
      return { seen, busy, focus };
    }, { searchAfterFrames });

    const { seen: whole, busy, focus } = await reveal(0);
    assert.equal(focus, 'Scrollable table', 'the keyboard goes on from the table, not from a button that goes away');
    assert.equal(busy[0], 'true', 'the table is marked busy while rows are added');
    assert.equal(busy.at(-1), null, 'and not once they are all there');
    assert.equal(whole.at(-1), 3000, `every row in the end: ${whole.join(' ')}`);
    const steps = new Set(whole.filter((n) => n > 200 && n < 3000));
    assert.ok(steps.size >= 3, `the rows came over several frames: ${whole.join(' ')}`);
    assert.deepEqual(whole, [...whole].sort((a, b) => a - b), 'the count only grows');
    assert.equal(await more.count(), 0, 'nothing more to show');

    // Again from the first page, with a search typed two frames after the click.
    await page.getByTestId('people-search').fill('member');
    await page.getByTestId('people-search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="people-table"] tbody tr').length === 200);
    const { seen: searched, busy: busyAfterSearch } = await reveal(2);
    assert.equal(busyAfterSearch.at(-1), null, 'a search ends the busy state');
    assert.ok(searched[1] > 200 && searched[1] < 3000, `the search came while rows were being added: ${searched.join(' ')}`);
    assert.deepEqual(searched.slice(-60), Array(60).fill(200), `the search's first page stays a page: ${searched.join(' ')}`);
    assert.equal(await more.locator('p').innerText(), `Showing the first 200 of ${engineers.toLocaleString('en-US')}.`);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
