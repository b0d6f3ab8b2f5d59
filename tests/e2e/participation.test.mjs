// Cultivating: the participation map and the flows between levels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { DIST_DIR, launchBrowser, newContext, gotoApp, loadSample, waitForSaved, storedDoc, assertNoConsoleErrors, navigate } from './lib/harness.mjs';

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

test('a level move made from the map by keyboard appears on the map and in the timeline, and survives a reload', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, server.url.replace(/\/$/, '') + '/cultivate/c-negotiators');
    const map = page.getByTestId('participation-map');
    await map.waitFor();
    // Joy is occasional in the sample.
    const joy = map.getByRole('button', { name: 'Joy Mensah, Occasional. Choose to move between levels' });
    assert.equal(await joy.count(), 1);

    // Choose her on the map with the keyboard, then record a move to Active.
    await joy.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('move-panel');
    await panel.getByRole('heading', { name: 'Move Joy Mensah' }).waitFor();
    // Keyboard focus moved into the panel.
    await page.waitForFunction(() => document.activeElement?.id === 'move-h');
    await panel.getByLabel('New level').selectOption({ label: 'Active' });
    await panel.getByLabel('From').fill('2026-02-01');
    await panel.getByLabel('Reason (optional)').fill('Leads the winter retreat');
    await panel.getByRole('button', { name: 'Record the change' }).click();

    await map.getByRole('button', { name: 'Joy Mensah, Active. Choose to move between levels' }).waitFor();
    // …and back to the map when the panel closes.
    await page.waitForFunction(() => document.activeElement?.id === 'pmap-h');
    assert.equal(await map.getByRole('button', { name: /^Joy Mensah, Occasional/ }).count(), 0);
    const list = page.getByTestId('participation-list');
    assert.equal(await list.getByRole('listitem').filter({ hasText: 'Active (2)' }).getByRole('button', { name: 'Move Joy Mensah (Active)' }).count(), 1);

    await page.getByLabel('Period').selectOption({ label: 'All time' });
    const timeline = page.getByTestId('participation-timeline');
    const first = timeline.getByRole('listitem').first();
    assert.equal((await first.innerText()).replace(/\s+/g, ' '), '2026-02-01 Joy Mensah: Occasional → Active (Leads the winter retreat) ↑ towards the core');
    // A join says it once: "… joined as Peripheral", with no "+ joined" after it.
    const joined = timeline.getByRole('listitem').filter({ hasText: 'joined as' });
    assert.ok((await joined.count()) > 0);
    for (const text of await joined.allInnerTexts()) assert.match(text.replace(/\s+/g, ' '), /^\d{4}-\d{2}-\d{2} .+ joined as [^+]+$/);
    const flows = page.getByTestId('flows-table');
    assert.equal(await flows.getByRole('row', { name: 'Occasional Active 1' }).count(), 1);

    await waitForSaved(page);
    const doc = await storedDoc(page);
    const m = doc.data.communities[2].memberships.find((x) => x.person_id === 'p-joy');
    assert.deepEqual(m.history.at(-1), { on: '2026-02-01', from_level_id: 'occasional', to_level_id: 'active', reason: 'Leads the winter retreat' });
    await page.reload();
    await page.getByTestId('participation-map').getByRole('button', { name: 'Joy Mensah, Active. Choose to move between levels' }).waitFor();
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('an empty core ring is flagged, and the warning clears when someone moves into it', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, server.url.replace(/\/$/, '') + '/cultivate/c-testing');
    // Test Automation Chapter: Gustavo is its only core member; move him out.
    const move = async (name, from, to) => {
      await page.getByTestId('participation-list').getByRole('button', { name: `Move ${name} (${from})` }).click();
      const panel = page.getByTestId('move-panel');
      await panel.getByLabel('New level').selectOption({ label: to });
      await panel.getByRole('button', { name: 'Record the change' }).click();
      await panel.waitFor({ state: 'detached' });
    };
    assert.equal(await page.getByTestId('participation-warning').count(), 0);
    await move('Gustavo Lima', 'Core group', 'Active');
    await page.getByTestId('participation-warning').waitFor();
    assert.match(await page.getByTestId('participation-warning').innerText(), /^The core group ring is empty\./);
    // The Cultivate page's card says what is wrong in a few words, not "1 warning".
    await navigate(page, 'Cultivate');
    const card = page.locator('.card').filter({ has: page.getByRole('link', { name: 'Test Automation Chapter (London)' }) });
    await card.getByTestId('cultivate-warnings').waitFor();
    assert.deepEqual(await card.getByTestId('cultivate-warnings').getByRole('listitem').allInnerTexts(), ['Nobody at the core level']);
    const cloud = page.locator('.card').filter({ has: page.getByRole('link', { name: 'Cloud Cost Practitioners' }) });
    assert.deepEqual(await cloud.getByTestId('cultivate-warnings').getByRole('listitem').allInnerTexts(), ['Core group is 43% of members']);
    await page.getByRole('link', { name: 'Test Automation Chapter (London)' }).click();
    await move('Emil Novak', 'Active', 'Core group');
    await page.getByTestId('participation-warning').waitFor({ state: 'detached' });
    await navigate(page, 'Cultivate');
    await cloud.waitFor();
    assert.equal(await card.getByTestId('cultivate-warnings').count(), 0);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('cultivation principles: a tick and a note are saved and survive a reload', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, server.url.replace(/\/$/, '') + '/cultivate/c-testing');
    const list = page.getByTestId('principles');
    assert.equal(await list.getByRole('listitem').count(), 7);
    await list.getByRole('checkbox', { name: 'Create a rhythm for the community' }).check();
    await list.getByLabel('Our reflection on “Create a rhythm for the community”').fill('Monthly clinic, plus a sprint each quarter');
    await list.getByRole('button', { name: 'Save note on Create a rhythm for the community' }).click();
    await page.getByText(/1 of 7 reflected on\./).waitFor();
    await waitForSaved(page);
    const doc = await storedDoc(page);
    const r = doc.data.communities[1].principles;
    assert.equal(r.length, 1);
    assert.equal(r[0].principle_id, 'create_rhythm');
    assert.equal(r[0].reflected, true);
    assert.equal(r[0].note, 'Monthly clinic, plus a sprint each quarter');
    await page.reload();
    await page.getByTestId('principles').waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Create a rhythm for the community' }).isChecked(), true);
    assert.equal(await page.getByLabel('Our reflection on “Create a rhythm for the community”').inputValue(), 'Monthly clinic, plus a sprint each quarter');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
