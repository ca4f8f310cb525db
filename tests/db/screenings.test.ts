import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Store } from '../../db/store';
import type { Clinician } from '../../shared/schemas/clinician';
import { screeningSave, type ScreeningAnswers } from '../../shared/schemas/screening';
import { ITEM_IDS } from '../../shared/screening/items';
import { screen } from '../../shared/screening/engine';
import { screeningCaseSchema } from '../../shared/screening/case-schema';
import { T0, openTestStore, patientInput, useTempStore } from '../helpers/store-fixture';

const open = useTempStore();
const LATER = '2026-11-25T09:30:00.000Z';
const example = (name: string) => readFileSync(new URL(`../../../shared/clinical/examples/${name}`, import.meta.url), 'utf8');

function allNo(overrides: Partial<Record<string, boolean | null>> = {}, vitals = { systolic: 120, diastolic: 80 }): ScreeningAnswers {
  return {
    plannedTreatment: 'iv-ketamine',
    baselineVitals: vitals,
    answers: { ...Object.fromEntries(ITEM_IDS.map((id) => [id, false])), ...overrides },
    medications: [],
  };
}

function setup(patient = patientInput()) {
  const ctx = open();
  const p = ctx.store.createPatient(patient, ctx.clinician.id, T0);
  const nurse = ctx.store.createClinician({ name: 'Nurse Kim', credentials: 'RN', role: 'nurse', isAdmin: false }, T0, ctx.clinician.id);
  return { ...ctx, patient: p, nurse };
}

function draftWith(store: Store, patientId: string, by: Clinician, answers: ScreeningAnswers) {
  const draft = store.screening.create({ patientId, plannedTreatment: answers.plannedTreatment }, by.id, T0);
  return store.screening.save({ id: draft.id, expectedVersion: draft.version, answers }, T0);
}

const sign = (store: Store, s: { id: string; version: number }, by: Clinician, extra: Record<string, unknown> = {}) =>
  store.screening.sign({ id: s.id, expectedVersion: s.version, acknowledgedRuleIds: [], ...extra }, by, LATER, 30);

describe('screening drafts', () => {
  it('start with every item not asked, judged incomplete, and one open draft per patient', () => {
    const { store, patient, clinician } = setup();
    const draft = store.screening.create({ patientId: patient.id, plannedTreatment: 'esketamine-nasal' }, clinician.id, T0);
    expect(draft).toMatchObject({ status: 'draft', version: 1, signature: null, createdByName: 'Dr Ada Rivera' });
    expect(draft.result.verdict).toBe('incomplete');
    expect(draft.result.missing).toEqual([...ITEM_IDS, 'baselineVitals']);
    expect(() => store.screening.create({ patientId: patient.id, plannedTreatment: 'iv-ketamine' }, clinician.id, T0)).toThrow(
      expect.objectContaining({ code: 'conflict', field: 'patientId' }),
    );
  });

  it('save each answer, refuse a stale version, and judge the patient from the chart', () => {
    const { store, clinician } = setup();
    const minor = store.createPatient(patientInput({ mrn: 'TEEN', dateOfBirth: '2010-01-01' }), clinician.id, T0);
    const saved = draftWith(store, minor.id, clinician, allNo());
    expect(saved.version).toBe(2);
    expect(saved.case.patient).toEqual({ ageYears: 16, sex: 'female' });
    expect(saved.result.findings.map((f) => f.ruleId)).toEqual(['CI-AGE-MINOR']);
    expect(() => store.screening.save({ id: saved.id, expectedVersion: 1, answers: allNo() }, T0)).toThrow(
      expect.objectContaining({ code: 'conflict', field: 'expectedVersion' }),
    );
  });

  it('judge a draft as of the time asked, not the machine clock: the patient turns 18 overnight', () => {
    const { store, clinician } = setup();
    const teen = store.createPatient(patientInput({ mrn: 'BDAY', dateOfBirth: '2008-11-26' }), clinician.id, T0);
    const draft = draftWith(store, teen.id, clinician, allNo());
    expect(store.screening.get(draft.id, '2026-11-25T12:00:00.000Z').case.patient.ageYears).toBe(17);
    expect(store.screening.get(draft.id, '2026-11-25T12:00:00.000Z').result.verdict).toBe('contraindicated');
    const tomorrow = store.screening.listForPatient(teen.id, '2026-11-26T12:00:00.000Z')[0]!;
    expect(tomorrow.case.patient.ageYears).toBe(18);
    expect(tomorrow.result.verdict).toBe('clear');
  });
});

