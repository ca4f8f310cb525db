import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, patientInput, screenshot, startSignedInApp, type E2EApp } from './harness';

// Finding and opening a chart without the mouse, and search-as-you-type
// details: stale answers never replace newer ones, long lists say there is more.

describe('keyboard-only search and open; search behaviour', () => {
  let app: E2EApp;
  beforeAll(async () => {
    app = await startSignedInApp();
    for (const [legalName, mrn] of [
      ['Anna Smith', 'S-1'],
      ['Ben Smith', 'S-2'],
      ['Carl Smithson', 'S-3'],
      ['Zora Lind', 'Z-1'],
      ['Zoltan Kiss', 'Z-2'],
    ]) {
      await app.api('patients.create', patientInput({ legalName, mrn }));
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const focusedId = () => app.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);
  const activeRowName = () =>
    app.page.locator('#patient-results tr[aria-current="true"] td button').textContent();
  const heading = () => app.page.getByRole('heading', { level: 1 }).textContent();

  it('search has focus on load; arrows move, Enter opens the chart', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await expect.poll(focusedId).toBe('Search patients');
    await page.keyboard.type('smi');
    await expect.poll(() => page.locator('#patient-results tbody tr').count()).toBe(3);
    await expect.poll(activeRowName).toBe('Anna Smith');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // stays on the last row
    await page.keyboard.press('ArrowUp');
    await expect.poll(activeRowName).toBe('Ben Smith');
    await screenshot(page, '40-patient-list-keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Ben Smith');
  });

  it('Ctrl+K and / come back to the search, which keeps the last query; Enter before the answer still opens', async () => {
    const { page } = app;
    await page.keyboard.press('Control+K');
    await expect.poll(focusedId).toBe('Search patients');
    expect(await page.getByRole('searchbox', { name: 'Search patients' }).inputValue()).toBe('smi');
    // The query is selected, so typing replaces it; Enter right away waits for the answer.
    await page.keyboard.type('carl');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Carl Smithson');

    await page.keyboard.press('/');
    await expect.poll(focusedId).toBe('Search patients');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('searchbox', { name: 'Search patients' }).inputValue()).toBe('');
    // Tab reaches the first patient's name, and Enter opens it.
    await expect.poll(() => page.locator('#patient-results tbody tr').count()).toBe(5);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Anna Smith');
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Anna Smith');
  });

  it('Alt+N opens a new patient form ready for typing; Tab, Space and Enter complete it', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+N');
    await expect.poll(heading).toBe('New patient');
    await expect.poll(focusedId).toBe('new-patient-legalName');
    await page.keyboard.type('Dana Keys');
    await page.keyboard.press('Tab'); // preferred name
    await page.keyboard.press('Tab'); // MRN
    await page.keyboard.type('KB-77');
    await page.keyboard.press('Tab'); // date of birth: its segments follow the browser's locale, so set it whole
    expect(await focusedId()).toBe('new-patient-dateOfBirth');
    await page.locator('#new-patient-dateOfBirth').fill('1990-04-01');
    // Tab walks the date's day, month and year before leaving it, as in any Chromium date field.
    for (let i = 0; i < 4 && (await focusedId()) === 'new-patient-dateOfBirth'; i++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('new-patient-sex');
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Female').isChecked()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(heading).toBe('Dana Keys');
    const [saved] = (await app.api('patients.search', { query: 'KB-77' })).patients;
    expect(saved).toMatchObject({ legalName: 'Dana Keys', sex: 'female', dateOfBirth: '1990-04-01' });
  });

  it('never lets a slow answer for an older query replace the newer list', async () => {
    const { page } = app;
    let slowAnswers = 0;
    await page.route('**/api/patients.search', async (route) => {
      const body = route.request().postDataJSON() as { query: string };
      if (body.query === 'zo') {
        slowAnswers++;
        await new Promise((r) => setTimeout(r, 900));
      }
      await route.continue();
    });
    await page.keyboard.press('Control+K');
    await page.keyboard.type('zo');
    await page.waitForTimeout(300); // the request for "zo" is on its way
    await page.keyboard.type('ra');
    const names = () =>
      page.locator('#patient-results tbody tr td button').evaluateAll((els) => els.map((e) => e.textContent));
    await expect.poll(names).toEqual(['Zora Lind']);
    await page.waitForTimeout(1200); // the slow "zo" answer (Zora and Zoltan) has come back by now
    expect(slowAnswers).toBe(1);
    expect(await names()).toEqual(['Zora Lind']);
    await page.unroute('**/api/patients.search');
  });

  it('says when there are more matches than shown', async () => {
    const { page } = app;
    for (let i = 0; i < 51; i++) {
      await app.api('patients.create', patientInput({ legalName: `Bulk Person ${String(i).padStart(2, '0')}`, mrn: `B-${i}` }));
    }
    await page.getByRole('searchbox', { name: 'Search patients' }).fill('bulk');
    await page.getByTestId('has-more').waitFor();
    expect(await page.locator('#patient-results tbody tr').count()).toBe(50);
    expect(await page.getByRole('status').filter({ hasText: 'found' }).textContent()).toBe('First 50 patients found');
    await screenshot(page, '41-patient-list-has-more');
    await expectNoAxeViolations(page, 'patient list with more matches');
    expect(app.consoleErrors).toEqual([]);
  });
});
