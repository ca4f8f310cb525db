import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { GAD7, PHQ9, PHQ_FOOTER } from '../../shared/measures';
import { PAPER } from '../../shared/printouts';
import {
  CREDENTIAL_CHECK, expectNoAxeViolations, openDatabaseReadOnly, PASSPHRASE, ROOT, screenshot, seedPatient, signWithPassphrase,
  startSignedInApp, type SignedInApp,
} from './harness';

// The chart's Questionnaires tab in Chromium: a PHQ-9 read aloud and typed
// with the number keys (the live score, then what is stored), a GAD-7 the
// patient answers in patient mode (nothing of the chart on screen, stored as
// self-completed, the app locked until a clinician signs back in), a
// correction signed with the passphrase, and a blank PHQ-9 printed to PDF.

const SLOW = 240_000;
const PATIENT = 'Noor Castellanos';
const OUT = join(ROOT, 'test-results', 'printouts');

let app: SignedInApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A clinic with one patient, the app open at the patient's Questionnaires tab. */
async function openTab(): Promise<{ a: SignedInApp; patientId: string }> {
  app = await startSignedInApp();
  const patient = await seedPatient(app, { legalName: PATIENT, mrn: 'KD-2040', dateOfBirth: '1979-05-30' });
  await app.page.evaluate((id) => (location.hash = `#/patient/${id}/questionnaires`), patient.id);
  await app.page.getByTestId('questionnaires-tab').waitFor();
  return { a: app, patientId: patient.id };
}

/** The PHQ-9 answers typed below: total 10 (moderate), item 9 at 1. */
const PHQ9_KEYS = ['1', '2', '1', '1', '2', '1', '1', '0', '1'];

async function enterPhq9ReadAloud(page: Page) {
  await page.getByRole('button', { name: 'Enter PHQ-9 (read aloud)' }).click();
  const form = page.getByRole('dialog', { name: 'PHQ-9, read aloud' });
  await form.getByText(PHQ9.stem).waitFor();
  // The first question's first answer takes the keys; each digit answers and moves on.
  await form.getByTestId('question-phq9-1').getByRole('radio').first().focus();
  await expect.poll(() => form.getByTestId('live-score').innerText()).toContain('No total (not answered: 1, 2, 3, 4, 5, 6, 7, 8, 9');
  for (const key of PHQ9_KEYS) await page.keyboard.press(key);
  return form;
}

