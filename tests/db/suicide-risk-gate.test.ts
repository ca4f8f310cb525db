import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../db/migrations';
import type { Store } from '../../db/store';
import { ASQ_RESULT_ACTIONS } from '../../shared/measures';
import { storedAsqAnswers, storedFrequencyAnswers } from '../../shared/measures/stored-answers';
import type { Clinician } from '../../shared/schemas/clinician';
import { sessionStart } from '../../shared/session';
import { safetyAssessmentRecord, type AssessmentOutcome } from '../../shared/suicide-risk/schemas';
import { ADMIN_PASSPHRASE, useGate } from '../helpers/gate-fixture';
import { at, PLANS, preDoseInput, recordClearMeasures, signScreening, START, useSessionStore } from '../helpers/session-fixture';
import { patientInput, T0 } from '../helpers/store-fixture';

// The suicide-risk part of the session start gate (issue #10 point 4), on a
// real store: every path through sessions.eligibility and sessions.start.

const setup = useSessionStore();
const gates = useGate();

const ACUTE = ['yes', 'no', 'no', 'no', 'yes'] as const;
const NON_ACUTE = ['no', 'yes', 'no', 'no', 'no'] as const;
const NEGATIVE = ['no', 'no', 'no', 'no', null] as const;

/** A patient with a signed screening and consent; the day's questionnaires are up to each test. */
function ready() {
  const ctx = setup();
  signScreening(ctx.store, ctx.patient, ctx.clinician, 'esketamine-nasal', { at: addDays(T0, -3) });
  const record = (answers: Parameters<Store['questionnaire']['record']>[0]['answers'], takenAt = at(-30)) =>
    ctx.store.questionnaire.record({ patientId: ctx.patient.id, answers, mode: 'read-aloud', takenAt }, ctx.nurse.id, takenAt);
  const asq = (a: readonly ('yes' | 'no' | 'refused' | null)[], takenAt = at(-30)) => record(storedAsqAnswers(a), takenAt);
  const phqGad = (item9: 0 | 1 | 2 | 3 = 0, takenAt = at(-30)) => {
    record(storedFrequencyAnswers('phq9', [1, 1, 1, 0, 0, 0, 0, 0, item9], 1), takenAt);
    record(storedFrequencyAnswers('gad7', [1, 1, 0, 0, 0, 0, 0], 0), takenAt);
  };
  const assess = (questionnaireId: string, outcome: AssessmentOutcome, by: Clinician = ctx.clinician, resourcesGiven = true) =>
    ctx.store.suicideRisk.record(
      safetyAssessmentRecord.parse({ questionnaireId, outcome, note: 'Seen in person; no plan or intent; safety plan reviewed.', resourcesGiven }),
      by, at(-10),
    );
  const codes = () => ctx.store.session.eligibility(ctx.patient.id, START).reasons.map((r) => r.code);
  const start = () =>
    ctx.store.session.start(
      sessionStart.parse({ patientId: ctx.patient.id, startedAt: START, plan: PLANS['esketamine-nasal'], preDose: preDoseInput() }),
      ctx.nurse, START,
    );
  return { ...ctx, asq, phqGad, assess, codes, start };
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();
const setSettings = (store: Store, by: Clinician, settings: Parameters<Store['updateSettings']>[0]) =>
  store.updateSettings(settings, 'Clinic protocol changed', by.id, T0);

describe('suicide-risk gate before dosing', () => {
  it('is migration 012: assessments and each session’s frozen checks, append-only', () => {
    expect(MIGRATIONS[11]).toMatch(/CREATE TABLE suicide_risk_assessments/);
    const { store, patient, asq, phqGad, assess } = ready();
    phqGad();
    const a = assess(asq(ACUTE).id, 'proceed-today');
    expect(() => store.db.prepare('UPDATE suicide_risk_assessments SET outcome = ? WHERE id = ?').run('not-today-follow-up', a.id)).toThrow(/cannot be changed/);
    expect(() => store.db.prepare('DELETE FROM suicide_risk_assessments WHERE patient_id = ?').run(patient.id)).toThrow(/never deleted/);
  });

  it('lets a session start with today’s negative ASQ, PHQ-9 and GAD-7, and freezes them into its record', () => {
    const { store, asq, phqGad, codes, start } = ready();
    const negative = asq(NEGATIVE);
    phqGad();
    expect(codes()).toEqual([]);
    const session = start();
    const record = store.session.record(session.id, at(1));
    expect(record.safetyChecks).toMatchObject({
      requireAsq: true, requirePhqGad: true, asq: { id: negative.id, result: 'negative' }, assessment: null,
      phq9: { total: 3, band: 'minimal', item9Positive: false }, gad7: { total: 2, band: 'minimal' },
    });
  });

  it('asks for an ASQ, a PHQ-9 and a GAD-7 taken on the day of the session (clinic defaults)', () => {
    const { asq, phqGad, codes, start } = ready();
    // Taken yesterday: does not count for today.
    asq(NEGATIVE, addDays(at(-30), -1));
    phqGad(0, addDays(at(-30), -1));
    expect(codes()).toEqual(['asq-required', 'phq9-required', 'gad7-required']);
    expect(start).toThrow(/ASQ on the day of every session/);
  });

  it('blocks a positive-acute ASQ until a prescriber documents a STAT safety evaluation that allows dosing', () => {
    const { store, patient, asq, phqGad, assess, codes, start } = ready();
    phqGad();
    const acute = asq(ACUTE);
    expect(codes()).toEqual(['asq-positive-acute']);
    const gate = store.session.eligibility(patient.id, START).suicideRisk;
    expect(gate.awaiting).toMatchObject({ questionnaireId: acute.id, result: 'positive-acute', kind: 'stat-safety-evaluation', action: ASQ_RESULT_ACTIONS['positive-acute'] });
    expect(start).toThrow(expect.objectContaining({ code: 'conflict', message: expect.stringMatching(/STAT safety evaluation/) }));

    const evaluation = assess(acute.id, 'proceed-today');
    expect(evaluation).toMatchObject({ kind: 'stat-safety-evaluation', outcome: 'proceed-today', recordedByName: 'Dr Ada Rivera' });
    expect(codes()).toEqual([]);
    const session = start();
    expect(store.session.record(session.id, at(1)).safetyChecks).toMatchObject({
      asq: { id: acute.id, result: 'positive-acute' }, assessment: { id: evaluation.id, kind: 'stat-safety-evaluation', outcome: 'proceed-today' },
    });
    expect(store.audit.history('suicide-risk-assessment', evaluation.id).map((e) => e.action)).toEqual(['record']);
  });

  it('keeps blocking when the evaluation decided “not today”, and says what was decided', () => {
    const { asq, phqGad, assess, codes, start } = ready();
    phqGad();
    const acute = asq(ACUTE);
    assess(acute.id, 'not-today-emergency-evaluation');
    expect(codes()).toEqual(['asq-assessed-not-today']);
    expect(start).toThrow(/referred for emergency psychiatric evaluation/);
  });

  it('needs a prescriber’s brief suicide safety assessment, with the resource list given, after a positive non-acute ASQ', () => {
    const { asq, phqGad, assess, codes, start } = ready();
    phqGad();
    const nonAcute = asq(NON_ACUTE);
    expect(codes()).toEqual(['asq-positive-non-acute']);
    expect(() => assess(nonAcute.id, 'proceed-today', undefined, false)).toThrow(expect.objectContaining({ field: 'resourcesGiven' }));
    expect(assess(nonAcute.id, 'proceed-today').kind).toBe('brief-suicide-safety-assessment');
    expect(codes()).toEqual([]);
    expect(start().status).toBe('open');
  });

  it('does not let a later negative ASQ the same day stand in for the assessment of a positive one', () => {
    const { asq, phqGad, codes } = ready();
    phqGad();
    asq(NON_ACUTE, at(-40));
    asq(NEGATIVE, at(-20));
    expect(codes()).toEqual(['asq-positive-non-acute']);
  });

  it('blocks an unfinished ASQ', () => {
    const { asq, phqGad, codes } = ready();
    phqGad();
    asq(['yes', 'no', 'no', 'no', null]);
    expect(codes()).toEqual(['asq-incomplete']);
  });

  it('asks for the ASQ the same day when PHQ-9 item 9 is 1 or more: blocking when the ASQ is required, a prompt when not', () => {
    const { store, clinician, patient, asq, phqGad, codes } = ready();
    phqGad(1);
    expect(codes()).toEqual(['phq9-item9-asq']);
    setSettings(store, clinician, { requireAsqEachSession: false });
    expect(codes()).toEqual([]);
    expect(store.session.eligibility(patient.id, START).suicideRisk.prompts).toEqual([expect.stringMatching(/item 9.*Ask the ASQ the same day/)]);
    asq(NEGATIVE);
    expect(store.session.eligibility(patient.id, START).suicideRisk.prompts).toEqual([]);
  });

  it('with both settings off asks for no questionnaire, but a positive ASQ recorded today still blocks', () => {
    const { store, clinician, asq, codes, start } = ready();
    setSettings(store, clinician, { requireAsqEachSession: false, requirePhqGadEachSession: false });
    expect(codes()).toEqual([]);
    asq(ACUTE);
    expect(codes()).toEqual(['asq-positive-acute']);
    expect(start).toThrow(/STAT safety evaluation/);
  });

  it('needs a reason to switch either requirement off; the crisis lines do not', () => {
    const { store, clinician, patient } = ready();
    expect(() => store.updateSettings({ requireAsqEachSession: false }, null, clinician.id, T0)).toThrow(expect.objectContaining({ field: 'reason' }));
    expect(() => store.updateSettings({ requirePhqGadEachSession: false }, ' ', clinician.id, T0)).toThrow(expect.objectContaining({ field: 'reason' }));
    store.updateSettings({ clinicCrisisLine: '555-0100', nationalCrisisLine: '988' }, null, clinician.id, T0);
    expect(store.session.eligibility(patient.id, START).suicideRisk).toMatchObject({ clinicCrisisLine: '555-0100', nationalCrisisLine: '988' });
  });

  it('refuses an assessment by a nurse, of a negative ASQ, of a PHQ-9, or of a corrected ASQ', () => {
    const { store, nurse, asq, assess, patient } = ready();
    const acute = asq(ACUTE);
    expect(() => assess(acute.id, 'proceed-today', nurse)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => assess(asq(NEGATIVE).id, 'proceed-today')).toThrow(/not positive/);
    const phq = recordClearMeasures(store, patient.id, nurse.id, at(-30)).phq9;
    expect(() => assess(phq.id, 'proceed-today')).toThrow(/answers an ASQ/);
    store.questionnaire.amend(
      { amendsId: acute.id, answers: storedAsqAnswers(NON_ACUTE), mode: 'read-aloud', takenAt: at(-30), reason: 'Question 5 was entered wrongly' },
      nurse.id, at(-25),
    );
    expect(() => assess(acute.id, 'proceed-today')).toThrow(/corrected/);
  });
});

describe('safetyAssessments channels', () => {
  it('refuse a nurse; a prescriber’s assessment is an electronic signature with its meaning', async () => {
    const h = await gates.setUp();
    const store = h.gate.requireStore();
    const admin = store.clinicians.get(h.adminId)!;
    const patient = store.createPatient(patientInput(), admin.id, T0);
    const now = h.ctx.now().toISOString();
    const acute = store.questionnaire.record({ patientId: patient.id, answers: storedAsqAnswers(ACUTE), mode: 'read-aloud', takenAt: now }, admin.id, now);
    const request = { questionnaireId: acute.id, outcome: 'proceed-today', note: 'Evaluated in person.', resourcesGiven: true } as const;

    expect(await h.call('safetyAssessments.record', request as never)).toMatchObject({ ok: false, error: { field: 'signature' } });
    const signed = await h.ok('safetyAssessments.record', { ...request, signature: { passphrase: ADMIN_PASSPHRASE } });
    expect(signed.signatures).toEqual([expect.objectContaining({
      clinicianName: 'Dr Ada Rivera', role: 'prescriber', entity: 'suicide-risk-assessment', entityId: signed.id,
      meaning: 'documented a STAT safety evaluation of a positive ASQ (outcome: Safe to proceed with today’s session)',
    })]);
    expect(await h.ok('safetyAssessments.listForPatient', { patientId: patient.id })).toHaveLength(1);

    const temp = 'temporary nurse passphrase';
    const nurse = await h.ok('clinicians.create', { name: 'Sam Nurse', credentials: 'RN', role: 'nurse', temporaryPassphrase: temp });
    await h.ok('auth.signIn', { clinicianId: nurse.id, passphrase: temp });
    await h.ok('auth.changePassphrase', { current: temp, next: 'the nurse picked this one' });
    expect(await h.call('safetyAssessments.record', { ...request, signature: { passphrase: 'the nurse picked this one' } }))
      .toMatchObject({ ok: false, error: { code: 'forbidden', message: 'Only a prescriber may do this.' } });
  });
});
