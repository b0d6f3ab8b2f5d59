// Building a workspace by hand: organisation, person, community, member, key issue and
// repertoire item, all of which must survive a reload; level changes keep their history;
// the new-community form validates inline and creates nothing when invalid.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  assertNoConsoleErrors,
  createWorkspace,
  navigate,
  storedDoc,
  waitForSaved,
  waitForStored,
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

const WORKSPACE = 'Field Learning Programme';
const ORG = 'Northwind Cooperative';
const PERSON = 'Ada Lovelace';
const COMMUNITY = 'Data Stewards Circle';
const ISSUE = 'Keeping shared datasets trustworthy';
const ITEM = 'Data sharing checklist';
const LINK = 'https://example.org/data-sharing-checklist';

/** Welcome → workspace → organisation and person → community. Returns the community's URL. */
async function buildCommunity(page) {
  await gotoApp(page, server.url);
  await createWorkspace(page, WORKSPACE);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), WORKSPACE);

  await navigate(page, 'People & organisations');
  await page.getByRole('heading', { level: 1, name: 'People & organisations' }).waitFor();
  await page.getByRole('textbox', { name: 'Organisation name', exact: true }).fill(ORG);
  await page.getByRole('button', { name: 'Add organisation' }).click();
  await page.getByTestId('org-list').getByRole('link', { name: ORG }).waitFor();

  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(PERSON);
  await page.getByRole('combobox', { name: 'Organisation', exact: true }).selectOption({ label: ORG });
  await page.getByRole('button', { name: 'Add person' }).click();
  const personRow = page.getByTestId('people-table').getByRole('row', { name: new RegExp(PERSON) });
  await personRow.waitFor();
  assert.match(await personRow.innerText(), new RegExp(`${PERSON}\\s+${ORG}`));

  await navigate(page, 'Communities');
  await page.getByRole('link', { name: 'New community' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'New community' }).waitFor();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(COMMUNITY);
  await page.getByLabel('Formation type').selectOption({ label: 'Chapter' });
  await page.getByLabel('Lifecycle stage').selectOption({ label: 'Coalescing' });
  await page.getByRole('checkbox', { name: ORG }).check();
  await page.getByRole('button', { name: 'Create community' }).click();
  await page.getByRole('heading', { level: 1, name: COMMUNITY }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/communities\/[\w-]+$/, `landed on ${page.url()}`);
  return page.url();
}

async function addMember(page, { level, role, joined }) {
  await page.getByRole('combobox', { name: 'Person', exact: true }).selectOption({ label: PERSON });
  await page.getByLabel('Participation level').selectOption({ label: level });
  await page.getByLabel('Joined on').fill(joined);
  await page.getByRole('group', { name: 'Roles' }).getByRole('checkbox', { name: role }).check();
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByTestId('member-row').waitFor();
}