describe('questionnaires', () => {
  it('a clinician enters a PHQ-9 read aloud with the keyboard; the live score and the stored entry agree', async () => {
    const { a, patientId } = await openTab();
    const { page } = a;
    await screenshot(page, 'q-10-tab-empty');
    await expectNoAxeViolations(page, 'questionnaires tab');

    const form = await enterPhq9ReadAloud(page);
    // The nine items make the total; the functional item is not part of it.
    await expect.poll(() => form.getByTestId('live-score').innerText()).toContain('10 of 27, moderate');
    await form.getByText('PHQ-9 item 9 is 1 or more: ask the ASQ the same day.').waitFor();
    await form.getByRole('radiogroup', { name: PHQ9.difficulty.text }).getByRole('radio', { name: /Somewhat difficult/ }).click();
    await screenshot(page, 'q-11-phq9-entry', { viewport: true });
    await expectNoAxeViolations(page, 'PHQ-9 entry');
    await page.keyboard.press('Control+Enter');
    await form.waitFor({ state: 'detached' });

    const row = page.getByTestId('questionnaire-row').first();
    await expect.poll(() => row.innerText()).toMatch(/PHQ-9.*10 of 27, moderate.*Read aloud by clinician.*Dr Amira Haddad.*No/s);

    const db = await openDatabaseReadOnly(a.dataDir);
    try {
      const stored = db.prepare('SELECT * FROM questionnaires WHERE patient_id = ?').all(patientId) as Array<Record<string, string | null>>;
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ instrument: 'phq9', mode: 'read-aloud', entered_by: a.clinician.id, amends_id: null });
      const answers = JSON.parse(stored[0]!.answers_json!);
      expect(answers).toEqual({
        instrument: 'phq9',
        items: Object.fromEntries(PHQ9.items.map((item, i) => [item.id, Number(PHQ9_KEYS[i])])),
        difficulty: 1,
      });
    } finally {
      db.close();
    }
    const [view] = await a.api('questionnaires.listForPatient', { patientId });
    expect(view).toMatchObject({ selfCompleted: false, score: { total: 10, band: 'moderate', flags: ['phq9-item9-positive'] } });

    // Its answers, then a correction: reason and electronic signature.
    await page.getByRole('button', { name: /^Answers PHQ-9/ }).click();
    const answers = page.getByRole('dialog', { name: /^PHQ-9 of / });
    await answers.getByRole('row', { name: /^2\. Feeling down, depressed, or hopeless More than half the days$/ }).waitFor();
    await expectNoAxeViolations(page, 'questionnaire answers');
    await answers.getByRole('button', { name: 'Correct this entry…' }).click();
    const correct = page.getByRole('dialog', { name: /^Correct PHQ-9 of / });
    await correct.getByTestId('question-phq9-2').getByRole('radio', { name: /Several days/ }).click();
    await expect.poll(() => correct.getByTestId('live-score').innerText()).toContain('9 of 27, mild');
    await correct.getByRole('button', { name: 'Save correction' }).click();
    await correct.getByText('Reason for the correction is required').waitFor();
    await correct.getByLabel('Reason for the correction').fill('Question 2 misheard: several days');
    await correct.getByRole('button', { name: 'Save correction' }).click();
    await page.getByTestId('signature-meanings').getByText('corrected a questionnaire: Question 2 misheard: several days').waitFor();
    await signWithPassphrase(page);
    await correct.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('questionnaire-row').count()).toBe(2);
    const rows = await page.getByTestId('questionnaire-row').allInnerTexts();
    expect(rows[0]).toMatch(/Correction.*9 of 27, mild/is);
    expect(rows[1]).toMatch(/Corrected.*10 of 27, moderate/is);
    await screenshot(page, 'q-12-list-with-correction');

    const list = await a.api('questionnaires.listForPatient', { patientId });
    expect(list[0]).toMatchObject({ amendsId: list[1]!.id, amendmentReason: 'Question 2 misheard: several days', score: { total: 9 } });
    expect(list[1]!.amendedById).toBe(list[0]!.id);
  }, SLOW);

  it('patient mode: a GAD-7 one question at a time with nothing of the chart on screen, then the app locks', async () => {
    const { a, patientId } = await openTab();
    const { page } = a;
    await page.getByTestId('start-patient-mode').click();
    await page.getByRole('menuitem', { name: 'GAD-7' }).click();
    await page.getByRole('dialog', { name: /Hand the device to the patient: GAD-7/ }).getByRole('button', { name: 'Start patient mode' }).click();

    const mode = page.getByTestId('patient-mode');
    await mode.getByRole('heading', { name: `1. ${GAD7.items[0]!.text}` }).waitFor();
    await mode.getByText(GAD7.stem).waitFor();
    await mode.getByText(PHQ_FOOTER).waitFor();
    // Nothing of the chart can be seen or reached: not the name, not the tabs, not the patient list.
    await expect.poll(() => page.getByText(PATIENT).first().isVisible()).toBe(false);
    await expect(page.getByRole('tab', { name: 'Questionnaires' }).isVisible()).resolves.toBe(false);
    expect(await page.locator('#root').getAttribute('inert')).toBe('');
    await page.keyboard.press('Escape');
    await mode.getByRole('heading', { name: `1. ${GAD7.items[0]!.text}` }).waitFor();
    expect(await page.getByText(PATIENT).first().isVisible()).toBe(false);
    await screenshot(page, 'q-20-patient-mode', { viewport: true });
    await expectNoAxeViolations(page, 'patient mode');

    // Keys: a digit answers, Enter goes on, ArrowLeft goes back; question 4 is skipped; touch answers the last.
    const answersByKey = ['2', '1', '3'];
    for (const [i, key] of answersByKey.entries()) {
      await mode.getByRole('heading', { name: `${i + 1}. ${GAD7.items[i]!.text}` }).waitFor();
      await page.keyboard.press(key);
      await page.keyboard.press('Enter');
    }
    await mode.getByRole('heading', { name: `4. ${GAD7.items[3]!.text}` }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await mode.getByRole('heading', { name: `3. ${GAD7.items[2]!.text}` }).waitFor();
    expect(await mode.getByRole('radio', { name: /Nearly every day/ }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Enter');
    await mode.getByRole('button', { name: 'Skip' }).click();
    for (const i of [4, 5, 6]) {
      await mode.getByRole('heading', { name: `${i + 1}. ${GAD7.items[i]!.text}` }).waitFor();
      await mode.getByRole('radio', { name: /Several days/ }).click();
      await mode.getByRole('button', { name: 'Next' }).click();
    }
    await mode.getByRole('heading', { name: GAD7.difficulty.text }).waitFor();
    await mode.getByRole('radio', { name: /Not difficult at all/ }).click();
    await mode.getByRole('button', { name: 'Finish' }).click();

    await mode.getByRole('heading', { name: 'Thank you — please hand the device back' }).waitFor();
    await screenshot(page, 'q-21-patient-mode-thanks', { viewport: true });
    expect(await page.getByText(PATIENT).first().isVisible()).toBe(false);
    // Saved and locked on the server before the patient hands it back.
    const stored = await a.apiResult('questionnaires.listForPatient', { patientId });
    expect(stored).toMatchObject({ ok: false, error: { code: 'locked' } });

    await mode.getByRole('button', { name: 'Staff: sign in to go on' }).click();
    const gate = page.getByTestId('gate');
    await gate.getByRole('heading', { name: 'Screen locked', level: 1 }).waitFor();
    await mode.waitFor({ state: 'detached' });
    expect(await page.getByText(PATIENT).first().isVisible()).toBe(false);
    expect(await page.locator('#root').getAttribute('inert')).toBe('');
    await screenshot(page, 'q-22-locked-after-patient-mode', { viewport: true });
    const field = gate.locator('#unlock-passphrase');
    await field.fill(PASSPHRASE);
    await field.press('Enter');
    await gate.waitFor({ state: 'detached', ...CREDENTIAL_CHECK });
    await screenshot(page, 'q-23-back-after-patient-mode');

    const row = page.getByTestId('questionnaire-row').first();
    await expect.poll(() => row.innerText()).toMatch(/GAD-7.*No total \(not answered: 4; totals are not prorated\).*Patient mode.*Dr Amira Haddad.*Yes/s);
    const db = await openDatabaseReadOnly(a.dataDir);
    try {
      const rowInDb = db.prepare('SELECT mode, answers_json FROM questionnaires WHERE patient_id = ?').get(patientId) as { mode: string; answers_json: string };
      expect(rowInDb.mode).toBe('patient-mode');
      expect(JSON.parse(rowInDb.answers_json)).toEqual({
        instrument: 'gad7',
        items: { 'gad7-1': 2, 'gad7-2': 1, 'gad7-3': 3, 'gad7-4': null, 'gad7-5': 1, 'gad7-6': 1, 'gad7-7': 1 },
        difficulty: 0,
      });
    } finally {
      db.close();
    }
    const [view] = await a.api('questionnaires.listForPatient', { patientId });
    expect(view).toMatchObject({ mode: 'patient-mode', selfCompleted: true, score: { status: 'incomplete', missing: [4] } });
  }, SLOW);

  it('prints a blank PHQ-9 with the patient’s name and types a paper form in with the time on it', async () => {
    const { a, patientId } = await openTab();
    const { page } = a;
    await page.getByTestId('print-blank-form').click();
    await page.getByRole('menuitem', { name: 'PHQ-9' }).click();
    const view = page.getByRole('dialog', { name: 'Printout: Patient Health Questionnaire (PHQ-9)' });
    await view.waitFor();
    await expectNoAxeViolations(page, 'blank PHQ-9 preview');
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'questionnaire-phq9-blank.pdf');
    await page.pdf({ path: file, format: PAPER.a4.pdfFormat, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, 'questionnaire-phq9-blank')]);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [PATIENT, 'KD-2040', '30 May 1979', PHQ9.stem, 'Not at all', 'Nearly every day', 'When you fill it in']) {
      expect(text).toContain(expected);
    }
    for (const item of PHQ9.items) expect(text).toContain(item.text.split(' ').slice(0, 4).join(' '));
    await view.getByRole('button', { name: 'Close' }).click();
    await view.waitFor({ state: 'detached' });

    await page.getByTestId('type-paper-form').click();
    await page.getByRole('menuitem', { name: 'PHQ-9' }).click();
    const form = page.getByRole('dialog', { name: 'PHQ-9, typed in from a paper form' });
    await form.getByTestId('question-phq9-1').getByRole('radio').first().focus();
    for (let i = 0; i < 9; i += 1) await page.keyboard.press('0');
    await expect.poll(() => form.getByTestId('live-score').innerText()).toContain('0 of 27, minimal');
    await form.getByRole('button', { name: 'Save PHQ-9' }).click();
    await form.getByText('Enter the date and time written on the form (HH:MM).').waitFor();
    await form.getByLabel('Date on the form').fill('2026-11-30');
    await form.getByLabel('Time on the form').fill('09:15');
    await screenshot(page, 'q-30-paper-entry', { viewport: true });
    await form.getByRole('button', { name: 'Save PHQ-9' }).click();
    await form.waitFor({ state: 'detached' });
    const [view2] = await a.api('questionnaires.listForPatient', { patientId });
    expect(view2).toMatchObject({ mode: 'paper', selfCompleted: true, takenAt: new Date('2026-11-30T09:15:00').toISOString() });
  }, SLOW);
});
