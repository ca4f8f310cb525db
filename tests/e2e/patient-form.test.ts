import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot, seedPatient, startSignedInApp, type SignedInApp } from './harness';

// The patient form checks what is typed against the shared schema as it is
// typed, and when the server refuses a save (a taken MRN) it says so on that
// field and keeps every other value. Each test has an app of its own: they all
// create patients with the same names and numbers through the form.

describe('patient form: validation as you type and server refusals', () => {
  let app: SignedInApp;
  beforeEach(async () => {
    app = await startSignedInApp();
  });
  afterEach(async () => {
    await app?.close();
  });

  const errorOf = async (label: string) => {
    const input = app.page.getByLabel(label, { exact: false }).first();
    const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
    const ids = describedBy.split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => app.page.locator(`[id="${id}"]`).textContent()));
    return { invalid: (await input.getAttribute('aria-invalid')) === 'true', text: texts.join(' ').trim() };
  };

  it('shows the shared schema’s messages while typing, and clears them when fixed', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByRole('heading', { name: 'New patient', level: 1 }).waitFor();

    await page.getByLabel('Weight (kg)').pressSequentially('6x');
    expect(await errorOf('Weight (kg)')).toEqual({ invalid: true, text: 'Weight must be a number' });
    await page.getByLabel('Weight (kg)').press('Backspace');
    expect((await errorOf('Weight (kg)')).invalid).toBe(false);
    await page.getByLabel('Weight (kg)').fill('0');
    expect((await errorOf('Weight (kg)')).text).toBe('Weight must be more than 0 kg');
    await page.getByLabel('Weight (kg)').fill('72,5');
    expect((await errorOf('Weight (kg)')).invalid).toBe(false);

    await page.getByLabel('Height (cm)').fill('300');
    expect((await errorOf('Height (cm)')).text).toBe('Height must be at most 272 cm');

    await page.getByLabel('MRN').pressSequentially('#12');
    expect((await errorOf('MRN')).text).toBe('Medical record number may use letters, digits, space and . _ / -');

    await page.getByLabel('Date of birth').fill('2999-01-01');
    expect((await errorOf('Date of birth')).text).toBe('Date of birth cannot be in the future');
    await page.getByLabel('Date of birth').fill('1972-05-09');
    expect((await errorOf('Date of birth')).invalid).toBe(false);
    // The age appears as soon as the date is complete.
    expect(await page.getByTestId('age-preview').textContent()).toMatch(/^· age \d+ y$/);

    // "Has allergies" needs the details.
    await page.getByLabel('Has allergies').check();
    await page.getByRole('button', { name: 'Save patient' }).click();
    expect((await errorOf('Allergy details')).text).toBe('Describe the allergies, or choose “No known allergies”');
    expect((await errorOf('Legal name')).text).toBe('Legal name is required');
    // The cursor goes to the first problem, in form order.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-patient-legalName');
    await screenshot(page, '30-patient-form-errors');
    await expectNoAxeViolations(page, 'patient form with errors');

    await page.getByLabel('No known allergies').check();
    expect(await page.getByLabel('Allergy details').count()).toBe(0);
  });

  it('puts a duplicate-MRN refusal on the MRN field and keeps everything typed', async () => {
    const { page } = app;
    await seedPatient(app, { legalName: 'Existing Person', mrn: 'DUP-1' });
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByRole('heading', { name: 'New patient', level: 1 }).waitFor();

    const typed = {
      'Legal name': 'Ngozi Adeyemi-Okoro',
      'Preferred name': 'Ngo',
      'Weight (kg)': '81.2',
      'Height (cm)': '177',
      'Emergency contact name': 'Chidi Okoro',
      'Emergency contact phone': '+44 20 7946 0018',
      MRN: 'dup 1',
    };
    for (const [label, value] of Object.entries(typed)) await page.getByLabel(label).fill(value);
    await page.getByLabel('Date of birth').fill('1979-12-31');
    await page.getByLabel('Female').check();
    await page.getByLabel('No known allergies').check();
    await page.getByLabel('Notes').fill('Line one\nLine two');
    await page.getByLabel('MRN').press('Enter');

    // "dup 1" and "DUP-1" are different; the server compares without case and spaces: "DUP1" vs "DUP-1".
    await page.getByRole('heading', { name: 'Ngozi Adeyemi-Okoro', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Patients' }).first().click();

    await page.getByRole('button', { name: 'Add patient' }).click();
    for (const [label, value] of Object.entries({ ...typed, 'Legal name': 'Second Person', MRN: 'dup-1' })) {
      await page.getByLabel(label).fill(value);
    }
    await page.getByLabel('Date of birth').fill('1979-12-31');
    await page.getByLabel('Intersex').check();
    await page.getByLabel('Notes').fill('Line one\nLine two');
    await page.getByRole('button', { name: 'Save patient' }).click();

    await page.getByText('Medical record number dup-1 already belongs to another patient.').waitFor();
    expect(await errorOf('MRN')).toEqual({
      invalid: true,
      text: 'Medical record number dup-1 already belongs to another patient.',
    });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('new-patient-mrn');
    // Nothing typed was lost.
    for (const [label, value] of Object.entries({ ...typed, 'Legal name': 'Second Person', MRN: 'dup-1' })) {
      expect(await page.getByLabel(label).inputValue(), label).toBe(value);
    }
    expect(await page.getByLabel('Date of birth').inputValue()).toBe('1979-12-31');
    expect(await page.getByLabel('Intersex').isChecked()).toBe(true);
    expect(await page.getByLabel('Notes').inputValue()).toBe('Line one\nLine two');
    expect(await page.getByRole('heading', { name: 'New patient', level: 1 }).isVisible()).toBe(true);
    await screenshot(page, '31-patient-form-duplicate-mrn');
    await expectNoAxeViolations(page, 'patient form with server error');
    expect((await app.api('patients.search', { query: 'Second Person' })).patients).toHaveLength(0);

    // Fixing the MRN saves the rest as typed.
    await page.getByLabel('MRN').fill('KD-9');
    await page.getByLabel('MRN').press('Enter');
    await page.getByRole('heading', { name: 'Second Person', level: 1 }).waitFor();
    const [saved] = (await app.api('patients.search', { query: 'KD-9' })).patients;
    expect(saved).toMatchObject({
      legalName: 'Second Person',
      sex: 'intersex',
      mrn: 'KD-9',
      weightKg: 81.2,
      notes: 'Line one\nLine two',
      emergencyContactPhone: '+44 20 7946 0018',
    });
    expect(app.consoleErrors).toEqual([]);
  });

  it('asks again who is working when the main process has forgotten, without losing the form', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByLabel('Legal name').fill('Rita Restart');
    await page.getByLabel('MRN').fill('RR-1');
    await page.getByLabel('Date of birth').fill('1955-02-03');
    await page.getByLabel('Unknown').check();
    // The next save is answered as a freshly restarted main process would.
    await page.route('**/api/patients.create', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'no-clinician', message: 'Choose who is working before making changes.' } }),
      }),
    );
    await page.getByRole('button', { name: 'Save patient' }).click();
    const dialog = page.getByRole('dialog', { name: 'Who is working?' });
    await dialog.waitFor();
    await screenshot(page, '32-reselect-clinician');
    await expectNoAxeViolations(page, 'reselect clinician');
    await page.unroute('**/api/patients.create');
    await dialog.getByRole('button', { name: new RegExp(app.clinician.name) }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Legal name').inputValue()).toBe('Rita Restart');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: 'Rita Restart', level: 1 }).waitFor();
  });
});
