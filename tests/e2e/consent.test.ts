import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS } from '../../shared/printouts';
import type { Patient } from '../../shared/schemas/patient';
import { screeningAnswers } from '../helpers/session-fixture';
import {
  expectNoAxeViolations, PASSPHRASE, patientInput, screenshot, signWithPassphrase, startSignedInApp, type E2EApp, enrollInRems, seedClearMeasures, seedCourse,
} from './harness';

// Consent as the patient's answer (issue #12): printing records nothing, even
// when the print dialog is cancelled; a decline and a withdrawal each block a
// session, with the reason shown where the session would start.

describe('consent: the patient’s answer, not printing', () => {
  let app: E2EApp;
  let patient: Patient;
  const route = 'esketamine-nasal' as const;

  beforeAll(async () => {
    app = await startSignedInApp();
    patient = await app.api('patients.create', patientInput({ legalName: 'Ines Varga', mrn: 'CN-3001', weightKg: 66 }));
    const draft = await app.api('screenings.create', { patientId: patient.id, plannedTreatment: route });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers(route) });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature: { passphrase: PASSPHRASE } });
    // Everything else a session needs, so the gate's reasons here are the consent's alone.
    await enrollInRems(app, patient.id);
    await seedClearMeasures(app, patient.id);
    await seedCourse(app, patient.id, route);
    // The print dialog, cancelled: print() returns and nothing is printed.
    await app.page.addInitScript(() => {
      const w = window as unknown as { __printCalls: number };
      w.__printCalls = 0;
      window.print = () => {
        w.__printCalls += 1;
      };
    });
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  const consents = () => app.api('consents.listForPatient', { patientId: patient.id });
  const reasons = async () => (await app.api('sessions.eligibility', { patientId: patient.id, route })).reasons;
  const entries = () => app.page.getByTestId('consent-entry');

  async function openTab(name: 'Printouts' | 'Sessions') {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'Ines Varga' }).click();
    await page.getByRole('heading', { name: 'Ines Varga', level: 1 }).waitFor();
    await page.getByRole('tab', { name }).click();
  }

  async function recordAnswer(answer: 'Signed the form' | 'Declined', witness: string | null) {
    const { page } = app;
    await page.getByRole('button', { name: 'Record the patient’s answer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record the patient’s answer' });
    await dialog.getByRole('combobox', { name: 'Treatment' }).click();
    await page.getByRole('option', { name: 'Esketamine nasal spray (SPRAVATO)' }).click();
    await dialog.getByText(answer, { exact: true }).click();
    if (witness) await dialog.getByLabel(/^Witness/).fill(witness);
    return dialog;
  }

  it('printing the consent form, then cancelling the print dialog, records no consent', async () => {
    const { page } = app;
    await openTab('Printouts');
    await page.getByTestId('no-consents').waitFor();
    await page.getByRole('combobox', { name: 'Planned treatment' }).waitFor();
    await page.getByRole('button', { name: `Print ${DOCUMENTS.consent.title}` }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(1);
    // No signature is asked for: printing is not a clinical record.
    expect(await page.getByRole('dialog', { name: /sign/i }).count()).toBe(0);
    await page.getByRole('dialog', { name: /^Printout:/ }).getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('consent-printed-hint').waitFor();
    await page.getByTestId('no-consents').waitFor();
    expect(await consents()).toEqual([]);
    expect((await reasons()).map((r) => r.code)).toEqual(['consent-required']);
    await screenshot(page, 'consent-01-printed-nothing-recorded');
    await expectNoAxeViolations(page, 'printouts, consent printed, no answer');
  });

  it('records a decline: shown as declined, and a session cannot start', async () => {
    const { page } = app;
    const dialog = await recordAnswer('Declined', null);
    await screenshot(page, 'consent-02-answer-declined-form');
    await expectNoAxeViolations(page, 'record the patient’s answer: declined');
    await dialog.getByRole('button', { name: 'Record declined' }).click();
    await signWithPassphrase(page);
    await page.getByText('Declined consent recorded', { exact: true }).waitFor();
    await expect.poll(() => entries().count()).toBe(1);
    expect(await entries().first().getAttribute('data-status')).toBe('declined');
    expect(await consents()).toMatchObject([{ status: 'declined', plannedTreatment: route, witnessName: null }]);
    expect((await reasons())[0]!.message).toMatch(/declined consent for Esketamine nasal spray/);
  });

  it('records a signed consent with its witness; the signature dialog must not be skipped', async () => {
    const { page } = app;
    const dialog = await recordAnswer('Signed the form', null);
    await dialog.getByRole('button', { name: 'Record signed consent' }).click();
    await dialog.getByText('Enter who witnessed the signature').waitFor();
    await dialog.getByLabel(/^Witness/).fill('Paula Brandt');
    await screenshot(page, 'consent-03-answer-signed-form');
    await expectNoAxeViolations(page, 'record the patient’s answer: signed');
    await dialog.getByRole('button', { name: 'Record signed consent' }).click();
    await signWithPassphrase(page);
    await page.getByText('Signed consent recorded', { exact: true }).waitFor();
    await expect.poll(() => entries().count()).toBe(2);
    expect(await entries().first().getAttribute('data-status')).toBe('signed');
    expect(await entries().first().textContent()).toContain('witnessed by Paula Brandt');
    expect(await reasons()).toEqual([]);
  });

  it('withdraws the signed consent with a reason: kept as withdrawn, and the session start is blocked with a clear message', async () => {
    const { page } = app;
    await entries().first().getByRole('button', { name: 'Withdraw consent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw consent' });
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await dialog.getByText('Enter why the patient withdrew consent').waitFor();
    await dialog.getByLabel('Reason').fill('Wants to talk it over with family first');
    await screenshot(page, 'consent-04-withdraw-form');
    await expectNoAxeViolations(page, 'withdraw consent');
    await dialog.getByRole('button', { name: 'Withdraw consent' }).click();
    await signWithPassphrase(page);
    await page.getByText('Consent withdrawn', { exact: true }).waitFor();
    await expect.poll(() => entries().first().getAttribute('data-status')).toBe('withdrawn');
    expect(await entries().first().getByTestId('consent-withdrawal').textContent()).toContain('Wants to talk it over with family first');
    expect(await entries().getByRole('button', { name: 'Withdraw consent' }).count()).toBe(0);
    await screenshot(page, 'consent-05-history-withdrawn');
    await expectNoAxeViolations(page, 'consent history with a withdrawal');
    expect((await consents()).map((c) => c.status)).toEqual(['withdrawn', 'declined']);

    await openTab('Sessions');
    const reason = page.getByTestId('eligibility-reasons').getByTestId('eligibility-reason');
    await reason.first().waitFor();
    expect(await reason.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['consent-required']);
    expect(await reason.first().textContent()).toMatch(/withdrew consent for Esketamine nasal spray on \d{4}-\d\d-\d\d \(Wants to talk it over with family first\)\. A session can start only after they sign a new consent/);
    expect(await page.getByTestId('start-session').isDisabled()).toBe(true);
    await screenshot(page, 'consent-06-session-blocked');
    await expectNoAxeViolations(page, 'sessions tab, consent withdrawn');
    expect((await app.api('audit.verify', {})).ok).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