describe('a draft’s signing inputs', () => {
  it('are saved with the draft, survive closing the store, and are kept when a save leaves them out', () => {
    const { store, patient, clinician, dir } = setup();
    const draft = draftWith(store, patient.id, clinician, allNo({ 'seizure-disorder': true }));
    expect(draft.draftSigning).toBeNull();
    const signing = { acknowledgedRuleIds: ['CA-SEIZURE'], overrideReason: 'Typed, not yet needed ', amendmentReason: '' };
    const saved = store.screening.save({ id: draft.id, expectedVersion: draft.version, answers: allNo({ 'seizure-disorder': true }), signing }, T0);
    expect(saved.draftSigning).toEqual(signing);
    const answersOnly = store.screening.save({ id: saved.id, expectedVersion: saved.version, answers: allNo({ 'seizure-disorder': true }) }, T0);
    expect(answersOnly.draftSigning).toEqual(signing);
    store.close();
    const reopened = openTestStore(dir);
    try {
      expect(reopened.screening.get(draft.id).draftSigning).toEqual(signing);
    } finally {
      reopened.close();
    }
  });

  it('refuse a stale version, are bounded, and are cleared at signing, after which they cannot be saved', () => {
    const { store, patient, clinician } = setup();
    const draft = draftWith(store, patient.id, clinician, allNo({ 'seizure-disorder': true }));
    const signing = { acknowledgedRuleIds: ['CA-SEIZURE'], overrideReason: '', amendmentReason: '' };
    expect(() => store.screening.save({ id: draft.id, expectedVersion: 1, answers: allNo(), signing }, T0)).toThrow(
      expect.objectContaining({ code: 'conflict', field: 'expectedVersion' }),
    );
    expect(store.screening.get(draft.id).draftSigning).toBeNull();
    const request = { id: draft.id, expectedVersion: draft.version, answers: allNo() };
    expect(screeningSave.safeParse({ ...request, signing: { ...signing, overrideReason: 'x'.repeat(1001) } }).success).toBe(false);
    expect(screeningSave.safeParse({ ...request, signing: { ...signing, acknowledgedRuleIds: ['x'.repeat(61)] } }).success).toBe(false);
    expect(screeningSave.safeParse({ ...request, signing: { ...signing, extra: true } }).success).toBe(false);
    expect(screeningSave.parse({ ...request, signing: {} }).signing).toEqual({ acknowledgedRuleIds: [], overrideReason: '', amendmentReason: '' });

    const saved = store.screening.save({ ...request, answers: allNo({ 'seizure-disorder': true }), signing }, T0);
    // Signing goes by what the sign request says, not by what was saved with the draft.
    expect(() => sign(store, saved, clinician)).toThrow(/CA-SEIZURE/);
    const signed = sign(store, saved, clinician, { acknowledgedRuleIds: ['CA-SEIZURE'] });
    expect(signed.draftSigning).toBeNull();
    expect(store.db.prepare('SELECT signing_json FROM screenings WHERE id = ?').pluck().get(signed.id)).toBeNull();
    expect(() => store.screening.save({ id: signed.id, expectedVersion: signed.version, answers: allNo(), signing }, LATER)).toThrow(
      /can no longer be changed/,
    );
    expect(() => store.db.prepare("UPDATE screenings SET signing_json = '{}' WHERE id = ?").run(signed.id)).toThrow(/amend instead/);
  });
});

