import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '../../shared/schemas/patient';
import { screeningAnswers } from '../helpers/session-fixture';
import {
  PASSPHRASE, expectNoAxeViolations, openDatabaseReadOnly, patientInput, screenshot, signWithPassphrase, startSignedInApp, type SignedInApp,
  seedSessionNeeds, openChartTab,
} from './harness';

// Screens that say what they mean (issue 13, points 3, 6–10 and 14), each
// driven as a clinician would in Chromium against browser mode.

const SERTRALINE = { name: 'sertraline', class: 'ssri' as const, dailyDoseMg: 100 };
const LORAZEPAM = { name: 'lorazepam', class: 'benzodiazepine' as const };
/** Internal codes a clinical screen must not show: rule ids, reference sections, development notes. */
const INTERNAL = /\b(CI|CA|NO)-[A-Z]+(-[A-Z]+)*\b|REFERENCE §|partly unverified|checked against the current esketamine label/;

describe('screens that say what they mean', () => {
  let app: SignedInApp;
  let sessionPlace: { patientId: string; sessionId: string } | null = null;
  const page = () => app.page;

  // The clinic's first clinician: a prescriber and its administrator, who may change settings.
  beforeAll(async () => {
    app = await startSignedInApp();
  });
  afterAll(async () => {
    await app?.close();
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail' || !app) return;
    if (app.consoleErrors.length) console.error(app.consoleErrors.join('\n'));
    await screenshot(page(), `fixes-failed-${ctx.task.name.slice(0, 20).replace(/\W+/g, '-')}`).catch(() => undefined);
  });

  const openChart = (p: Patient, tab: string) => openChartTab(page(), p, tab);

  async function startScreening(treatment: string) {
    await page().getByRole('button', { name: 'Start screening' }).click();
    await page().getByRole('menuitem', { name: treatment }).click();
    await page().getByTestId('screening-editor').waitFor();
  }

  it('Settings show every session threshold with its default and source; a change needs a reason', async () => {
    await page().getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page().getByRole('heading', { name: 'Session thresholds and timings' }).waitFor();
    const systolic = page().locator('#settings-alertSystolicAbove');
    expect(await systolic.inputValue()).toBe('180');
    const description = await page().locator('#settings-alertSystolicAbove-description').textContent();
    expect(description).toBe('Default: 180 mmHg. Clinic default. Source: consensus practice.');
    expect(await page().locator('#settings-alertSystolicRise-description').textContent()).toContain('Source: Esketamine (SPRAVATO) label §5.5');
    expect(await page().locator('#settings-esketamineMinObservationMinutes').inputValue()).toBe('120');
    expect(await page().locator('#settings-alertActionBloodPressure').inputValue()).toMatch(/^Repeat the BP in 5 minutes/);
    expect(await page().locator('main').innerText()).not.toMatch(INTERNAL);
    await expectNoAxeViolations(page(), 'settings with session thresholds');
    await screenshot(page(), 'fixes-01-settings-session-thresholds');

    await systolic.fill('175');
    await page().getByRole('button', { name: 'Save settings' }).click();
    await page().getByText('Give a reason for changing a session threshold, timing or alert action').waitFor();
    expect((await app.api('settings.get', {})).alertSystolicAbove).toBe(180);
    await page().getByLabel('Reason for the change').fill('Clinic protocol review');
    await page().getByRole('button', { name: 'Save settings' }).click();
    await page().getByText('Settings saved').waitFor();
    expect((await app.api('settings.get', {})).alertSystolicAbove).toBe(175);
    await app.api('settings.update', { settings: { alertSystolicAbove: 180 }, reason: 'Back to the default' });
  });

  it('Settings show the course and REMS form settings with their defaults; a change to each is stored and audited', async () => {
    await page().getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    const course = page().getByTestId('course-settings');
    const rems = page().getByTestId('rems-settings');
    await course.getByRole('heading', { name: 'Treatment courses' }).waitFor();
    await rems.getByRole('heading', { name: 'Esketamine REMS forms' }).waitFor();
    expect(await page().locator('#settings-ketamineInductionSessions').inputValue()).toBe('6');
    expect(await page().locator('#settings-ketamineInductionSessions-description').textContent()).toBe(
      'Default: 6 sessions. Clinic default. Source: KetaDesk clinic default (the clinical reference gives no count).',
    );
    expect(await page().locator('#settings-nursesDecideMilderConcerns').isChecked()).toBe(false);
    expect(await page().locator('#settings-remsDueSoonDays-description').textContent()).toBe('Default: 2 days. Clinic default. Source: KetaDesk clinic default.');
    expect(await page().locator('#settings-remsClinicianPhone-description').textContent()).toContain('Source: SPRAVATO REMS materials.');
    expect(await page().locator('main').innerText()).not.toMatch(INTERNAL);
    await course.scrollIntoViewIfNeeded();
    await screenshot(page(), 'fixes-02-settings-courses', { viewport: true });
    await rems.scrollIntoViewIfNeeded();
    await screenshot(page(), 'fixes-03-settings-rems', { viewport: true });
    await expectNoAxeViolations(page(), 'settings with course and REMS sections');

    // A field named in its validation message.
    await page().locator('#settings-remsDueSoonDays').fill('9');
    await rems.getByText('REMS form due soon must be at most 7 days').waitFor();
    await page().locator('#settings-remsDueSoonDays').fill('3');
    await page().locator('#settings-remsClinicianEmail').fill('rems@harbour.example');
    await page().locator('#settings-ketamineInductionSessions').fill('8');
    // A course rule decides when a session is early, so its change needs a reason.
    await page().getByRole('button', { name: 'Save settings' }).click();
    await page().getByText('Give a reason for changing a session threshold, timing or alert action').waitFor();
    expect((await app.api('settings.get', {})).ketamineInductionSessions).toBe(6);
    await page().getByLabel('Reason for the change').fill('Induction of 8 sessions agreed');
    await page().getByRole('button', { name: 'Save settings' }).click();
    await page().getByText('Settings saved').waitFor();
    expect(await app.api('settings.get', {})).toMatchObject({ ketamineInductionSessions: 8, remsDueSoonDays: 3, remsClinicianEmail: 'rems@harbour.example' });
    const db = await openDatabaseReadOnly(app.dataDir);
    try {
      const audit = db.prepare("SELECT reason, before_json, after_json FROM audit_log WHERE entity = 'settings' ORDER BY rowid DESC LIMIT 1").get() as {
        reason: string; before_json: string; after_json: string;
      };
      expect(audit.reason).toBe('Induction of 8 sessions agreed');
      expect(JSON.parse(audit.before_json)).toMatchObject({ ketamineInductionSessions: 6, remsDueSoonDays: 2 });
      expect(JSON.parse(audit.after_json)).toMatchObject({ ketamineInductionSessions: 8, remsDueSoonDays: 3 });
    } finally {
      db.close();
    }
    await app.api('settings.update', { settings: { ketamineInductionSessions: 6, remsDueSoonDays: 2, remsClinicianEmail: '' }, reason: 'Back to the defaults' });
  });

  it('the checklist: a click selects a row, a click answer moves on, counts agree, the escort question reads plainly, Escape closes why-we-ask', async () => {
    const p = await app.api('patients.create', patientInput({ legalName: 'Clara Ruiz', mrn: 'FX-2001', sex: 'female' }));
    await openChart(p, 'Screening');
    await startScreening('Esketamine');
    const item = (id: string) => page().locator(`[data-item="${id}"]`);
    const focusedItem = () => page().evaluate(() => document.activeElement?.closest('[data-item]')?.getAttribute('data-item') ?? null);

    expect(await page().getByTestId('draft-meta').textContent()).toContain('0 of 22 required questions answered · baseline blood pressure still needed');
    expect(await page().getByTestId('missing-count').textContent()).toBe('23 required answers missing');
    expect(await page().getByTestId('missing-why').textContent()).toBe('(22 questions and the baseline blood pressure)');

    // Clicking the question text selects the row: N answers it and moves on.
    await item('arteriovenous-malformation').getByTestId('question').click();
    expect(await focusedItem()).toBe('arteriovenous-malformation');
    await page().keyboard.press('n');
    await expect.poll(() => item('arteriovenous-malformation').locator('input:checked').getAttribute('value')).toBe('no');
    await expect.poll(focusedItem).not.toBe('arteriovenous-malformation');
    const afterKey = await focusedItem();

    // Answering by click moves on the same way.
    await item(afterKey!).locator('label', { hasText: /^No$/ }).click();
    await expect.poll(() => item(afterKey!).locator('input:checked').getAttribute('value')).toBe('no');
    await expect.poll(focusedItem).not.toBe(afterKey);
    expect(await page().getByTestId('draft-meta').textContent()).toContain('2 of 22 required questions answered');
    expect(await page().getByTestId('missing-count').textContent()).toBe('21 required answers missing');

    // The escort question without a double negative.
    const escort = await item('no-escort-home').getByTestId('question').textContent();
    expect(escort).toContain('Going home without an adult to take them?');
    expect(escort).not.toMatch(/No one/);

    // "Why we ask" opens with ?, closes with Escape, and sits under the app header.
    await item('no-escort-home').getByTestId('question').click();
    await page().keyboard.press('?');
    const dropdown = page().getByRole('dialog', { name: /^Why we ask/ });
    await dropdown.waitFor();
    expect(Number(await dropdown.evaluate((el) => getComputedStyle(el).zIndex))).toBeLessThan(100);
    expect(await dropdown.innerText()).not.toMatch(INTERNAL);
    await screenshot(page(), 'fixes-02-checklist-why-we-ask', { viewport: true });
    await page().keyboard.press('Escape');
    await dropdown.waitFor({ state: 'hidden' });
    expect(await focusedItem()).toBe('no-escort-home');
    await expectNoAxeViolations(page(), 'checklist after keyboard flow');
  });

  it('medicines and allergies belong to the patient: a screening starts from them and can update them', async () => {
    const p = await app.api('patients.create', patientInput({
      legalName: 'Dana Okafor', mrn: 'FX-2002', allergyStatus: 'none-known', medicines: [SERTRALINE, LORAZEPAM],
    }));
    await openChart(p, 'Record');
    await page().getByTestId('allergies').getByText('No known allergies').waitFor();
    expect(await page().getByTestId('patient-medicines').textContent()).toBe('sertraline 100 mg/day, lorazepam');

    await page().getByRole('tab', { name: 'Screening' }).click();
    await startScreening('Esketamine');
    const meds = page().getByTestId('medications');
    await meds.locator('[data-medication="sertraline"]').waitFor();
    await meds.locator('[data-medication="lorazepam"]').waitFor();
    await page().getByTestId('medicines-on-record').waitFor();

    await page().getByRole('button', { name: 'Remove lorazepam' }).click();
    await page().getByTestId('medicines-offer').waitFor();
    await screenshot(page(), 'fixes-03-screening-medicines-offer');
    await expectNoAxeViolations(page(), 'screening with the medicines offer');
    await page().getByRole('button', { name: 'Update the patient’s list' }).click();
    // An amendment of the patient's record, signed like any other.
    await signWithPassphrase(page());
    await page().getByTestId('medicines-on-record').waitFor();
    expect((await app.api('patients.get', { id: p.id })).medicines).toEqual([SERTRALINE]);
    // The record's last change is that amendment, followed by the electronic signature that made it.
    const history = await app.api('patients.history', { id: p.id });
    expect(history.at(-1)).toMatchObject({ action: 'signature' });
    expect(history.filter((e) => e.action !== 'signature').at(-1)).toMatchObject({ action: 'amend', reason: 'Medicine list updated from a screening' });
  });

  it('a session: alerts say what to do, and the chart gives each measure its own scale and limits', async () => {
    const p = await app.api('patients.create', patientInput({ legalName: 'Ella Strand', mrn: 'FX-2003', weightKg: 64 }));
    const draft = await app.api('screenings.create', { patientId: p.id, plannedTreatment: 'esketamine-nasal' });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature: { passphrase: PASSPHRASE } });
    await seedSessionNeeds(app, p.id, 'esketamine-nasal');
    const now = () => new Date().toISOString();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const started = await app.api('sessions.start', {
      patientId: p.id,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: now(), systolic: 124, diastolic: 78, heartRate: 70, spo2: 98 },
        lastFoodAt: hoursAgo(10), lastDrinkAt: hoursAgo(10), pregnancy: 'test-negative', escortArranged: true,
        newMedicines: false, newIllness: false, substanceUse: false,
      },
    });
    const sessionId = started.session.id;
    await app.api('sessions.addEntry', { sessionId, at: now(), entry: { kind: 'vitals', systolic: 185, diastolic: 105, heartRate: 88, spo2: 98, respiratoryRate: 14 } });

    await openChart(p, 'Record');
    await page().getByRole('tab', { name: 'Sessions' }).click();
    const banner = page().getByTestId('alert-banner');
    await banner.waitFor();
    const action = await banner.getByTestId('alert-action').first().textContent();
    expect(action).toContain('What to do: Repeat the BP in 5 minutes. If it is still high, tell the prescriber.');

    // One panel per measure: SpO2 on its own 80–100 % scale, never under the systolic band.
    const chart = page().getByTestId('vitals-chart');
    for (const id of ['bp', 'heart-rate', 'spo2']) await chart.getByTestId(`vitals-panel-${id}`).waitFor();
    expect(await chart.getByTestId('vitals-panel-spo2').getAttribute('data-domain')).toBe('80-100');
    expect(await chart.getByTestId('vitals-panel-spo2').innerText()).not.toContain('Systolic');
    expect(await page().locator('main').innerText()).not.toMatch(INTERNAL);
    await expectNoAxeViolations(page(), 'session with an alert and its action');
    await screenshot(page(), 'fixes-04-session-alert-action');
    await chart.scrollIntoViewIfNeeded();
    await screenshot(page(), 'fixes-05-vitals-chart-panels', { viewport: true });
    sessionPlace = { patientId: p.id, sessionId };
  }, 120_000);

  it('reload, Back and Forward keep the place: the session is in the address', async () => {
    const { patientId: pid, sessionId } = sessionPlace!;
    const p = { id: pid };
    // The address names the session: reload returns to it, Back to the chart's Record tab, Forward to the session.
    expect(page().url()).toContain(`#/patient/${p.id}/sessions/${sessionId}`);
    await page().reload();
    await page().getByTestId('alert-banner').waitFor();
    await page().goBack();
    await page().getByRole('tab', { name: 'Record', selected: true }).waitFor();
    expect(page().url()).toContain(`#/patient/${p.id}/record`);
    await page().goForward();
    await page().getByTestId('alert-banner').waitFor();
  }, 120_000);

  it('printouts and the start form carry no development notes or internal codes', async () => {
    const p = await app.api('patients.create', patientInput({ legalName: 'Farid Nasser', mrn: 'FX-2004', weightKg: 80 }));
    await openChart(p, 'Printouts');
    await page().getByRole('button', { name: /^Print / }).first().waitFor();
    expect(await page().locator('main').innerText()).not.toMatch(INTERNAL);
  });
});
