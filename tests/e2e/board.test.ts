import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CLOCK_ENV } from '../../electron/test-clock';
import { CONSENT_FORM } from '../../shared/printouts/consent';
import type { Patient } from '../../shared/schemas/patient';
import { preDoseInput, REMS_ANSWERS, screeningAnswers } from '../helpers/session-fixture';
import {
  PASSPHRASE, enrollInRems, expectNoAxeViolations, screenshot, seedClearMeasures, seedCourse, seedPatient, seedSessionNeeds,
  startSignedInApp, type SignedInApp,
} from './harness';

// Today's board in Chromium: a day seeded through the API (an esketamine
// session nine days ago whose REMS form is now overdue, an IV session in
// progress with an open alert, a course due today with no consent), then
// what the clinician sees on the first screen, and where each line leads.
// The server's clock is moved with the opt-in test clock file (as in
// sessions.test.ts) so the past session can be recorded as it happened.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ALL_TICKED = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };
const signature = { passphrase: PASSPHRASE };

/** The server's time as an offset from the real time, written where the server reads it on every call. */
class ServerClock {
  readonly dir = mkdtempSync(join(tmpdir(), 'ketadesk-board-clock-'));
  readonly file = join(this.dir, 'clock');
  private offsetMs = 0;

  constructor() {
    this.set(0);
    process.env[TEST_CLOCK_ENV] = this.file;
  }

  set(offsetMs: number) {
    this.offsetMs = offsetMs;
    writeFileSync(this.file, `${offsetMs < 0 ? '-' : '+'}${Math.abs(offsetMs)}`);
  }

  advance(ms: number) {
    this.set(this.offsetMs + ms);
  }

  now(plusMs = 0) {
    return new Date(Date.now() + this.offsetMs + plusMs).toISOString();
  }