describe('signing a screening', () => {
  it('is refused while answers are missing, and says which', () => {
    const { store, patient, clinician } = setup();
    const draft = draftWith(store, patient.id, clinician, allNo({ 'seizure-disorder': null }));
    expect(() => sign(store, draft, clinician)).toThrow(expect.objectContaining({ field: 'answers' }));
    expect(() => sign(store, draft, clinician)).toThrow(/1 required answer is missing: Seizure disorder\?/);
    expect(store.screening.get(draft.id).status).toBe('draft');
  });

  it('needs every caution acknowledged, then freezes the verdict, rule-set version and expiry', () => {
    const { store, patient, clinician } = setup();
    const draft = draftWith(store, patient.id, clinician, allNo({ 'seizure-disorder': true }, { systolic: 150, diastolic: 85 }));
    expect(draft.result.verdict).toBe('caution');
    expect(() => sign(store, draft, clinician, { acknowledgedRuleIds: ['CA-SEIZURE'] })).toThrow(/CA-BP-ELEVATED/);
    const signed = sign(store, draft, clinician, { acknowledgedRuleIds: ['CA-SEIZURE', 'CA-BP-ELEVATED'] });
    expect(signed.status).toBe('signed');
    expect(signed.result).toMatchObject({ verdict: 'caution', ruleSetVersion: 'default-v1' });
    expect(signed.signature).toMatchObject({
      signedAt: LATER, signedBy: clinician.id, signedByName: 'Dr Ada Rivera', overrideReason: null,
      acknowledgedRuleIds: ['CA-SEIZURE', 'CA-BP-ELEVATED'], expiresAt: '2026-12-25T09:30:00.000Z',
    });
    expect(store.audit.history('screening', signed.id).map((h) => h.action)).toEqual(['create', 'sign']);
  });

  it('makes the screening immutable, in the store and in the database itself', () => {
    const { store, patient, clinician } = setup();
    const signed = sign(store, draftWith(store, patient.id, clinician, allNo()), clinician);
    expect(signed.result.verdict).toBe('clear');
    expect(() => store.screening.save({ id: signed.id, expectedVersion: signed.version, answers: allNo() }, LATER)).toThrow(
      /can no longer be changed; amend it instead/,
    );
    expect(() => store.db.prepare("UPDATE screenings SET verdict = 'x'").run()).toThrow();
    expect(() => store.db.prepare("UPDATE screenings SET override_reason = 'x' WHERE id = ?").run(signed.id)).toThrow(/amend instead/);
    expect(() => store.db.prepare('DELETE FROM screenings').run()).toThrow(/never deleted/);
  });

  it('lets only a prescriber override a contraindication, and only with a written reason', () => {
    const { store, patient, clinician, nurse } = setup();
    const draft = draftWith(store, patient.id, clinician, allNo({ 'uncontrolled-hypertension': true }));
    expect(draft.result.verdict).toBe('contraindicated');
    expect(() => sign(store, draft, clinician)).toThrow(expect.objectContaining({ field: 'overrideReason' }));
    expect(() => sign(store, draft, clinician, { overrideReason: '   ' })).toThrow(/written reason/);
    expect(() => sign(store, draft, nurse, { overrideReason: 'Cardiology cleared' })).toThrow(/Only a prescriber/);
    const signed = sign(store, draft, clinician, { overrideReason: ' Cardiology review 20 Nov: BP now controlled ' });
    expect(signed.signature?.overrideReason).toBe('Cardiology review 20 Nov: BP now controlled');
    expect(store.audit.history('screening', signed.id).at(-1)?.reason).toBe('Override: Cardiology review 20 Nov: BP now controlled');
  });

  it('judges by the chart, not by what the screen sent: the verdict is recomputed at signing', () => {
    const { store, patient, clinician } = setup();
    const draft = draftWith(store, patient.id, clinician, allNo());
    store.amendPatient(
      { id: patient.id, expectedVersion: 1, fields: patientInput({ dateOfBirth: '2012-06-01' }), reason: 'DOB typo' },
      clinician.id, T0,
    );
    expect(() => sign(store, draft, clinician)).toThrow(/written reason/); // now a minor: contraindicated
  });

  it('uses the clinic’s validity setting for the expiry date', () => {
    const { store, patient, clinician } = setup();
    expect(store.settings.read().screeningValidityDays).toBe(30);
    store.updateSettings({ screeningValidityDays: 7 }, 'Clinic policy', clinician.id, T0);
    const draft = draftWith(store, patient.id, clinician, allNo());
    const signed = store.screening.sign(
      { id: draft.id, expectedVersion: draft.version, acknowledgedRuleIds: [] }, clinician, LATER, store.settings.read().screeningValidityDays,
    );
    expect(signed.signature?.expiresAt).toBe('2026-12-02T09:30:00.000Z');
    expect(store.audit.history('settings', 'clinic')[0]).toMatchObject({ action: 'update', reason: 'Clinic policy' });
  });
});

