import { storedAsqAnswers } from '../../shared/measures/stored-answers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_FORM } from '../../shared/printouts';
import { seedScores } from '../helpers/questionnaire-fixture';
import { screeningAnswers } from '../helpers/session-fixture';
import { expectNoAxeViolations, PASSPHRASE, screenshot, seedPatient, startSignedInApp, type E2EApp, enrollInRems, seedCourse, seedSignedConsent } from './harness';

// The course at a glance: PHQ-9 and GAD-7 recorded through the API over five
// weeks, a session started today; the chart's Progress tab and the session
// screen show the baseline, the change and response and remission in words,
// and the chart beside them.

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

describe('PHQ-9 and GAD-7 trend', () => {
  let app: E2EApp;
  let patientId = '';
  const PATIENT = 'Noor Haddad';

  beforeAll(async () => {
    app = await startSignedInApp();
    const patient = await seedPatient(app, { legalName: PATIENT, mrn: 'KD-2001' });
    patientId = patient.id;
    // PHQ-9 20 → 9: 11 points down from baseline, more than half: a response, not remission.
    // GAD-7 14 → 8: 6 points down, short of half: no response (by analogy).
    // The latest scores are today's, which the start gate also asks for, with a clear ASQ.
    await seedScores(app, patientId, [['phq9', 20, 35], ['phq9', 15, 21], ['phq9', 9, 0], ['gad7', 14, 35], ['gad7', 8, 0]]);
    await app.api('questionnaires.record', { patientId, answers: storedAsqAnswers(['no', 'no', 'no', 'no', null]), mode: 'read-aloud', takenAt: new Date().toISOString() });
    const draft = await app.api('screenings.create', { patientId, plannedTreatment: 'esketamine-nasal' });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature: { passphrase: PASSPHRASE } });
    await enrollInRems(app, patientId);
    await seedSignedConsent(app, patientId, 'esketamine-nasal');
    await seedCourse(app, patientId, 'esketamine-nasal');
    await app.api('sessions.start', {
      patientId,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: new Date().toISOString(), systolic: 122, diastolic: 76, heartRate: 70, spo2: 98 },
        lastFoodAt: daysAgo(0.3), lastDrinkAt: daysAgo(0.1),
        pregnancy: 'test-negative', escortArranged: true, newMedicines: false, newIllness: false, substanceUse: false,
      },
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function openChart() {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('button', { name: PATIENT }).click();
    await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
  }

  it('Progress tab: baseline, change, response and remission in words, the chart with bands and session days', async () => {
    const { page } = app;
    await openChart();
    await page.getByRole('tab', { name: 'Progress' }).click();
    const phq9 = page.getByTestId('trend-summary-phq9');
    const gad7 = page.getByTestId('trend-summary-gad7');
    await phq9.getByText(/^PHQ-9 baseline 20 \(severe\)/).waitFor();
    await phq9.getByText(/^Latest 9 \(mild\), .*: −11 points \(−55 %\) from baseline\.$/).waitFor();
    await phq9.getByText('Response', { exact: true }).waitFor();
    await phq9.getByText('Not in remission', { exact: true }).waitFor();
    await gad7.getByText(/^GAD-7 baseline 14 \(moderate\)/).waitFor();
    await gad7.getByText(/: −6 points \(−42 %\) from baseline\.$/).waitFor();
    await gad7.getByText('No response yet *', { exact: true }).waitFor();
    await page.getByText(/GAD-7 response and remission use the PHQ-9 definitions by analogy/).waitFor();

    const chart = page.getByTestId('trend-chart-full');
    await chart.waitFor();
    expect(await page.getByTestId('trend-panel-phq9').getAttribute('data-points')).toBe('3');
    expect(await page.getByTestId('trend-panel-gad7').getAttribute('data-points')).toBe('2');
    // The bands are shaded and named; the line has a dot per score.
    await chart.locator('.recharts-reference-area').first().waitFor();
    await expect.poll(() => page.getByTestId('trend-panel-phq9').locator('.recharts-reference-area').count()).toBe(5);
    await expect.poll(() => page.getByTestId('trend-panel-gad7').locator('.recharts-reference-area').count()).toBe(4);
    await expect.poll(() => page.getByTestId('trend-panel-phq9').locator('.recharts-line-dot').count()).toBe(3);
    // The session today is a dotted line, and the baseline a dashed one, in each panel.
    await expect.poll(() => page.getByTestId('trend-panel-phq9').locator('.recharts-reference-line').count()).toBe(2);
    // The table for a screen reader has every score.
    const table = page.getByRole('table').filter({ has: page.getByText('PHQ-9 and GAD-7 totals, oldest first') });
    await expect.poll(() => table.getByRole('row').count()).toBe(6);

    await screenshot(page, '90-trend-progress-tab');
    await chart.screenshot({ path: 'test-results/screens/91-trend-chart.png' });
    await expectNoAxeViolations(page, 'progress tab');
    expect(app.consoleErrors).toEqual([]);
  });

  it('session screen: the same trend in small, with its summary', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByTestId('session-screen').waitFor();
    const small = page.getByTestId('course-trend-small');
    await small.getByTestId('trend-chart-small').waitFor();
    await small.getByTestId('trend-summary-phq9').getByText(/−11 points \(−55 %\)/).waitFor();
    await expect.poll(() => small.locator('.recharts-line-dot').count()).toBe(5);
    await small.scrollIntoViewIfNeeded();
    // The live session screen as a laptop shows it with the trend in view (a full-page shot of it can time out on a busy machine).
    await screenshot(page, '92-trend-session-screen', { viewport: true });
    await small.screenshot({ path: 'test-results/screens/93-trend-session-small.png' });
    await expectNoAxeViolations(page, 'session screen with trend');
  });

  it('a patient without questionnaires gets a plain empty state', async () => {
    const { page } = app;
    await seedPatient(app, { legalName: 'Ilse Varga', mrn: 'KD-2002' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('button', { name: 'Ilse Varga' }).click();
    await page.getByRole('tab', { name: 'Progress' }).click();
    await page.getByTestId('trend-empty').waitFor();
    await expectNoAxeViolations(page, 'progress tab, empty');
  });
});
