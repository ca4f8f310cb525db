import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPER } from '../../shared/printouts';
import type { Patient } from '../../shared/schemas/patient';
import { screeningAnswers } from '../helpers/session-fixture';
import { PASSPHRASE, ROOT, countPrints, expectNoAxeViolations, printCount, patientInput, screenshot, startSignedInApp, type E2EApp, seedSessionNeeds, seedRemsAnswers, openChartTab } from './harness';

// Issue 13, "the record is the record": a finished esketamine session (a high
// pre-dose BP proceeded on, a corrected 185/105, discharge) printed from its
// record screen, read back from the PDF; the aftercare sheet printed from the
// session screen; the timeline's count. PDFs and PNG pages go to
// test-results/printouts/record-*.

const OUT = join(ROOT, 'test-results', 'printouts');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const signature = { passphrase: PASSPHRASE };

describe('the printed record and the session screen say what was recorded', () => {
  let app: E2EApp;
  let maria: Patient;
  let finishedId = '';
  let openPatient: Patient;

  async function startEsketamine(patient: Patient, extra: Record<string, unknown> = {}) {
    const draft = await app.api('screenings.create', { patientId: patient.id, plannedTreatment: 'esketamine-nasal' });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature });
    await seedSessionNeeds(app, patient.id, 'esketamine-nasal', signature);
    return app.api('sessions.start', {
      patientId: patient.id,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: minutesAgo(15), systolic: 124, diastolic: 78, heartRate: 72, spo2: 98 },
        lastFoodAt: minutesAgo(180), lastDrinkAt: minutesAgo(45), pregnancy: 'test-negative', escortArranged: true, escortName: 'Sam Ortiz',
        newMedicines: false, newIllness: false, substanceUse: false,
      },
      ...extra,
      // Proceeding on a pre-dose concern is a signed decision.
      ...('decisionReason' in extra ? { signature } : {}),
    });
  }

  const openChart = (p: Patient, tab: string) => openChartTab(app.page, p, tab);

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    app = await startSignedInApp();
    maria = await app.api('patients.create', patientInput({ legalName: 'Maria Okafor', mrn: 'RF-3001', dateOfBirth: '1988-05-12', sex: 'female' }));
    const started = await startEsketamine(maria, {
      preDose: {
        vitals: { takenAt: minutesAgo(15), systolic: 150, diastolic: 92, heartRate: 80, spo2: 98 },
        repeatVitals: { takenAt: minutesAgo(8), systolic: 146, diastolic: 90, heartRate: 78, spo2: 98 },
        lastFoodAt: minutesAgo(180), lastDrinkAt: minutesAgo(45), pregnancy: 'test-negative', escortArranged: true, escortName: 'Sam Ortiz',
        newMedicines: false, newIllness: false, substanceUse: false,
      },
      decisionReason: 'Usual BP for her on clinic days; prescriber agrees',
    });
    finishedId = started.session.id;
    await app.api('sessions.addEntry', { sessionId: finishedId, entry: { kind: 'dose-complete' } });
    const high = await app.api('sessions.addEntry', { sessionId: finishedId, entry: { kind: 'vitals', systolic: 185, diastolic: 105, heartRate: 90, spo2: 97 } });
    await app.api('sessions.amendEntry', {
      sessionId: finishedId, entryId: high.entry.id, reason: 'Cuff misread',
      entry: { kind: 'vitals', systolic: 158, diastolic: 95, heartRate: 90, spo2: 97 }, signature,
    });
    const view = await app.api('sessions.get', { id: finishedId });
    for (const a of view.alerts.filter((x) => !x.acknowledgement && !x.entrySuperseded)) {
      await app.api('sessions.acknowledgeAlert', { alertId: a.id, actionNote: 'Rechecked after rest' });
    }
    await seedRemsAnswers(app, finishedId);
    await app.api('sessions.discharge', {
      sessionId: finishedId,
      checklist: { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true },
      overrideReason: 'Transferred to the day ward for the rest of the observation', signature,
    });

    openPatient = await app.api('patients.create', patientInput({ legalName: 'Ines Duarte', mrn: 'RF-3002', dateOfBirth: '1979-09-30', sex: 'female' }));
    await startEsketamine(openPatient);
    await countPrints(app.page);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('"Print monitoring record…" opens that session’s record in Printouts, and it prints what was recorded', async () => {
    const { page } = app;
    await openChart(maria, 'Sessions');
    await page.getByTestId('session-row').getByRole('button').first().click();
    const record = page.getByTestId('session-record');
    await record.waitFor();
    // Observation says what it counts from; no "End time".
    expect(norm(await record.getByTestId('record-observation').textContent() ?? '')).toMatch(/^Observation\d+ min, from the first device \(\d\d:\d\d\) to discharge \(\d\d:\d\d\)$/);
    await record.getByRole('button', { name: 'Print monitoring record…' }).click();

    const view = page.getByRole('dialog', { name: 'Printout: Session monitoring record' });
    await view.waitFor();
    expect(await page.getByRole('tab', { name: 'Printouts' }).getAttribute('aria-selected')).toBe('true');
    await view.getByText('Escort: Sam Ortiz', { exact: false }).waitFor();
    const file = join(OUT, 'record-finished-session.pdf');
    await page.pdf({ path: file, format: PAPER.a4.pdfFormat, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, 'record-finished-session')]);
    await screenshot(page, 'record-fixes-01-monitoring-record-preview');
    await view.getByRole('button', { name: 'Close' }).click();
    await view.waitFor({ state: 'detached' });
    expect(await page.getByRole('combobox', { name: 'Session for the monitoring record' }).inputValue()).toMatch(/Esketamine$/);

    const text = norm(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    expect(text).toMatch(/Dosing started \(first device\) \d\d:\d\d/);
    expect(text).toMatch(/Last device used \d\d:\d\d/);
    expect(text).not.toContain('End time');
    expect(text).toMatch(/Times count from the first device/);
    expect(text).toMatch(/Recorded: \d\d:\d\d BP 150\/92 · HR 80 · SpO₂ 98 %; repeat \d\d:\d\d BP 146\/90/);
    expect(text).toContain('Decision to proceed: “Usual BP for her on clinic days; prescriber agrees”');
    expect(text).toMatch(/Last food \d\d:\d\d \(180 min before dosing\); last drink \d\d:\d\d \(45 min before dosing\)/);
    expect(text).toContain('Recorded: Test negative.');
    expect(text).toContain('Recorded: Escort: Sam Ortiz.');
    expect(text).toMatch(/Checked and recorded by Dr Amira Haddad at \d\d:\d\d/);
    expect(text).toMatch(/Correction by Dr Amira Haddad to the vitals entry of \d\d:\d\d: was BP 185\/105 · HR 90 · SpO₂ 97 %; now BP 158\/95 · HR 90 · SpO₂ 97 %\. Reason: Cuff misread/);
    expect(text).toMatch(/Escort present to take the patient home: Confirmed/);
    expect(text).toContain('Discharged before every item was met, because “Transferred to the day ward for the rest of the observation”');
    expect(text).toMatch(/At discharge: not assessed/);
    expect(app.consoleErrors).toEqual([]);
  });

  it('keeps the aftercare sheet’s "Next visit" when the tab is left', async () => {
    const { page } = app;
    await openChart(maria, 'Printouts');
    await page.getByLabel('Next visit').fill('Tuesday 8 December, 09:30');
    await page.getByRole('tab', { name: 'Record' }).click();
    await page.getByRole('tab', { name: 'Printouts' }).click();
    expect(await page.getByLabel('Next visit').inputValue()).toBe('Tuesday 8 December, 09:30');
  });

  it('prints the aftercare sheet from the session screen, ticking "sheet given", and counts the timeline’s rows', async () => {
    const { page } = app;
    await openChart(openPatient, 'Sessions');
    const screen = page.getByTestId('session-screen');
    await screen.waitFor({ timeout: 15_000 });
    // Pre-dose vitals and "Dosing started" are two rows, not "0 entries".
    await page.getByTestId('timeline').getByText('2 entries, newest first').waitFor({ timeout: 15_000 });
    await page.getByTestId('discharge-panel').getByText(/Minimum observation, counted from the first device, ends/).waitFor({ timeout: 15_000 });

    const panel = page.getByTestId('discharge-panel');
    const given = panel.getByLabel('Aftercare explained, sheet given');
    expect(await given.isChecked()).toBe(false);
    await panel.getByLabel('Next visit').fill('Friday 11 December, 10:00');
    await panel.getByRole('button', { name: 'Print aftercare sheet…' }).click();
    const view = page.getByRole('dialog', { name: /^Printout: After your esketamine treatment/ });
    await view.getByText('Friday 11 December, 10:00').waitFor({ timeout: 15_000 });
    await view.getByRole('button', { name: 'Print' }).click();
    await expect.poll(() => printCount(page)).toBe(1);
    await view.getByRole('button', { name: 'Close' }).click();
    await view.waitFor({ state: 'detached' });
    await expect.poll(() => given.isChecked()).toBe(true);
    // Saved with the session, as a tick is.
    await expect.poll(async () => (await app.api('sessions.get', { id: (await app.api('sessions.listForPatient', { patientId: openPatient.id }))[0]!.id })).savedChecklist?.aftercareExplained).toBe(true);
    await screenshot(page, 'record-fixes-02-session-aftercare-printed');
    await expectNoAxeViolations(page, 'session screen with aftercare print');
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});