describe('amending a signed screening', () => {
  it('starts from its answers, needs a reason, and marks the original as amended', () => {
    const { store, patient, clinician } = setup();
    const original = sign(store, draftWith(store, patient.id, clinician, allNo()), clinician);
    const correction = store.screening.create(
      { patientId: patient.id, plannedTreatment: 'iv-ketamine', amendsId: original.id }, clinician.id, LATER,
    );
    expect(correction.case.answers).toEqual(original.case.answers);
    const fixed = store.screening.save(
      { id: correction.id, expectedVersion: correction.version, answers: allNo({ 'urinary-tract-symptoms': true }) }, LATER,
    );
    expect(() => sign(store, fixed, clinician, { acknowledgedRuleIds: ['CA-URINARY'] })).toThrow(
      expect.objectContaining({ field: 'amendmentReason' }),
    );
    const signed = sign(store, fixed, clinician, { acknowledgedRuleIds: ['CA-URINARY'], amendmentReason: 'Patient recalled cystitis' });
    expect(signed.amendsId).toBe(original.id);
    expect(store.screening.get(original.id).amendedById).toBe(signed.id);
    expect(store.audit.history('screening', original.id).at(-1)).toMatchObject({ action: 'amended', reason: 'Patient recalled cystitis' });
    expect(() =>
      store.screening.create({ patientId: patient.id, plannedTreatment: 'iv-ketamine', amendsId: original.id }, clinician.id, LATER),
    ).toThrow(/already been amended/);
  });
});

describe('import and export', () => {
  it('imports an interchange file as a draft, with the chart’s patient data', () => {
    const { store, patient, clinician } = setup();
    const draft = store.screening.importCase({ patientId: patient.id, json: example('caution.json') }, clinician.id, T0);
    expect(draft.status).toBe('draft');
    expect(draft.case.medications?.map((m) => m.name)).toEqual(['sertraline', 'lorazepam']);
    expect(draft.result.findings.map((f) => f.ruleId).sort()).toEqual(['CA-BP-ELEVATED', 'CA-MED-BENZODIAZEPINE']);
    expect(store.audit.history('screening', draft.id)[0]?.action).toBe('import');
  });

  it('refuses a broken file with the same one-line messages as the screen command', () => {
    const { store, patient, clinician } = setup();
    const attempt = (json: string) => () => store.screening.importCase({ patientId: patient.id, json }, clinician.id, T0);
    expect(attempt('{ not json')).toThrow(/not valid JSON/);
    const tooHigh = JSON.parse(example('clear.json'));
    tooHigh.baselineVitals.systolic = 900;
    expect(attempt(JSON.stringify(tooHigh))).toThrow(/baselineVitals\.systolic/);
    const male = JSON.parse(example('clear.json'));
    male.patient.sex = 'male';
    expect(attempt(JSON.stringify(male))).toThrow(/recorded as male, but this chart says female/);
    expect(store.screening.listForPatient(patient.id)).toEqual([]);
  });

  it('exports the frozen case, which the engine judges exactly as it was signed', () => {
    const { store, patient, clinician } = setup();
    const signed = sign(store, draftWith(store, patient.id, clinician, allNo({}, { systolic: 145, diastolic: 80 })), clinician, {
      acknowledgedRuleIds: ['CA-BP-ELEVATED'],
    });
    const exported = store.screening.exportCase(signed.id, LATER);
    expect(exported.fileName).toBe('screening-MRN-1001-2026-11-25.json');
    const reread = screeningCaseSchema.parse(JSON.parse(exported.json));
    expect(screen(reread)).toEqual(signed.result);
  });
});

describe('discarding a draft', () => {
  it('keeps it in the audit log but removes it from the chart, and frees the patient for a new draft', () => {
    const { store, patient, clinician } = setup();
    const draft = store.screening.create({ patientId: patient.id, plannedTreatment: 'iv-ketamine' }, clinician.id, T0);
    store.screening.discard({ id: draft.id, expectedVersion: 1 }, clinician.id, LATER);
    expect(store.screening.listForPatient(patient.id)).toEqual([]);
    expect(store.audit.history('screening', draft.id).map((h) => h.action)).toEqual(['create', 'discard']);
    expect(() => store.screening.create({ patientId: patient.id, plannedTreatment: 'iv-ketamine' }, clinician.id, T0)).not.toThrow();
  });
});
