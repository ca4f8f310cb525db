import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/schemas/patient';
import { screeningAnswers } from '../helpers/session-fixture';
import {
  addClinician, CREDENTIAL_CHECK, DEFAULT_CLINICIAN, expectNoAxeViolations, PASSPHRASE, patientInput, ROOT, screenshot,
  startApp, switchClinicianOnPage, type E2EApp, seedSessionNeeds,
} from './harness';

// Sign-in as a clinic meets it, in Chromium against browser mode: the first
// start's setup and recovery sheet, sign-in after a restart, the lock (by
// hand, by idle time, and as the server's answer to a save), the PIN, and a
// nurse refused what only an administrator may do. The tests run in order on
// one clinic, as a working day would.

const PRINTOUTS = join(ROOT, 'test-results', 'printouts');
const PATIENT_NAME = 'Kim Sørensen';
const PIN = '246810';
const signature = { passphrase: PASSPHRASE };
/** Each test checks passphrases several times (see CREDENTIAL_CHECK). */
const TEST_BUDGET_MS = 300_000;

const gate = (page: Page) => page.getByTestId('gate');

async function openUserMenuItem(page: Page, item: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** A session in progress for the patient, started through the API as a nurse at the chair would. */
async function startSession(app: E2EApp, patient: Patient) {
  const route = 'esketamine-nasal';
  const draft = await app.api('screenings.create', { patientId: patient.id, plannedTreatment: route });
  const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers(route) });
  await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature });
  await seedSessionNeeds(app, patient.id, route, signature);
  await app.api('sessions.start', {
    patientId: patient.id,
    plan: { route, deviceCount: 2 },
    preDose: {
      vitals: { takenAt: new Date().toISOString(), systolic: 122, diastolic: 76, heartRate: 70, spo2: 98 },
      lastFoodAt: new Date(Date.now() - 5 * 3_600_000).toISOString(),
      lastDrinkAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      pregnancy: 'test-negative', escortArranged: true, newMedicines: false, newIllness: false, substanceUse: false,
    },
  });
}

