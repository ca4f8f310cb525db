import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../shared/dates';
import {
  CONSENT_FORM, DOCUMENT_IDS, DOCUMENTS, MURROUGH_2013, PAPER, SIDE_EFFECTS, TRANSFORM_2, consentFormLabel, inHundred, longDate,
  type DocumentId,
} from '../../shared/printouts';
import type { PaperSize } from '../../shared/schemas/settings';
import { seedScores } from '../helpers/questionnaire-fixture';
import { screeningAnswers } from '../helpers/session-fixture';
import {
  countPrints, expectNoAxeViolations, PASSPHRASE, printCount, seedClearMeasures, patientInput, ROOT, screenshot, signWithPassphrase, startSignedInApp, type E2EApp, enrollInRems, seedCourse, seedSignedConsent,
} from './harness';

// Each printout opened from the chart in Chromium, printed with page.pdf() on
// the clinic's paper and read back with poppler: the patient's name, the
// figures (the reference's X in 100, via shared/printouts, whose unit test
// checks them against REFERENCE.md), the required sections, the running
// header and footer on every page and the page count. PDFs and 60 dpi PNGs
// stay in test-results/printouts/ to be looked at.

const OUT = join(ROOT, 'test-results', 'printouts');
const PATIENT = 'Zoë Ångström';
const TODAY = longDate(localIsoDate());
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#0f5d66"/><path d="M10 38c8-8 14-8 22 0s14 8 22 0" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/><circle cx="32" cy="22" r="7" fill="#fff"/></svg>`;

interface Pdf {
  text: string;
  pages: string[];
  pageCount: number;
  size: string;
}

function readPdf(file: string): Pdf {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pageCount = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:.*\((\w+)\)/.exec(info)?.[1] ?? '';
  const pages = Array.from({ length: pageCount }, (_, i) =>
    norm(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })),
  );
  return { text: pages.join(' '), pages, pageCount, size };
}

