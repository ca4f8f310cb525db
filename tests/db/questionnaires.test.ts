import { describe, expect, it } from 'vitest';
import { ASQ, GAD7, PHQ9, type FrequencyAnswer, type QuestionnaireAnswers } from '../../shared/measures';
import { questionnaire, questionnaireAmend, questionnaireRecord } from '../../shared/schemas/questionnaire';
import { MIGRATIONS } from '../../db/migrations';
import { phaseChange } from '../../shared/course';
import { buildTrend } from '../../shared/measures/trend';
import { orderCourse } from '../helpers/session-fixture';
import { patientInput, T0, useTempStore } from '../helpers/store-fixture';

const open = useTempStore();

const DAY = 86_400_000;
const day = (n: number, hour = 9) => new Date(Date.parse(T0) + n * DAY + (hour - 9) * 3_600_000).toISOString();

function frequency(instrument: 'phq9' | 'gad7', answers: (FrequencyAnswer | null)[], difficulty: FrequencyAnswer | null = 1): QuestionnaireAnswers {
  const items = (instrument === 'phq9' ? PHQ9 : GAD7).items;
  return { instrument, items: Object.fromEntries(items.map((item, i) => [item.id, answers[i] ?? null])), difficulty };
}
const phq9Of = (total: number, item9: FrequencyAnswer = 0) => {
  // Items 1–8 carry the total less item 9, from the first.
  const rest = total - item9;
  return frequency('phq9', [...Array.from({ length: 8 }, (_, i) => Math.max(0, Math.min(3, rest - 3 * i)) as FrequencyAnswer), item9]);
};
const asqOf = (a: Array<'yes' | 'no' | 'refused' | null>, details: { 'asq-4': string | null; 'asq-5': string | null } = { 'asq-4': null, 'asq-5': null }): QuestionnaireAnswers => ({
  instrument: 'asq',
  items: Object.fromEntries(ASQ.items.map((item, i) => [item.id, a[i] ?? null])),
  details,
});

function setup() {
  const opened = open();
  const patient = opened.store.createPatient(patientInput(), opened.clinician.id, T0);
  /** Records through the shared schema, as a handler will. */
  const record = (answers: QuestionnaireAnswers, takenAt: string, mode = 'read-aloud', at = takenAt) =>
    opened.store.questionnaire.record(questionnaireRecord.parse({ patientId: patient.id, answers, mode, takenAt }), opened.clinician.id, at);
  return { ...opened, patient, record };
}

