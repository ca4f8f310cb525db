import { afterEach, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/schemas/patient';
import { ITEM_IDS } from '../../shared/screening';
import {
  addClinician, expectNoAxeViolations, PASSPHRASE, patientInput, screenshot, signWithPassphrase, startSignedInApp,
  workAs, type E2EApp, seedSessionNeeds, openChartTab,
} from './harness';

// Electronic signatures and the clinic's clinicians: the signature dialog when
// a screening is signed (a wrong passphrase, Escape, the right one, and the
// signature line on the signed screening), a nurse who may not override a
// contraindication, and an administrator adding and deactivating clinicians.

const ADMIN = { name: 'Dr Ada Rivera', credentials: 'MD', role: 'prescriber' } as const;
const NURSE_TEMP = 'temporary nurse passphrase';
/** Each test starts its own server and browser, and a signature costs a production scrypt: room on a busy 2-core machine. */
const SLOW = 240_000;

let app: E2EApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A new clinic with its first administrator (ADMIN, PASSPHRASE) signed in, the app open at the patient list. */
async function clinic(): Promise<E2EApp> {
  app = await startSignedInApp({ clinician: ADMIN });
  await app.page.getByRole('searchbox', { name: 'Search patients' }).waitFor();
  return app;
}

/** A nurse added by the administrator, signed in with a passphrase of their own (PASSPHRASE). */
async function signInNurse(a: E2EApp) {
  const nurse = await addClinician(a, { name: 'Sam Okafor', credentials: 'RN', role: 'nurse' });
  await workAs(a, nurse.id);
  await a.page.getByRole('searchbox', { name: 'Search patients' }).waitFor();
  return nurse;
}

/** A draft screening with every question answered (no, unless `yes` names it). */
async function draftScreening(a: E2EApp, patient: Patient, yes: string[] = []) {
  const draft = await a.api('screenings.create', { patientId: patient.id, plannedTreatment: 'iv-ketamine' });
  return a.api('screenings.save', {
    id: draft.id,
    expectedVersion: draft.version,
    answers: {
      plannedTreatment: 'iv-ketamine',
      baselineVitals: { systolic: 122, diastolic: 78, heartRate: 70, spo2: 98 },
      answers: Object.fromEntries(ITEM_IDS.map((id) => [id, yes.includes(id)])),
      medications: [],
    },
  });
}

async function openDraft(a: E2EApp, patient: Patient) {
  const page = a.page;
  await openChartTab(page, patient, 'Screening');
  await page.getByRole('button', { name: 'Resume draft', exact: true }).click();
  await page.getByTestId('screening-editor').waitFor();
}

describe('electronic signature of a screening', () => {
  it('asks for the passphrase, says who signs and what it means, keeps a wrong one open, and shows the signature line', async () => {
    const a = await clinic();
    const page = a.page;
    const patient = await a.api('patients.create', patientInput({ legalName: 'Ines Moreau', mrn: 'ES-1001', weightKg: 70 }));
    const draft = await draftScreening(a, patient);
    await openDraft(a, patient);

    const dialog = page.getByRole('dialog', { name: 'Sign electronically' });
    const passphrase = dialog.getByLabel('Your passphrase');
    await page.getByRole('button', { name: 'Sign screening' }).click();
    await passphrase.waitFor();
    expect(await dialog.getByTestId('signature-signer').textContent()).toBe('Dr Ada Rivera, MD (prescriber)');
    expect(await dialog.getByTestId('signature-meanings').textContent()).toBe('signed screening (verdict: clear)');
    await expect.poll(() => passphrase.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'signatures-01-dialog', { viewport: true });
    await expectNoAxeViolations(page, 'signature dialog');

    // Escape cancels: nothing is signed, the draft stays a draft.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await a.api('screenings.get', { id: draft.id })).status).toBe('draft');

    // A wrong passphrase: the dialog stays, says so, and asks again with the field empty and focused.
    await page.getByRole('button', { name: 'Sign screening' }).click();
    await passphrase.fill('not my passphrase at all');
    await page.keyboard.press('Enter');
    const error = dialog.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/passphrase/i);
    expect(await passphrase.inputValue()).toBe('');
    await expect.poll(() => passphrase.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await a.api('screenings.get', { id: draft.id })).status).toBe('draft');
    await screenshot(page, 'signatures-02-wrong-passphrase', { viewport: true });

    await signWithPassphrase(page);
    await page.getByTestId('signed-screening').waitFor();
    const line = page.getByTestId('signature-line');
    expect(await line.textContent()).toMatch(
      /^Signed electronically by Dr Ada Rivera, MD \(prescriber\), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} — signed screening \(verdict: clear\)$/,
    );
    expect((await a.api('screenings.get', { id: draft.id })).signatures).toEqual([
      expect.objectContaining({ clinicianName: 'Dr Ada Rivera', meaning: 'signed screening (verdict: clear)', method: 'passphrase' }),
    ]);
    await screenshot(page, 'signatures-03-signed-screening');
  }, SLOW);

  it('asks for the PIN when one is set, and lets the clinician switch to the passphrase', async () => {
    const a = await clinic();
    const page = a.page;
    const patient = await a.api('patients.create', patientInput({ legalName: 'Olga Lind', mrn: 'ES-1003' }));
    const draft = await draftScreening(a, patient);
    await a.api('auth.setPin', { pin: '482913', passphrase: PASSPHRASE });
    await openDraft(a, patient);

    const dialog = page.getByRole('dialog', { name: 'Sign electronically' });
    await page.getByRole('button', { name: 'Sign screening' }).click();
    const pin = dialog.getByLabel('Your 6-digit PIN');
    await pin.waitFor();
    await expect.poll(() => pin.evaluate((el) => el === document.activeElement)).toBe(true);
    await screenshot(page, 'signatures-08-pin', { viewport: true });
    // Keyboard only: Tab reaches the switch to the passphrase, Enter takes it.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Use my passphrase instead');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Your passphrase').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Sign screening' }).click();
    await pin.fill('482913');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('signed-screening').waitFor();
    expect((await a.api('screenings.get', { id: draft.id })).signatures).toEqual([expect.objectContaining({ method: 'pin' })]);
  }, SLOW);

  it('does not let a nurse override a contraindication, and shows a nurse no Clinicians link', async () => {
    const a = await clinic();
    const page = a.page;
    const patient = await a.api('patients.create', patientInput({ legalName: 'Tomas Berg', sex: 'male', mrn: 'ES-1002' }));
    await draftScreening(a, patient, ['aneurysmal-vascular-disease']);
    await signInNurse(a);
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clinicians' }).count()).toBe(0);

    await openDraft(a, patient);
    await page.getByLabel('Reason for overriding the contraindication').fill('Repaired in 2019, cleared by vascular surgery');
    const problems = page.getByTestId('sign-problems');
    await expect.poll(() => problems.textContent()).toMatch(/a prescriber must sign/);
    expect(await page.getByRole('button', { name: 'Sign with override' }).isDisabled()).toBe(true);
    await screenshot(page, 'signatures-04-nurse-cannot-override');
  }, SLOW);
});

