// Cultivating: the rhythm planner (activities, upcoming calendar, mix, .ics export) and
// newcomers' onboarding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR, launchBrowser, newContext, gotoApp, loadSample, waitForSaved, storedDoc, eventually,
  assertNoConsoleErrors, checkA11y, downloadFile,
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

const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const icsDate = (d) => iso(d).replaceAll('-', '');

/** Today in the browser (the context's time zone), as a Date at local midnight. */
async function browserToday(page) {
  const [y, m, d] = await page.evaluate(() => {
    const t = new Date();
    return [t.getFullYear(), t.getMonth(), t.getDate()];
  });
  return new Date(y, m, d);
}

/** The second Tuesday of the month after `today`. */
function secondTuesdayOfNextMonth(today) {
  const first = new Date(today.getFullYear(), today.getMonth() + 1, 1);
  const toTuesday = (2 - first.getDay() + 7) % 7;
  return new Date(first.getFullYear(), first.getMonth(), 1 + toTuesday + 7);
}

/** The numbers of the mix table's total row: familiar, exciting, live, any time, all
 *  (zeros when nothing is planned in the period and the page says so instead). */
async function mixTotals(page) {
  await page.getByTestId('mix-table').or(page.getByTestId('mix-empty')).waitFor();
  if (await page.getByTestId('mix-empty').count()) return [0, 0, 0, 0, 0];
  const cells = page.getByTestId('mix-table').locator('tfoot td');
  return (await cells.allInnerTexts()).map(Number);
}

const ONE_OFF = 'Hack day: ideas, tools; café ☕ für alle';