describe('questionnaires', () => {
  it('is migration 007, after sign-in’s 006', () => {
    expect(MIGRATIONS[6]).toMatch(/CREATE TABLE questionnaires/);
  });

  it('records a PHQ-9 with its answers by item code, who entered it, how and when, scored, with an audit row', () => {
    const { store, clinician, patient, record } = setup();
    const entry = record(phq9Of(12, 1), day(0), 'patient-mode', day(0, 10));
    expect(entry).toMatchObject({
      patientId: patient.id, instrument: 'phq9', mode: 'patient-mode', selfCompleted: true,
      takenAt: day(0), recordedAt: day(0, 10), enteredBy: clinician.id, enteredByName: 'Dr Ada Rivera',
      amendsId: null, amendmentReason: null, amendedById: null, isBaseline: true, changeDefinitions: 'published',
      score: { status: 'complete', total: 12, band: 'moderate', flags: ['phq9-item9-positive'], change: { baseline: 12, points: 0, response: false } },
    });
    expect(entry.answers).toEqual(phq9Of(12, 1));
    expect(questionnaire.parse(entry)).toEqual(entry);
    expect(store.questionnaire.get(entry.id)).toEqual(entry);
    expect(store.audit.history('questionnaire', entry.id)).toMatchObject([{ action: 'record', clinicianId: clinician.id, after: entry }]);
    expect(store.audit.verify(store.audit.head()).ok).toBe(true);
  });

  it('keeps the baseline as the first complete entry and scores later ones from it, PHQ-9 and GAD-7 apart', () => {
    const { store, patient, record } = setup();
    const incomplete = record(frequency('phq9', [3, 3, 3, null, 3, 3, 3, 3, 0]), day(0));
    const baseline = record(phq9Of(20), day(1));
    const gad = record(frequency('gad7', [2, 2, 2, 2, 2, 2, 2]), day(1, 10), 'paper');
    const later = record(phq9Of(9), day(8));
    const remitted = record(phq9Of(4), day(15));
    const gadLater = record(frequency('gad7', [1, 1, 1, 1, 1, 1, 0]), day(15, 10));

    expect(incomplete.score).toMatchObject({ status: 'incomplete', total: null, change: null, missing: [4] });
    expect(incomplete.isBaseline).toBe(false);
    expect(baseline).toMatchObject({ isBaseline: true, score: { total: 20, change: { points: 0 } } });
    expect(later.score.change).toEqual({ baseline: 20, points: -11, response: true, remission: false });
    expect(remitted.score.change).toEqual({ baseline: 20, points: -16, response: true, remission: true });
    expect(gad).toMatchObject({ isBaseline: true, selfCompleted: true, changeDefinitions: 'by-analogy', score: { total: 14, band: 'moderate' } });
    expect(gadLater.score.change).toEqual({ baseline: 14, points: -8, response: true, remission: false });
    expect(store.questionnaire.listForPatient(patient.id).map((q) => q.id)).toEqual(
      [gadLater, remitted, later, gad, baseline, incomplete].map((q) => q.id),
    );
  });

  it('takes a paper form typed in later at the time it was taken, so the baseline stays the first taken', () => {
    const { store, record } = setup();
    const typedFirst = record(phq9Of(10), day(7), 'paper');
    expect(typedFirst.isBaseline).toBe(true);
    const takenEarlier = record(phq9Of(16), day(0), 'paper', day(7, 11));
    expect(takenEarlier).toMatchObject({ isBaseline: true, takenAt: day(0), recordedAt: day(7, 11) });
    expect(store.questionnaire.get(typedFirst.id)).toMatchObject({
      isBaseline: false, score: { change: { baseline: 16, points: -6, response: false, remission: false } },
    });
  });

  it('starts a new baseline after a course ends: the first complete entry of the next course of treatment (M6)', () => {
    const { store, clinician, patient, record } = setup();
    const first = record(phq9Of(20), day(0));
    const course = orderCourse(store, patient, clinician, 'iv-ketamine', day(0, 10));
    const during = record(phq9Of(8), day(20));
    store.course.changePhase(phaseChange.parse({ courseId: course.id, phase: 'ended', reason: 'Remission' }), clinician, day(30));
    const consult = record(phq9Of(18), day(90));
    orderCourse(store, patient, clinician, 'iv-ketamine', day(91));
    const next = record(phq9Of(9), day(100));
    expect(store.questionnaire.get(first.id).isBaseline).toBe(true);
    expect(store.questionnaire.get(during.id).score.change).toMatchObject({ baseline: 20, points: -12, response: true });
    // The consult before the next course is its baseline, not the first score ever.
    expect(store.questionnaire.get(consult.id)).toMatchObject({ isBaseline: true, score: { change: { baseline: 18, points: 0 } } });
    expect(store.questionnaire.get(next.id).score.change).toMatchObject({ baseline: 18, points: -9, response: true });
    expect(buildTrend(store.questionnaire.listForPatient(patient.id), []).instruments[0]!.baseline).toMatchObject({ id: consult.id, total: 18 });
  });

  it('records an ASQ with its free-text follow-ups and its result', () => {
    const { record } = setup();
    const entry = record(asqOf(['no', 'yes', 'no', 'yes', 'no'], { 'asq-4': 'Overdose in 2019', 'asq-5': null }), day(0));
    expect(entry).toMatchObject({
      instrument: 'asq', isBaseline: false, changeDefinitions: null,
      answers: { details: { 'asq-4': 'Overdose in 2019', 'asq-5': null } },
      score: { status: 'complete', result: 'positive-non-acute', flags: ['asq-positive'], change: null },
    });
    expect(record(asqOf(['no', 'no', 'refused', 'no', 'refused']), day(0, 10)).score.result).toBe('positive-acute');
  });

  it('corrects an entry by amendment with a reason: the original is kept, marked corrected, and no longer counts', () => {
    const { store, clinician, patient, record } = setup();
    const original = record(phq9Of(27, 3), day(0));
    const next = record(phq9Of(12), day(7));
    expect(next.score.change?.baseline).toBe(27);

    const amend = (amendsId: string, answers: QuestionnaireAnswers, reason = 'Item 3 was entered as 3; the form says 0') =>
      store.questionnaire.amend(questionnaireAmend.parse({ amendsId, answers, mode: 'read-aloud', takenAt: day(0), reason }), clinician.id, day(8));
    const correction = amend(original.id, phq9Of(24));
    expect(correction).toMatchObject({
      amendsId: original.id, amendmentReason: 'Item 3 was entered as 3; the form says 0', amendedById: null,
      isBaseline: true, recordedAt: day(8), score: { total: 24 },
    });
    const after = store.questionnaire.get(original.id);
    expect(after).toMatchObject({ amendedById: correction.id, isBaseline: false, score: { total: 27, change: null } });
    expect(after.answers).toEqual(original.answers);
    expect(store.questionnaire.get(next.id).score.change).toEqual({ baseline: 24, points: -12, response: true, remission: false });
    const list = store.questionnaire.listForPatient(patient.id);
    expect(list).toHaveLength(3);
    for (const entry of list) expect(questionnaire.parse(entry)).toEqual(entry);

    expect(store.audit.history('questionnaire', correction.id)).toMatchObject([
      { action: 'amend', reason: 'Item 3 was entered as 3; the form says 0', after: correction },
    ]);
    expect(store.audit.history('questionnaire', original.id)).toMatchObject([
      { action: 'record' },
      { action: 'amended', after: { amendedById: correction.id }, reason: 'Item 3 was entered as 3; the form says 0' },
    ]);

    // Only the latest version can be corrected, by the same instrument, with a reason.
    expect(() => amend(original.id, phq9Of(23))).toThrow(/already been corrected/);
    expect(() => amend(correction.id, frequency('gad7', [0, 0, 0, 0, 0, 0, 0]))).toThrow(/correction of a PHQ-9 must be a PHQ-9/);
    expect(() => amend('00000000-0000-4000-8000-000000000000', phq9Of(1))).toThrow(/does not exist/);
    expect(questionnaireAmend.safeParse({ amendsId: correction.id, answers: phq9Of(1), mode: 'paper', takenAt: day(0), reason: '  ' }).success).toBe(false);
    expect(store.audit.verify(store.audit.head()).ok).toBe(true);
  });

  it('refuses an unknown patient and a time taken after it is entered, writing nothing', () => {
    const { store, clinician, patient, record } = setup();
    expect(() => record(phq9Of(5), day(1), 'read-aloud', day(0))).toThrow(/cannot be after/);
    const unknown = questionnaireRecord.parse({ patientId: '00000000-0000-4000-8000-000000000000', answers: phq9Of(5), mode: 'paper', takenAt: day(0) });
    expect(() => store.questionnaire.record(unknown, clinician.id, day(0))).toThrow(/does not exist/);
    expect(store.questionnaire.listForPatient(patient.id)).toEqual([]);
    expect(store.db.prepare('SELECT count(*) AS n FROM audit_log WHERE entity = ?').get('questionnaire')).toEqual({ n: 0 });
  });

  it('normalises the time taken to UTC milliseconds', () => {
    const { record } = setup();
    expect(record(phq9Of(5), '2026-11-25T08:30:00Z', 'read-aloud', day(0)).takenAt).toBe('2026-11-25T08:30:00.000Z');
    expect(questionnaireRecord.safeParse({ patientId: '00000000-0000-4000-8000-000000000000', answers: phq9Of(5), mode: 'paper', takenAt: 'yesterday' }).success).toBe(false);
  });

  it('never changes or deletes an entry, and refuses answers of another instrument than the row says', () => {
    const { store, record } = setup();
    record(phq9Of(5), day(0));
    expect(() => store.db.prepare("UPDATE questionnaires SET mode = 'paper'").run()).toThrow(/cannot be changed; amend instead/);
    expect(() => store.db.prepare('DELETE FROM questionnaires').run()).toThrow(/never deleted/);
    expect(() =>
      store.db.prepare("INSERT INTO questionnaires SELECT 'x', patient_id, 'gad7', answers_json, mode, taken_at, recorded_at, entered_by, NULL, NULL FROM questionnaires").run(),
    ).toThrow(/CHECK constraint failed/);
  });
});
