import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations, openDatabaseReadOnly, screenshot, seedPatient, signWithPassphrase, startSignedInApp, workAgainAfterRestart, type SignedInApp,
} from './harness';

// A save the clinician saw confirmed survives the process being killed at once
// (SIGKILL: no shutdown code runs), both in the database file and in the app
// after it starts again on the same data. Each test kills its own app's server.

describe('a confirmed save survives SIGKILL', () => {
  let app: SignedInApp;
  beforeEach(async () => {
    app = await startSignedInApp();
  });
  afterEach(async () => {
    await app?.close();
  });

  it('create: killed right after the chart appears, the record is on disk and found after restart', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByLabel('Legal name').fill('Kilian Crash');
    await page.getByLabel('MRN').fill('CR-1');
    await page.getByLabel('Date of birth').fill('1966-06-06');
    await page.getByLabel('Male', { exact: true }).check();
    await page.getByLabel('Weight (kg)').fill('90');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: 'Kilian Crash', level: 1 }).waitFor();
    await app.killServer();

    const db = await openDatabaseReadOnly(app.dataDir);
    try {
      const row = db.prepare('SELECT legal_name, mrn, weight_kg, version FROM patients WHERE mrn = ?').get('CR-1');
      expect(row).toEqual({ legal_name: 'Kilian Crash', mrn: 'CR-1', weight_kg: 90, version: 1 });
      const audit = db.prepare("SELECT action FROM audit_log WHERE entity = 'patient'").all();
      expect(audit).toEqual([{ action: 'create' }]);
    } finally {
      db.close();
    }

    await app.restart();
    // The records open only with a passphrase, so a restart asks for a sign-in.
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await screenshot(page, '50-after-restart-sign-in');
    await expectNoAxeViolations(page, 'sign-in after restart');
    await workAgainAfterRestart(app);
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('cr-1');
    await expect.poll(() => page.locator('#patient-results tbody tr').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search patients' }).press('Enter');
    await page.getByRole('heading', { name: 'Kilian Crash', level: 1 }).waitFor();
    expect(await page.getByTestId('fact-weight').textContent()).toBe('90 kg');
  });

  it('amend: killed right after "Amendment saved", the new version and its audit row survive', async () => {
    const { page } = app;
    await seedPatient(app, { legalName: 'Kilian Crash', mrn: 'CR-1', dateOfBirth: '1966-06-06', sex: 'male', weightKg: 90 });
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('cr-1');
    await expect.poll(() => page.locator('#patient-results tbody tr').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search patients' }).press('Enter');
    await page.getByRole('heading', { name: 'Kilian Crash', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Amend record' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Weight (kg)').fill('87.5');
    await dialog.getByLabel('Reason for amendment').fill('Weighed on calibrated scale');
    await dialog.getByRole('button', { name: 'Save amendment' }).click();
    await signWithPassphrase(page);
    await page.getByText('Amendment saved').waitFor();
    await app.killServer();

    const db = await openDatabaseReadOnly(app.dataDir);
    try {
      expect(db.prepare('SELECT weight_kg, version FROM patients WHERE mrn = ?').get('CR-1')).toEqual({ weight_kg: 87.5, version: 2 });
      const amend = db.prepare("SELECT reason, before_json, after_json FROM audit_log WHERE action = 'amend'").get() as {
        reason: string;
        before_json: string;
        after_json: string;
      };
      expect(amend.reason).toBe('Weighed on calibrated scale');
      expect(JSON.parse(amend.before_json).weightKg).toBe(90);
      expect(JSON.parse(amend.after_json).weightKg).toBe(87.5);
    } finally {
      db.close();
    }

    await app.restart();
    await workAgainAfterRestart(app);
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('kilian');
    await expect.poll(() => page.locator('#patient-results tbody tr').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Kilian Crash', level: 1 }).waitFor();
    expect(await page.getByTestId('fact-weight').textContent()).toBe('87.5 kg');
    await page.getByRole('tab', { name: /History/ }).click();
    const newest = page.getByTestId('history-entry').first();
    expect(await newest.getByTestId('history-reason').textContent()).toBe('Reason: Weighed on calibrated scale');
    expect(await newest.locator('tr[data-field="weightKg"] [data-testid="before"]').textContent()).toBe('90 kg');
    expect((await app.api('audit.verify', {})).ok).toBe(true);
  });
});