describe('patient printouts', () => {
  let app: E2EApp;
  let patientId = '';

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    app = await startSignedInApp();
    const patient = await app.api('patients.create', patientInput({ legalName: PATIENT, mrn: 'KD-1001', dateOfBirth: '1985-07-02' }));
    patientId = patient.id;
    await countPrints(app.page);
    await app.open();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('sets up the clinic on the Settings screen: validated, saved, audited', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'settings');

    await page.getByLabel('Clinic name').fill('Harbour Mood Clinic');
    await page.getByLabel('Address').fill('12 Quay Street, Port Ellis');
    await page.getByLabel('Clinic phone').fill('call us');
    await page.getByText('Clinic phone may use digits, spaces and + ( ) - . / # *').waitFor();
    await page.getByLabel('Clinic phone').fill('+1 555 0100');
    await page.getByLabel('After-hours phone').fill('+1 555 0199');
    await page.getByLabel('Emergency number').fill('911');
    const logo = join(OUT, 'test-logo.svg');
    writeFileSync(logo, LOGO);
    await page.locator('input[type="file"]').setInputFiles(logo);
    await page.getByTestId('logo-preview').waitFor();
    await page.getByLabel('Reason for the change').fill('Clinic details for printouts');
    await screenshot(page, '60-settings-filled');
    await expectNoAxeViolations(page, 'settings, filled');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();

    const saved = await app.api('settings.get', {});
    expect(saved).toMatchObject({
      clinicName: 'Harbour Mood Clinic', clinicPhone: '+1 555 0100', afterHoursPhone: '+1 555 0199', emergencyNumber: '911', paperSize: 'a4',
    });
    expect(saved.clinicLogo).toMatch(/^data:image\/svg\+xml;base64,/);
    // A logo the server would refuse is refused by the API too.
    const refused = await app.apiResult('settings.update', { settings: { clinicLogo: 'data:image/png;base64,AAAA' } });
    expect(refused).toMatchObject({ ok: false, error: { field: 'settings.clinicLogo' } });
  });

  async function openPrintouts() {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' }).click();
    await page.getByRole('button', { name: PATIENT }).click();
    await page.getByRole('heading', { name: PATIENT, level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Printouts' }).click();
    await page.getByTestId('printouts-panel').waitFor();
  }

  it('lists the documents on the chart, with no accessibility problems', async () => {
    await openPrintouts();
    for (const id of DOCUMENT_IDS) {
      await app.page.getByTestId(`printout-${id}`).getByRole('paragraph').getByText(DOCUMENTS[id].title, { exact: true }).waitFor();
    }
    await app.page.getByTestId('no-consents').waitFor();
    await screenshot(app.page, '61-printouts-panel');
    await expectNoAxeViolations(app.page, 'printouts panel');
  });

  /** Opens a document's preview, prints it to PDF on `paper` and converts it to PNG pages. */
  async function printToPdf(document: DocumentId, name: string, paper: PaperSize): Promise<Pdf> {
    const { page } = app;
    await page.getByRole('button', { name: `Preview ${DOCUMENTS[document].title}` }).click();
    const view = page.getByRole('dialog', { name: /^Printout:/ });
    await view.waitFor();
    const file = join(OUT, `${name}.pdf`);
    await page.pdf({ path: file, format: PAPER[paper].pdfFormat, printBackground: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(OUT, name)]);
    await view.getByRole('button', { name: 'Close' }).click();
    await view.waitFor({ state: 'detached' });
    return readPdf(file);
  }

  function expectEveryPage(pdf: Pdf, footer: string) {
    pdf.pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`${PATIENT} · ${TODAY}`);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pdf.pageCount}`);
      expect(text, `page ${i + 1}`).toContain(footer);
      expect(text, `page ${i + 1}`).toContain('Harbour Mood Clinic');
    });
  }

  it('risk/benefit sheet: every figure as X in 100 with placebo, both framings, sources, at most two pages', async () => {
    await app.page.getByRole('button', { name: `Preview ${DOCUMENTS['risk-benefit'].title}` }).click();
    await app.page.getByRole('dialog', { name: /^Printout:/ }).waitFor();
    await screenshot(app.page, '63-printout-preview');
    await expectNoAxeViolations(app.page, 'printout preview');
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('dialog', { name: /^Printout:/ }).waitFor({ state: 'detached' });

    const pdf = await printToPdf('risk-benefit', 'risk-benefit', 'a4');
    expect(pdf.size).toBe('A4');
    expect(pdf.pageCount).toBeLessThanOrEqual(2);
    expectEveryPage(pdf, DOCUMENTS['risk-benefit'].title);
    const t = pdf.text;
    expect(t).toContain(`For: ${PATIENT}`);
    expect(t).toContain('Planned treatment: Ketamine by drip into a vein (IV)');
    for (const heading of ['What is ketamine?', 'How is it thought to work?', 'How likely is it to help?', 'It works best with other help',
      'Side effects: what happened in studies', 'Other risks', 'Who should not have ketamine', 'Sources']) {
      expect(t).toContain(heading);
    }
    expect(t).toContain('glutamate');
    expect(t).toContain('serotonin');
    const m = MURROUGH_2013;
    expect(t).toContain(`${inHundred(m.response.treated)} felt much better one day later. ${100 - m.response.treated.count} in 100 did not.`);
    expect(t).toContain(`${inHundred(m.response.comparator)} felt much better one day later. ${100 - m.response.comparator.count} in 100 did not.`);
    // Each side effect's row: had it, did not (both framings), and the dummy-spray figure.
    for (const e of SIDE_EFFECTS) {
      expect(t).toContain(`${inHundred(e.treated)} ${100 - e.treated.count} in 100 ${inHundred(e.placebo)}`);
    }
    expect(t).toContain('Had it Did not With a dummy spray');
    expect(t).toContain('[S1 §6]');
    expect(t).toContain('[S5]');
    expect(t).toMatch(/S5\. Murrough JW, et al\./);
  });

  it('risk/benefit sheet fits two US Letter pages for every planned treatment', async () => {
    await app.api('settings.update', { settings: { paperSize: 'letter' } });
    await app.open();
    await openPrintouts();
    for (const [value, label] of [['esketamine-nasal', 'Esketamine nasal spray (SPRAVATO)'], ['im-ketamine', 'Ketamine by shot into a muscle (IM)'], ['iv-ketamine', 'Ketamine by drip into a vein (IV)']] as const) {
      await app.page.getByRole('combobox', { name: 'Planned treatment' }).click();
      await app.page.getByRole('option', { name: label }).click();
      const pdf = await printToPdf('risk-benefit', `risk-benefit-letter-${value}`, 'letter');
      expect(pdf.size).toBe('letter');
      expect(pdf.pageCount, value).toBeLessThanOrEqual(2);
      expect(pdf.text).toContain(`Planned treatment: ${label}`);
      if (value === 'esketamine-nasal') {
        const s = TRANSFORM_2;
        expect(pdf.text).toContain(`${inHundred(s.response.treated)} felt much better after 4 weeks. ${100 - s.response.treated.count} in 100 did not.`);
        expect(pdf.text).toContain(`${inHundred(s.response.comparator)} felt much better after 4 weeks.`);
        expect(pdf.text).toContain(`${inHundred(s.remission!.treated)} in the esketamine group had few or no signs of depression left. In the other group, ${inHundred(s.remission!.comparator)} did.`);
      }
    }
    await app.api('settings.update', { settings: { paperSize: 'a4' } });
    await app.open();
    await openPrintouts();
  });

  it('consent form: every required section, signature lines for three, form version on every page', async () => {
    const pdf = await printToPdf('consent', 'consent', 'a4');
    expect(pdf.pageCount).toBeLessThanOrEqual(3);
    expectEveryPage(pdf, consentFormLabel());
    const t = pdf.text;
    expect(t).toContain(`Patient: ${PATIENT}`);
    expect(t).toContain('Date of birth: 2 July 1985');
    for (const heading of ['The treatment', 'Approved use and off-label use', 'How it may help', 'Risks', 'Other choices',
      'Checks and care during your visit', 'After each visit', 'Pregnancy, alcohol and other drugs', 'Your right to stop', 'Who to call',
      'Your agreement']) {
      expect(t).toContain(heading);
    }
    expect(t).toContain('"off-label"');
    expect(t).toContain('Do not drive, ride a bike or use machines until tomorrow, after a night’s sleep.');
    expect(t).toContain('You can stop this treatment at any time.');
    expect(t).toMatch(/Emergency/);
    expect(t).toMatch(/\b911\b/);
    for (const e of SIDE_EFFECTS.slice(0, 4)) expect(t).toContain(`${inHundred(e.treated)} people. With a dummy spray: ${inHundred(e.placebo)}.`);
    expect(t.match(/Signature/g)?.length).toBe(3);
    for (const role of ['Patient', 'Clinician', 'Witness']) expect(t).toMatch(new RegExp(`${role} Name`));
    expect(t).toContain('Dr Amira Haddad, MD');
    // Previewing is not printing: nothing recorded yet.
    expect(await app.api('consents.listForPatient', { patientId })).toEqual([]);
  });

  it('aftercare sheet: the rest of the day, warning signs, who to call and the next visit, on one page', async () => {
    await app.page.getByLabel('Next visit').fill('Tuesday 1 December, 09:30');
    const pdf = await printToPdf('aftercare', 'aftercare', 'a4');
    expect(pdf.pageCount).toBe(1);
    expectEveryPage(pdf, DOCUMENTS.aftercare.title);
    const t = pdf.text;
    for (const heading of ['For the rest of today', 'Until tomorrow, after a night’s sleep', 'Call us if', 'Who to call', 'Your next visit']) {
      expect(t).toContain(heading);
    }
    expect(t).toContain('Do not take drugs that make you sleepy, unless your doctor prescribed them. Take those as prescribed.');
    expect(t).toContain('Do not make big decisions today.');
    expect(t).toContain('If you think about hurting yourself, call 911 now.');
    expect(t).toContain('Date and time Tuesday 1 December, 09:30');
    expect(t).toContain('+1 555 0199');
  });

  it('session monitoring record: checks, a vital-signs grid to fill in, discharge', async () => {
    const pdf = await printToPdf('monitoring-record', 'monitoring-record', 'a4');
    expect(pdf.pageCount).toBeLessThanOrEqual(2);
    expectEveryPage(pdf, DOCUMENTS['monitoring-record'].title);
    const t = pdf.text;
    for (const heading of ['Session', 'Before dosing', 'During and after the dose', 'Events and actions', 'Discharge']) expect(t).toContain(heading);
    for (const column of ['BP (mmHg)', 'SpO2 (%)', 'Sedation (0–4)', 'Dissociation']) expect(t).toContain(column);
    expect(t).toContain('Before the infusion');
    expect(t).toContain('4 does not respond');
  });

  it('printing the consent form records nothing; the patient’s signed answer is recorded after, shown on the chart', async () => {
    const { page } = app;
    await page.getByRole('button', { name: `Print ${DOCUMENTS.consent.title}` }).click();
    await expect.poll(() => printCount(page)).toBe(1);
    await page.getByRole('dialog', { name: /^Printout:/ }).getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('consent-printed-hint').waitFor();
    expect(await app.api('consents.listForPatient', { patientId })).toEqual([]);

    await page.getByRole('button', { name: 'Record the patient’s answer' }).click();
    await page.getByLabel('Witness').fill('Jo Witness');
    await page.getByRole('button', { name: 'Record signed consent' }).click();
    await signWithPassphrase(page);
    await page.getByText('Signed consent recorded', { exact: true }).waitFor();
    const entry = page.getByTestId('consent-entry');
    await expect.poll(() => entry.count()).toBe(1);
    expect(norm((await entry.textContent()) ?? '')).toMatch(
      new RegExp(`^Signed.*Ketamine by drip into a vein \\(IV\\) · ${consentFormLabel()}.*witnessed by Jo Witness · recorded by Dr Amira Haddad`),
    );
    await screenshot(page, '62-printouts-consent-recorded');
    await expectNoAxeViolations(page, 'printouts panel with a consent');

    const consents = await app.api('consents.listForPatient', { patientId });
    expect(consents).toMatchObject([{ formVersion: CONSENT_FORM.version, plannedTreatment: 'iv-ketamine', status: 'signed', witnessName: 'Jo Witness', recordedByName: 'Dr Amira Haddad', current: true }]);
    expect((await app.api('audit.verify', {})).ok).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });

  it('a session needs a consent for its treatment; its monitoring record prints what was recorded', async () => {
    const { page } = app;
    const draft = await app.api('screenings.create', { patientId, plannedTreatment: 'esketamine-nasal' });
    const saved = await app.api('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers('esketamine-nasal') });
    await app.api('screenings.sign', { id: saved.id, expectedVersion: saved.version, acknowledgedRuleIds: [], signature: { passphrase: PASSPHRASE } });
    // Everything else a session needs; the consent signed above was for IV ketamine, so esketamine cannot start yet.
    await enrollInRems(app, patientId);
    await seedClearMeasures(app, patientId);
    await seedCourse(app, patientId, 'esketamine-nasal');
    const before = await app.api('sessions.eligibility', { patientId, route: 'esketamine-nasal' });
    expect(before.reasons.map((r) => r.code)).toEqual(['consent-required']);

    await seedSignedConsent(app, patientId, 'esketamine-nasal');
    await app.open();
    await openPrintouts();
    await expect.poll(() => page.getByTestId('consent-entry').count()).toBe(2);
    expect((await app.api('sessions.eligibility', { patientId, route: 'esketamine-nasal' })).eligible).toBe(true);

    const now = () => new Date().toISOString();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const session = await app.api('sessions.start', {
      patientId,
      plan: { route: 'esketamine-nasal', deviceCount: 2 },
      preDose: {
        vitals: { takenAt: now(), systolic: 124, diastolic: 78, heartRate: 70, spo2: 98 },
        lastFoodAt: hoursAgo(10), lastDrinkAt: hoursAgo(10), pregnancy: 'test-negative', escortArranged: true,
        newMedicines: false, newIllness: false, substanceUse: false,
      },
    });
    await new Promise((r) => setTimeout(r, 1100));
    await app.api('sessions.addEntry', { sessionId: session.session.id, at: now(), entry: { kind: 'vitals', systolic: 150, diastolic: 88, heartRate: 84, spo2: 97, respiratoryRate: 14 } });
    await app.api('sessions.addEntry', { sessionId: session.session.id, at: now(), entry: { kind: 'sedation', level: 1 } });

    await app.open();
    await openPrintouts();
    await page.getByRole('combobox', { name: 'Session for the monitoring record' }).click();
    await page.getByRole('option', { name: /Esketamine · open/ }).click();
    const pdf = await printToPdf('monitoring-record', 'monitoring-record-session', 'a4');
    expect(pdf.text).toContain('56 mg (2 devices)');
    expect(pdf.text).toContain('Esketamine nasal spray (SPRAVATO)');
    const rows = execFileSync('pdftotext', ['-layout', join(OUT, 'monitoring-record-session.pdf'), '-'], { encoding: 'utf8' });
    expect(rows).toMatch(/Before the dose\s+\d\d:\d\d\s+124\/78\s+70\s+98\s+AH/);
    expect(rows).toMatch(/0 min after first device\s+\d\d:\d\d\s+150\/88\s+84\s+97\s+14\s+1\s+AH/);
    expect(pdf.text).toContain('REMS Patient Monitoring Form');
    // The REMS status as recorded: nothing answered yet at the chair, and the form due 7 days after the session.
    expect(pdf.text).toContain('REMS form answers Not complete; still to record:');
    expect(pdf.text).toContain('Lot number of each device');
    expect(pdf.text).toMatch(/REMS form Due by \d+ \w+ \d{4}; not yet submitted/);
    expect(app.consoleErrors).toEqual([]);
  });

  it('progress sheet: the PHQ-9 and GAD-7 chart, the scores in plain words, who to call', async () => {
    // The latest are taken now, after any of the day's questionnaires an earlier test seeded for a session.
    await seedScores(app, patientId, [['phq9', 18, 28], ['phq9', 11, 14], ['phq9', 4, 0], ['gad7', 12, 28], ['gad7', 9, 0]]);
    await app.open();
    await openPrintouts();
    const pdf = await printToPdf('progress', 'progress', 'a4');
    expect(pdf.pageCount).toBeLessThanOrEqual(2);
    expectEveryPage(pdf, DOCUMENTS.progress.title);
    const t = pdf.text;
    for (const heading of ['Your progress', 'Your scores over time', 'What the scores mean', 'How you are doing', 'Who to call']) expect(t).toContain(heading);
    expect(t).toContain('Depression score (PHQ-9)');
    expect(t).toContain('Anxiety score (GAD-7)');
    expect(t).toContain('Your first depression score (PHQ-9) was 18');
    expect(t).toContain('That is 14 points lower than your first score.');
    expect(t).toContain('Doctors call this a response.');
    expect(t).toContain('Doctors call this remission.');
    expect(t).toContain('Your anxiety score has not dropped by half yet.');
    expect(t).toContain('only as a rough guide');
    expect(t).toContain('+1 555 0199');
    expect(t).toContain('If you think about hurting yourself, call 911 now.');
    expect(t).toContain('No permission required to reproduce');
    expect(t).not.toMatch(/\d\s?%/);
  });

  it('left each PDF and its PNG pages in test-results/printouts', () => {
    const files = readdirSync(OUT);
    for (const name of ['risk-benefit', 'consent', 'aftercare', 'monitoring-record', 'progress']) {
      expect(files).toContain(`${name}.pdf`);
      expect(files).toContain(`${name}-1.png`);
    }
  });
});