test('activities added to the rhythm appear in the calendar and the mix, and export as an .ics calendars can read', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, server.url.replace(/\/$/, '') + '/cultivate/c-testing/rhythm');
    await page.getByRole('heading', { name: 'Rhythm', exact: true }).waitFor();
    const today = await browserToday(page);
    const before = await mixTotals(page);
    assert.equal(before.length, 5);
    const stored = await storedDoc(page);
    const chapter = () => stored.data.communities.find((c) => c.id === 'c-testing');
    const activitiesBefore = chapter().cultivation?.activities?.length ?? 0;

    // A save with no title shows the problem inline and puts the cursor there.
    await page.getByTestId('add-activity').click();
    const form = page.getByTestId('activity-form');
    await form.getByRole('heading', { name: 'Add an activity' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'activity-form-h');
    await form.getByRole('button', { name: 'Add activity' }).click();
    await form.getByText('Title is required').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'act-title');
    assert.equal(await form.getByLabel('Title').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await checkA11y(page), [], 'the form with an error has no axe violations');

    // A monthly clinic on the second Tuesday, familiar and live (the defaults).
    const clinicDate = secondTuesdayOfNextMonth(today);
    await form.getByLabel('Title').fill('Flaky-test clinic');
    await form.getByLabel('Activity type (optional)').selectOption({ label: 'Problem solving' });
    await form.getByLabel('First date').fill(iso(clinicDate));
    await form.getByLabel('Start time').fill('18:30');
    await form.getByLabel('Duration (minutes)').fill('90');
    await form.getByLabel('Repeats').selectOption('monthly_by_weekday');
    assert.equal(await form.getByTestId('repeat-words').innerText(), 'Every second Tuesday of the month');
    await form.getByLabel('Location (optional)').fill('Room 4, east wing');
    await form.getByRole('button', { name: 'Add activity' }).click();
    const table = page.getByTestId('activities-table');
    await table.getByRole('rowheader', { name: /Flaky-test clinic/ }).waitFor();
    assert.equal(await page.getByTestId('activity-form').count(), 0, 'the form closes after adding');

    // A one-off, exciting and any time, with a comma, a semicolon and non-ASCII text.
    const oneOffDate = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 10);
    await page.getByTestId('add-activity').click();
    await form.getByLabel('Title').fill(ONE_OFF);
    await form.getByLabel('First date').fill(iso(oneOffDate));
    await form.getByLabel('Start time').fill('09:00');
    await form.getByLabel('Duration (minutes)').fill('480');
    await form.getByLabel('Repeats').selectOption('once');
    assert.equal(await form.getByLabel('Last date (optional)').count(), 0, 'a one-off has no last date');
    await form.getByRole('radio', { name: /^Exciting/ }).check();
    await form.getByRole('radio', { name: /^Asynchronous/ }).check();
    await form.getByLabel('Notes (optional)').fill('Bring a laptop.\nLunch is provided.');
    await form.getByRole('button', { name: 'Add activity' }).click();
    await table.getByRole('rowheader', { name: ONE_OFF }).waitFor();

    // Both are in the upcoming calendar (the next 12 weeks), under their dates.
    const cal = page.getByTestId('upcoming-calendar');
    const clinicItem = cal.locator('li.rhythm-occurrence').filter({ has: page.locator(`time[datetime="${iso(clinicDate)}"]`) }).filter({ hasText: 'Flaky-test clinic' });
    assert.equal(await clinicItem.count(), 1);
    assert.match(await clinicItem.innerText(), /18:30–20:00/);
    const oneOffItem = cal.locator('li.rhythm-occurrence').filter({ has: page.locator(`time[datetime="${iso(oneOffDate)}"]`) }).filter({ hasText: ONE_OFF });
    assert.equal(await oneOffItem.count(), 1);
    assert.match(await oneOffItem.innerText(), /Exciting/);
    assert.match(await oneOffItem.innerText(), /Any time/);

    // The mix (this month and the next 5): five clinics (next month on) and the one-off.
    const after = await mixTotals(page);
    assert.deepEqual(
      after.map((n, i) => n - before[i]),
      [5, 1, 5, 1, 6],
      `mix totals before ${before} and after ${after}`,
    );
    const oneOffMonth = oneOffDate.toLocaleString('en-GB', { month: 'short' }) + ' ' + oneOffDate.getFullYear();
    const monthRow = page.getByTestId('mix-table').getByRole('row', { name: new RegExp(`^${oneOffMonth}`) });
    assert.equal(await monthRow.count(), 1);
    assert.ok(Number((await monthRow.locator('td').nth(1).innerText())) >= 1, 'the exciting one-off counts in its month');
    await page.getByTestId('mix-chart').waitFor();

    // Saved, with the draft's values.
    await waitForSaved(page);
    const doc = await storedDoc(page);
    const acts = doc.data.communities.find((c) => c.id === 'c-testing').cultivation.activities;
    assert.equal(acts.length, activitiesBefore + 2);
    const clinic = acts.find((a) => a.title === 'Flaky-test clinic');
    assert.deepEqual(
      { ...clinic, id: undefined },
      {
        id: undefined, title: 'Flaky-test clinic', activity_type_id: 'problem_solving', starts_on: iso(clinicDate),
        start_time: '18:30:00', duration_minutes: 90, repeat: 'monthly_by_weekday', until: null, feel: 'familiar',
        mode: 'synchronous', location: 'Room 4, east wing', notes: '',
      },
    );
    const oneOff = acts.find((a) => a.title === ONE_OFF);

    // The export.
    const { suggestedFilename, text } = await downloadFile(page, () => page.getByTestId('export-ics').click());
    assert.equal(suggestedFilename, 'cultivate-test-automation-chapter-london-rhythm.ics');
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:'), text.slice(0, 80));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.equal(text.replaceAll('\r\n', '').search(/[\r\n]/), -1, 'every line ends in CRLF');
    for (const line of text.split('\r\n')) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line longer than 75 octets: ${line}`);
    }
    const unfolded = text.replaceAll('\r\n ', '');
    assert.equal((unfolded.match(/^BEGIN:VEVENT$/gm) ?? []).length, activitiesBefore + 2);
    const event = (uid) => {
      const start = unfolded.indexOf(`UID:${uid}@cultivate\r\n`);
      assert.ok(start > 0, `event ${uid} is in the calendar`);
      return unfolded.slice(start, unfolded.indexOf('END:VEVENT', start));
    };
    const clinicEvent = event(clinic.id);
    assert.match(clinicEvent, new RegExp(`\r\nDTSTART:${icsDate(clinicDate)}T183000\r\n`));
    assert.match(clinicEvent, /\r\nDURATION:PT1H30M\r\n/);
    assert.match(clinicEvent, /\r\nRRULE:FREQ=MONTHLY;BYDAY=2TU\r\n/);
    assert.match(clinicEvent, /\r\nLOCATION:Room 4\\, east wing\r\n/);
    assert.match(clinicEvent, /\r\nCATEGORIES:Problem solving,Familiar,Synchronous\r\n/);
    const oneOffEvent = event(oneOff.id);
    assert.ok(oneOffEvent.includes('\r\nSUMMARY:Hack day: ideas\\, tools\\; café ☕ für alle\r\n'), oneOffEvent);
    assert.ok(oneOffEvent.includes('\r\nDESCRIPTION:Bring a laptop.\\nLunch is provided.\\n\\nExciting format\\, asynchronous (any time)'), oneOffEvent);
    assert.doesNotMatch(oneOffEvent, /RRULE/);
    assert.match(oneOffEvent, new RegExp(`\r\nDTSTART:${icsDate(oneOffDate)}T090000\r\n`));
    assert.match(oneOffEvent, /\r\nTRANSP:TRANSPARENT\r\n/);

    // Editing keeps the id, so the exported event keeps its UID.
    await table.getByRole('button', { name: 'Edit Flaky-test clinic' }).click();
    await form.getByRole('heading', { name: 'Edit the activity' }).waitFor();
    await form.getByLabel('Last date (optional)').fill(iso(new Date(clinicDate.getFullYear(), clinicDate.getMonth() + 3, clinicDate.getDate())));
    await form.getByRole('button', { name: 'Save changes' }).click();
    await eventually(async () => {
      const d = await storedDoc(page);
      const c = d.data.communities.find((x) => x.id === 'c-testing').cultivation.activities.find((a) => a.id === clinic.id);
      assert.ok(c.until, 'the last date is saved');
    });

    assert.deepEqual(await checkA11y(page), []);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('an onboarding step ticked for a member stays ticked after a reload, and moving to active offers the level move', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, server.url.replace(/\/$/, '') + '/cultivate/c-testing/onboarding');
    await page.getByRole('heading', { name: "Newcomers' onboarding" }).waitFor();
    const today = iso(await browserToday(page));

    await page.getByLabel('Show all members, not only newcomers').check();
    const grid = page.getByTestId('onboarding-grid');
    const chenMentor = page.getByRole('checkbox', { name: 'Chen Wei: Mentor matched', exact: true });
    const box = grid.locator(chenMentor);
    assert.equal(await box.isChecked(), false, 'not ticked in the sample');
    await box.check();
    const cell = grid.locator('td', { has: chenMentor });
    await cell.locator(`time[datetime="${today}"]`).waitFor();
    // Keyboard focus stays on the box just ticked.
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Chen Wei: Mentor matched');

    // A note for the tick: who the mentor is.
    await cell.getByRole('button', { name: 'Edit date and note: Chen Wei: Mentor matched' }).click();
    const editor = page.getByTestId('tick-editor');
    await editor.getByLabel('Note (optional)').fill('Mentor: Emil Novak');
    await editor.getByRole('button', { name: 'Save' }).click();
    await cell.getByText('Mentor: Emil Novak').waitFor();

    await waitForSaved(page);
    const doc = await storedDoc(page);
    const ticks = doc.data.communities.find((c) => c.id === 'c-testing').cultivation.onboarding;
    assert.deepEqual(
      ticks.filter((t) => t.person_id === 'p-chen'),
      [{ person_id: 'p-chen', step_id: 'mentor_matched', on: today, note: 'Mentor: Emil Novak' }],
    );

    await page.reload();
    await page.getByRole('heading', { name: "Newcomers' onboarding" }).waitFor();
    // Chen is listed as a newcomer now that onboarding is under way.
    const again = page.getByTestId('onboarding-grid').getByRole('checkbox', { name: 'Chen Wei: Mentor matched', exact: true });
    assert.equal(await again.isChecked(), true);
    const row = page.getByTestId('onboarding-grid').getByRole('row', { name: /Chen Wei/ });
    assert.equal(await row.getByTestId('onboarding-progress').innerText(), '1 of 4');

    // Moved to active while still occasional: an offer appears, and nothing moves by itself.
    await row.getByRole('checkbox', { name: 'Chen Wei: Moved from peripheral to active' }).check();
    const offer = page.getByTestId('level-offers').getByRole('button', { name: "Record Chen Wei's move to Active…" });
    await offer.waitFor();
    await waitForSaved(page);
    const member = (await storedDoc(page)).data.communities.find((c) => c.id === 'c-testing').memberships.find((m) => m.person_id === 'p-chen');
    assert.equal(member.level_id, 'occasional');
    assert.deepEqual(await checkA11y(page), []);

    // Taking up the offer records the move through the usual level form.
    await offer.click();
    const levelForm = page.getByTestId('level-offers').locator('form');
    assert.equal(await levelForm.getByLabel('New level').inputValue(), 'active');
    await levelForm.getByRole('button', { name: 'Record the change' }).click();
    await eventually(async () => assert.equal(await page.getByTestId('level-offers').getByRole('button').count(), 0));
    await waitForSaved(page);
    const moved = (await storedDoc(page)).data.communities.find((c) => c.id === 'c-testing').memberships.find((m) => m.person_id === 'p-chen');
    assert.equal(moved.level_id, 'active');
    assert.deepEqual(moved.history.at(-1), { on: today, from_level_id: 'occasional', to_level_id: 'active', reason: '' });

    assert.deepEqual(await checkA11y(page), []);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