async function openChart(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
  const search = page.getByRole('searchbox', { name: 'Search patients' });
  await search.fill(name.split(' ')[0]!);
  await expect.poll(() => page.locator('#patient-results tbody tr').count()).toBe(1);
  await search.press('Enter');
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

/** Unlocks with the passphrase on the lock screen and waits for the app to show again. */
async function unlockWithPassphrase(page: Page) {
  const field = gate(page).locator('#unlock-passphrase');
  await field.fill(PASSPHRASE);
  await field.press('Enter');
  await gate(page).waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
}

/** Unlocks with the PIN set earlier in this run. */
async function unlockWithPin(page: Page) {
  const field = gate(page).locator('#unlock-pin');
  await field.fill(PIN);
  await field.press('Enter');
  await gate(page).waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
}

describe('signing in', () => {
  let app: E2EApp;
  let patient: Patient;
  let recoveryKey = '';

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('first start: the administrator sets up the clinic, prints the recovery key, and the app opens', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Set up your clinic', level: 1 }).waitFor();
    await page.getByLabel('Your full name').fill(DEFAULT_CLINICIAN.name);
    await page.getByLabel('Credentials').fill(DEFAULT_CLINICIAN.credentials);
    await page.getByLabel('Prescriber (physician, NP, PA)').check();
    await page.locator('#setup-passphrase').fill('short');
    await page.getByLabel('Passphrase again').fill('short');
    await page.getByRole('button', { name: 'Set up the clinic' }).click();
    await expect.poll(() => page.getByText('Passphrase must be at least 12 characters').isVisible()).toBe(true);

    // Long enough, but on the list of common passwords: the server refuses it on the field.
    await page.locator('#setup-passphrase').fill('password1234');
    await page.getByLabel('Passphrase again').fill('password1234');
    await page.getByRole('button', { name: 'Set up the clinic' }).click();
    await page.getByText(/list of common passwords/).waitFor(CREDENTIAL_CHECK);
    await screenshot(page, 'sign-in-01-setup');
    await expectNoAxeViolations(page, 'setup');

    await page.locator('#setup-passphrase').fill(PASSPHRASE);
    await page.getByLabel('Passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Set up the clinic' }).click();

    const sheet = page.getByTestId('recovery-sheet');
    await sheet.waitFor(CREDENTIAL_CHECK);
    const key = (await page.getByTestId('recovery-key').getAttribute('aria-label'))!.replace('Recovery key: ', '');
    expect(key).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    recoveryKey = key;
    expect(await sheet.textContent()).toContain(app.dataDir);
    await screenshot(page, 'sign-in-02-recovery-sheet');
    await expectNoAxeViolations(page, 'recovery sheet');

    mkdirSync(PRINTOUTS, { recursive: true });
    const pdf = join(PRINTOUTS, 'recovery-key-sheet.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(PRINTOUTS, 'recovery-key-sheet')]);
    const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(printed.replace(/\s+/g, '')).toContain(key.replace(/-/g, ''));
    expect(printed).toContain('Where to keep it');
    expect(printed).not.toContain('I have printed it');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);

    const carryOn = page.getByRole('button', { name: 'Continue to KetaDesk' });
    expect(await carryOn.isDisabled()).toBe(true);
    await page.getByLabel('I have printed it and put it somewhere safe').check();
    await carryOn.scrollIntoViewIfNeeded();
    await screenshot(page, 'sign-in-02b-recovery-sheet-confirmed', { viewport: true });
    await carryOn.click();
    await page.getByRole('searchbox', { name: 'Search patients' }).waitFor();
    expect(await page.getByTestId('working-clinician').textContent()).toBe('Dr Amira Haddad, MD');
  }, TEST_BUDGET_MS);

  it('after a restart: choose a name, a wrong passphrase says how many tries are left, the right one signs in', async () => {
    await addClinician(app, { name: 'Sam Okafor', credentials: 'RN', role: 'nurse' });
    patient = await app.api('patients.create', patientInput({ legalName: PATIENT_NAME, dateOfBirth: '1983-04-20', weightKg: 64 }));
    await startSession(app, patient);
    await app.restart();
    const { page } = app;

    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await screenshot(page, 'sign-in-03-choose-name');
    await expectNoAxeViolations(page, 'sign-in: choose a name');
    await page.getByRole('button', { name: /Dr Amira Haddad/ }).click();
    const passphrase = page.locator('#sign-in-passphrase');
    await passphrase.fill('not my passphrase at all');
    await passphrase.press('Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'That passphrase is not right' });
    await refusal.waitFor(CREDENTIAL_CHECK);
    expect(await refusal.textContent()).toMatch(/9 more wrong tries and sign-in locks for 15 minutes/);
    await screenshot(page, 'sign-in-04-wrong-passphrase');
    await expectNoAxeViolations(page, 'sign-in: wrong passphrase');

    // The server asks for a growing pause after a wrong try; if it is not over yet, the button waits it out.
    await passphrase.fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Each wait is settled on its own, so the one that loses the race cannot reject unheard later.
    const outcome = await Promise.race([
      gate(page).waitFor({ state: 'detached', ...CREDENTIAL_CHECK }).then(() => 'in', () => 'neither'),
      page.getByRole('alert').filter({ hasText: /Wait \d+ second/ }).waitFor(CREDENTIAL_CHECK).then(() => 'wait', () => 'neither'),
    ]);
    if (outcome === 'wait') {
      await passphrase.fill(PASSPHRASE);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await gate(page).waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
    } else expect(outcome).toBe('in');
    expect(await page.getByTestId('working-clinician').textContent()).toBe('Dr Amira Haddad, MD');
  }, TEST_BUDGET_MS);

  it('locked by hand: no patient on the lock screen, but the session in progress and its next check; the passphrase unlocks', async () => {
    const { page } = app;
    await openChart(page, PATIENT_NAME);
    await openUserMenuItem(page, 'Lock screen');
    await page.getByRole('heading', { name: 'Screen locked', level: 1 }).waitFor();

    expect(await page.getByText(PATIENT_NAME).first().isVisible().catch(() => false)).toBe(false);
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).not.toContain(PATIENT_NAME);
    expect(tree).not.toContain('Sørensen');
    const hints = page.getByTestId('session-hints');
    expect(await hints.textContent()).toMatch(/A session is in progress \(started \d\d:\d\d\) — next check: .+, (due \d\d:\d\d|overdue by \d+ min)/);
    // The server refuses every clinical channel while locked.
    expect((await app.apiResult('patients.get', { id: patient.id })).ok).toBe(false);
    await screenshot(page, 'sign-in-05-lock-screen', { viewport: true });
    await expectNoAxeViolations(page, 'lock screen');

    await unlockWithPassphrase(page);
    await page.getByRole('heading', { name: PATIENT_NAME, level: 1 }).waitFor();
  }, TEST_BUDGET_MS);

  it('a PIN set from the user menu unlocks the screen', async () => {
    const { page } = app;
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Set a PIN…' }).waitFor();
    await screenshot(page, 'sign-in-09-user-menu', { viewport: true });
    await page.getByRole('menuitem', { name: 'Set a PIN…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set a PIN' });
    await dialog.getByLabel('New PIN (6 digits)').fill(PIN);
    await dialog.getByLabel('Your passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Set PIN' }).click();
    await dialog.waitFor({ state: 'detached', ...CREDENTIAL_CHECK });

    await openUserMenuItem(page, 'Lock screen');
    await page.getByRole('heading', { name: 'Screen locked', level: 1 }).waitFor();
    const pin = gate(page).locator('#unlock-pin');
    await pin.fill('111111');
    await pin.press('Enter');
    await gate(page).getByText('That PIN is not right.').waitFor(CREDENTIAL_CHECK);
    await screenshot(page, 'sign-in-06-lock-screen-pin', { viewport: true });
    await expectNoAxeViolations(page, 'lock screen with PIN');
    await pin.fill(PIN);
    await pin.press('Enter');
    await gate(page).waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
    await page.getByRole('heading', { name: PATIENT_NAME, level: 1 }).waitFor();
  }, TEST_BUDGET_MS);

  it('nothing typed is lost: a lock by hand, and a save the server refuses because the screen locked meanwhile', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'Add patient' }).click();
    await page.getByRole('heading', { name: 'New patient', level: 1 }).waitFor();
    await page.getByLabel('Legal name').fill('Rita Before-Lock');
    await page.getByLabel('MRN').fill('RB-1');

    await openUserMenuItem(page, 'Lock screen');
    await page.getByRole('heading', { name: 'Screen locked', level: 1 }).waitFor();
    await unlockWithPin(page);
    expect(await page.getByLabel('Legal name').inputValue()).toBe('Rita Before-Lock');

    // Locked by the server behind the page's back (idle there): the save is refused, the lock shows over the form.
    await page.getByLabel('Date of birth').fill('1955-02-03');
    await page.getByLabel('Unknown').check();
    await app.api('auth.lock', {});
    await page.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: 'Screen locked', level: 1 }).waitFor();
    await unlockWithPin(page);
    expect(await page.getByLabel('Legal name').inputValue()).toBe('Rita Before-Lock');
    await page.getByRole('button', { name: 'Save patient' }).click();
    await page.getByRole('heading', { name: 'Rita Before-Lock', level: 1 }).waitFor();
  }, TEST_BUDGET_MS);

  it('a nurse signs in by switching clinician, and the server refuses what only an administrator may do', async () => {
    const { page } = app;
    await switchClinicianOnPage(page, 'Sam Okafor');
    expect(await page.getByTestId('working-clinician').textContent()).toBe('Sam Okafor, RN');

    const settings = await app.apiResult('settings.update', { settings: { idleLockMinutes: 1 }, reason: 'Try as a nurse' });
    expect(settings.ok ? null : settings.error.code).toBe('forbidden');
    const created = await app.apiResult('clinicians.create', {
      name: 'Dr Imposter', credentials: 'MD', role: 'prescriber', isAdmin: true, temporaryPassphrase: 'a brand new long passphrase',
    });
    expect(created.ok ? null : created.error.code).toBe('forbidden');
    expect(created.ok ? '' : created.error.message).toBe('Only an administrator may do this.');
    expect((await app.api('clinicians.list', {})).map((c) => c.name)).not.toContain('Dr Imposter');

    await switchClinicianOnPage(page, 'Dr Amira Haddad');
  }, TEST_BUDGET_MS);

  it('the idle lock: after the clinic’s idle time without input the screen locks by itself', async () => {
    const { page } = app;
    await app.api('settings.update', { settings: { idleLockMinutes: 1 }, reason: 'Shared workstation at the front desk' });
    await page.clock.install();
    await app.open();
    await page.getByRole('searchbox', { name: 'Search patients' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('Kim');
    // 50 s: input came 50 s ago, so not yet. Then past the minute: locked.
    await page.clock.fastForward(50_000);
    expect(await gate(page).count()).toBe(0);
    await page.clock.fastForward(15_000);
    await page.getByRole('heading', { name: 'Screen locked', level: 1 }).waitFor();
    expect((await app.api('auth.status', {})).phase).toBe('locked');
    await unlockWithPin(page);
    expect(await page.getByRole('searchbox', { name: 'Search patients' }).inputValue()).toBe('Kim');
  }, TEST_BUDGET_MS);

  it('a reset passphrase is replaced at the next sign-in, and the recovery key lets an administrator back in', async () => {
    const { page } = app;
    const nurse = (await app.api('clinicians.list', {})).find((c) => c.name === 'Sam Okafor')!;
    const temporary = 'given at the front desk today';
    await app.api('clinicians.resetPassphrase', { id: nurse.id, temporaryPassphrase: temporary, reason: 'Forgot it after leave' });
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Switch clinician' }).click();
    await page.getByRole('button', { name: /Sam Okafor/ }).click();
    await page.locator('#sign-in-passphrase').fill(temporary);
    await page.locator('#sign-in-passphrase').press('Enter');
    await page.getByRole('heading', { name: 'Choose your own passphrase', level: 1 }).waitFor(CREDENTIAL_CHECK);
    await screenshot(page, 'sign-in-07-choose-own-passphrase');
    await expectNoAxeViolations(page, 'choose your own passphrase');
    await page.getByLabel('Temporary passphrase').fill(temporary);
    await page.locator('#change-passphrase-next').fill(PASSPHRASE);
    await page.getByLabel('New passphrase again').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await gate(page).waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
    expect(await page.getByTestId('working-clinician').textContent()).toBe('Sam Okafor, RN');

    // Signing out closes every screen; the administrator has forgotten their passphrase and uses the recovery key.
    await openUserMenuItem(page, 'Sign out');
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await page.getByRole('button', { name: /Dr Amira Haddad/ }).click();
    await page.getByRole('button', { name: 'Forgot your passphrase?' }).click();
    await page.getByRole('button', { name: 'Use the recovery key' }).click();
    await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
    await page.locator('#recover-next').fill('a new passphrase after the holidays');
    await page.getByLabel('New passphrase again').fill('a new passphrase after the holidays');
    await screenshot(page, 'sign-in-08-recovery-key-form');
    await expectNoAxeViolations(page, 'recovery with the key');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await gate(page).waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
    expect(await page.getByTestId('working-clinician').textContent()).toBe('Dr Amira Haddad, MD');
  }, TEST_BUDGET_MS);
});
