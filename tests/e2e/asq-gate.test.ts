import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/schemas/patient';
import { screeningAnswers } from '../helpers/session-fixture';
import {
  addClinician, expectNoAxeViolations, PASSPHRASE, patientInput, screenshot, seedClearMeasures, signWithPassphrase, startSignedInApp,
  workAs, type SignedInApp, seedSignedConsent, seedCourse, enrollInRems, openChartTab,
} from './harness';

// Issue #10 point 4 in Chromium: a positive ASQ today holds the session back
// until a prescriber signs the assessment it asks for. The questionnaires are
// seeded through questionnaires.record; the gate, the nurse's view, the
// prescriber's signing and the record are the app's own.

const CLINIC_LINE = 'Northside Clinic crisis line 555-0100';
const NATIONAL_LINE = 'National crisis line 555-0199';
const NOTE = 'Seen in person at 09:40. Passive thoughts last week, none now; no plan or intent. Safety plan reviewed with partner present.';
const signature = { passphrase: PASSPHRASE };

const openSessionsTab = (page: Page, p: Patient) => openChartTab(page, p, 'Sessions');

const startRequest = (patientId: string) => {
  const now = Date.now();
  return {
    patientId,
    plan: { route: 'esketamine-nasal' as const, deviceCount: 2 as const },
    preDose: {
      vitals: { takenAt: new Date(now).toISOString(), systolic: 120, diastolic: 78, heartRate: 70, spo2: 98 },
      lastFoodAt: new Date(now - 4 * 3_600_000).toISOString(),
      lastDrinkAt: new Date(now - 2 * 3_600_000).toISOString(),
      pregnancy: 'test-negative' as const,
      escortArranged: true, escortName: 'Marc Lind',
      newMedicines: false, newIllness: false, substanceUse: false,
    },
  };
};

describe('suicide-risk gate: a positive ASQ blocks the session until a prescriber signs the assessment', () => {
  let app: SignedInApp;
  let nurseId: string;
  let patient: Patient;

  beforeAll(async () => {
    app = await startSignedInApp();
    nurseId = (await addClinician(app, { name: 'Sam Okafor', credentials: 'RN', role: 'nurse' })).id;
    await app.api('settings.update', { settings: { clinicCrisisLine: CLINIC_LINE, nationalCrisisLine: NATIONAL_LINE } });
    patient = await app.api('patients.create', patientInput({ legalName: 'Rosa Lind', mrn: 'ASQ-1001', weightKg: 64 }));
    const draft = await app.api('screenings.create', { patientId: patient.id, plannedTreatment: 'esketamine-nasal' });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature });
    await seedSignedConsent(app, patient.id, 'esketamine-nasal');
    await seedCourse(app, patient.id, 'esketamine-nasal');
    await enrollInRems(app, patient.id);
    // Positive, acute: question 5 answered yes.
    await seedClearMeasures(app, patient.id, ['yes', 'no', 'no', 'no', 'yes']);
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && app) {
      if (app.consoleErrors.length) console.error(app.consoleErrors.join('\n'));
      await screenshot(app.page, `asq-failed-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}`).catch(() => undefined);
    }
  });

  it('a nurse sees the block, the ASQ’s action and the crisis lines, and cannot sign or start', async () => {
    await workAs(app, nurseId);
    const { page } = app;
    await openSessionsTab(page, patient);
    const reasons = page.getByTestId('eligibility-reasons');
    await reasons.waitFor();
    expect(await reasons.getByTestId('eligibility-reason').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['asq-positive-acute']);
    expect(await page.getByTestId('start-session').isDisabled()).toBe(true);
    const panel = page.getByTestId('suicide-risk-panel');
    await panel.getByTestId('asq-action').getByText(/STAT safety evaluation, is kept in sight/).waitFor();
    await panel.getByTestId('crisis-resources').getByText(CLINIC_LINE).waitFor();
    await panel.getByTestId('crisis-resources').getByText(NATIONAL_LINE).waitFor();
    await panel.getByTestId('assessment-needs-prescriber').getByText('A prescriber must document the STAT safety evaluation before this session can start.').waitFor();
    expect(await panel.getByTestId('assessment-form').count()).toBe(0);
    await screenshot(page, 'asq-01-nurse-blocked');
    await expectNoAxeViolations(page, 'sessions tab, positive ASQ, nurse');

    // The server refuses what the screen does not offer.
    const questionnaireId = (await app.api('sessions.eligibility', { patientId: patient.id })).suicideRisk.awaiting!.questionnaireId;
    expect(await app.apiResult('safetyAssessments.record', { questionnaireId, outcome: 'proceed-today', note: NOTE, resourcesGiven: true, signature }))
      .toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only a prescriber may do this.' } });
    const refused = await app.apiResult('sessions.start', startRequest(patient.id));
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toContain('STAT safety evaluation');
  });

  it('a prescriber signs the STAT safety evaluation; the session can then start, and its record carries the decision', async () => {
    await workAs(app, app.clinician.id);
    const { page } = app;
    await openSessionsTab(page, patient);
    const form = page.getByTestId('assessment-form');
    await form.waitFor();
    // Nothing chosen yet: the form says what is missing and sends nothing.
    await form.getByRole('button', { name: 'Sign STAT safety evaluation' }).click();
    await form.getByText('Choose the outcome of the assessment.').waitFor();
    await form.getByRole('radio', { name: 'Safe to proceed with today’s session' }).check();
    await form.getByLabel('Assessment note').fill(NOTE);
    await form.getByRole('checkbox', { name: /Resource list given to the patient/ }).check();
    await screenshot(page, 'asq-02-prescriber-form');
    await expectNoAxeViolations(page, 'sessions tab, assessment form');
    await form.getByRole('button', { name: 'Sign STAT safety evaluation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign electronically' });
    await dialog.getByText('documented a STAT safety evaluation of a positive ASQ (outcome: Safe to proceed with today’s session)').waitFor();
    await signWithPassphrase(page);

    await page.getByTestId('eligible').waitFor();
    const assessment = page.getByTestId('suicide-risk-panel').getByTestId('safety-assessment');
    await assessment.getByText('STAT safety evaluation', { exact: true }).waitFor();
    await assessment.getByTestId('signature-line').getByText(/Signed electronically by Dr Amira Haddad, MD \(prescriber\)/).waitFor();
    expect(await page.getByTestId('start-session').isEnabled()).toBe(true);
    await screenshot(page, 'asq-03-assessed-eligible');
    await expectNoAxeViolations(page, 'sessions tab, assessment signed');

    const started = await app.api('sessions.start', startRequest(patient.id));
    const record = await app.api('sessions.record', { id: started.session.id });
    expect(record.safetyChecks).toMatchObject({
      asq: { result: 'positive-acute' },
      assessment: { kind: 'stat-safety-evaluation', outcome: 'proceed-today', note: NOTE, recordedByName: 'Dr Amira Haddad' },
      phq9: { band: 'minimal' }, gad7: { band: 'minimal' },
    });
    expect(record.safetyChecks!.assessment!.signatures.map((s) => s.meaning)).toEqual([
      'documented a STAT safety evaluation of a positive ASQ (outcome: Safe to proceed with today’s session)',
    ]);
  });
});
