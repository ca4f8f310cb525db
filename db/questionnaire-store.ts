import { randomUUID } from 'node:crypto';
import {
  FREQUENCY_INSTRUMENTS,
  INSTRUMENT_NAMES,
  isFrequencyInstrument,
  measureAnswersOf,
  questionnaireAnswersSchema,
  scoreMeasure,
  type InstrumentId,
} from '../shared/measures';
import { DomainError } from '../shared/result';
import {
  isSelfCompleted,
  type Questionnaire,
  type QuestionnaireAmendInput,
  type QuestionnaireRecordInput,
} from '../shared/schemas/questionnaire';
import type { QuestionnaireInsert, QuestionnaireRow } from './repositories/questionnaires';
import type { StoreCore } from './store-core';

/**
 * Questionnaires (PHQ-9, GAD-7, ASQ): each entry is kept as answered and never
 * changed; a correction is a new entry that amends it, with a reason. Scores,
 * the baseline and the change from it are computed on every read, from the
 * answers of the entries that are current (not corrected).
 */
export class QuestionnaireStore {
  constructor(private readonly store: StoreCore) {}

  record(input: QuestionnaireRecordInput, by: string, at: string): Questionnaire {
    const takenAt = takenBy(input.takenAt, at);
    return this.store.write(() => {
      this.store.requirePatient(input.patientId);
      return this.insert({ ...input, takenAt, at, by, amendsId: null, amendmentReason: null }, 'record');
    });
  }

  /** Corrects the current version of an entry: the corrected answers in full, with a reason. */
  amend(input: QuestionnaireAmendInput, by: string, at: string): Questionnaire {
    const takenAt = takenBy(input.takenAt, at);
    return this.store.write(() => {
      const corrected = this.row(input.amendsId, 'amendsId');
      if (corrected.amended_by_id) {
        throw new DomainError('conflict', 'This questionnaire has already been corrected. Correct its latest version instead.', 'amendsId');
      }
      if (corrected.instrument !== input.answers.instrument) {
        const name = INSTRUMENT_NAMES[corrected.instrument];
        throw new DomainError('invalid-input', `A correction of a ${name} must be a ${name}.`, 'answers.instrument');
      }
      const reason = input.reason;
      const created = this.insert(
        { patientId: corrected.patient_id, answers: input.answers, mode: input.mode, takenAt, at, by, amendsId: corrected.id, amendmentReason: reason },
        'amend',
      );
      this.audit(by, at, corrected.id, 'amended', null, { amendedById: created.id }, reason);
      return created;
    });
  }

  get(id: string): Questionnaire {
    const row = this.row(id, 'id');
    return this.listForPatient(row.patient_id).find((q) => q.id === id)!;
  }

  /** Every entry of a patient, corrected ones included, newest first. */
  listForPatient(patientId: string): Questionnaire[] {
    this.store.requirePatient(patientId);
    return viewsInTakenOrder(this.store.questionnaires.listForPatient(patientId), this.store.courses.endedAt(patientId)).reverse();
  }

  private insert(r: Omit<QuestionnaireInsert, 'id'>, action: 'record' | 'amend'): Questionnaire {
    const id = randomUUID();
    this.store.questionnaires.insert({ id, ...r });
    const created = this.get(id);
    this.audit(r.by, r.at, id, action, null, created, r.amendmentReason);
    return created;
  }

  private row(id: string, field: string): QuestionnaireRow {
    const row = this.store.questionnaires.get(id);
    if (!row) throw new DomainError('not-found', 'This questionnaire does not exist.', field);
    return row;
  }

  private audit(by: string, at: string, id: string, action: string, before: unknown, after: unknown, reason: string | null) {
    this.store.audit.append({ at, clinicianId: by, entity: 'questionnaire', entityId: id, action, before, after, reason });
  }
}

/** The time the patient answered, as stored: normalised to UTC milliseconds, and never after it is entered. */
function takenBy(takenAt: string, at: string): string {
  const taken = new Date(takenAt).toISOString();
  if (taken > at) throw new DomainError('invalid-input', 'Time taken cannot be after the time it is entered.', 'takenAt');
  return taken;
}

/**
 * Views of a patient's rows, oldest first. The baseline of an instrument is
 * its first complete current entry in the current course of treatment (M6);
 * every later complete current entry is scored with its change from it. A
 * course of treatment starts after the previous one ended (`courseEnds`), so
 * the entry taken at the consult before a new course is ordered is its
 * baseline. A corrected entry keeps its total but no change, since it no
 * longer counts.
 */
export function viewsInTakenOrder(rows: readonly QuestionnaireRow[], courseEnds: readonly string[]): Questionnaire[] {
  const baselines = new Map<InstrumentId, { id: string; total: number }>();
  let endsPassed = 0;
  return rows.map((row) => {
    const ends = courseEnds.filter((end) => end <= row.taken_at).length;
    if (ends > endsPassed) {
      endsPassed = ends;
      baselines.clear();
    }
    const answers = questionnaireAnswersSchema.parse(JSON.parse(row.answers_json));
    const current = row.amended_by_id === null;
    const total = scoreMeasure(measureAnswersOf(answers)).total;
    if (current && total !== null && !baselines.has(row.instrument)) baselines.set(row.instrument, { id: row.id, total });
    const baseline = current && total !== null ? baselines.get(row.instrument) : undefined;
    return {
      id: row.id,
      patientId: row.patient_id,
      instrument: row.instrument,
      answers,
      mode: row.mode,
      selfCompleted: isSelfCompleted(row.mode),
      takenAt: row.taken_at,
      recordedAt: row.recorded_at,
      enteredBy: row.entered_by,
      enteredByName: row.entered_by_name,
      amendsId: row.amends_id,
      amendmentReason: row.amendment_reason,
      amendedById: row.amended_by_id,
      isBaseline: baseline?.id === row.id,
      score: scoreMeasure(measureAnswersOf(answers, baseline?.total ?? null)),
      changeDefinitions: isFrequencyInstrument(row.instrument) ? FREQUENCY_INSTRUMENTS[row.instrument].changeDefinitions : null,
    };
  });
}
