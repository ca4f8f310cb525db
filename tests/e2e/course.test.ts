import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTS } from '../../shared/printouts/documents';
import type { Patient } from '../../shared/schemas/patient';
import { preDoseInput, screeningAnswers } from '../helpers/session-fixture';
import {
  PASSPHRASE, ROOT, expectNoAxeViolations, screenshot, seedPatient, signWithPassphrase, startSignedInApp, workAs, type SignedInApp, seedSignedConsent, seedClearMeasures, enrollInRems, openChartTab,
} from './harness';

// A prescriber orders an esketamine induction course on the chart's Course
// tab; a nurse at the start form cannot give another dose; once a session is
// given, another the same day shows the plan's too-early warning; the consent
// form then names the course's indication.

const OUT = join(ROOT, 'test-results', 'printouts');

describe('treatment course', () => {
  let app: SignedInApp;
  let patient: Patient;
  const nurseId = () => app.colleagues[0]!.id;
  const prescriberId = () => app.clinician.id;

  beforeAll(async () => {
    app = await startSignedInApp({ colleagues: [{ name: 'Sam Okafor', credentials: 'RN', role: 'nurse' }] });
    patient = await seedPatient(app, { legalName: 'Lena Fischer', mrn: 'MRN-C100', dateOfBirth: '1988-05-02' });
    await seedSignedConsent(app, patient.id, 'esketamine-nasal');
    await seedClearMeasures(app, patient.id);
    await enrollInRems(app, patient.id);
    const draft = await app.api('screenings.create', { patientId: patient.id, plannedTreatment: 'esketamine-nasal' });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature: { passphrase: PASSPHRASE } });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  const openTab = (tab: 'Course' | 'Sessions') => openChartTab(app.page, patient, tab);

  it('a prescriber orders an induction course: the label doses for a 38-year-old, signed, with what comes next', async () => {
    const { page } = app;
    await openTab('Course');
    await page.getByTestId('course-tab').getByText('No treatment course yet.').waitFor();
    await page.getByRole('button', { name: 'Order a course' }).click();
    const form = page.getByTestId('course-order-form');
    // Below 65 the label's doses are 56 and 84 mg: 28 mg is not offered [S1 §2].
    expect(await form.locator('input[name="course-devices"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['2', '3']);
    await form.getByLabel(/^Indication/).click();
    await page.getByRole('option', { name: 'Treatment-resistant depression' }).click();
    await form.locator('input[name="course-devices"][value="2"]').check();
    await form.locator('input[name="course-interval"][value="14"]').check();
    await screenshot(page, 'course-01-order-form');
    await expectNoAxeViolations(page, 'course order form');
    await form.getByRole('button', { name: 'Sign the course order' }).click();
    await signWithPassphrase(page);
    const card = page.getByTestId('course-card');
    await card.getByTestId('course-next-label').getByText('Next: Session 1 of induction (8 planned)').waitFor();
    expect(await card.textContent()).toContain('Dose order: 56 mg (2 devices)');
    await screenshot(page, 'course-02-ordered');
    await expectNoAxeViolations(page, 'course tab');
  });

  it('a nurse cannot change the ordered dose: the start form asks for a prescriber, and the order cannot be changed', async () => {
    await workAs(app, nurseId());
    const { page } = app;
    await openTab('Course');
    await page.getByTestId('course-card').waitFor();
    expect(await page.getByRole('button', { name: 'Change order' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Sessions' }).click();
    await page.getByTestId('start-session').click();
    const form = page.getByTestId('start-form');
    await form.getByTestId('course-position').getByText('Session 1 of induction (8 planned)').waitFor();
    // The ordered dose is filled in; choosing another needs a prescriber.
    await expect.poll(() => form.locator('input[name="start-devices"][value="2"]').isChecked()).toBe(true);
    await form.locator('input[name="start-devices"][value="3"]').check();
    await form.getByTestId('dose-change-needs-prescriber').waitFor();
    await screenshot(page, 'course-03-nurse-other-dose');
    await expectNoAxeViolations(page, 'start form, nurse with another dose');
    const course = (await app.api('courses.listForPatient', { patientId: patient.id }))[0]!;
    const refused = await app.apiResult('courses.changeOrder', {
      courseId: course.id, indication: 'trd', plan: course.plan!, dose: { route: 'esketamine-nasal', deviceCount: 3 }, reason: 'Nurse try',
      signature: { passphrase: PASSPHRASE },
    });
    expect(refused).toMatchObject({ ok: false, error: { message: 'Only a prescriber may do this.' } });
  });

  it('once a session is given, another the same day is too early for the induction plan, and the course says so', async () => {
    await workAs(app, prescriberId());
    const now = new Date();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    await app.api('sessions.start', {
      patientId: patient.id, startedAt: at(0), plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: preDoseInput({ vitals: { takenAt: at(-10 * 60_000), systolic: 120, diastolic: 80, heartRate: 72, spo2: 98 }, lastFoodAt: at(-5 * 3600_000), lastDrinkAt: at(-3600_000) }),
    });
    const { page } = app;
    await openTab('Course');
    const warnings = page.getByTestId('course-warnings');
    await warnings.getByText(/Too early: 0 days after the last session/).waitFor();
    expect(await page.getByTestId('course-next-label').textContent()).toContain('Session 2 of induction');
    await screenshot(page, 'course-04-too-early');
    await expectNoAxeViolations(page, 'course tab with a too-early warning');
  });

  it('the consent form names what the course treats, printed to PDF and PNG', async () => {
    const { page } = app;
    await openTab('Course');
    await page.getByRole('tab', { name: 'Printouts' }).click();
    await page.getByRole('button', { name: `Preview ${DOCUMENTS.consent.title}` }).click();
    const view = page.getByRole('dialog', { name: /^Printout:/ });
    await view.getByText(/^You are being offered esketamine to treat depression that has not got better with other medicines\./).waitFor();
    mkdirSync(OUT, { recursive: true });
    const file = join(OUT, 'consent-course-indication.pdf');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(OUT, 'consent-course-indication')]);
    const text = execFileSync('pdftotext', ['-l', '1', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Treatment-resistant depression');
    expect(text).toContain('to treat depression that has not got better with other medicines.');
    await view.getByRole('button', { name: 'Close' }).click();
  });
});
