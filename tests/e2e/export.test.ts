import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHQ9 } from '../../shared/measures';
import { fhirErrors, fhirValidator } from '../helpers/fhir-schema';
import { screeningAnswers } from '../helpers/session-fixture';
import {
  expectNoAxeViolations, PASSPHRASE, patientInput, ROOT, screenshot, startSignedInApp, workAs, type SignedInApp,
  seedSessionNeeds,
} from './harness';

// Export from the screens: a patient's FHIR Bundle from the chart (saved as a
// download, validated against the official R4 schema and left in
// test-results/exports/), and the clinic's CSV from Settings; the front desk is
// offered neither.

const OUT = join(ROOT, 'test-results', 'exports');

describe('export: FHIR from the chart, CSV from Settings', () => {
  let app: SignedInApp;
  let patientId = '';

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    app = await startSignedInApp({ colleagues: [{ name: 'Sam Front', credentials: '', role: 'front-desk' }] });
    const patient = await app.api('patients.create', patientInput({
      legalName: 'Nadia Export', mrn: 'EXP-1', allergyStatus: 'recorded', allergies: 'Latex', weightKg: 70,
    }));
    patientId = patient.id;
    const signature = { passphrase: PASSPHRASE };
    await seedSessionNeeds(app, patientId, 'esketamine-nasal');
    const draft = await app.api('screenings.create', { patientId, plannedTreatment: 'esketamine-nasal' });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature });
    const now = new Date().toISOString();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const session = await app.api('sessions.start', {
      patientId,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: now, systolic: 124, diastolic: 78, heartRate: 70, spo2: 98 },
        lastFoodAt: hoursAgo(10), lastDrinkAt: hoursAgo(10), pregnancy: 'test-negative', escortArranged: true,
        newMedicines: false, newIllness: false, substanceUse: false,
      },
    });
    await app.api('sessions.addEntry', { sessionId: session.session.id, at: session.session.startedAt, entry: { kind: 'vitals', systolic: 150, diastolic: 88, heartRate: 84, spo2: 97, respiratoryRate: 14 } });
    await app.api('questionnaires.record', {
      patientId, mode: 'read-aloud', takenAt: hoursAgo(1).replace(/\.\d{3}Z$/, 'Z'),
      answers: { instrument: 'phq9', items: Object.fromEntries(PHQ9.items.map((i) => [i.id, 2])), difficulty: 1 },
    });
    fhirValidator();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('exports the patient’s FHIR Bundle from the chart; it is valid R4 and lands in test-results/exports', async () => {
    const { page } = app;
    await page.evaluate((id) => { location.hash = `#/patient/${id}/record`; }, patientId);
    const exportButton = page.getByRole('button', { name: 'Export (FHIR)' });
    await exportButton.waitFor();
    await screenshot(page, '90-export-chart-button');
    await expectNoAxeViolations(page, 'chart with export');

    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^ketadesk-fhir-EXP-1-\d{4}-\d\d-\d\d\.json$/);
    const file = join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByText('Exported', { exact: true }).waitFor();

    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    expect(fhirErrors(bundle).slice(0, 10)).toEqual([]);
    const types = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
    for (const t of ['Patient', 'AllergyIntolerance', 'Encounter', 'MedicationAdministration', 'Observation', 'QuestionnaireResponse', 'Consent', 'Provenance', 'Practitioner']) {
      expect(types).toContain(t);
    }
    const audit = await app.api('audit.verify', {});
    expect(audit.ok).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });

  it('exports the sessions CSV from Settings for an administrator', async () => {
    const { page } = app;
    await page.evaluate(() => { location.hash = '#/settings'; });
    const section = page.getByRole('region', { name: 'Export clinic data' });
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, '91-export-settings-section', { viewport: true });
    await expectNoAxeViolations(page, 'settings with export');

    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Sessions (CSV)' }).click()]);
    const file = join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').split('\r\n');
    expect(lines[0]).toBe('MRN,Date,Route,Dose (mg),Devices,Dose (mg/kg),Started (UTC),Dosing ended (UTC),Discharged (UTC),Max systolic (mmHg),Diastolic at max (mmHg),Alerts,Discharge');
    expect(lines[1]).toMatch(/^EXP-1,\d{4}-\d\d-\d\d,Esketamine nasal spray,56,2,,.*,150,88,\d+,Open$/);
  });

  it('offers the front desk neither export', async () => {
    const { page } = app;
    await workAs(app, app.colleagues[0]!.id);
    await page.evaluate((id) => { location.hash = `#/patient/${id}/record`; }, patientId);
    await page.getByRole('button', { name: 'Amend record' }).waitFor();
    expect(await page.getByRole('button', { name: 'Export (FHIR)' }).count()).toBe(0);
    await page.evaluate(() => { location.hash = '#/settings'; });
    const section = page.getByRole('region', { name: 'Export clinic data' });
    await section.getByTestId('not-allowed').waitFor();
    expect(await section.getByRole('button').count()).toBe(0);
    const refused = await app.apiResult('export.fhirPatient', { patientId });
    expect(refused.ok).toBe(false);
  });
});
