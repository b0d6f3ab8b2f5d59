// Accessibility: axe-core finds no violations on any screen, in the light and the dark
// colour scheme; the skip link is the first Tab stop and moves focus to the content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import {
  DIST_DIR,
  launchBrowser,
  newContext,
  gotoApp,
  checkA11y,
  assertNoConsoleErrors,
  loadSample,
  putStored,
  navigate,
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

// Route → the h1 it must show (proves the right page rendered before axe runs).
const ROUTES = [
  ['/', 'Sample: two learning initiatives'],
  ['/communities', 'Communities'],
  ['/communities/new', 'New community'],
  ['/communities/c-negotiators', "Frontline Negotiators' Circle"],
  ['/people', 'People & organisations'],
  ['/people/p-amara', 'Amara Okafor'],
  ['/organisations/org-relief', 'Open Relief Alliance (fictional)'],
  ['/introduction', null],
  ['/organisation', 'Portfolio of communities'],
  ['/organisation/chooser', 'Is it a community of practice?'],
  ['/organisation/readiness', 'Organisational readiness'],
  ['/organisation/roles', 'Roles and responsibilities'],
  ['/organisation/leaders', 'Capacity building for leaders'],
  ['/organisation/health', 'Health checks'],
  ['/organisation/health/c-negotiators', "Health of Frontline Negotiators' Circle"],
  ['/organisation/indicators', 'Indicators of success'],
  ['/cultivate', 'Cultivating communities'],
  ['/cultivate/new', null],
  ['/cultivate/c-negotiators', "Cultivating Frontline Negotiators' Circle"],
  ['/cultivate/c-negotiators/forming', "Forming Frontline Negotiators' Circle"],
  ['/cultivate/c-negotiators/charter', "Charter of Frontline Negotiators' Circle"],
  ['/cultivate/c-negotiators/lifecycle', "Stage and maturity of Frontline Negotiators' Circle"],
  ['/cultivate/c-negotiators/onboarding', "Onboarding in Frontline Negotiators' Circle"],
  ['/cultivate/c-negotiators/rhythm', "Rhythm of Frontline Negotiators' Circle"],
  ['/facilitate', 'Facilitate'],
  ['/facilitate/formats', 'Format library'],
  ['/facilitate/c-negotiators', "Meetings of Frontline Negotiators' Circle"],
  ['/facilitate/c-negotiators/meetings/mt-n1', 'Peer circle: access at checkpoints'],
  ['/facilitate/c-negotiators/meetings/mt-n1/run', 'Peer circle: access at checkpoints'],
  ['/facilitate/c-negotiators/meetings/mt-n1/record', 'Peer circle: access at checkpoints'],
  ['/technology', 'Technology'],
  ['/technology/c-negotiators', "Digital habitat of Frontline Negotiators' Circle"],
  ['/evaluate', 'Evaluating value creation'],
  ['/evaluate/report', 'Portfolio sponsor report'],
  ['/evaluate/c-negotiators', "Value created by Frontline Negotiators' Circle"],
  ['/evaluate/c-negotiators/plan', "Value-creation plan of Frontline Negotiators' Circle"],
  ['/evaluate/c-negotiators/indicators', "Value indicators of Frontline Negotiators' Circle"],
  ['/evaluate/c-negotiators/stories', "Value-creation stories of Frontline Negotiators' Circle"],
  ['/evaluate/c-negotiators/stories/new', "A value-creation story of Frontline Negotiators' Circle"],
  ['/evaluate/c-negotiators/report', "Sponsor report of Frontline Negotiators' Circle"],
  ['/evaluate/c-negotiators/reflection', "Reflection of Frontline Negotiators' Circle"],
  ['/data', 'Data & backups'],
  ['/participate', 'Stories for a facilitator'],
  ['/no/such/page', 'Page not found'],
];

const SCHEMES = ['light', 'dark'];

/** Runs axe in both colour schemes on the current page; returns "scheme screen: violation" lines. */
async function auditBothSchemes(page, screen) {
  const found = [];
  const backgrounds = {};
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    backgrounds[colorScheme] = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    for (const v of await checkA11y(page)) found.push(`[${colorScheme}] ${screen}: ${v}`);
  }
  // The dark scheme really is different, or this would audit the light one twice.
  assert.notEqual(backgrounds.dark, backgrounds.light, `${screen}: the dark colour scheme did not apply`);
  return found;
}

function report(violations) {
  if (violations.length) console.log(`axe violations (${violations.length}):\n  ${violations.join('\n  ')}`);
  assert.deepEqual(violations, [], `${violations.length} axe violation(s); see the list above`);
}

