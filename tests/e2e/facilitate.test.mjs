// Facilitating: design a meeting from library formats, run it in run mode across a reload,
// record attendance and a follow-up, and find the follow-up on the community page. axe-core
// on every page of the area, run mode included.
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

const url = (path) => server.url.replace(/\/$/, '') + path;

/** The blocks of the agenda as "HH:MM–HH:MM Title" lines. */
async function agendaLines(page) {
  const blocks = page.getByTestId('agenda-block');
  const n = await blocks.count();
  const out = [];
  for (let i = 0; i < n; i++) {
    const b = blocks.nth(i);
    out.push(`${(await b.locator('.agenda-block__span').innerText()).trim()} ${(await b.locator('.agenda-block__title').innerText()).trim()}`);
  }
  return out;
}

test('design a meeting from library formats, run it across a reload, record it and find the follow-up on the community page', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);

    // The Facilitate overview and the format library pass axe.
    await gotoApp(page, url('/facilitate'));
    await page.getByRole('heading', { name: 'Facilitate', exact: true }).waitFor();
    await page.getByTestId('facilitate-communities').waitFor();
    assert.deepEqual(await checkA11y(page), [], 'overview: no axe violations');
    await page.getByRole('link', { name: 'Format library' }).first().click();
    await page.getByTestId('format-library').waitFor();
    assert.ok((await page.getByTestId('format-library').locator('li.format-card').count()) >= 15);
    assert.deepEqual(await checkA11y(page), [], 'format library: no axe violations');

    // A new meeting for the Testing chapter, late in the evening so that it crosses midnight.
    await gotoApp(page, url('/facilitate/c-testing'));
    await page.getByTestId('no-meetings').waitFor();
    assert.deepEqual(await checkA11y(page), [], 'community meetings page: no axe violations');
    await page.getByTestId('new-meeting').click();
    const form = page.getByTestId('meeting-form');
    await form.getByRole('button', { name: 'Create and design the agenda' }).click();
    await form.getByText('Title is required').waitFor();
    await form.getByLabel('Title').fill('Flaky-test clinic');
    await form.getByLabel('Date').fill('2026-12-01');
    await form.getByLabel('Start time').fill('23:00');
    await form.getByLabel('Slot (minutes)').fill('60');
    await form.getByRole('checkbox', { name: 'Problem solving' }).check();
    await form.getByRole('button', { name: 'Create and design the agenda' }).click();
    await page.getByRole('heading', { name: 'Flaky-test clinic', level: 1 }).waitFor();
    assert.match(page.url(), /\/facilitate\/c-testing\/meetings\/[^/]+$/);
    const meetingUrl = page.url();

    // Three blocks from the library: check-in (10), case clinic (60), show-and-tell (30).
    for (const label of [/^Check-in and news round/, /^Case clinic/, /^Show-and-tell/]) {
      await page.getByTestId('add-block').click();
      const bf = page.getByTestId('block-form');
      await bf.getByLabel('Format from the library').selectOption({ label: await bf.getByLabel('Format from the library').locator('option').filter({ hasText: label }).first().innerText() });
      await bf.getByRole('button', { name: 'Add block' }).click();
      await bf.waitFor({ state: 'detached' });
    }
    assert.deepEqual(await agendaLines(page), [
      '23:00–23:10 Check-in and news round',
      '23:10–00:10 (next day) Case clinic',
      '00:10 (next day)–00:40 (next day) Show-and-tell',
    ]);
    assert.match(await page.getByTestId('slot-check').innerText(), /Total 1 h 40 min\.\s+The agenda takes 1 h 40 min, 40 min more than the 1 h slot/);

    // Reorder by keyboard: Show-and-tell up one.
    await page.getByRole('button', { name: 'Move up: Show-and-tell' }).focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual((await agendaLines(page)).map((l) => l.replace(/^.* /, '')), ['round', 'Show-and-tell', 'clinic']));
    // Reorder by drag: the case clinic back to the second place (dropped on Show-and-tell).
    await page.getByTestId('agenda-block').nth(2).dragTo(page.getByTestId('agenda-block').nth(1));
    await eventually(async () => {
      const lines = await agendaLines(page);
      assert.deepEqual(lines, [
        '23:00–23:10 Check-in and news round',
        '23:10–00:10 (next day) Case clinic',
        '00:10 (next day)–00:40 (next day) Show-and-tell',
      ]);
    });
    // Shorten the clinic so the agenda fits: 10 + 20 + 30 = 60.
    await page.getByRole('button', { name: 'Edit: Case clinic' }).click();
    await page.getByTestId('block-form').getByLabel('Minutes').fill('20');
    await page.getByTestId('block-form').getByRole('button', { name: 'Save block' }).click();
    await eventually(async () => assert.match(await page.getByTestId('slot-check').innerText(), /fills the 1 h slot exactly/));

    // A leadership group and a checklist item.
    await page.getByTestId('roles-table').getByLabel('Gustavo Lima').selectOption({ label: 'Critical friends' });
    await page.getByRole('checkbox', { name: /^Invitation and agenda sent/ }).check();
    await waitForSaved(page);
    assert.deepEqual(await checkA11y(page), [], 'designer: no axe violations');

    // Exports: Markdown and .ics.
    const md = await downloadFile(page, () => page.getByTestId('export-md').click());
    assert.match(md.suggestedFilename, /\.md$/);
    assert.match(md.text, /\| 23:10–23:30 \| Case clinic \| Case clinic \| 20 \|/);
    assert.match(md.text, /- \*\*Critical friends:\*\* Gustavo Lima/);
    const ics = await downloadFile(page, () => page.getByTestId('export-meeting-ics').click());
    assert.match(ics.text, /DTSTART:20261201T230000\r\n/);
    assert.match(ics.text, /DURATION:PT1H\r\n/);

    let doc = await storedDoc(page);
    let meeting = doc.data.communities.find((c) => c.id === 'c-testing').facilitation.meetings[0];
    assert.equal(meeting.blocks.length, 3);
    assert.deepEqual(meeting.roles, [{ person_id: 'p-gus', leadership_group_id: 'critical_friends' }]);

    // Run mode, keyboard only.
    await gotoApp(page, meetingUrl + '/run');
    await page.getByTestId('run-idle').waitFor();
    assert.deepEqual(await checkA11y(page), [], 'run mode (idle): no axe violations');
    await page.keyboard.press('s');
    await page.getByTestId('run-current').waitFor();
    assert.equal(await page.getByTestId('run-title').innerText(), 'Check-in and news round');
    await page.keyboard.press('ArrowRight');
    await eventually(async () => assert.equal(await page.getByTestId('run-title').innerText(), 'Case clinic'));
    await page.keyboard.press('+');
    await eventually(async () => {
      const left = Number(await page.getByTestId('run-clock').getAttribute('data-remaining'));
      assert.ok(left > 20 * 60 && left <= 25 * 60, `extended block has ${left} s left`);
    });
    await page.keyboard.press(' ');
    await eventually(async () => assert.equal(await page.getByTestId('run-state').innerText(), 'Paused'));
    assert.deepEqual(await checkA11y(page), [], 'run mode (running): no axe violations');
    await waitForSaved(page);

    // A reload resumes on the same block, still paused, with the same time left.
    await page.reload();
    await page.waitForFunction(() => document.body?.dataset.appReady === '1');
    await page.getByTestId('run-current').waitFor();
    assert.equal(await page.getByTestId('run-current').getAttribute('data-block-index'), '1');
    assert.equal(await page.getByTestId('run-title').innerText(), 'Case clinic');
    assert.equal(await page.getByTestId('run-state').innerText(), 'Paused');
    const left = Number(await page.getByTestId('run-clock').getAttribute('data-remaining'));
    assert.ok(left > 20 * 60 && left <= 25 * 60, `after the reload ${left} s are left`);
    assert.match(await page.getByTestId('run-next').innerText(), /Next: Show-and-tell \(30 min\)/);
    // Resume, skip to the end: run mode ends.
    await page.keyboard.press(' ');
    await eventually(async () => assert.equal(await page.getByTestId('run-state').innerText(), 'Running'));
    await page.keyboard.press('ArrowRight');
    await eventually(async () => assert.equal(await page.getByTestId('run-title').innerText(), 'Show-and-tell'));
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('run-idle').waitFor();

    // Record: attendance, a guest and a follow-up.
    await page.getByRole('link', { name: 'Record', exact: true }).click();
    await page.getByTestId('attendance').waitFor();
    await page.getByTestId('attendance').getByRole('checkbox', { name: /Gustavo Lima/ }).check();
    await page.getByTestId('attendance').getByRole('checkbox', { name: /Emil Novak/ }).check();
    await page.getByLabel('Add a guest who is not a member').fill('Priya (platform team)');
    await page.getByRole('button', { name: 'Add guest' }).click();
    await eventually(async () => assert.equal(await page.getByTestId('attendance-count').innerText(), '2 members and 1 guest attended.'));
    const fu = page.getByTestId('follow-up-form');
    await fu.getByLabel('Who').selectOption({ label: 'Emil Novak' });
    await fu.getByLabel('What they will try').fill('Quarantine the three flakiest tests');
    await fu.getByLabel('By when (optional)').fill('2026-12-15');
    await fu.getByRole('button', { name: 'Add follow-up' }).click();
    await page.getByTestId('record-follow-ups').getByText('Quarantine the three flakiest tests').waitFor();
    await waitForSaved(page);
    assert.deepEqual(await checkA11y(page), [], 'record: no axe violations');
    doc = await storedDoc(page);
    meeting = doc.data.communities.find((c) => c.id === 'c-testing').facilitation.meetings[0];
    assert.deepEqual(meeting.record.attendee_ids.sort(), ['p-emil', 'p-gus']);
    assert.deepEqual(meeting.record.guests, ['Priya (platform team)']);
    assert.equal(meeting.record.follow_ups[0].due_on, '2026-12-15');
    assert.equal(meeting.run, undefined, 'run mode has ended');

    // The follow-up is on the community page until it is done.
    await gotoApp(page, url('/communities/c-testing'));
    const section = page.getByTestId('community-follow-ups');
    await section.getByText('Quarantine the three flakiest tests').waitFor();
    assert.match(await section.innerText(), /Emil Novak/);
    assert.deepEqual(await checkA11y(page), [], 'community page with follow-ups: no axe violations');
    await section.getByRole('button', { name: 'Mark done: Quarantine the three flakiest tests' }).click();
    await section.getByTestId('no-follow-ups').waitFor();
    await waitForSaved(page);
    doc = await storedDoc(page);
    meeting = doc.data.communities.find((c) => c.id === 'c-testing').facilitation.meetings[0];
    assert.ok(meeting.record.follow_ups[0].done_on, 'the follow-up is marked done');

    // The meeting and the follow-up done are on the activity log.
    await gotoApp(page, url('/facilitate/c-testing'));
    const log = page.getByTestId('activity-log');
    await log.getByText('Flaky-test clinic', { exact: true }).waitFor();
    await log.getByText(/Follow-up done: Emil Novak: Quarantine/).waitFor();
    await page.getByTestId('balance-types-table').waitFor();
    assert.deepEqual(await checkA11y(page), [], 'community meetings page with a log: no axe violations');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('the sample meetings show a held, recorded meeting and its open follow-ups', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, url('/facilitate/c-security/meetings/mt-s1/record'));
    await page.getByTestId('attendance').waitFor();
    assert.match(await page.getByTestId('attendance-count').innerText(), /^6 members and 1 guest attended\.$/);
    await page.getByTestId('harvest-list').getByText(/Repertoire: Rotating a leaked secret/).waitFor();
    assert.deepEqual(await checkA11y(page), [], 'sample record: no axe violations');
    await gotoApp(page, url('/communities/c-security'));
    await page.getByTestId('community-follow-ups').getByText(/threat-model session/).waitFor();
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
