import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Route as PlaywrightRoute } from 'playwright-core';
import type { Patient } from '../../shared/schemas/patient';
import type { Screening } from '../../shared/schemas/screening';
import { ITEMS, screeningCaseSchema } from '../../shared/screening';
import {
  PASSPHRASE,
  ROOT,
  expectNoAxeViolations,
  openDatabaseReadOnly,
  screenshot,
  seedPatient,
  seedScreeningDraft,
  seedSignedScreening,
  signInAs,
  startSignedInApp,
  switchClinicianOnPage,
  workAs,
  type DraftSeed,
  type SignedInApp,
  type SignedInOptions,
  signWithPassphrase, openChartTab,
} from './harness';

// The pre-treatment screening on the chart: the checklist answered by keyboard
// and mouse with the live verdict following every answer, signing with its
// acknowledgements, override and amendment reasons, import and export of the
// interchange file, and what the store kept. Each test makes its own patient
// and, through the API, the screening it starts from, and begins at the
// patient list as the prescriber; a test that changes what the whole app sees
// (clinic settings, the page's clock, a killed server) has an app of its own.

/** The clinical contract's sample cases live beside the repository. */
const EXAMPLES = join(ROOT, '..', 'shared', 'clinical', 'examples');
const ITEM_COUNT = ITEMS.length;
/** The checklist's last section, answered by mouse below; the keyboard test answers the ones before it. */
const OTHER_SECTION = ['ketamine-hypersensitivity', 'untreated-hyperthyroidism', 'severe-hepatic-impairment', 'urinary-tract-symptoms', 'sleep-apnea-or-airway-risk', 'no-escort-home'];
/** Every item answered No, but `yes` answered Yes and `unasked` left out. */
const answered = (yes: string[] = [], unasked: string[] = []) =>
  Object.fromEntries(ITEMS.filter((i) => !unasked.includes(i.id)).map((i) => [i.id, yes.includes(i.id)]));
const CAUTION_VITALS = { systolic: 150, diastolic: 85, heartRate: 72, spo2: 98 };
const CAUTION_MEDICATIONS = [
  { name: 'lorazepam', class: 'benzodiazepine' as const, dailyDoseMg: 1 },
  { name: 'Zoloft', class: 'ssri' as const },
];
/** What the keyboard test leaves: all but the last section answered, a controlled hypertension. */
const KEYBOARD_DONE: DraftSeed = { answers: { answers: answered(['controlled-hypertension'], OTHER_SECTION), medications: [] } };
/** A whole checklist whose verdict is Caution for three reasons: CA-HTN-CONTROLLED, CA-BP-ELEVATED, CA-MED-BENZODIAZEPINE. */
const CAUTION_DRAFT: DraftSeed = {
  answers: { answers: answered(['controlled-hypertension']), baselineVitals: CAUTION_VITALS, medications: CAUTION_MEDICATIONS },
};
const CAUTION_RULES = ['CA-HTN-CONTROLLED', 'CA-BP-ELEVATED', 'CA-MED-BENZODIAZEPINE'];
const CLEAR_VITALS = { systolic: 122, diastolic: 78, heartRate: 70, spo2: 99 };

