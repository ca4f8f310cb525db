// A whole esketamine session ending in its REMS Patient Monitoring Form: the
// patient enrolled on the chart, the form's answers recorded at the chair
// (lots by "scanner"), discharge, the form printed on one page to PDF and PNG
// in test-results/printouts/, then marked submitted on the REMS forms screen,
// which the session's monitoring record then states. The session's two hours
// pass on the moving test clock (./moving-clock.ts).

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFileName } from '../../shared/printouts/file-name';
import type { Patient } from '../../shared/schemas/patient';
import { screeningAnswers } from '../helpers/session-fixture';
import {
  expectNoAxeViolations, PASSPHRASE, patientInput, ROOT, screenshot, seedSignedScreening, startSignedInApp, type SignedInApp,
  seedSignedConsent, seedClearMeasures, seedCourse,
} from './harness';
import { MovingClock } from './moving-clock';
import { answerRemsAtChair } from './rems-steps';

const OUT = join(ROOT, 'test-results', 'printouts');
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const ALL = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };

describe('esketamine REMS: enrolment, answers at the chair, printed form, marked submitted', () => {
  let app: SignedInApp;
  let clock: MovingClock;
  let rosa: Patient;
  let sessionId = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    clock = new MovingClock();
    app = await startSignedInApp({ beforeSignIn: (started) => clock.install(started.page) });
    await app.api('settings.update', {
      settings: {
        clinicName: 'Harbour Mood Clinic', clinicAddress: '12 Quay Street, Port Ellis', remsClinicianPhone: '+1 555 0100',
        remsClinicianEmail: 'rems@harbour.example',
      },
    });
    rosa = await app.api('patients.create', patientInput({ legalName: 'Rosa Delgado', dateOfBirth: '1979-05-12', sex: 'female', mrn: 'RM-4001', weightKg: 66 }));
    const { plannedTreatment: _t, ...answers } = screeningAnswers('esketamine-nasal');
    await seedSignedScreening(app, rosa.id, 'esketamine-nasal', {
      answers: { ...answers, medications: [{ name: 'lorazepam', class: 'benzodiazepine' }] },
    }, { acknowledgedRuleIds: ['CA-MED-BENZODIAZEPINE'] });
    // Everything but the REMS enrolment, which the first test records on the chart.
    await seedSignedConsent(app, rosa.id, 'esketamine-nasal');
    await seedClearMeasures(app, rosa.id);
    await seedCourse(app, rosa.id, 'esketamine-nasal');
  });
  afterAll(async () => {
    await app?.close();
    clock?.dispose();
  });

  it('refuses the session until the patient is enrolled; enrolment is recorded on the chart', async () => {
    const { page } = app;
    const refused = await app.apiResult('sessions.eligibility', { patientId: rosa.id, route: 'esketamine-nasal' });
    expect(refused.ok && refused.data.reasons.map((r) => r.code)).toEqual(['rems-enrollment-required']);
    await page.evaluate((id) => { window.location.hash = `#/patient/${id}/record`; }, rosa.id);
    const panel = page.getByTestId('rems-enrollment');
    await panel.getByRole('button', { name: 'Record enrolment' }).click();
    await panel.locator('#rems-enrolled-on').fill(minutesAgo(60 * 24 * 3).slice(0, 10));
    await panel.getByRole('button', { name: 'Save enrolment' }).click();
    await panel.getByTestId('rems-enrollment-status').getByText(/^Enrolled on/).waitFor();
    await screenshot(page, 'rems-01-enrolment');
    await expectNoAxeViolations(page, 'chart record tab with REMS enrolment');
  });

  it('records the form’s answers at the chair; discharge waits for them', async () => {
    const { page } = app;
    const server = () => clock.now().toISOString();
    const hoursBefore = (h: number) => new Date(clock.now().getTime() - h * 3_600_000).toISOString();
    const started = await app.api('sessions.start', {
      patientId: rosa.id,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: server(), systolic: 122, diastolic: 78, heartRate: 70, spo2: 98 },
        lastFoodAt: hoursBefore(5), lastDrinkAt: hoursBefore(3),
        pregnancy: 'test-negative', escortArranged: true, newMedicines: false, newIllness: false, substanceUse: false,
      },
    });
    sessionId = started.session.id;
    const add = (entry: object) => app.api('sessions.addEntry', { sessionId, at: server(), entry: entry as never });
    await clock.advance(page, 5);
    await add({ kind: 'dose-complete' });
    await clock.advance(page, 35);
    await add({ kind: 'vitals', systolic: 138, diastolic: 86, heartRate: 78, spo2: 97 });
    await clock.advance(page, 78);
    await add({ kind: 'vitals', systolic: 124, diastolic: 80, heartRate: 70, spo2: 98 });
    await add({ kind: 'sedation', level: 0 });
    await add({ kind: 'dissociation', level: 'none' });
    const early = await app.apiResult('sessions.discharge', { sessionId, checklist: ALL, overrideReason: 'Leaving', signature: { passphrase: PASSPHRASE } });
    expect(!early.ok && early.error.message).toMatch(/REMS form answers recorded/);

    await page.evaluate(([p, s]) => { window.location.hash = `#/patient/${p}/sessions/${s}`; }, [rosa.id, sessionId]);
    const panel = page.getByTestId('rems-panel');
    await panel.waitFor();
    // Pre-filled from the screening's lorazepam, waiting for the clinician to confirm.
    await panel.getByText(/Pre-filled from the signed screening \(lorazepam\)/).waitFor();
    await answerRemsAtChair(page, ['LOT-24A17', 'LOT-24A18'], 95);
    await screenshot(page, 'rems-02-session-answers');
    await expectNoAxeViolations(page, 'esketamine session with REMS answers');
    await page.getByTestId('readiness-rems-answers').and(page.locator('[data-met="true"]')).waitFor();

    await clock.advance(page, 12);
    await app.api('sessions.discharge', { sessionId, checklist: ALL, overrideReason: null, signature: { passphrase: PASSPHRASE } });
    const saved = await app.api('rems.session', { sessionId });
    expect(saved.answers?.lots.map((l) => l.lot)).toEqual(['LOT-24A17', 'LOT-24A18']);
    expect(saved.answers?.concomitant).toEqual({ benzodiazepines: true, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false });
    expect(saved.totalMinutes).toBeGreaterThanOrEqual(130);
  });

  it('lists the form as due, prints it on one page in the form’s order, and marks it submitted', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'REMS forms' }).click();
    const row = page.getByTestId(`rems-form-${sessionId}`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('due');
    await screenshot(page, 'rems-03-forms-due');
    await expectNoAxeViolations(page, 'REMS forms list');

    await row.getByRole('button', { name: /^Print form/ }).click();
    const view = page.getByRole('dialog', { name: 'Printout: REMS Patient Monitoring Form' });
    await view.waitFor();
    const form = await app.api('rems.form', { sessionId });
    const name = documentFileName('rems-form', rosa.mrn, form.treatmentDate).replace(/\.pdf$/, '');
    expect(name).toContain('rems');
    const file = join(OUT, `${name}.pdf`);
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', file, join(OUT, name)]);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    const text = pdfText(file);
    for (const expected of [
      'First name Rosa', 'Last name Delgado', 'Benzodiazepines Yes', 'Psychostimulants No', 'Clinician name Dr Amira Haddad',
      '+1 555 0100', 'rems@harbour.example', 'Harbour Mood Clinic', '56 mg', 'LOT-24A17, LOT-24A18',
      `${form.totalMinutes} minutes`, 'ready to leave after 95 minutes', 'Acceptable before the dose Yes', '122/78 mmHg', '138/86 mmHg', '124/80 mmHg',
      'Sedation No', 'Dissociation No', 'Respiratory depression No',
    ]) expect(text).toContain(expected);
    const order = ['1. Patient', '2. Concomitant', '3. Monitoring clinician', '4. Treatment session', '5. Vital signs', '6. During the session'].map((h) => text.indexOf(h));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    await view.getByRole('button', { name: 'Close' }).click();
    await view.waitFor({ state: 'detached' });

    await row.getByRole('button', { name: /^Mark submitted/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark the REMS form submitted' });
    await dialog.locator('#rems-confirmation').fill('FAX 0042');
    await expectNoAxeViolations(page, 'mark submitted dialog');
    await dialog.getByRole('button', { name: 'Mark submitted' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.getAttribute('data-status')).toBe('submitted');
    await row.getByText(/by Dr Amira Haddad, confirmation FAX 0042/).waitFor();
    await screenshot(page, 'rems-04-submitted');
    // Marked, it is no longer among the forms to submit.
    const due = await app.api('rems.formsDue', {});
    expect(due.filter((f) => f.status !== 'submitted').map((f) => f.sessionId)).not.toContain(sessionId);
  });

  it('the session’s monitoring record states its REMS form as recorded, with no box to tick', async () => {
    const { page } = app;
    await page.evaluate((id) => { window.location.hash = `#/patient/${id}/printouts`; }, rosa.id);
    await page.getByTestId('printouts-panel').waitFor();
    await page.getByRole('combobox', { name: 'Session for the monitoring record' }).click();
    await page.getByRole('option', { name: /Esketamine/ }).click();
    await page.getByRole('button', { name: 'Preview Session monitoring record' }).click();
    const view = page.getByRole('dialog', { name: /^Printout:/ });
    await view.getByText(/^REMS form answers/).waitFor();
    const submission = (await app.api('rems.form', { sessionId })).submission!;
    const name = `monitoring-record-rems-${rosa.mrn}`;
    const file = join(OUT, `${name}.pdf`);
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '70', file, join(OUT, name)]);
    const text = pdfText(file);
    expect(text).toContain('REMS form answers Complete');
    expect(text).toMatch(new RegExp(`REMS form Submitted on \\d+ \\w+ \\d{4} by ${submission.submittedBy}, confirmation FAX 0042`));
    expect(text).not.toMatch(/form completed/i);
    await view.getByRole('button', { name: 'Close' }).click();
    await view.waitFor({ state: 'detached' });
  });
});