test('a community built from the welcome screen survives a reload', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const communityUrl = await buildCommunity(page);

    // Tags under the title: formation type, stage and the organisation.
    const header = page.locator('.page-header');
    assert.match(await header.innerText(), /Chapter[\s\S]*Stage: Coalescing[\s\S]*Northwind Cooperative/);

    await addMember(page, { level: 'Active', role: 'Mentor', joined: '2025-03-04' });
    await page.getByLabel('New key issue').fill(ISSUE);
    await page.getByRole('button', { name: 'Add key issue' }).click();
    await page.getByText(ISSUE, { exact: true }).waitFor();

    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(ITEM);
    await page.getByRole('combobox', { name: 'Kind', exact: true }).selectOption({ label: 'Tool' });
    await page.getByRole('textbox', { name: 'Link', exact: true }).fill(LINK);
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByTestId('practice-list').getByText(ITEM).waitFor();

    await waitForSaved(page);
    const doc = await waitForStored(page, (d) => d.data.communities[0]?.practice.length === 1);
    assert.equal(doc.data.name, WORKSPACE);
    assert.equal(doc.data.communities.length, 1);
    assert.equal(doc.data.people.length, 1);
    assert.equal(doc.data.organisations.length, 1);

    // Reload on the deep link: everything comes back from storage.
    await gotoApp(page, communityUrl);
    await page.getByRole('heading', { level: 1, name: COMMUNITY }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), COMMUNITY);
    assert.match(await page.locator('.page-header').innerText(), /Chapter[\s\S]*Stage: Coalescing[\s\S]*Northwind Cooperative/);

    const rows = page.getByTestId('member-row');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.getByRole('link', { name: PERSON }).count(), 1);
    assert.equal(await rows.getByTestId('member-level').innerText(), 'Active');
    assert.equal(await rows.locator('.tag--role').innerText(), 'Mentor');
    assert.equal(await rows.locator('summary').innerText(), 'Level history (1)');
    assert.match(await rows.locator('.timeline').textContent(), /2025-03-04\s*Joined as Active/);

    const domain = page.getByRole('region', { name: 'Domain' });
    assert.equal(await domain.getByText(ISSUE, { exact: true }).count(), 1);

    const link = page.getByTestId('practice-list').getByRole('link', { name: LINK });
    assert.equal(await link.getAttribute('href'), LINK);
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await page.getByTestId('practice-list').innerText(), new RegExp(`${ITEM}[\\s\\S]*Tool`));

    // The person's page lists the membership too.
    await rows.getByRole('link', { name: PERSON }).click();
    await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();
    const communities = page.getByRole('region', { name: 'Communities' });
    assert.equal(await communities.getByRole('link', { name: COMMUNITY }).count(), 1);
    assert.equal(await communities.locator('.tag--level').innerText(), 'Active');

    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('changing a member’s level records history, which survives a reload', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const communityUrl = await buildCommunity(page);
    await addMember(page, { level: 'Peripheral', role: 'Welcome wagon', joined: '2025-01-15' });
    const row = page.getByTestId('member-row');
    assert.equal(await row.locator('summary').innerText(), 'Level history (1)');

    await row.getByRole('button', { name: `Change level of ${PERSON}` }).click();
    await row.getByLabel('New level').selectOption({ label: 'Core group' });
    await row.getByLabel('From', { exact: true }).fill('2025-06-30');
    await row.getByLabel('Reason (optional)').fill('Led the spring data clinics');
    await row.getByRole('button', { name: 'Record the change' }).click();

    await eventually(async () => assert.equal(await row.getByTestId('member-level').innerText(), 'Core group'));
    assert.equal(await row.locator('summary').innerText(), 'Level history (2)');
    await waitForSaved(page);
    await waitForStored(page, (d) => d.data.communities[0].memberships[0].history.length === 2);

    await gotoApp(page, communityUrl);
    const after = page.getByTestId('member-row');
    await after.waitFor();
    assert.equal(await after.getByTestId('member-level').innerText(), 'Core group');
    assert.equal(await after.locator('summary').innerText(), 'Level history (2)');
    await after.locator('summary').click();
    const entries = (await after.locator('.timeline li').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    // Newest first.
    assert.deepEqual(entries, [
      '2025-06-30 Peripheral → Core group: Led the spring data clinics',
      '2025-01-15 Joined as Peripheral',
    ]);
    assert.equal(await after.locator('.timeline time').first().getAttribute('datetime'), '2025-06-30');

    const stored = (await storedDoc(page)).data.communities[0].memberships[0];
    assert.equal(stored.level_id, 'core_group');
    assert.deepEqual(
      stored.history.map((h) => [h.on, h.from_level_id ?? null, h.to_level_id]),
      [
        ['2025-01-15', null, 'peripheral'],
        ['2025-06-30', 'peripheral', 'core_group'],
      ],
    );
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('the new-community form shows an inline error for an empty name and creates nothing', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await createWorkspace(page, WORKSPACE);
    await navigate(page, 'Communities');
    await page.getByRole('link', { name: 'New community' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New community' }).waitFor();
    const before = await storedDoc(page);

    await page.getByRole('button', { name: 'Create community' }).click();

    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    const error = page.locator('#community-name-error');
    await error.waitFor();
    assert.equal(await error.innerText(), 'Name is required');
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    assert.match(await name.getAttribute('aria-describedby'), /\bcommunity-name-error\b/);
    // The message sits in the Name field's own wrapper, right after the input.
    assert.equal(await page.locator('.field', { has: name }).locator('.field__error').innerText(), 'Name is required');
    // No other field complains.
    assert.equal(await page.locator('.field__error').count(), 1);

    assert.equal(new URL(page.url()).pathname, '/communities/new');
    await page.waitForTimeout(400); // longer than the save debounce
    const afterDoc = await storedDoc(page);
    assert.equal(afterDoc.data.communities.length, 0);
    assert.equal(afterDoc.revision, before.revision, 'nothing was saved');

    // Typing a name clears the error as you type.
    await name.fill('Now named');
    await eventually(async () => assert.equal(await error.count(), 0));
    assert.equal(await name.getAttribute('aria-invalid'), null);

    // Leaving with the name typed but not saved asks first; leaving creates nothing.
    await navigate(page, 'Communities');
    await page.getByRole('alertdialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Leave without saving' }).click();
    await page.getByText('No communities yet.').waitFor();
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