test('every route of the sample workspace has no axe violations, light and dark', async () => {
  const context = await newContext(browser, { reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    const violations = [];
    for (const [route, heading] of ROUTES) {
      await page.emulateMedia({ colorScheme: 'light' });
      await gotoApp(page, new URL(route.slice(1), server.url).href);
      const h1 = page.getByRole('heading', { level: 1 });
      await h1.first().waitFor();
      if (heading) assert.equal(await h1.first().textContent(), heading, `wrong page at ${route}`);
      violations.push(...(await auditBothSchemes(page, route)));
    }
    report(violations);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('the welcome screen and the recovery screen have no axe violations, light and dark', async () => {
  const context = await newContext(browser, { reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await page.getByRole('heading', { name: 'Start a new workspace' }).waitFor();
    const violations = await auditBothSchemes(page, 'welcome');

    // An inline error on the welcome form must be accessible too.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('textbox', { name: 'Workspace name', exact: true }).fill('   '); // passes `required`, fails the app's check
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.locator('#workspace-name-error').waitFor();
    violations.push(...(await auditBothSchemes(page, 'welcome with an error')));

    await putStored(page, 'cultivate.workspace', '{"format":"cultivate-workspace","schema_version":1, garbage');
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoApp(page, server.url);
    await page.getByTestId('recovery').waitFor();
    violations.push(...(await auditBothSchemes(page, 'recovery')));

    // The recovery screen with a problem list (an invalid, not unparseable, value).
    await putStored(
      page,
      'cultivate.workspace',
      JSON.stringify({ format: 'cultivate-workspace', schema_version: 1, app_version: '0.1.0', saved_at: '2026-01-01T00:00:00Z', data: { id: 'x' } }),
    );
    await page.emulateMedia({ colorScheme: 'light' });
    await gotoApp(page, server.url);
    await page.getByTestId('recovery').getByTestId('problem-list').waitFor();
    violations.push(...(await auditBothSchemes(page, 'recovery with problems')));

    report(violations);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('the first Tab stop is the skip link, and it moves focus to the main content', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, `${server.url}people`);
    await page.getByRole('heading', { level: 1, name: 'People & organisations' }).waitFor();

    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
    }));
    assert.deepEqual(first, { tag: 'A', text: 'Skip to content', href: '#main' });
    // Visible when focused (it may be off-screen otherwise).
    const box = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0 && box.y >= 0 && box.x >= 0, `skip link not visible when focused: ${JSON.stringify(box)}`);

    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
    const after = await page.evaluate(() => ({
      focus: `${document.activeElement?.tagName.toLowerCase()}#${document.activeElement?.id}`,
      path: location.pathname,
      h1: document.querySelector('h1')?.textContent,
    }));
    assert.deepEqual(
      after,
      { focus: 'main#main', path: '/people', h1: 'People & organisations' },
      'the skip link must move focus to <main id="main"> and stay on the page',
    );

    // The next Tab goes into the content, not back to the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement));
    assert.equal(inMain, true, 'the Tab after the skip link should land inside <main>');
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});

test('on a phone the main navigation is behind a Menu button that opens every area and closes on a link or Escape; a table wider than the screen says it scrolls', async () => {
  const context = await newContext(browser, { viewport: { width: 375, height: 700 }, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await gotoApp(page, server.url);
    await loadSample(page);
    await gotoApp(page, `${server.url}people`);
    await page.getByRole('heading', { level: 1, name: 'People & organisations' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    const link = (name) => nav.getByRole('link', { name, exact: true });
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await link('Evaluate').isVisible(), false, 'the links wait behind the button');
    // The people table is wider than the phone: a line above it says it scrolls sideways.
    const cue = () => page.getByTestId('people-table').locator('xpath=..').evaluate((w) => ({
      overflows: w.scrollWidth > w.clientWidth,
      height: parseFloat(getComputedStyle(w, '::before').height),
      text: getComputedStyle(w, '::before').content,
    }));
    const narrowCue = await cue();
    assert.equal(narrowCue.overflows, true);
    assert.ok(narrowCue.height > 10, `the scroll cue is ${narrowCue.height}px high`);
    assert.match(narrowCue.text, /Scroll sideways to see every column/);

    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    // Every link is on screen: none is cut off at the edge or needs a sideways scroll.
    const links = await nav.getByRole('link').all();
    assert.equal(links.length, 10);
    for (const l of links) {
      const box = await l.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `${await l.innerText()} is off-screen: ${JSON.stringify(box)}`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    report(await auditBothSchemes(page, 'the open menu'));

    // A link goes to its page and closes the menu.
    await link('Evaluate').click();
    await page.getByRole('heading', { level: 1, name: 'Evaluating value creation' }).waitFor();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await link('Evaluate').isVisible(), false);

    // Escape closes it too, and gives the focus back to the button.
    await menu.click();
    await link('Data & backups').waitFor();
    await link('Data & backups').focus();
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'nav-toggle');

    // The browser's Back button closes an open menu as well, and coming Forward to the page
    // it was opened on does not open it again.
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'People & organisations' }).waitFor();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Evaluating value creation' }).waitFor();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await link('Evaluate').isVisible(), false);

    // The current page's own link closes the menu and leaves the focus on the button, not
    // on a hidden link.
    await menu.click();
    await link('Evaluate').click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'nav-toggle');

    // On a wide screen the links are the sidebar, and there is no button; a table that fits
    // has no scroll cue.
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await menu.isVisible(), false);
    assert.equal(await link('Evaluate').isVisible(), true);
    await navigate(page, 'People & organisations');
    await page.getByTestId('people-table').waitFor();
    const wideCue = await cue();
    assert.equal(wideCue.overflows, false);
    assert.equal(wideCue.height, 0);
    assertNoConsoleErrors(page);
  } finally {
    await context.close();
  }
});