describe('screening: checklist, live verdict, signing, amendments, import and export', () => {
  let app: SignedInApp;
  const tmp = mkdtempSync(join(tmpdir(), 'ketadesk-screening-e2e-'));
  /** The prescriber working, and a nurse the app knows. */
  const startScreeningApp = (beforeSignIn?: SignedInOptions['beforeSignIn']) =>
    startSignedInApp({ colleagues: [{ name: 'Sam Okafor', credentials: 'RN', role: 'nurse' }], beforeSignIn });
  const prescriberId = () => app.clinician.id;
  const nurseId = () => app.colleagues[0]!.id;

  let shared: SignedInApp;
  beforeAll(async () => {
    shared = await startScreeningApp();
  });
  beforeEach(async () => {
    // The shared app again, even if a test before this one timed out while on an app of its own.
    app = shared;
    await workAs(app, prescriberId());
  });
  afterAll(async () => {
    await shared?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** Runs a test that changes what the whole app sees on an app of its own, so no other test sees the change. */
  async function withOwnApp(run: () => Promise<void>, beforeSignIn?: SignedInOptions['beforeSignIn']) {
    const own = await startScreeningApp(beforeSignIn);
    app = own;
    try {
      await run();
    } finally {
      await own.close();
      if (app === own) app = shared;
    }
  }

  // One patient per test; each test's MRN is its own.
  const ines = (mrn: string) => seedPatient(app, { legalName: 'Ines Moreau', dateOfBirth: '1979-05-01', sex: 'female', mrn, weightKg: 70, allergies: 'No known allergies' });
  const tomas = (mrn: string) => seedPatient(app, { legalName: 'Tomas Berg', dateOfBirth: '1968-02-11', sex: 'male', mrn });
  const olga = (mrn: string) => seedPatient(app, { legalName: 'Olga Lind', dateOfBirth: '1990-09-09', sex: 'female', mrn });
  const paula = (mrn: string) => seedPatient(app, { legalName: 'Paula Reyes', dateOfBirth: '1985-01-15', sex: 'female', mrn });

  const page = () => app.page;

  const shot = (name: string, opts: { viewport?: boolean } = {}) => screenshot(page(), name, opts);
  /**
   * How many pixels differ between the app header as it is on screen and the
   * strip of the saved image `file` that starts `top` pixels down. Only the
   * header's left part (brand and navigation) is compared, clear of the save
   * notifications that appear in its middle. Both images are decoded in the page.
   */
  async function headerDiffAt(file: string, top: number): Promise<number> {
    const box = (await page().locator('header').boundingBox())!;
    const clip = { x: 0, y: 0, width: 400, height: Math.round(box.height) };
    const header = await page().screenshot({ clip, animations: 'disabled', caret: 'hide' });
    return page().evaluate(
      async ({ shown, saved, top, width, height }) => {
        const strip = async (b64: string, y: number) => {
          const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
          const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
          const ctx = new OffscreenCanvas(width, height).getContext('2d')!;
          ctx.drawImage(image, 0, -y);
          return ctx.getImageData(0, 0, width, height).data;
        };
        const [a, b] = [await strip(shown, 0), await strip(saved, top)];
        let differing = 0;
        for (let i = 0; i < a.length; i += 4) {
          if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) differing++;
        }
        return differing;
      },
      { shown: header.toString('base64'), saved: readFileSync(file).toString('base64'), top, ...clip },
    );
  }
  const item = (id: string) => page().locator(`[data-item="${id}"]`);
  const verdict = () => page().getByTestId('verdict').first().textContent();
  const clickAnswer = (id: string, label: 'Yes' | 'No' | 'Not asked') =>
    item(id).locator('label', { hasText: new RegExp(`^${label}$`) }).click();
  /** A finding in the verdict banner, by rule id. */
  const finding = (ruleId: string) => page().locator(`[data-testid="findings"] li[data-rule="${ruleId}"]`);
  const checkedAnswer = (id: string) => item(id).locator('input:checked').getAttribute('value');

  async function openChart(p: Patient) {
    await openChartTab(page(), p, 'Screening');
    await page().getByTestId('screening-overview').or(page().getByTestId('screening-editor')).or(page().getByTestId('signed-screening')).first().waitFor();
  }

  async function waitSaved() {
    await expect.poll(() => page().getByTestId('save-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');
  }

  /** Opens the patient's chart at its one draft. */
  async function resumeDraft(p: Patient) {
    await openChart(p);
    await page().getByRole('button', { name: 'Resume draft', exact: true }).click();
    await page().getByTestId('screening-editor').waitFor();
  }

  async function startScreening(treatment = 'IV ketamine') {
    await page().getByRole('button', { name: 'Start screening' }).click();
    await page().getByRole('menuitem', { name: treatment }).click();
    await page().getByTestId('screening-editor').waitFor();
  }

  it('starts a screening from the chart; nothing answered reads incomplete and cannot be signed', async () => {
    await openChart(await ines('SC-1101'));
    await page().getByTestId('no-screenings').waitFor();
    expect(await page().getByTestId('validity-setting').textContent()).toContain('valid for 30 days (clinic setting, default 30 days)');
    await shot('screening-01-chart-empty');
    await expectNoAxeViolations(page(), 'screening tab, no screenings');

    await startScreening();
    expect(await verdict()).toBe('Incomplete');
    // 22 items for a female patient plus the baseline blood pressure.
    expect(await page().getByTestId('missing-count').textContent()).toBe(`${ITEM_COUNT + 1} required answers missing`);
    const sign = page().getByRole('button', { name: 'Sign screening' });
    expect(await sign.isDisabled()).toBe(true);
    const why = page().getByTestId('sign-problems');
    expect(await why.textContent()).toContain('Why you can’t sign yet');
    expect(await why.textContent()).toContain(`${ITEM_COUNT + 1} required answers are missing`);
    await shot('screening-02-new-draft');
    await shot('screening-02b-new-draft-laptop-viewport', { viewport: true });
    await expectNoAxeViolations(page(), 'new screening draft');
  });

  const focusedItem = () =>
    page().evaluate(() => document.activeElement?.closest('[data-item]')?.getAttribute('data-item') ?? null);

  it('answers by keyboard: Y/N answer and move on, arrows move between questions, 0 un-asks', async () => {
    const p = page();
    const patient = await ines('SC-1102');
    await seedScreeningDraft(app, patient.id, 'iv-ketamine');
    await resumeDraft(patient);
    await p.getByRole('button', { name: 'Go to first missing' }).click();
    await expect.poll(focusedItem).toBe('aneurysmal-vascular-disease');

    // Vascular and cardiac: no, no, no, no, then yes to controlled hypertension, no.
    for (const key of ['n', 'n', 'n', 'n', 'y', 'n']) await p.keyboard.press(key);
    await expect.poll(focusedItem).toBe('intracerebral-hemorrhage-history');
    expect(await checkedAnswer('controlled-hypertension')).toBe('yes');
    expect(await checkedAnswer('stable-cardiac-disease')).toBe('no');
    // A caution shows at once, but with answers missing the verdict stays incomplete.
    expect(await verdict()).toBe('Incomplete');
    expect(await finding('CA-HTN-CONTROLLED').textContent()).toContain('Hypertension controlled on treatment');

    // ↑ goes back a question without changing anything; ↓ returns.
    await p.keyboard.press('ArrowUp');
    await expect.poll(focusedItem).toBe('stable-cardiac-disease');
    expect(await checkedAnswer('stable-cardiac-disease')).toBe('no');
    await p.keyboard.press('ArrowDown');
    await expect.poll(focusedItem).toBe('intracerebral-hemorrhage-history');

    // 0 sets "Not asked" and stays on the question.
    await p.keyboard.press('y');
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('0');
    expect(await checkedAnswer('intracerebral-hemorrhage-history')).toBe('unasked');
    await expect.poll(focusedItem).toBe('intracerebral-hemorrhage-history');

    // Alt+M jumps to the first unanswered question from anywhere, the checklist included.
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('ArrowUp');
    await expect.poll(focusedItem).toBe('controlled-hypertension');
    await p.keyboard.press('Alt+M');
    await expect.poll(focusedItem).toBe('intracerebral-hemorrhage-history');

    // ? opens "why we ask" with the reason and the rule's source.
    await p.keyboard.press('?');
    const why = p.getByRole('dialog', { name: /Why we ask: History of intracerebral hemorrhage/ });
    await why.waitFor();
    expect(await why.textContent()).toContain('A past bleed in the brain');
    expect(await why.textContent()).toContain('S1');
    expect(await why.textContent()).toContain('SPRAVATO');
    await shot('screening-03-why-we-ask');
    await expectNoAxeViolations(p, 'why we ask popover');
    await p.keyboard.press('Escape');
    await why.waitFor({ state: 'detached' });

    // The rest of neurological, psychiatric, substance use and pregnancy by keyboard.
    await item('intracerebral-hemorrhage-history').locator('input:checked').focus();
    for (let i = 0; i < 4 + 2 + 2 + 2; i++) await p.keyboard.press('n');
    await expect.poll(focusedItem).toBe('ketamine-hypersensitivity');
    await shot('screening-04-keyboard-half-done');
  });

  it('answers the rest by mouse; the verdict goes incomplete → caution → contraindicated and back', async () => {
    const p = page();
    const patient = await ines('SC-1103');
    await seedScreeningDraft(app, patient.id, 'iv-ketamine', KEYBOARD_DONE);
    await resumeDraft(patient);
    for (const id of OTHER_SECTION.slice(0, -1)) await clickAnswer(id, 'No');
    // N on the last question goes on to what is still missing: the blood pressure.
    await item('no-escort-home').locator('input:checked').focus();
    await p.keyboard.press('n');
    const focusedId = () => p.evaluate(() => document.activeElement?.id);
    await expect.poll(focusedId).toBe('screening-vital-systolic');
    expect(await p.getByTestId('missing-count').textContent()).toBe('1 required answer missing');
    expect(await verdict()).toBe('Incomplete');
    await p.getByRole('button', { name: 'Go to first missing' }).click();
    await expect.poll(focusedId).toBe('screening-vital-systolic');

    await p.keyboard.type('150');
    await p.getByLabel('Diastolic').fill('85');
    await p.getByLabel('Heart rate').fill('72');
    await p.getByLabel('SpO₂').fill('98');
    await expect.poll(verdict).toBe('Caution');
    expect(await finding('CA-BP-ELEVATED').textContent()).toContain('Baseline BP above 140/90 mmHg');

    // A current psychosis: contraindicated, shown in red words; then back.
    await clickAnswer('active-psychosis-or-mania', 'Yes');
    await expect.poll(verdict).toBe('Contraindicated');
    expect(await item('active-psychosis-or-mania').textContent()).toContain('Contraindication: do not treat');
    expect(await finding('CI-PSYCHOSIS-ACTIVE').textContent()).toContain('Current psychosis or mania: do not treat.');
    // The page is scrolled down here; the full-page shot still has the fixed header at its top, not
    // where the page was scrolled to, and leaves the page scrolled where it was.
    const scrolledTo = await p.evaluate(() => window.scrollY);
    expect(scrolledTo).toBeGreaterThan(100);
    const contraindicatedShot = await shot('screening-05-contraindicated');
    expect(await p.evaluate(() => window.scrollY)).toBe(scrolledTo);
    expect(await headerDiffAt(contraindicatedShot, 0)).toBe(0);
    expect(await headerDiffAt(contraindicatedShot, scrolledTo)).toBeGreaterThan(0);
    await item('active-psychosis-or-mania').scrollIntoViewIfNeeded();
    await shot('screening-05b-contraindicated-laptop-viewport', { viewport: true });
    await expectNoAxeViolations(p, 'contraindicated draft');
    await clickAnswer('active-psychosis-or-mania', 'No');
    await expect.poll(verdict).toBe('Caution');

    // A severe blood pressure is contraindicated too; a mistyped one is an inline error and reads incomplete, never clear.
    await p.getByLabel('Systolic').fill('190');
    await expect.poll(verdict).toBe('Contraindicated');
    await p.getByLabel('Systolic').fill('900');
    await p.getByText('Must be at most 300').waitFor();
    await expect.poll(verdict).toBe('Incomplete');
    await p.getByLabel('Diastolic').fill('160');
    await p.getByLabel('Systolic').fill('150');
    // Diastolic not below systolic is not a reading: neither counts, whatever its size.
    await p.getByText('Must be lower than systolic').waitFor();
    await expect.poll(verdict).toBe('Incomplete');
    await shot('screening-06-vitals-errors');
    await p.getByLabel('Diastolic').fill('85');
    await expect.poll(verdict).toBe('Caution');
  });

  it('suggests a medication class from the name, classes an unknown one by hand, and removes entries', async () => {
    const p = page();
    const patient = await ines('SC-1104');
    await seedScreeningDraft(app, patient.id, 'iv-ketamine', { answers: { ...CAUTION_DRAFT.answers!, medications: [] } });
    await resumeDraft(patient);
    await expect.poll(verdict).toBe('Caution');
    const name = p.getByRole('combobox', { name: 'Medicine' });
    await name.fill('loraz');
    await p.getByRole('option', { name: /lorazepam/ }).click();
    expect(await name.inputValue()).toBe('lorazepam');
    expect(await p.locator('#screening-med-class').inputValue()).toBe('Benzodiazepine');
    expect(await p.getByTestId('class-hint').textContent()).toContain('suggested from the name');
    await p.getByLabel('mg/day').fill('1');
    await p.getByRole('button', { name: 'Add', exact: true }).click();
    await finding('CA-MED-BENZODIAZEPINE').waitFor();
    expect(await finding('CA-MED-BENZODIAZEPINE').textContent()).toContain('Benzodiazepine (lorazepam)');

    // A brand name is suggested too; Enter in the name field adds it.
    await name.fill('Zoloft');
    expect(await p.locator('#screening-med-class').inputValue()).toBe('SSRI');
    await name.press('Escape');
    await name.press('Enter');
    await p.locator('[data-medication="Zoloft"]').waitFor();

    // Unknown to KetaDesk: the class must be chosen by hand.
    await name.fill('Chamomile tea');
    expect(await p.getByTestId('class-hint').textContent()).toContain('KetaDesk does not know this name');
    await p.getByRole('button', { name: 'Add', exact: true }).click();
    await p.getByText('Choose the class: KetaDesk does not know this name').waitFor();
    await p.locator('#screening-med-class').click();
    await p.getByRole('option', { name: 'Other', exact: true }).click();
    await p.getByRole('button', { name: 'Add', exact: true }).click();
    await p.locator('[data-medication="Chamomile tea"]').waitFor();
    await shot('screening-07-medications');
    await expectNoAxeViolations(p, 'medications');
    await p.getByRole('button', { name: 'Remove Chamomile tea' }).click();
    await p.locator('[data-medication="Chamomile tea"]').waitFor({ state: 'detached' });
    expect(await verdict()).toBe('Caution');
  });

  it('saves every change as it is made; what is stored is what is on screen', async () => {
    const p = page();
    const patient = await ines('SC-1105');
    const draft = await seedScreeningDraft(app, patient.id, 'iv-ketamine', KEYBOARD_DONE);
    await resumeDraft(patient);
    // Changes in quick succession, by mouse and by typing, as a clinician makes them.
    for (const id of OTHER_SECTION) await clickAnswer(id, 'No');
    await p.getByLabel('Systolic').fill('150');
    await p.getByLabel('Diastolic').fill('85');
    await p.getByLabel('Heart rate').fill('72');
    await p.getByLabel('SpO₂').fill('98');
    const name = p.getByRole('combobox', { name: 'Medicine' });
    await name.fill('lorazepam');
    await name.press('Escape');
    await p.getByLabel('mg/day').fill('1');
    await p.getByRole('button', { name: 'Add', exact: true }).click();
    await name.fill('Zoloft');
    await name.press('Escape');
    await name.press('Enter');
    await p.locator('[data-medication="Zoloft"]').waitFor();
    await expect.poll(verdict).toBe('Caution');

    await waitSaved();
    const stored = await app.api('screenings.get', { id: draft.id });
    expect(stored.status).toBe('draft');
    const answers = stored.case.answers;
    expect(Object.values(answers).filter((v) => typeof v === 'boolean')).toHaveLength(ITEM_COUNT);
    expect(Object.entries(answers).filter(([, v]) => v === true).map(([k]) => k)).toEqual(['controlled-hypertension']);
    expect(stored.case.baselineVitals).toEqual({ systolic: 150, diastolic: 85, heartRate: 72, spo2: 98 });
    expect(stored.case.medications).toEqual([
      { name: 'lorazepam', class: 'benzodiazepine', dailyDoseMg: 1 },
      { name: 'Zoloft', class: 'ssri' },
    ]);
    expect(stored.result.verdict).toBe('caution');
  });

  it('signs only once each caution is acknowledged; the signed screening is read-only with its signature', async () => {
    const p = page();
    const patient = await ines('SC-1106');
    const inesScreeningId = (await seedScreeningDraft(app, patient.id, 'iv-ketamine', CAUTION_DRAFT)).id;
    await resumeDraft(patient);
    const sign = p.getByRole('button', { name: 'Sign screening' });
    expect(await sign.isDisabled()).toBe(true);
    const problems = p.getByTestId('sign-problems');
    expect(await problems.textContent()).toContain('Acknowledge each caution before signing: CA-HTN-CONTROLLED, CA-BP-ELEVATED, CA-MED-BENZODIAZEPINE');
    await shot('screening-08-sign-needs-acknowledgements');

    let panel = p.getByTestId('signing-panel');
    await panel.getByLabel(/Hypertension controlled on treatment/).check();
    // The tick is saved with the draft: reloading the app and resuming the draft brings it back.
    await waitSaved();
    expect((await app.api('screenings.get', { id: inesScreeningId })).draftSigning?.acknowledgedRuleIds).toEqual(['CA-HTN-CONTROLLED']);
    await app.open();
    await resumeDraft(patient);
    panel = p.getByTestId('signing-panel');
    await expect.poll(() => panel.getByLabel(/Hypertension controlled on treatment/).isChecked()).toBe(true);
    expect(await panel.getByLabel(/Baseline BP above 140\/90/).isChecked()).toBe(false);
    await panel.getByLabel(/Baseline BP above 140\/90/).check();
    expect(await sign.isDisabled()).toBe(true);
    // The last one by keyboard.
    await panel.getByLabel(/Benzodiazepine \(lorazepam\)/).focus();
    await p.keyboard.press('Space');
    await expect.poll(() => sign.isDisabled()).toBe(false);
    expect(await problems.count()).toBe(0);
    await shot('screening-09-ready-to-sign');
    await expectNoAxeViolations(p, 'ready to sign');
    await sign.click();
    await signWithPassphrase(p);

    const signed = p.getByTestId('signed-screening');
    await signed.waitFor();
    expect(await signed.getByTestId('verdict-badge').first().textContent()).toBe('Caution');
    expect(await signed.getByTestId('signed-by').textContent()).toBe('Dr Amira Haddad');
    expect(await signed.getByTestId('rule-set').textContent()).toBe('default-v1');
    expect(await signed.getByTestId('acknowledged').textContent()).toContain('Baseline BP above 140/90');
    expect(await signed.getByTestId('baseline').textContent()).toContain('BP 150/85 mmHg');
    await shot('screening-10-signed');
    await expectNoAxeViolations(p, 'signed screening');

    const stored = await app.api('screenings.get', { id: inesScreeningId });
    expect(stored.status).toBe('signed');
    expect(stored.result.verdict).toBe('caution');
    expect([...stored.signature!.acknowledgedRuleIds].sort()).toEqual(['CA-BP-ELEVATED', 'CA-HTN-CONTROLLED', 'CA-MED-BENZODIAZEPINE']);
    expect(stored.signature!.signedBy).toBe(prescriberId());
    expect(stored.signature!.overrideReason).toBeNull();
    const days = (Date.parse(stored.signature!.expiresAt) - Date.parse(stored.signature!.signedAt)) / 86_400_000;
    expect(days).toBe(30);

    // The chart's list: verdict, who signed, until when, and that it is the one in force.
    await p.getByRole('button', { name: '‹ All screenings' }).click();
    const row = p.locator(`tr[data-screening="${inesScreeningId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Caution');
    expect(await row.textContent()).toContain('Current');
    expect(await row.textContent()).toContain('Dr Amira Haddad');
    expect(await p.getByTestId('screening-current').textContent()).toContain('In force: Caution');
    await shot('screening-11-chart-list-signed');
    await expectNoAxeViolations(p, 'screening list with a signed screening');
  });

  const saveState = () => page().getByTestId('save-status').getAttribute('data-state');
  /** Holds the next draft save on its way: `arrived` once the page has sent it, `release()` lets it through. */
  function holdNextSave() {
    let arrived!: () => void;
    let release!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    let passed = Promise.resolve();
    const handler = (route: PlaywrightRoute) => {
      arrived();
      passed = gate.then(() => route.continue());
      return passed;
    };
    const routed = page().route('**/api/screenings.save', handler, { times: 1 });
    return {
      arrived: routed.then(() => arrival),
      /** Lets the held save through and waits until it is on its way again. */
      release: async () => {
        release();
        await passed;
      },
    };
  }

  /** More than the autosave's wait after a change (300 ms), for a test that runs the page's clock itself. */
  const PAST_AUTOSAVE_WAIT_MS = 1_000;

  it('saves a change made while another save is on its way, and every change after it', () =>
    withOwnApp(async () => {
      // Once the draft is open, the page's timers run only when the test moves its clock, so the order of events is fixed.
      const p = page();
      const patient = await tomas('SC-2006');
      const { id } = await seedScreeningDraft(app, patient.id, 'esketamine-nasal');
      await resumeDraft(patient);
      await p.clock.pauseAt(Date.now() + 60_000);

      const held = holdNextSave();
      await clickAnswer('seizure-disorder', 'Yes');
      await p.clock.runFor(PAST_AUTOSAVE_WAIT_MS);
      await held.arrived;
      // A second change while the first save is held: sent as soon as the first one is answered.
      await clickAnswer('psychosis-history', 'Yes');
      await held.release();
      await expect.poll(saveState).toBe('saved');
      expect(await storedAnswer(id, 'psychosis-history')).toBe(true);
      // The second change's own wait now runs out with nothing left to send...
      await p.clock.runFor(PAST_AUTOSAVE_WAIT_MS);
      // ...and a later change is still saved, not left "Saving…" for ever.
      await clickAnswer('seizure-disorder', 'No');
      await expect.poll(saveState).toBe('pending');
      await p.clock.runFor(PAST_AUTOSAVE_WAIT_MS);
      await expect.poll(saveState).toBe('saved');
      expect(await storedAnswer(id, 'seizure-disorder')).toBe(false);
    }, (started) => started.page.clock.install()));
  const storedAnswer = async (id: string, item: string) =>
    (await app.api('screenings.get', { id })).case.answers[item as keyof Screening['case']['answers']];

  it('for a male patient, pregnancy and breastfeeding are not required', async () => {
    const p = page();
    await openChart(await tomas('SC-2001'));
    await startScreening('Esketamine nasal spray');
    expect(await item('pregnant').getByTestId('not-required').textContent()).toBe('Not required');
    expect(await item('breastfeeding').getByTestId('not-required').textContent()).toBe('Not required');
    expect(await p.getByTestId('not-required').count()).toBe(2);
    expect(await p.getByTestId('missing-count').textContent()).toBe(`${ITEM_COUNT - 2 + 1} required answers missing`);
    expect(await p.getByRole('radio', { name: 'Esketamine (nasal)' }).isChecked()).toBe(true);
  });

  it('keeps what was typed when saving fails, retries, and never lets versions race', async () => {
    const p = page();
    const patient = await tomas('SC-2002');
    const { id } = await seedScreeningDraft(app, patient.id, 'esketamine-nasal');
    await resumeDraft(patient);
    const consoleBefore = app.consoleErrors.length;

    await p.route('**/api/screenings.save', (route) => route.abort());
    await clickAnswer('seizure-disorder', 'Yes');
    await expect.poll(saveState).toBe('failed');
    expect(await p.getByTestId('save-status').textContent()).toContain('Your answers are kept here');
    // The screen still shows the answer and judges by it.
    expect(await checkedAnswer('seizure-disorder')).toBe('yes');
    expect(await finding('CA-SEIZURE').count()).toBe(1);
    expect(await storedAnswer(id, 'seizure-disorder')).toBeUndefined();
    await shot('screening-12-save-failed', { viewport: true });
    await expectNoAxeViolations(p, 'save failed');

    // Back online: Retry now stores it.
    await p.unroute('**/api/screenings.save');
    await p.getByRole('button', { name: 'Retry now' }).click();
    await expect.poll(saveState).toBe('saved');
    expect(await storedAnswer(id, 'seizure-disorder')).toBe(true);

    // Many quick changes, each saved in turn against the version the last one returned. The first
    // save is held on its way until the others are made, so they come in while a save is running.
    const ids = ['aneurysmal-vascular-disease', 'arteriovenous-malformation', 'uncontrolled-hypertension', 'unstable-cardiac-disease', 'controlled-hypertension', 'stable-cardiac-disease'];
    const held = holdNextSave();
    await clickAnswer(ids[0]!, 'No');
    await held.arrived;
    for (const [i, itemId] of ids.entries()) if (i > 0) await clickAnswer(itemId, i % 2 ? 'Yes' : 'No');
    await held.release();
    await clickAnswer('seizure-disorder', 'No');
    await expect.poll(saveState).toBe('saved');
    const stored = await app.api('screenings.get', { id });
    for (const [i, itemId] of ids.entries()) expect(stored.case.answers[itemId as 'pregnant'], itemId).toBe(i % 2 === 1);
    expect(stored.case.answers['seizure-disorder']).toBe(false);

    // A change not yet saved when the tab is left comes back with the draft and is saved then.
    await p.route('**/api/screenings.save', (route) => route.abort());
    await clickAnswer('psychosis-history', 'Yes');
    await expect.poll(saveState).toBe('failed');
    await p.getByRole('tab', { name: 'Record' }).click();
    await p.unroute('**/api/screenings.save');
    await p.getByRole('tab', { name: 'Screening' }).click();
    await p.getByTestId('screening-editor').waitFor();
    expect(await checkedAnswer('psychosis-history')).toBe('yes');
    await expect.poll(saveState).toBe('saved');
    expect(await storedAnswer(id, 'psychosis-history')).toBe(true);

    // The only console errors are the aborted requests themselves.
    const logged = app.consoleErrors.splice(consoleBefore);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.filter((e) => !e.includes('net::ERR_FAILED'))).toEqual([]);
  });

  it('discards a draft only after a confirmation; it leaves the chart but not the record', async () => {
    const p = page();
    const patient = await tomas('SC-2003');
    const draft = await seedScreeningDraft(app, patient.id, 'esketamine-nasal');
    await resumeDraft(patient);
    await p.getByRole('button', { name: 'Discard draft' }).click();
    const dialog = p.getByRole('dialog', { name: 'Discard this draft?' });
    await dialog.waitFor();
    await shot('screening-13-discard-confirm');
    await expectNoAxeViolations(p, 'discard confirmation');
    await dialog.getByRole('button', { name: 'Keep the draft' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await app.api('screenings.get', { id: draft.id })).status).toBe('draft');

    await p.getByRole('button', { name: 'Discard draft' }).click();
    await dialog.getByRole('button', { name: 'Discard draft' }).click();
    await p.getByTestId('no-screenings').waitFor();
    expect((await app.api('screenings.get', { id: draft.id })).status).toBe('discarded');
    // The patient is free for a new screening.
    await p.getByRole('button', { name: 'Start screening' }).waitFor();
  });

  const OVERRIDE_REASON = 'Negative urine and serum hCG today; patient reports a false-positive home test. Benefit discussed.';

  it('lets only a prescriber override a contraindication, with a written reason shown on the chart', async () => {
    const p = page();
    const patient = await olga('SC-3001');
    const draft = await seedScreeningDraft(app, patient.id, 'iv-ketamine', { answers: { answers: answered(['pregnant']), baselineVitals: CLEAR_VITALS } });
    await resumeDraft(patient);
    expect(await verdict()).toBe('Contraindicated');
    const sign = p.getByRole('button', { name: 'Sign with override' });
    expect(await sign.isDisabled()).toBe(true);
    expect(await p.getByTestId('sign-problems').textContent()).toContain('A contraindication can only be overridden with a written reason');

    // A nurse is told why they cannot sign it.
    await switchClinicianOnPage(p, 'Sam Okafor');
    await p.getByRole('tab', { name: 'Screening' }).click();
    await p.getByTestId('screening-editor').waitFor();
    await p.getByLabel('Reason for overriding the contraindication').fill(OVERRIDE_REASON);
    expect(await p.getByTestId('sign-problems').textContent()).toContain(
      'Only a prescriber can override a contraindication. You are working as nurse; a prescriber must sign.',
    );
    expect(await sign.isDisabled()).toBe(true);
    await shot('screening-14-nurse-cannot-override');
    await expectNoAxeViolations(p, 'nurse cannot override');

    // Back as the prescriber. The reason typed is part of this screen only, so it is typed again.
    await switchClinicianOnPage(p, 'Dr Amira Haddad');
    await p.getByRole('tab', { name: 'Screening' }).click();
    await p.getByLabel('Reason for overriding the contraindication').fill(OVERRIDE_REASON);
    await expect.poll(() => sign.isDisabled()).toBe(false);

    // The store judges who is signing: if the nurse is the one working by the time Sign is pressed, it refuses and says why.
    await signInAs(app, nurseId());
    await sign.click();
    // The signature is good (every seeded clinician has the same passphrase); the override is what is refused.
    await signWithPassphrase(p);
    const error = p.getByTestId('sign-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Only a prescriber can override a contraindication');
    await shot('screening-15-server-refuses-nurse');
    await expectNoAxeViolations(p, 'server refused the override');
    expect((await app.api('screenings.get', { id: draft.id })).status).toBe('draft');

    await signInAs(app, prescriberId());
    await sign.click();
    await signWithPassphrase(p);
    const signed = p.getByTestId('signed-screening');
    await signed.waitFor();
    expect(await signed.getByTestId('override-reason').textContent()).toBe(OVERRIDE_REASON);
    expect(await signed.getByTestId('verdict-badge').first().textContent()).toBe('Contraindicated');
    expect(await signed.textContent()).toContain('Overridden');
    await shot('screening-16-signed-override');
    await expectNoAxeViolations(p, 'signed override');

    await p.getByRole('button', { name: '‹ All screenings' }).click();
    const row = p.locator(`tr[data-screening="${draft.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('override-reason').textContent()).toBe(`Contraindication overridden: ${OVERRIDE_REASON}`);
    expect(await p.getByTestId('current-override-reason').textContent()).toBe(`Contraindication overridden: ${OVERRIDE_REASON}`);
    await shot('screening-17-chart-list-override');
    await expectNoAxeViolations(p, 'chart list with an override');

    const stored = await app.api('screenings.get', { id: draft.id });
    expect(stored.result.verdict).toBe('contraindicated');
    expect(stored.signature).toMatchObject({ overrideReason: OVERRIDE_REASON, signedBy: prescriberId() });
  });

  const AMENDMENT_REASON = 'Seizure disorder disclosed by the patient after signing.';
  /** A patient's caution screening, signed with its acknowledgements. */
  const seedSignedCaution = (patientId: string) =>
    seedSignedScreening(app, patientId, 'iv-ketamine', CAUTION_DRAFT, { acknowledgedRuleIds: CAUTION_RULES });

  it('amends a signed screening with a reason; the chart shows which one corrects which', async () => {
    const p = page();
    const patient = await ines('SC-1107');
    const inesScreeningId = (await seedSignedCaution(patient.id)).id;
    await openChart(patient);
    await p.getByRole('button', { name: /^Open screening of/ }).click();
    await p.getByTestId('signed-screening').waitFor();
    await p.getByRole('button', { name: 'Amend', exact: true }).click();
    const editor = p.getByTestId('screening-editor');
    await editor.waitFor();
    expect(await editor.getByRole('heading', { name: 'Amendment draft' }).count()).toBe(1);
    expect(await p.getByTestId('amends-note').textContent()).toContain('Corrects the screening signed');
    // It starts from the signed answers.
    expect(await checkedAnswer('controlled-hypertension')).toBe('yes');
    expect(await p.getByLabel('Systolic').inputValue()).toBe('150');

    await clickAnswer('seizure-disorder', 'Yes');
    await finding('CA-SEIZURE').waitFor();
    const panel = p.getByTestId('signing-panel');
    for (const box of await panel.getByRole('checkbox').all()) await box.check();
    const problems = p.getByTestId('sign-problems');
    expect(await problems.textContent()).toContain('Say why this screening corrects the earlier one');
    await shot('screening-18-amendment-needs-reason');
    await expectNoAxeViolations(p, 'amendment draft');
    await p.getByLabel('Reason for the amendment').fill(AMENDMENT_REASON);
    await p.getByRole('button', { name: 'Sign screening' }).click();
    await signWithPassphrase(p);
    const signed = p.getByTestId('signed-screening');
    await signed.waitFor();
    expect(await signed.getByTestId('amendment-reason').textContent()).toBe(AMENDMENT_REASON);

    await p.getByRole('button', { name: '‹ All screenings' }).click();
    const rows = p.locator('tr[data-screening]');
    await expect.poll(() => rows.count()).toBe(2);
    const amendmentId = (await rows.first().getAttribute('data-screening'))!;
    const newer = rows.first();
    const older = p.locator(`tr[data-screening="${inesScreeningId}"]`);
    expect(await newer.textContent()).toContain('Current');
    expect(await newer.getByTestId('amends').textContent()).toContain(AMENDMENT_REASON);
    expect(await older.getByTestId('amended-by').textContent()).toMatch(/^Amended by the screening of /);
    expect(await older.textContent()).toContain('Amended');
    expect(await older.textContent()).not.toContain('Current');
    await shot('screening-19-chart-list-amended');
    await expectNoAxeViolations(p, 'chart list with an amendment');

    const original = await app.api('screenings.get', { id: inesScreeningId });
    const amendment = await app.api('screenings.get', { id: amendmentId });
    expect(original.amendedById).toBe(amendmentId);
    expect(amendment.amendsId).toBe(inesScreeningId);
    expect(amendment.signature!.amendmentReason).toBe(AMENDMENT_REASON);
    expect(amendment.case.answers['seizure-disorder']).toBe(true);
    // The signed original is unchanged.
    expect(original.case.answers['seizure-disorder']).toBe(false);
  });

  it('imports a screening file: a broken one names the field, a valid one becomes a draft', async () => {
    const p = page();
    const example = JSON.parse(readFileSync(join(EXAMPLES, 'caution.json'), 'utf8')) as Record<string, unknown> & {
      baselineVitals: Record<string, number>;
      answers: Record<string, boolean>;
      medications: unknown[];
    };
    const broken = join(tmp, 'broken-systolic.json');
    writeFileSync(broken, JSON.stringify({ ...example, baselineVitals: { ...example.baselineVitals, systolic: 900 } }));
    const unknownItem = join(tmp, 'unknown-item.json');
    writeFileSync(unknownItem, JSON.stringify({ ...example, answers: { ...example.answers, 'heart-of-gold': false } }));

    const patient = await paula('SC-4001');
    await openChart(patient);
    const input = p.locator('#screening-import-file');
    await input.setInputFiles(broken);
    const message = p.getByTestId('screening-error-message');
    await message.waitFor();
    expect(await message.textContent()).toBe('baselineVitals.systolic: must be at most 300');
    expect(await p.getByTestId('screening-error').textContent()).toContain('broken-systolic.json could not be imported');
    await shot('screening-20-import-error');
    await expectNoAxeViolations(p, 'import error');

    await input.setInputFiles(unknownItem);
    await expect.poll(() => message.textContent()).toBe('answers.heart-of-gold: is not a known checklist item');
    expect(await app.api('screenings.listForPatient', { patientId: patient.id })).toEqual([]);

    await input.setInputFiles(join(EXAMPLES, 'caution.json'));
    await p.getByTestId('screening-editor').waitFor();
    expect(await verdict()).toBe('Caution');
    expect(await finding('CA-BP-ELEVATED').count()).toBe(1);
    expect(await finding('CA-MED-BENZODIAZEPINE').textContent()).toContain('Benzodiazepine (lorazepam)');
    expect(await p.getByLabel('Systolic').inputValue()).toBe('152');
    await shot('screening-21-imported-draft');
    await expectNoAxeViolations(p, 'imported draft');

    const [draft] = await app.api('screenings.listForPatient', { patientId: patient.id });
    expect(draft!.status).toBe('draft');
    expect(draft!.case.answers).toEqual(example.answers);
    expect(draft!.case.baselineVitals).toEqual(example.baselineVitals);
    expect(draft!.case.medications).toEqual(example.medications);
    // The patient block comes from the chart, not the file.
    expect(draft!.case.patient.sex).toBe('female');
  });

  it('exports a signed screening as the interchange file', async () => {
    const p = page();
    const patient = await paula('SC-1004');
    await app.api('screenings.import', { patientId: patient.id, json: readFileSync(join(EXAMPLES, 'caution.json'), 'utf8') });
    await resumeDraft(patient);
    const consoleBefore = app.consoleErrors.length;
    const panel = p.getByTestId('signing-panel');
    for (const box of await panel.getByRole('checkbox').all()) await box.check();
    await p.getByRole('button', { name: 'Sign screening' }).click();
    await signWithPassphrase(p);
    await p.getByTestId('signed-screening').waitFor();
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Export JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^screening-SC-1004-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    const exported = screeningCaseSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const example = screeningCaseSchema.parse(JSON.parse(readFileSync(join(EXAMPLES, 'caution.json'), 'utf8')));
    expect(exported.answers).toEqual(example.answers);
    expect(exported.baselineVitals).toEqual(example.baselineVitals);
    expect(exported.medications).toEqual(example.medications);
    expect(exported.plannedTreatment).toBe(example.plannedTreatment);
    expect(exported.patient.sex).toBe('female');
    // Byte for byte what the store exports.
    const [signed] = await app.api('screenings.listForPatient', { patientId: patient.id });
    expect(readFileSync(file, 'utf8')).toBe((await app.api('screenings.export', { id: signed!.id })).json);
    await p.getByText(`Exported`).first().waitFor();
    await shot('screening-22-exported');
    expect(app.consoleErrors.slice(consoleBefore)).toEqual([]);
  });

  it('uses the clinic’s screening validity from Settings; a clear screening signs with nothing to acknowledge', () =>
    withOwnApp(async () => {
      const p = page();
      await p.getByRole('button', { name: 'Settings' }).first().click();
      const days = p.getByLabel('Screening validity (days)');
      expect(await days.inputValue()).toBe('30');
      await days.fill('400');
      await p.getByText('Screening validity must be at most 365 days').waitFor();
      await days.fill('14');
      await p.getByLabel('Reason for the change').fill('Clinic policy: rescreen every two weeks');
      await p.getByRole('button', { name: 'Save settings' }).click();
      await expect.poll(async () => (await app.api('settings.get', {})).screeningValidityDays).toBe(14);

      const patient = await tomas('SC-2004');
      const draft = await seedScreeningDraft(app, patient.id, 'esketamine-nasal', {
        answers: { answers: answered([], ['pregnant', 'breastfeeding']), baselineVitals: { systolic: 128, diastolic: 82 } },
      });
      await openChart(patient);
      // The clinic settings load after the chart: wait for the number, not the "…" shown meanwhile.
      await expect.poll(() => p.getByTestId('validity-setting').textContent()).toContain('valid for 14 days');
      await p.getByRole('button', { name: 'Resume draft', exact: true }).click();
      await p.getByTestId('screening-editor').waitFor();
      expect(await verdict()).toBe('Clear');
      expect(await p.getByTestId('sign-as').textContent()).toContain('Valid for 14 days once signed');
      await shot('screening-23-clear');
      await expectNoAxeViolations(p, 'clear draft');
      await p.getByRole('button', { name: 'Sign screening' }).click();
      await signWithPassphrase(p);
      await p.getByTestId('signed-screening').waitFor();
      const stored = await app.api('screenings.get', { id: draft.id });
      expect(stored.result.verdict).toBe('clear');
      expect((Date.parse(stored.signature!.expiresAt) - Date.parse(stored.signature!.signedAt)) / 86_400_000).toBe(14);
    }));

  /** A signed caution screening and the signed amendment that corrects it. */
  async function seedAmendedScreening(patientId: string) {
    const original = await seedSignedCaution(patientId);
    const amendment = await seedSignedScreening(
      app, patientId, 'iv-ketamine',
      { amendsId: original.id, answers: { ...CAUTION_DRAFT.answers!, answers: answered(['controlled-hypertension', 'seizure-disorder']) } },
      { acknowledgedRuleIds: [...CAUTION_RULES, 'CA-SEIZURE'], amendmentReason: AMENDMENT_REASON },
    );
    return { original, amendment };
  }

  it('shows a screening past its validity as expired, and none in force', () =>
    withOwnApp(async () => {
      const p = page();
      const patient = await ines('SC-1108');
      await seedAmendedScreening(patient.id);
      // The page's clock 40 days on; the store is not involved in deciding what has expired on screen.
      await p.clock.setFixedTime(new Date(Date.now() + 40 * 86_400_000));
      await app.open();
      await openChart(patient);
      const rows = p.locator('tr[data-screening]');
      await expect.poll(() => rows.count()).toBe(2);

      expect(await rows.first().textContent()).toContain('Expired');
      expect(await rows.first().textContent()).not.toContain('Current');
      expect(await p.getByTestId('screening-current').textContent()).toContain('No valid signed screening');
      await shot('screening-24-expired');
      await expectNoAxeViolations(p, 'expired screening');
    }));

  it('keeps every kind of screening in the database file, with an intact audit chain', () =>
    withOwnApp(async () => {
      // Amended, overridden, discarded and signed, and imported then signed, each stored through the API.
      const amended = await ines('SC-1109');
      const { original, amendment } = await seedAmendedScreening(amended.id);
      const overridden = await olga('SC-3002');
      await seedSignedScreening(app, overridden.id, 'iv-ketamine', { answers: { answers: answered(['pregnant']), baselineVitals: CLEAR_VITALS } }, {
        acknowledgedRuleIds: [], overrideReason: OVERRIDE_REASON,
      });
      const redone = await tomas('SC-2005');
      const discarded = await seedScreeningDraft(app, redone.id, 'esketamine-nasal');
      await app.api('screenings.discard', { id: discarded.id, expectedVersion: discarded.version });
      await seedSignedScreening(app, redone.id, 'esketamine-nasal', {
        answers: { answers: answered([], ['pregnant', 'breastfeeding']), baselineVitals: { systolic: 128, diastolic: 82 } },
      });
      const imported = await paula('SC-4002');
      const draft = await app.api('screenings.import', { patientId: imported.id, json: readFileSync(join(EXAMPLES, 'caution.json'), 'utf8') });
      await app.api('screenings.sign', { id: draft.id, expectedVersion: draft.version, acknowledgedRuleIds: draft.result.findings.filter((f) => f.severity === 'caution').map((f) => f.ruleId), signature: { passphrase: PASSPHRASE } });

      expect((await app.api('audit.verify', {})).ok).toBe(true);
      await app.killServer();
      const db = await openDatabaseReadOnly(app.dataDir);
      try {
        const rows = db
          .prepare('SELECT id, patient_id, status, amends_id, override_reason, amendment_reason FROM screenings')
          .all() as Array<{ id: string; patient_id: string; status: string; amends_id: string | null; override_reason: string | null; amendment_reason: string | null }>;
        const of = (patientId: string) => rows.filter((r) => r.patient_id === patientId);
        expect(of(amended.id).map((r) => r.status)).toEqual(['signed', 'signed']);
        expect(of(amended.id).find((r) => r.id === amendment.id)).toMatchObject({ amends_id: original.id, amendment_reason: AMENDMENT_REASON });
        expect(of(overridden.id)).toEqual([expect.objectContaining({ status: 'signed', override_reason: OVERRIDE_REASON })]);
        expect(of(redone.id).map((r) => r.status).sort()).toEqual(['discarded', 'signed']);
        expect(of(imported.id).map((r) => r.status)).toEqual(['signed']);
      } finally {
        db.close();
      }
    }));
});
