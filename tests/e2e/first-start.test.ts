import { afterEach, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot, startApp, startSignedInApp, type E2EApp } from './harness';

// First start on an empty data folder: the welcome creates the first
// clinician, the header then shows who is working, and Switch leads to the
// picker, which adds a second clinician and picks with the keyboard. Each
// test starts an app of its own: on an empty data folder, or with the first
// clinician working.

describe('first start and who is working', () => {
  let app: E2EApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('welcomes, validates as you type and creates the first clinician', async () => {
    app = await startApp();
    const { page } = app;
    await expect.poll(() => page.getByRole('heading', { name: 'Welcome to KetaDesk' }).isVisible()).toBe(true);
    // The name field is ready for typing.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('welcome-name');
    await screenshot(page, '01-welcome');
    await expectNoAxeViolations(page, 'welcome');

    // Submitting empty shows the shared schema's messages on their fields.
    await page.getByRole('button', { name: 'Start working' }).click();
    await expect.poll(() => page.getByText('Name is required').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Role must be prescriber, nurse or other').isVisible()).toBe(true);
    await screenshot(page, '02-welcome-errors');
    await expectNoAxeViolations(page, 'welcome with errors');

    await page.getByLabel('Full name').fill('Dr Amira Haddad');
    expect(await page.getByText('Name is required').count()).toBe(0);
    await page.getByLabel('Credentials').fill('MD');
    await page.getByLabel('Prescriber (physician, NP, PA)').check();
    await page.getByLabel('Credentials').press('Enter');

    await expect.poll(() => page.getByTestId('working-clinician').textContent()).toBe('Dr Amira Haddad, MD');
    await expect.poll(() => page.getByRole('heading', { name: 'Patients', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('empty-state').textContent()).toContain('No patients yet');
    await screenshot(page, '03-patient-list-empty');
    await expectNoAxeViolations(page, 'empty patient list');

    const clinicians = await app.api('clinicians.list', {});
    expect(clinicians).toMatchObject([{ name: 'Dr Amira Haddad', credentials: 'MD', role: 'prescriber' }]);
  });

  it('switches: adds a second clinician from the picker, then picks with arrows and Enter', async () => {
    app = await startSignedInApp({ clinician: { name: 'Dr Amira Haddad', credentials: 'MD', role: 'prescriber' } });
    const { page } = app;
    await expect.poll(() => page.getByTestId('working-clinician').textContent()).toBe('Dr Amira Haddad, MD');
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Who is working?' }).isVisible()).toBe(true);
    await screenshot(page, '04-clinician-picker');
    await expectNoAxeViolations(page, 'clinician picker');

    await page.getByRole('button', { name: 'Add clinician' }).click();
    await page.getByLabel('Full name').fill('Sam Okafor');
    await page.getByLabel('Credentials').fill('RN');
    await page.getByLabel('Nurse').check();
    await screenshot(page, '05-add-clinician');
    await expectNoAxeViolations(page, 'add clinician');
    await page.getByRole('button', { name: 'Add and start working' }).click();
    await expect.poll(() => page.getByTestId('working-clinician').textContent()).toBe('Sam Okafor, RN');

    // Back to the first clinician with the keyboard only.
    await page.getByRole('button', { name: 'Switch' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Who is working?' }).isVisible()).toBe(true);
    // The one working now has focus; the list is sorted by name (Amira, Sam).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Sam Okafor');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Dr Amira Haddad');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('working-clinician').textContent()).toBe('Dr Amira Haddad, MD');
    const ws = await app.api('workspace.current', {});
    expect(ws.clinician?.name).toBe('Dr Amira Haddad');
  });

  it('runs under the app’s Content Security Policy without a single refusal', async () => {
    // The welcome on an empty data folder, then the patient list and the picker once someone works.
    const empty = await startApp();
    try {
      await empty.page.getByRole('heading', { name: 'Welcome to KetaDesk' }).waitFor();
      expect(empty.consoleErrors).toEqual([]);
    } finally {
      await empty.close();
    }
    app = await startSignedInApp();
    const { page } = app;
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Switch' }).click();
    await page.getByRole('heading', { name: 'Who is working?' }).waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});