describe('electronic signature of a session correction', () => {
  it('corrects a timeline entry only once signed, and the session record carries the signature', async () => {
    const a = await clinic();
    const page = a.page;
    const patient = await a.api('patients.create', patientInput({ legalName: 'Kim Sorensen', mrn: 'ES-1004', weightKg: 64 }));
    const signature = { passphrase: PASSPHRASE };
    await seedSessionNeeds(a, patient.id, 'esketamine-nasal', signature);
    const draft = await a.api('screenings.create', { patientId: patient.id, plannedTreatment: 'esketamine-nasal' });
    const saved = await a.api('screenings.save', {
      id: draft.id, expectedVersion: draft.version,
      answers: { plannedTreatment: 'esketamine-nasal', baselineVitals: { systolic: 122, diastolic: 78 }, answers: Object.fromEntries(ITEM_IDS.map((id) => [id, false])), medications: [] },
    });
    await a.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature });
    const started = await a.api('sessions.start', {
      patientId: patient.id,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: new Date().toISOString(), systolic: 122, diastolic: 76, heartRate: 70, spo2: 98 },
        lastFoodAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
        lastDrinkAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
        pregnancy: 'test-negative', escortArranged: true, newMedicines: false, newIllness: false, substanceUse: false,
      },
    });
    await a.api('sessions.addEntry', { sessionId: started.session.id, entry: { kind: 'sedation', level: 1 } });

    await openChartTab(page, patient, 'Sessions');
    await page.getByRole('button', { name: /^Correct Sedation/ }).click();
    const correction = page.getByRole('dialog', { name: /^Correct: Sedation/ });
    await correction.getByRole('radio', { name: 'Strike out: entered in error' }).check();
    await correction.getByLabel('Reason for the change').fill('Wrong level tapped');
    await correction.getByRole('button', { name: 'Strike out entry' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign electronically' });
    await dialog.getByLabel('Your passphrase').waitFor();
    expect(await dialog.getByTestId('signature-meanings').textContent()).toBe('corrected a timeline entry: Wrong level tapped');
    // Escape cancels the signature only: the correction stays open with what was typed.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await correction.getByLabel('Reason for the change').inputValue()).toBe('Wrong level tapped');
    await correction.getByRole('button', { name: 'Strike out entry' }).click();
    await signWithPassphrase(page);
    await correction.waitFor({ state: 'detached' });
    expect((await a.api('sessions.record', { id: started.session.id })).signatures).toEqual([
      expect.objectContaining({ meaning: 'corrected a timeline entry: Wrong level tapped', clinicianName: 'Dr Ada Rivera' }),
    ]);
  }, SLOW);
});

