import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/schemas/patient';
import type { Route } from '../../shared/session';
import { screeningAnswers } from '../helpers/session-fixture';
import { MovingClock } from './moving-clock';
import { answerRemsAtChair, enrollInRems } from './rems-steps';
import {
  PASSPHRASE, SCREENS_DIR, seedClearMeasures, VIEWPORT, expectNoAxeViolations, openDatabaseReadOnly, patientInput, screenshot, signInOnPage, startSignedInApp,
  type E2EApp,
  signWithPassphrase, seedSignedConsent, seedCourse, openChartTab,
} from './harness';

// The Sessions tab and the chair-side session screen, driven in Chromium
// against browser mode, on the moving test clock (./moving-clock.ts).

const MINUTE = 60_000;

const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;

async function signScreening(app: E2EApp, patientId: string, route: Route, overrides: Record<string, boolean> = {}, overrideReason?: string) {
  const draft = await app.api('screenings.create', { patientId, plannedTreatment: route });
  const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers(route, overrides) });
  return app.api('screenings.sign', {
    id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], ...(overrideReason ? { overrideReason } : {}),
    signature: { passphrase: PASSPHRASE },
  });
}

/** What a session needs besides the screening: the signed consent, the prescriber's course, today's clear ASQ, PHQ-9 and GAD-7, and for esketamine the REMS enrolment. */
async function recordConsent(app: E2EApp, patientId: string, route: Route) {
  if (route === 'esketamine-nasal') await enrollInRems(app, patientId);
  await seedClearMeasures(app, patientId);
  await seedSignedConsent(app, patientId, route);
  await seedCourse(app, patientId, route);
}