  dispose() {
    delete process.env[TEST_CLOCK_ENV];
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('today’s board', () => {
  const clock = new ServerClock();
  let app: SignedInApp;
  let rosa: Patient;
  let ben: Patient;
  let noor: Patient;
  let remsSessionId: string;
  let openSessionId: string;

  async function signScreening(patientId: string, route: 'esketamine-nasal' | 'iv-ketamine') {
    const draft = await app.api('screenings.create', { patientId, plannedTreatment: route });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers(route) });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature });
  }

  /** Starts a session a minute after its screening was signed, at the server's now. */
  async function startSession(patientId: string, plan: { route: 'esketamine-nasal'; deviceCount: 2 } | { route: 'iv-ketamine'; mgPerKg: number; concentrationMgPerMl: number }) {
    clock.advance(MINUTE);
    const at = (ms: number) => clock.now(ms);
    const started = await app.api('sessions.start', {
      patientId, startedAt: at(0), plan, location: plan.route === 'iv-ketamine' ? 'Chair 3' : null,
      preDose: preDoseInput({ vitals: { takenAt: at(-5 * MINUTE), systolic: 120, diastolic: 80, heartRate: 72, spo2: 98 }, lastFoodAt: at(-480 * MINUTE), lastDrinkAt: at(-180 * MINUTE) }),
    });
    return started.session;
  }

  beforeAll(async () => {
    // Nine days ago: Rosa's esketamine session, observed two hours and discharged; its REMS form was due two days ago.
    clock.set(-9 * DAY);
    app = await startSignedInApp();
    rosa = await seedPatient(app, { legalName: 'Rosa Delgado', mrn: 'MRN-B001', dateOfBirth: '1979-04-12' });
    await enrollInRems(app, rosa.id);
    await seedClearMeasures(app, rosa.id, undefined, new Date(clock.now(-MINUTE)));
    await app.api('consents.recordSigned', {
      patientId: rosa.id, formVersion: CONSENT_FORM.version, plannedTreatment: 'esketamine-nasal', witnessName: 'Jo Witness', signedAt: clock.now(-1000), signature,
    });
    await seedCourse(app, rosa.id, 'esketamine-nasal');
    await signScreening(rosa.id, 'esketamine-nasal');
    const past = await startSession(rosa.id, { route: 'esketamine-nasal', deviceCount: 2 });
    remsSessionId = past.id;
    const from = Date.parse(past.startedAt);
    const at = (minutes: number) => new Date(from + minutes * MINUTE).toISOString();
    await app.api('rems.saveSession', { sessionId: past.id, ...REMS_ANSWERS, lots: REMS_ANSWERS.lots.map(({ lot }) => ({ lot, at: at(0) })) });
    clock.advance(130 * MINUTE);
    const add = (minutes: number, entry: object) => app.api('sessions.addEntry', { sessionId: past.id, at: at(minutes), entry: entry as never });
    await add(5, { kind: 'dose-complete' });
    await add(118, { kind: 'vitals', systolic: 124, diastolic: 80, heartRate: 70, spo2: 98 });
    await add(118, { kind: 'sedation', level: 0 });
    await add(118, { kind: 'dissociation', level: 'none' });
    await app.api('sessions.discharge', { sessionId: past.id, checklist: ALL_TICKED, overrideReason: null, signature });

    // Today: Noor's IV course is due, but she has not signed a consent.
    clock.set(0);
    noor = await seedPatient(app, { legalName: 'Noor Said', mrn: 'MRN-B002', dateOfBirth: '1985-09-30', weightKg: 64 });
    await seedCourse(app, noor.id, 'iv-ketamine');

    // Ben's IV session started 25 minutes ago; a raised blood pressure at 20 minutes is not yet acknowledged.
    ben = await seedPatient(app, { legalName: 'Ben Okafor', mrn: 'MRN-B003', dateOfBirth: '1972-01-20', weightKg: 82 });
    await seedSessionNeeds(app, ben.id, 'iv-ketamine');
    await signScreening(ben.id, 'iv-ketamine');
    const open = await startSession(ben.id, { route: 'iv-ketamine', mgPerKg: 0.5, concentrationMgPerMl: 10 });
    openSessionId = open.id;
    clock.advance(25 * MINUTE);
    await app.api('sessions.addEntry', {
      sessionId: open.id, at: new Date(Date.parse(open.startedAt) + 20 * MINUTE).toISOString(),
      entry: { kind: 'vitals', systolic: 184, diastolic: 112, heartRate: 96, spo2: 97 } as never,
    });
    // The first screen after signing in, as the clinician sees it.
    await app.open(null);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    clock.dispose();
  });

  it('is the first screen, shows the clinic’s day by section, fits 1366×768 and passes axe', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Today', level: 1 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Today' }).getAttribute('aria-current')).toBe('page');

    const session = page.getByTestId(`board-session-${openSessionId}`);
    await session.waitFor();
    const sessionText = await session.textContent();
    expect(sessionText).toContain('Chair 3 · Ben Okafor');
    expect(sessionText).toMatch(/IV ketamine · dosed \d\d:\d\d, 2[5-7] min ago/);
    // Four findings from one reading (two limits, two rises): the first in words, the rest counted.
    expect(sessionText).toContain('4 open alerts: Systolic 184 mmHg is above the alert limit of 180 mmHg, and 3 more');
    expect(await session.getAttribute('data-urgent')).toBe('true');

    const planned = page.getByTestId('board-planned');
    expect(await planned.getByRole('listitem').filter({ hasText: 'Noor Said' }).textContent()).toContain('Due today');
    expect(await planned.getByRole('listitem').filter({ hasText: 'Rosa Delgado' }).textContent()).toMatch(/Overdue \d+ days?/);
    expect(await planned.textContent()).not.toContain('Ben Okafor');

    const consent = page.getByTestId(`board-consent-${noor.id}`);
    expect(await consent.textContent()).toContain('No signed consent');
    expect(await page.getByTestId('board-consents').textContent()).not.toContain('Rosa Delgado');

    const form = page.getByTestId(`board-rems-${remsSessionId}`);
    expect(await form.textContent()).toMatch(/Rosa Delgado.*Overdue.*2 days overdue/);

    await page.getByTestId('board-screenings').getByText(/No screening of a patient due in the next 7 days expires before then/).waitFor();
    await page.getByTestId('board-backup').getByText('No backup folder chosen').waitFor();

    // No horizontal scrolling at 1366×768.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'board-01-today', { viewport: true });
    await screenshot(page, 'board-02-today-full');
    await expectNoAxeViolations(page, 'today’s board');
  });

  it('opens where each line is acted on, by keyboard too', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: 'Main' });

    // Keyboard: the session line is a button; Enter opens the session screen.
    await page.getByTestId(`board-session-${openSessionId}`).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('session-screen').waitFor();
    expect(page.url()).toContain(`#/patient/${ben.id}/sessions/${openSessionId}`);

    await nav.getByRole('button', { name: 'Today' }).click();
    await page.getByTestId(`board-rems-${remsSessionId}`).click();
    await page.getByRole('heading', { name: 'REMS Patient Monitoring Forms', level: 1 }).waitFor();

    await nav.getByRole('button', { name: 'Today' }).click();
    await page.getByTestId(`board-consent-${noor.id}`).click();
    await page.getByRole('heading', { name: 'Noor Said', level: 1 }).waitFor();
    expect(page.url()).toContain(`#/patient/${noor.id}/printouts`);

    await nav.getByRole('button', { name: 'Today' }).click();
    await page.getByTestId('board-planned').getByRole('listitem').filter({ hasText: 'Rosa Delgado' }).getByRole('button').click();
    await page.getByRole('heading', { name: 'Rosa Delgado', level: 1 }).waitFor();
    expect(page.url()).toContain(`#/patient/${rosa.id}/course`);

    // The patient list is one click away, as before.
    await nav.getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('searchbox', { name: 'Search patients' }).waitFor();
  });

  it('reads the day again when the window regains focus, keeping what it shows meanwhile', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Today' }).click();
    const form = page.getByTestId(`board-rems-${remsSessionId}`);
    await form.waitFor();
    await app.api('rems.markSubmitted', { sessionId: remsSessionId, submittedOn: clock.now().slice(0, 10), submittedBy: 'Pat Office', confirmation: 'RX-1' });
    // Nothing changes until the board reads again: the form is still listed.
    expect(await form.isVisible()).toBe(true);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByTestId('board-rems').getByText('No REMS form is waiting to be submitted.').waitFor();
    await form.waitFor({ state: 'detached' });
  });
});
