import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  PASSPHRASE,
  patientInput,
  screenshot,
  startSignedInApp,
  type E2EApp,
  signWithPassphrase,
} from './harness';

// The main path: add a patient on the form, find them again by name (accents
// and case ignored), MRN and date of birth, open the chart, amend it with a
// reason, and read the amendment back in the history.

describe('patient: create, find, chart, amend, history', () => {
  let app: E2EApp;
  let zoeId = '';

  beforeAll(async () => {
    app = await startSignedInApp();
    // Near misses for the searches below.
    await app.api('patients.create', patientInput({ legalName: 'Zoe Anders', mrn: 'KD-2001', dateOfBirth: '1990-01-20' }));
    await app.api('patients.create', patientInput({ legalName: 'Peter Angstrom', mrn: 'KD-2002', dateOfBirth: '1985-07-02', sex: 'male' }));
    await app.api('patients.create', patientInput({ legalName: 'Maria da Silva', preferredName: 'Mia', mrn: 'MRN 7', dateOfBirth: '2001-11-30' }));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('adds a patient from the form; Enter saves and opens the chart', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByRole('heading', { name: 'New patient', level: 1 }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-patient-legalName');
    await screenshot(page, '10-patient-form-empty');
    await expectNoAxeViolations(page, 'empty patient form');

    await page.getByLabel('Legal name').fill('Zoë Ångström');
    await page.getByLabel('Preferred name').fill('Zo');
    await page.getByLabel('Date of birth').fill('1985-07-02');
    await page.getByLabel('Female').check();
    await page.getByLabel('Weight (kg)').fill('64.5');
    await page.getByLabel('Height (cm)').fill('168');
    await page.getByLabel('Has allergies').check();
    await page.getByLabel('Allergy details').fill('Penicillin – rash');
    await page.getByLabel('Emergency contact name').fill('Lars Ångström');
    await page.getByLabel('Emergency contact phone').fill('+46 70 123 45 67');
    await page.getByLabel('Notes', { exact: true }).fill('Referred by Dr Berg for treatment-resistant depression.');
    await page.getByLabel('MRN').fill('KD-1001');
    await screenshot(page, '11-patient-form-filled');
    await page.getByLabel('MRN').press('Enter');

    await page.getByRole('heading', { name: 'Zoë Ångström', level: 1 }).waitFor();
    await page.getByText('Patient saved').waitFor();
    expect(await page.getByTestId('preferred-name').textContent()).toBe('“Zo”');
    expect(await page.getByTestId('fact-dob').textContent()).toBe('2 Jul 1985');
    expect(await page.getByTestId('fact-mrn').textContent()).toBe('KD-1001');
    expect(await page.getByTestId('fact-weight').textContent()).toBe('64.5 kg');
    expect(await page.getByTestId('fact-height').textContent()).toBe('168 cm');
    expect(await page.getByTestId('allergies').textContent()).toContain('Penicillin – rash');
    expect(await page.getByTestId('emergency-contact').textContent()).toContain('Lars Ångström');
    expect(await page.getByTestId('created').textContent()).toContain('Dr Amira Haddad');
    await screenshot(page, '12-chart-new-patient');
    await expectNoAxeViolations(page, 'chart');

    // What is stored is what was typed.
    const found = await app.api('patients.search', { query: 'KD-1001' });
    expect(found.patients).toHaveLength(1);
    const stored = found.patients[0]!;
    zoeId = stored.id;
    expect(stored).toMatchObject({
      legalName: 'Zoë Ångström',
      preferredName: 'Zo',
      dateOfBirth: '1985-07-02',
      sex: 'female',
      weightKg: 64.5,
      heightCm: 168,
      allergies: 'Penicillin – rash',
      emergencyContactPhone: '+46 70 123 45 67',
      version: 1,
    });
  });

  const rowNames = (app: E2EApp) =>
    app.page.locator('#patient-results tbody tr').evaluateAll((rows) =>
      rows.map((r) => (r.querySelector('td button') as HTMLElement | null)?.textContent ?? ''),
    );

  async function searchFor(query: string) {
    const { page } = app;
    const box = page.getByRole('searchbox', { name: 'Search patients' });
    await box.fill(query);
    // The count line is only written for the answer to the current text.
    await expect.poll(() => page.getByRole('status').filter({ hasText: /found|patients/ }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[aria-label="Searching"]').count()).toBe(0);
  }

  it('lists every patient and finds Zoë by name without accents or case, by MRN and by date of birth', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Patients' }).first().click();
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await expect.poll(() => rowNames(app)).toEqual(['Maria da Silva', 'Peter Angstrom', 'Zoe Anders', 'Zoë Ångström']);
    await screenshot(page, '13-patient-list');
    await expectNoAxeViolations(page, 'patient list');

    await searchFor('zoe angs');
    await expect.poll(() => rowNames(app)).toEqual(['Zoë Ångström']);
    await screenshot(page, '14-patient-search-name');

    await searchFor('ZOË');
    await expect.poll(() => rowNames(app)).toEqual(['Zoe Anders', 'Zoë Ångström']);

    await searchFor('kd-1001');
    await expect.poll(() => rowNames(app)).toEqual(['Zoë Ångström']);

    await searchFor('1985-07-02');
    await expect.poll(() => rowNames(app)).toEqual(['Peter Angstrom', 'Zoë Ångström']);
    await searchFor('02/07/1985');
    await expect.poll(() => rowNames(app)).toEqual(['Peter Angstrom', 'Zoë Ångström']);

    // A preferred name is searchable too, and shown beside the legal name.
    await searchFor('mia');
    await expect.poll(() => rowNames(app)).toEqual(['Maria da Silva']);
    expect(await page.locator('#patient-results tbody tr').first().textContent()).toContain('“Mia”');

    await searchFor('nobody-like-this');
    await expect.poll(() => page.getByTestId('empty-state').textContent()).toContain('No patient matches “nobody-like-this”');
    await screenshot(page, '15-patient-search-no-match');
    await expectNoAxeViolations(page, 'no search match');

    await searchFor('angstrom');
    await page.getByRole('button', { name: 'Zoë Ångström' }).click();
    await page.getByRole('heading', { name: 'Zoë Ångström', level: 1 }).waitFor();
  });

  it('amends with a required reason and shows the change, with the reason, in the history', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Amend record' }).click();
    const dialog = page.getByRole('dialog', { name: 'Amend record: Zoë Ångström' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Weight (kg)').inputValue()).toBe('64.5');
    expect(await dialog.getByLabel('Allergy details').inputValue()).toBe('Penicillin – rash');
    await screenshot(page, '20-amend-modal');
    await expectNoAxeViolations(page, 'amend modal');

    await dialog.getByLabel('Weight (kg)').fill('66');
    await dialog.getByLabel('Preferred name').fill('Zoë');
    // The amendment is previewed before it is saved.
    expect(await dialog.getByTestId('pending-changes').textContent()).toBe('Preferred name Zo → ZoëWeight 64.5 kg → 66 kg');
    await dialog.getByRole('button', { name: 'Save amendment' }).click();
    const reason = dialog.getByLabel('Reason for amendment');
    await dialog.getByText('Reason for the change is required').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('amend-reason');
    await screenshot(page, '21-amend-reason-required');
    await expectNoAxeViolations(page, 'amend modal with reason error');
    // Nothing was saved.
    expect((await app.api('patients.get', { id: zoeId })).version).toBe(1);

    await reason.fill('Re-weighed at intake visit; prefers Zoë');
    await dialog.getByRole('button', { name: 'Save amendment' }).click();
    await signWithPassphrase(page);
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Amendment saved').waitFor();
    expect(await page.getByTestId('fact-weight').textContent()).toBe('66 kg');
    expect(await page.getByTestId('preferred-name').textContent()).toBe('“Zoë”');
    expect(await page.getByTestId('updated').textContent()).toContain('version 2');

    await page.getByRole('tab', { name: /History/ }).click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(2);
    const newest = entries.first();
    expect(await newest.textContent()).toContain('Amended by Dr Amira Haddad');
    expect(await newest.getByTestId('history-reason').textContent()).toBe('Reason: Re-weighed at intake visit; prefers Zoë');
    expect(await newest.getByTestId('signature-line').textContent()).toMatch(
      /^Signed electronically by Dr Amira Haddad, MD \(prescriber\), .* — amended the patient record: Re-weighed at intake visit; prefers Zoë$/,
    );
    const weightRow = newest.locator('tr[data-field="weightKg"]');
    expect(await weightRow.getByTestId('before').textContent()).toBe('64.5 kg');
    expect(await weightRow.getByTestId('after').textContent()).toBe('→66 kg');
    const nameRow = newest.locator('tr[data-field="preferredName"]');
    expect(await nameRow.getByTestId('before').textContent()).toBe('Zo');
    expect(await nameRow.getByTestId('after').textContent()).toBe('→Zoë');
    // Only the changed fields are listed.
    expect(await newest.locator('tbody tr').count()).toBe(2);
    expect(await entries.nth(1).textContent()).toContain('Created by Dr Amira Haddad');
    await screenshot(page, '22-chart-history');
    await expectNoAxeViolations(page, 'history');

    // Stored: version 2, and the audit row carries the reason and both states.
    const history = await app.api('patients.history', { id: zoeId });
    const amend = history.find((h) => h.action === 'amend');
    expect(amend).toMatchObject({
      reason: 'Re-weighed at intake visit; prefers Zoë',
      before: { weightKg: 64.5, preferredName: 'Zo', version: 1 },
      after: { weightKg: 66, preferredName: 'Zoë', version: 2 },
    });
    expect((await app.api('audit.verify', {})).ok).toBe(true);
  });

  it('asks before Escape, the close button or Cancel drops changed fields; an unchanged amendment closes at once', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Amend record: Zoë Ångström' });
    const confirm = page.getByRole('dialog', { name: 'Discard your changes?' });
    const weight = dialog.getByLabel('Weight (kg)');

    await page.getByRole('button', { name: 'Amend record' }).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await confirm.count()).toBe(0);

    await page.getByRole('button', { name: 'Amend record' }).click();
    await weight.fill('70');
    // Escape asks; Escape again answers "keep editing", and what was typed is still there.
    await page.keyboard.press('Escape');
    await confirm.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep editing');
    await screenshot(page, '21b-amend-discard-changes');
    await expectNoAxeViolations(page, 'discard changes question');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await weight.inputValue()).toBe('70');
    // The close button asks too.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await weight.inputValue()).toBe('70');
    // Cancel asks, and discarding closes without saving anything.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await confirm.getByRole('button', { name: 'Discard changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await confirm.count()).toBe(0);
    expect(await page.getByTestId('fact-weight').textContent()).toBe('66 kg');
    expect((await app.api('patients.get', { id: zoeId })).version).toBe(2);
  });

  it('shows "No known allergies" and "Allergies not recorded" distinctly', async () => {
    const { page } = app;
    const nka = await app.api('patients.create', patientInput({ legalName: 'Nora Kay', allergies: 'No known allergies' }));
    const unknown = await app.api('patients.create', patientInput({ legalName: 'Una Known' }));
    for (const [p, text, shot] of [
      [nka, 'No known allergies', '23-chart-no-known-allergies'],
      [unknown, 'Allergies not recorded', '24-chart-allergies-not-recorded'],
    ] as const) {
      await page.getByRole('button', { name: 'Patients' }).first().click();
      await searchFor(p.mrn);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: p.legalName, level: 1 }).waitFor();
      expect(await page.getByTestId('allergies').textContent()).toContain(text);
      await screenshot(page, shot);
    }
    await expectNoAxeViolations(page, 'chart without allergies recorded');
    expect(app.consoleErrors).toEqual([]);
  });

  it('explains a conflict when someone else amended the record meanwhile, then shows their version', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Patients' }).first().click();
    await searchFor('KD-1001');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Zoë Ångström', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Amend record' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Height (cm)').fill('169');
    await dialog.getByLabel('Reason for amendment').fill('Re-measured');

    // Meanwhile, another window amends the same record.
    const current = await app.api('patients.get', { id: zoeId });
    const { id, version, createdAt, createdBy, updatedAt, updatedBy, ...fields } = current;
    void createdAt, void createdBy, void updatedAt, void updatedBy;
    await app.api('patients.amend', { id, expectedVersion: version, fields: { ...fields, emergencyContactName: 'Lars Berg' }, reason: 'Contact changed name', signature: { passphrase: PASSPHRASE } });

    await dialog.getByRole('button', { name: 'Save amendment' }).click();
    await signWithPassphrase(page);
    const alert = dialog.getByRole('alert');
    await alert.getByText('Changed by someone else').waitFor();
    expect(await alert.textContent()).toContain('Someone else changed this patient while you were editing');
    // What was typed is still there.
    expect(await dialog.getByLabel('Height (cm)').inputValue()).toBe('169');
    await screenshot(page, '25-amend-conflict');
    await expectNoAxeViolations(page, 'amend conflict');

    await alert.getByRole('button', { name: 'Close and show the latest version' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('emergency-contact').textContent()).toContain('Lars Berg');
    expect(await page.getByTestId('fact-height').textContent()).toBe('168 cm');
    expect((await app.api('patients.get', { id: zoeId })).heightCm).toBe(168);
  });
});