function helpers(getApp: () => E2EApp) {
  const page = () => getApp().page;

  /** Full page from the top (a scrolled page draws the fixed header mid-page), or just the laptop's viewport as it is. */
  async function shot(name: string, opts: { viewport?: boolean } = {}) {
    if (opts.viewport) {
      await page().screenshot({ path: join(SCREENS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
      return;
    }
    const y = await page().evaluate(() => window.scrollY);
    await page().evaluate(() => window.scrollTo(0, 0));
    await screenshot(page(), name);
    await page().evaluate((top) => window.scrollTo(0, top), y);
  }

  const openChart = (p: Patient) => openChartTab(page(), p, 'Sessions');

  /** Asserts an element is wholly inside the 1366×768 viewport as it is now (no scrolling needed to see it). */
  async function expectInViewport(testId: string) {
    const box = await page().getByTestId(testId).boundingBox();
    expect(box, testId).not.toBeNull();
    expect(box!.y, `${testId} top`).toBeGreaterThanOrEqual(52);
    expect(box!.y + box!.height, `${testId} bottom`).toBeLessThanOrEqual(VIEWPORT.height);
  }

  const entry = () => page().getByTestId('entry-panel');
  const timelineTexts = () => page().getByTestId('timeline').getByTestId('timeline-text').allTextContents();

  async function recordVitals(v: { sys: number; dia: number; hr: number; spo2: number; rr?: number }) {
    const panel = entry();
    await panel.getByLabel('Systolic').fill(String(v.sys));
    await panel.getByLabel('Diastolic').fill(String(v.dia));
    await panel.getByLabel('Heart rate').fill(String(v.hr));
    await panel.getByLabel('SpO₂').fill(String(v.spo2));
    if (v.rr !== undefined) await panel.getByLabel('Resp. rate').fill(String(v.rr));
    await panel.getByLabel('Resp. rate').press('Enter');
    await expect.poll(() => panel.getByLabel('Systolic').inputValue()).toBe('');
    await panel.getByTestId('entry-saved').getByText(`BP ${v.sys}/${v.dia}`).waitFor();
  }

  async function recordSedation(level: number) {
    const group = page().locator('#session-entry-sedation');
    await group.locator(`input[value="${level}"]`).check();
    await group.locator(`input[value="${level}"]`).press('Enter');
    await entry().getByTestId('entry-saved').getByText(`Sedation: Level ${level}`).waitFor();
  }

  async function recordDissociation(level: 'none' | 'mild' | 'moderate' | 'severe') {
    const radio = entry().locator(`input[name="session-dissociation"][value="${level}"]`);
    await radio.check();
    await radio.press('Enter');
    await entry().getByTestId('entry-saved').getByText(/^.*Dissociation: /).waitFor();
  }

  return { page, shot, openChart, expectInViewport, entry, timelineTexts, recordVitals, recordSedation, recordDissociation };
}

/** On a failed test: the page as it was (session-failed-*.png) and the page's console errors. */
function keepFailure(getApp: () => E2EApp | undefined, h: ReturnType<typeof helpers>) {
  return async (ctx: { task: { name: string; result?: { state?: string } } }) => {
    const app = getApp();
    if (ctx.task.result?.state !== 'fail' || !app) return;
    if (app.consoleErrors.length) console.error(app.consoleErrors.join('\n'));
    await h.shot(`session-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => undefined);
  };
}

describe('sessions: esketamine and IV ketamine from start to discharge', () => {
  let app: E2EApp;
  let clock: MovingClock;
  let ines: Patient;
  let tomas: Patient;
  const h = helpers(() => app);

  beforeAll(async () => {
    clock = new MovingClock();
    app = await startSignedInApp({ beforeSignIn: (started) => clock.install(started.page) });
    ines = await app.api('patients.create', patientInput({ legalName: 'Ines Moreau', dateOfBirth: '1979-05-01', sex: 'female', mrn: 'SE-1001', weightKg: 70, allergies: 'No known allergies' }));
    tomas = await app.api('patients.create', patientInput({ legalName: 'Tomas Berg', dateOfBirth: '1968-02-11', sex: 'male', mrn: 'SE-1002', weightKg: 82 }));
    await signScreening(app, ines.id, 'esketamine-nasal');
    await recordConsent(app, ines.id, 'esketamine-nasal');
    await signScreening(app, tomas.id, 'iv-ketamine');
    await recordConsent(app, tomas.id, 'iv-ketamine');
  });
  afterAll(async () => {
    await app?.close();
    clock?.dispose();
  });
  afterEach(keepFailure(() => app, h));

  it('esketamine: the Sessions tab says a session can start, and the start form computes the dose', async () => {
    const { page } = app;
    await h.openChart(ines);
    await page.getByTestId('eligible').waitFor();
    await h.shot('session-01-tab-eligible');
    await expectNoAxeViolations(page, 'sessions tab, eligible');

    await page.getByTestId('start-session').click();
    const form = page.getByTestId('start-form');
    await form.waitFor();
    // The route comes from the signed screening.
    expect(await form.locator('input[name="start-route"]:checked').getAttribute('value')).toBe('esketamine-nasal');
    await form.locator('input[name="start-devices"][value="2"]').check(); // the course's order, filled in already
    await form.getByTestId('dose-result').getByText('56 mg (2 devices)').waitFor();

    const now = clock.now();
    const vitals = form.locator('section', { has: page.getByRole('heading', { name: 'Pre-dose vitals' }) });
    await vitals.getByLabel('Systolic').fill('124');
    await vitals.getByLabel('Diastolic').fill('78');
    await vitals.getByLabel('Heart rate').fill('72');
    await vitals.getByLabel('SpO₂').fill('98');
    await vitals.getByLabel('Resp. rate').fill('14');
    // Unknown fasting times are concerns that would need a documented decision.
    await form.getByTestId('pre-dose-concerns').getByText('Time of last food not known').waitFor();
    await form.getByLabel('Last food').fill(hhmm(new Date(now.getTime() - 3 * 60 * MINUTE)));
    await form.getByLabel('Last drink').fill(hhmm(new Date(now.getTime() - 60 * MINUTE)));
    await form.getByText('Test negative').click();
    await form.locator('input[name="start-escort"][value="yes"]').check();
    await form.getByLabel('Escort’s name').fill('Marc Moreau');
    await form.getByLabel('Chair or room').fill('Chair 2');
    await form.getByTestId('no-concerns').getByText('No pre-dose concerns.').waitFor();
    await expect.poll(() => form.getByTestId('start-clinician').textContent()).toContain('Dr Amira Haddad');
    await h.shot('session-02-esketamine-start-form');
    await expectNoAxeViolations(page, 'start form, esketamine');
    await form.getByRole('button', { name: 'Start session' }).click();

    await page.getByTestId('session-screen').waitFor();
    await page.getByTestId('schedule').waitFor();
    expect(await page.getByTestId('session-screen').textContent()).toContain('· Chair 2');
    await h.expectInViewport('entry-panel');
    await h.expectInViewport('schedule');
    await h.shot('session-03-esketamine-started', { viewport: true });
    await expectNoAxeViolations(page, 'session screen, just started');
  });

  it('esketamine: dose, the 40-minute check raises an alert at once, acknowledged with a note', async () => {
    const { page } = app;
    await clock.advance(page, 5);
    await h.entry().getByRole('button', { name: 'Last device used' }).click();
    await h.entry().getByTestId('dose-ended').waitFor();

    await clock.advance(page, 34);
    const check = page.getByTestId('schedule-post-dose-bp');
    await expect.poll(() => check.getAttribute('data-status')).toBe('due');
    await h.shot('session-04-esketamine-40-min-due', { viewport: true });
    await expectNoAxeViolations(page, 'check due now');

    await h.recordVitals({ sys: 186, dia: 104, hr: 96, spo2: 97, rr: 15 });
    const banner = page.getByTestId('alert-banner');
    await banner.waitFor();
    const alertItem = banner.getByRole('alert');
    expect(await alertItem.count()).toBe(1);
    expect(await alertItem.textContent()).toContain('Systolic 186 mmHg is above the alert limit of 180 mmHg');
    await h.expectInViewport('alert-banner');
    await h.expectInViewport('entry-panel');
    await h.expectInViewport('schedule');
    await h.shot('session-05-esketamine-alert', { viewport: true });
    await expectNoAxeViolations(page, 'session screen with an open alert');

    // Acknowledging needs the action taken.
    await page.keyboard.press('Alt+A');
    await page.keyboard.press('Enter');
    await banner.getByText('Write the action taken').waitFor();
    await page.keyboard.type('Repeated BP manually, prescriber informed; observing');
    await page.keyboard.press('Enter');
    await banner.waitFor({ state: 'detached' });
    const rows = page.getByTestId('alerts-list').getByTestId('alert-row');
    expect(await rows.count()).toBe(3);
    for (const row of await rows.all()) expect(await row.getAttribute('data-state')).toBe('acknowledged');
    expect(await page.getByTestId('alerts-list').textContent()).toContain('Repeated BP manually, prescriber informed; observing');

    // Keyboard only, back-timed: the sedation assessed three minutes ago, written down now.
    const assessed = new Date(clock.now().getTime() - 3 * MINUTE);
    await page.keyboard.press('Alt+T');
    await page.keyboard.type(hhmm(assessed));
    await h.entry().getByText(`Back-timed to ${hhmm(assessed)}`).waitFor();
    await page.keyboard.press('Alt+S');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await h.entry().getByText('2: Answers only loud voice or light touch').waitFor();
    await page.keyboard.press('Enter');
    await h.entry().getByTestId('entry-saved').getByText('Sedation: Level 2').waitFor();
    // Saved: the line and the time clear back to "now".
    await h.entry().getByText('Now, or HH:MM to back-time').waitFor();
    const sedationRow = page.getByTestId('timeline-row').filter({ hasText: 'Level 2' });
    expect(await sedationRow.locator('td').first().textContent()).toBe(hhmm(assessed));
    expect(await sedationRow.textContent()).toContain('recorded');
    await h.recordDissociation('mild');
  });

  it('esketamine: after two hours of observation the checklist allows discharge, and the record summarises it', async () => {
    const { page } = app;
    await clock.advance(page, 82);
    await h.recordVitals({ sys: 128, dia: 80, hr: 74, spo2: 98, rr: 14 });
    await h.recordSedation(0);
    await h.recordDissociation('none');
    await clock.advance(page, 6);
    await answerRemsAtChair(page, ['LOT-24A17', 'LOT-24A18']);

    const panel = page.getByTestId('discharge-panel');
    await panel.scrollIntoViewIfNeeded();
    for (const label of ['Alert and oriented', 'Walks steadily', 'Nausea controlled', 'Escort present', 'Aftercare explained, sheet given']) {
      await panel.getByLabel(label).check();
    }
    await expect.poll(() => panel.getByTestId('discharge-button').isEnabled()).toBe(true);
    await panel.getByText('Ready').waitFor();
    await h.shot('session-06-esketamine-discharge-ready');
    await expectNoAxeViolations(page, 'discharge ready');
    await panel.getByTestId('discharge-button').click();
    const dialog = page.getByRole('dialog', { name: 'Discharge the patient?' });
    await dialog.getByRole('button', { name: 'Discharge patient' }).click();
    await signWithPassphrase(page);

    const record = page.getByTestId('session-record');
    await record.waitFor();
    expect(await record.getByTestId('record-dose').textContent()).toContain('56 mg (2 devices)');
    expect(await record.getByTestId('record-discharge').textContent()).toContain('Every readiness item met.');
    expect(await record.getByTestId('record-rems').textContent()).toMatch(/BP increase\s*Yes/);
    await h.shot('session-07-esketamine-record');
    await expectNoAxeViolations(page, 'session record');

    await record.getByRole('button', { name: '‹ All sessions' }).click();
    const list = page.getByTestId('sessions-list');
    await list.waitFor();
    const row = list.getByTestId('session-row').first();
    expect(await row.textContent()).toContain('Esketamine nasal');
    expect(await row.textContent()).toContain('56 mg (2 devices)');
    expect(await row.getByTestId('session-alerts').textContent()).toBe('3, all acknowledged');
    await h.shot('session-08-tab-with-past-session');

    // The record prints from the Printouts tab: its preview opens at once, with this session chosen for the monitoring record.
    await row.getByRole('button').click();
    await page.getByTestId('session-record').getByRole('button', { name: 'Print monitoring record…' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Printouts' }).getAttribute('aria-selected')).toBe('true');
    const preview = page.getByRole('dialog', { name: 'Printout: Session monitoring record' });
    await preview.getByText('Escort: Marc Moreau', { exact: false }).waitFor();
    await preview.getByRole('button', { name: 'Close' }).click();
    await preview.waitFor({ state: 'detached' });
    expect(await page.getByRole('combobox', { name: 'Session for the monitoring record' }).inputValue()).toMatch(/Esketamine$/);
  });

  it('IV ketamine: the start form needs the vial strength and a documented decision above 140/90', async () => {
    const { page } = app;
    await h.openChart(tomas);
    await page.getByTestId('start-session').click();
    const form = page.getByTestId('start-form');
    await form.waitFor();
    expect(await form.locator('input[name="start-route"]:checked').getAttribute('value')).toBe('iv-ketamine');
    await form.getByRole('textbox', { name: /^Dose/ }).fill('0.5');
    // The clinic has not set a concentration, so no volume is computed from a guess.
    await form.getByTestId('dose-result').getByText('Enter the concentration on the vial (mg/mL): the clinic has not set one').waitFor();
    await form.getByLabel('Concentration').fill('10');
    await form.getByTestId('dose-result').getByText('0.5 mg/kg × 82 kg = 41 mg (4.1 mL at 10 mg/mL) over 40 min').waitFor();

    const now = clock.now();
    const vitals = form.locator('section', { has: page.getByRole('heading', { name: 'Pre-dose vitals' }) });
    await vitals.getByLabel('Systolic').fill('152');
    await vitals.getByLabel('Diastolic').fill('94');
    await vitals.getByLabel('Heart rate').fill('78');
    await vitals.getByLabel('SpO₂').fill('97');
    await form.getByLabel('Last food').fill(hhmm(new Date(now.getTime() - 8 * 60 * MINUTE)));
    await form.getByLabel('Last drink').fill(hhmm(new Date(now.getTime() - 90 * MINUTE)));
    await form.locator('input[name="start-escort"][value="yes"]').check();
    const concerns = form.getByTestId('pre-dose-concerns');
    await concerns.getByText('Pre-dose BP 152/94 mmHg is above 140/90: proceeding needs a documented decision').waitFor();
    await form.getByText('Add a repeat reading').waitFor();

    await form.getByRole('button', { name: 'Start session' }).click();
    await form.getByTestId('start-problems').getByText('Write the decision to proceed, and why (the concerns are listed above).').waitFor();
    // Focus goes to the decision the store would ask for.
    await expect
      .poll(() => page.evaluate(() => {
        const id = document.activeElement?.id;
        return id ? (document.querySelector(`label[for="${id}"]`)?.textContent ?? '') : '';
      }))
      .toContain('Decision to proceed');
    await h.shot('session-10-iv-start-needs-decision');
    await expectNoAxeViolations(page, 'start form, decision needed');
    await form.getByLabel('Decision to proceed, and why').fill('Repeat after rest 150/92; usual for him on clinic days. Proceed with 15-minute BP.');
    await form.getByRole('button', { name: 'Start session' }).click();
    await signWithPassphrase(page);
    await page.getByTestId('session-screen').waitFor();
    expect(await page.getByTestId('timeline-start').textContent()).toContain('Decision to proceed');
  });

  it('IV ketamine: 15-minute checks, overdue after the clock moves, and a correction that keeps the original', async () => {
    const { page } = app;
    await expect.poll(() => page.getByTestId('schedule-next-vitals').getAttribute('data-status')).toBe('upcoming');
    await clock.advance(page, 21);
    await expect.poll(() => page.getByTestId('schedule-next-vitals').getAttribute('data-status')).toBe('overdue');
    await page.getByTestId('overdue-warning').getByText('1 overdue').waitFor();
    expect(await page.getByTestId('next-check').getAttribute('data-status')).toBe('overdue');
    expect(await page.getByTestId('schedule-next-vitals').textContent()).toMatch(/overdue by \d:\d\d/);
    await h.expectInViewport('schedule');
    await h.expectInViewport('entry-panel');
    await h.shot('session-11-iv-overdue', { viewport: true });
    await expectNoAxeViolations(page, 'overdue check');

    // A reading the store would refuse is refused on the line, beside the field, and every value stays.
    const panel = h.entry();
    await panel.getByLabel('Systolic').fill('120');
    await panel.getByLabel('Diastolic').fill('130');
    await panel.getByLabel('Heart rate').fill('84');
    await panel.getByLabel('Heart rate').press('Enter');
    await panel.getByText('Diastolic must be lower than systolic').waitFor();
    expect(await panel.getByLabel('Systolic').inputValue()).toBe('120');
    expect(await panel.getByLabel('Heart rate').inputValue()).toBe('84');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('session-entry-diastolic');
    expect(await page.getByTestId('timeline-row').count()).toBe(0);
    await h.shot('session-17-iv-entry-refused-values-kept', { viewport: true });
    await expectNoAxeViolations(page, 'entry refused');

    await h.recordVitals({ sys: 184, dia: 90, hr: 84, spo2: 97, rr: 14 });
    await page.getByTestId('alert-banner').waitFor();
    await expect.poll(() => page.getByTestId('schedule-next-vitals').getAttribute('data-status')).toBe('upcoming');

    // The monitor read 148, not 184: corrected with a reason; the alert it raised no longer counts.
    const row = page.getByTestId('timeline-row').filter({ hasText: 'BP 184/90' });
    await row.getByRole('button', { name: /^Correct Vitals/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Correct: Vitals/ });
    await dialog.getByLabel('Systolic').fill('148');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await dialog.getByText('Reason for the change is required').waitFor();
    await h.shot('session-12-iv-correct-needs-reason', { viewport: true });
    await expectNoAxeViolations(page, 'correction dialog');
    await dialog.getByLabel('Reason for the change').fill('Typing error: the monitor read 148/90');
    await dialog.getByLabel('Reason for the change').press('Control+Enter');
    await signWithPassphrase(page);
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('alert-banner').waitFor({ state: 'detached' });
    const corrected = page.getByTestId('timeline-row').filter({ hasText: 'BP 148/90' });
    expect(await corrected.getAttribute('data-state')).toBe('amended');
    expect(await corrected.textContent()).toContain('Typing error: the monitor read 148/90');
    expect(await corrected.textContent()).toMatch(/Original.*BP 184\/90/);
    expect(await page.getByTestId('alerts-list').textContent()).toContain('Its entry was corrected, so it no longer counts');
  });

  it('IV ketamine: an open alert blocks discharge outright; a reason then overrides what is not yet met', async () => {
    const { page } = app;
    await clock.advance(page, 19);
    await h.entry().getByRole('button', { name: 'Infusion ended' }).click();
    await h.entry().getByTestId('dose-ended').waitFor();
    await h.recordVitals({ sys: 142, dia: 88, hr: 80, spo2: 91, rr: 12 });
    const banner = page.getByTestId('alert-banner');
    await banner.getByText('SpO2 91 % is below the alert limit of 93 %').waitFor();

    const panel = page.getByTestId('discharge-panel');
    for (const label of ['Alert and oriented', 'Walks steadily', 'Nausea controlled', 'Escort present', 'Aftercare explained, sheet given']) {
      await panel.getByLabel(label).check();
    }
    await panel.getByTestId('discharge-blocked').waitFor();
    expect(await panel.getByTestId('discharge-button').isDisabled()).toBe(true);
    expect(await panel.getByLabel('Reason to discharge before every item is met').count()).toBe(0);
    await h.shot('session-13-iv-discharge-blocked-by-alert');
    await expectNoAxeViolations(page, 'discharge blocked by an open alert');

    await banner.getByLabel('Action taken').fill('Oxygen 2 L/min by nasal cannula; SpO2 96 % after 3 minutes');
    await banner.getByRole('button', { name: 'Acknowledge' }).click();
    await banner.waitFor({ state: 'detached' });
    await h.entry().getByLabel('Intervention').fill('Oxygen 2 L/min nasal cannula');
    await h.entry().getByLabel('Intervention').press('Enter');
    await expect.poll(() => h.entry().getByLabel('Intervention').inputValue()).toBe('');

    // Still short of the hour after the infusion: not ready, but a written reason may override.
    expect(await panel.getByTestId('readiness-min-observation').getAttribute('data-met')).toBe('false');
    expect(await panel.getByTestId('discharge-button').isDisabled()).toBe(true);
    await panel.getByLabel('Reason to discharge before every item is met').fill('Transfer to the day ward for the rest of the observation; handed over to RN Ortiz.');
    await expect.poll(() => panel.getByTestId('discharge-button').isEnabled()).toBe(true);
    expect(await panel.getByTestId('discharge-button').textContent()).toBe('Discharge with reason');
    await h.shot('session-14-iv-discharge-override');
    await expectNoAxeViolations(page, 'discharge with override');
    await panel.getByTestId('discharge-button').click();
    const dialog = page.getByRole('dialog', { name: 'Discharge the patient?' });
    expect(await dialog.textContent()).toContain('At least 60 minutes of observation from the end of the infusion');
    await h.shot('session-15-iv-discharge-confirm', { viewport: true });
    await expectNoAxeViolations(page, 'discharge confirmation');
    await dialog.getByRole('button', { name: 'Discharge patient' }).click();
    await signWithPassphrase(page);

    const record = page.getByTestId('session-record');
    await record.waitFor();
    expect(await record.getByTestId('record-discharge').textContent()).toContain('Discharged on a clinician’s reason');
    expect(await record.getByTestId('record-discharge').textContent()).toContain('Transfer to the day ward');
    expect(await record.getByTestId('record-rems').textContent()).toMatch(/Respiratory depression\s*Yes/);
    // Read-only: nothing to correct, nothing to record.
    expect(await record.getByRole('button', { name: /^Correct/ }).count()).toBe(0);
    expect(await page.getByTestId('entry-panel').count()).toBe(0);
    await h.shot('session-16-iv-record');
    await expectNoAxeViolations(page, 'IV session record');

    const stored = await app.api('sessions.listForPatient', { patientId: tomas.id });
    expect(stored).toMatchObject([{ route: 'iv-ketamine', status: 'discharged', dischargeOverridden: true, alertCount: 2, openAlertCount: 0 }]);
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('sessions: every confirmed entry survives the server being killed', () => {
  let app: E2EApp;
  let kim: Patient;
  let sessionId = '';
  const h = helpers(() => app);
  afterEach(keepFailure(() => app, h));

  beforeAll(async () => {
    app = await startSignedInApp();
    kim = await app.api('patients.create', patientInput({ legalName: 'Kim Sørensen', dateOfBirth: '1983-04-20', sex: 'female', mrn: 'SE-2001', weightKg: 64 }));
    await signScreening(app, kim.id, 'esketamine-nasal');
    await recordConsent(app, kim.id, 'esketamine-nasal');
    const started = await app.api('sessions.start', {
      patientId: kim.id,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: new Date().toISOString(), systolic: 122, diastolic: 76, heartRate: 70, spo2: 98 },
        lastFoodAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
        lastDrinkAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        pregnancy: 'test-negative', escortArranged: true, newMedicines: false, newIllness: false, substanceUse: false,
      },
    });
    sessionId = started.session.id;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function reopenAfterRestart() {
    const { page } = app;
    await signInOnPage(page);
    await h.openChart(kim);
    // The tab goes straight to the session in progress.
    await page.getByTestId('session-screen').waitFor();
  }

  it('SIGKILL between two entries: the first is on disk and on screen, the unsent second keeps its value, both end up stored', async () => {
    const { page } = app;
    await h.openChart(kim);
    await page.getByTestId('session-screen').waitFor();
    // Typed but not recorded survives leaving the tab.
    await h.entry().getByLabel('Intervention').fill('Blanket and dimmed lights');
    await page.getByRole('tab', { name: 'Record' }).click();
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await expect.poll(() => h.entry().getByLabel('Intervention').inputValue()).toBe('Blanket and dimmed lights');
    await h.entry().getByLabel('Intervention').fill('');
    await h.recordVitals({ sys: 131, dia: 82, hr: 77, spo2: 98, rr: 14 });
    await app.killServer();

    // The server is gone: the next entry is not saved, says so, and keeps what was typed.
    const group = page.locator('#session-entry-sedation');
    await group.locator('input[value="1"]').check();
    await group.locator('input[value="1"]').press('Enter');
    await h.entry().getByText('KetaDesk is not running.').first().waitFor();
    expect(await group.locator('input[value="1"]').isChecked()).toBe(true);
    await page.getByTestId('offline').waitFor();
    await h.shot('session-20-server-down-entry-kept', { viewport: true });
    await expectNoAxeViolations(page, 'session screen, server down');

    let db = await openDatabaseReadOnly(app.dataDir);
    try {
      const rows = db.prepare('SELECT kind, entry_json FROM session_entries WHERE session_id = ? ORDER BY at').all(sessionId) as { kind: string; entry_json: string }[];
      expect(rows.map((r) => r.kind)).toEqual(['vitals']);
      expect(JSON.parse(rows[0]!.entry_json)).toMatchObject({ systolic: 131, diastolic: 82 });
    } finally {
      db.close();
    }

    await app.restart();
    await reopenAfterRestart();
    expect(await h.timelineTexts()).toContain('BP 131/82 · HR 77 · SpO₂ 98 % · RR 14');
    await h.recordSedation(1);
    await expect.poll(() => h.timelineTexts()).toEqual(['Level 1: Drowsy, answers normal voice', 'BP 131/82 · HR 77 · SpO₂ 98 % · RR 14']);
    await app.killServer();

    db = await openDatabaseReadOnly(app.dataDir);
    try {
      const rows = db.prepare('SELECT kind FROM session_entries WHERE session_id = ? ORDER BY recorded_at').all(sessionId) as { kind: string }[];
      expect(rows.map((r) => r.kind)).toEqual(['vitals', 'sedation']);
      const audit = db.prepare("SELECT action FROM audit_log WHERE entity = 'session' AND entity_id = ? ORDER BY rowid").all(sessionId) as { action: string }[];
      expect(audit.map((a) => a.action)).toEqual(['start', 'add-entry', 'add-entry']);
    } finally {
      db.close();
    }

    await app.restart();
    await reopenAfterRestart();
    await expect.poll(() => h.timelineTexts()).toEqual(['Level 1: Drowsy, answers normal voice', 'BP 131/82 · HR 77 · SpO₂ 98 % · RR 14']);
    await h.shot('session-21-after-restart-both-entries');
    await expectNoAxeViolations(page, 'session after restart');

    // Discharge ticks are saved with the session as they are made: a restart and a reload keep them.
    let discharge = page.getByTestId('discharge-panel');
    await discharge.getByLabel('Alert and oriented').check();
    await discharge.getByLabel('Escort present').check();
    await expect.poll(async () => (await app.api('sessions.get', { id: sessionId })).savedChecklist, { timeout: 10_000 })
      .toEqual({ oriented: true, walksSteadily: false, nauseaControlled: false, escortPresent: true, aftercareExplained: false });
    await app.restart();
    await reopenAfterRestart();
    discharge = page.getByTestId('discharge-panel');
    await expect.poll(() => discharge.getByLabel('Alert and oriented').isChecked()).toBe(true);
    expect(await discharge.getByLabel('Escort present').isChecked()).toBe(true);
    expect(await discharge.getByLabel('Walks steadily').isChecked()).toBe(false);
  });
});

describe('sessions: the start gate', () => {
  let app: E2EApp;
  let clock: MovingClock;
  let olga: Patient;
  const h = helpers(() => app);
  afterEach(keepFailure(() => app, h));
  const OVERRIDE = 'Aneurysm repaired 2019, cleared by vascular surgery; BP to be kept under 160 systolic.';

  beforeAll(async () => {
    clock = new MovingClock();
    app = await startSignedInApp({ beforeSignIn: (started) => clock.install(started.page) });
    olga = await app.api('patients.create', patientInput({ legalName: 'Olga Lind', dateOfBirth: '1990-09-09', sex: 'female', mrn: 'SE-3001', weightKg: 58 }));
    // Today's ASQ, PHQ-9 and GAD-7, the REMS enrolment and the course, so these tests see only the screening and consent reasons.
    await seedClearMeasures(app, olga.id);
    await enrollInRems(app, olga.id);
    await seedCourse(app, olga.id, 'esketamine-nasal');
  });
  afterAll(async () => {
    await app?.close();
    clock?.dispose();
  });

  const startRequest = (patientId: string) => ({
    patientId,
    plan: { route: 'esketamine-nasal' as const, deviceCount: 2 as const },
    preDose: {
      vitals: { takenAt: clock.now().toISOString(), systolic: 120, diastolic: 78, heartRate: 70, spo2: 98 },
      lastFoodAt: new Date(clock.now().getTime() - 4 * 3_600_000).toISOString(),
      lastDrinkAt: new Date(clock.now().getTime() - 2 * 3_600_000).toISOString(),
      pregnancy: 'test-negative' as const, escortArranged: true, newMedicines: false, newIllness: false, substanceUse: false,
    },
  });

  it('no screening and no consent: each reason with the way to fix it, and the store refuses too', async () => {
    const { page } = app;
    await h.openChart(olga);
    const reasons = page.getByTestId('eligibility-reasons');
    await reasons.waitFor();
    expect(await reasons.getByTestId('eligibility-reason').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([
      'no-signed-screening', 'consent-required',
    ]);
    expect(await page.getByTestId('start-session').isDisabled()).toBe(true);
    await h.shot('session-30-gate-no-screening');
    await expectNoAxeViolations(page, 'sessions tab, no screening');

    await reasons.getByRole('button', { name: 'Go to Screening' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Screening' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await reasons.getByRole('button', { name: 'Go to Printouts' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Printouts' }).getAttribute('aria-selected')).toBe('true');

    const refused = await app.apiResult('sessions.start', startRequest(olga.id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toContain('no signed screening');
  });

  it('a contraindicated screening overridden by a prescriber: the reason is shown; without consent it still cannot start', async () => {
    const { page } = app;
    await signScreening(app, olga.id, 'esketamine-nasal', { 'aneurysmal-vascular-disease': true }, OVERRIDE);
    await page.getByRole('tab', { name: 'Record' }).click();
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByTestId('override-reason').getByText(OVERRIDE).waitFor();
    const reasons = page.getByTestId('eligibility-reasons');
    expect(await reasons.getByTestId('eligibility-reason').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['consent-required']);
    await h.shot('session-31-gate-override-needs-consent');
    await expectNoAxeViolations(page, 'sessions tab, override shown, consent needed');
    const refused = await app.apiResult('sessions.start', startRequest(olga.id));
    expect(!refused.ok && refused.error.message).toContain('consent');

    await recordConsent(app, olga.id, 'esketamine-nasal');
    await page.getByRole('tab', { name: 'Record' }).click();
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByTestId('eligible').waitFor();
    await page.getByTestId('override-reason').getByText(OVERRIDE).waitFor();
    expect(await page.getByTestId('start-session').isEnabled()).toBe(true);
  });

  it('an expired screening must be repeated', async () => {
    const { page } = app;
    await clock.advance(page, 31 * 24 * 60);
    // The questionnaires of that new day, so only the screening's expiry holds the session back.
    await seedClearMeasures(app, olga.id, undefined, clock.now());
    await page.getByRole('tab', { name: 'Record' }).click();
    await page.getByRole('tab', { name: 'Sessions' }).click();
    const reasons = page.getByTestId('eligibility-reasons');
    await reasons.waitFor();
    expect(await reasons.getByTestId('eligibility-reason').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['screening-expired']);
    expect(await page.getByTestId('eligibility-summary').textContent()).toMatch(/; expired \d+ \w+ \d{4}/);
    await h.shot('session-32-gate-expired');
    await expectNoAxeViolations(page, 'sessions tab, screening expired');
    const refused = await app.apiResult('sessions.start', startRequest(olga.id));
    expect(!refused.ok && refused.error.message).toContain('expired');
  });
});