describe('clinicians, for administrators', () => {
  it('adds a nurse with a temporary passphrase they must change at their first sign-in', async () => {
    const a = await clinic();
    const page = a.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clinicians' }).click();
    await page.getByTestId('clinicians-table').waitFor();
    await screenshot(page, 'signatures-05-clinicians');
    await expectNoAxeViolations(page, 'clinicians screen');

    await page.getByRole('button', { name: 'Add clinician' }).click();
    const form = page.getByRole('dialog', { name: 'Add a clinician' });
    await form.getByLabel('Full name').fill('Sam Okafor');
    await form.getByLabel('Credentials').fill('RN');
    await form.getByRole('radio', { name: 'Nurse' }).check();
    await form.getByLabel('Temporary passphrase').fill('too short');
    await form.getByRole('button', { name: 'Add clinician' }).click();
    await expect.poll(() => form.getByText('Temporary passphrase must be at least 12 characters').count()).toBe(1);
    await expectNoAxeViolations(page, 'add clinician form with an error');
    await form.getByLabel('Temporary passphrase').fill(NURSE_TEMP);
    await screenshot(page, 'signatures-06-add-clinician', { viewport: true });
    await form.getByRole('button', { name: 'Add clinician' }).click();
    await form.waitFor({ state: 'detached' });

    const row = page.locator('[data-testid="clinician-row"][data-name="Sam Okafor"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Nurse');
    // The row comes with the list; whether they can sign in comes with the sign-in status, reloaded beside it.
    await expect.poll(() => row.getByTestId('can-sign-in').textContent()).toBe('Yes');

    const nurse = (await a.api('clinicians.list', {})).find((c) => c.name === 'Sam Okafor')!;
    expect(await a.api('auth.signIn', { clinicianId: nurse.id, passphrase: NURSE_TEMP })).toMatchObject({ mustChangePassphrase: true });
    expect(await a.apiResult('patients.search', { query: '' })).toMatchObject({ ok: false, error: { code: 'passphrase-change-required' } });
  }, SLOW);

  it('deactivates a clinician with a reason, after asking; they can no longer sign in', async () => {
    const a = await clinic();
    const page = a.page;
    const nurse = await a.api('clinicians.create', { name: 'Sam Okafor', credentials: 'RN', role: 'nurse', temporaryPassphrase: NURSE_TEMP });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Clinicians' }).click();
    await page.getByRole('button', { name: 'Deactivate Sam Okafor' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Sam Okafor?' });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect.poll(() => confirm.getByText('Reason is required').count()).toBe(1);
    await confirm.getByLabel('Reason for deactivating').fill('Left the clinic');
    await screenshot(page, 'signatures-07-deactivate', { viewport: true });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await confirm.waitFor({ state: 'detached' });

    const row = page.locator('[data-testid="clinician-row"][data-name="Sam Okafor"]');
    await expect.poll(() => row.getAttribute('data-active')).toBe('false');
    expect(await row.textContent()).toContain('Deactivated');
    expect(await row.getByTestId('can-sign-in').textContent()).toBe('No');
    expect(await a.apiResult('auth.signIn', { clinicianId: nurse.id, passphrase: NURSE_TEMP })).toMatchObject({ ok: false, error: { code: 'wrong-credential' } });
  }, SLOW);
});
