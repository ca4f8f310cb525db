import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { InstrumentId, QuestionnaireAnswers } from '../../shared/measures';
import type { QuestionnaireMode } from '../../shared/schemas/questionnaire';

export interface QuestionnaireRow {
  id: string;
  patient_id: string;
  instrument: InstrumentId;
  answers_json: string;
  mode: QuestionnaireMode;
  taken_at: string;
  recorded_at: string;
  entered_by: string;
  entered_by_name: string;
  amends_id: string | null;
  amendment_reason: string | null;
  amended_by_id: string | null;
}

export interface QuestionnaireInsert {
  id: string;
  patientId: string;
  answers: QuestionnaireAnswers;
  mode: QuestionnaireMode;
  takenAt: string;
  at: string;
  by: string;
  amendsId: string | null;
  amendmentReason: string | null;
}

export const QUESTIONNAIRE_SELECT = `SELECT q.*, c.name AS entered_by_name,
  (SELECT a.id FROM questionnaires a WHERE a.amends_id = q.id) AS amended_by_id
  FROM questionnaires q JOIN clinicians c ON c.id = q.entered_by`;

/** Rows of the questionnaires table; a patient's in the order they were taken. */
export class QuestionnaireRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO questionnaires (id, patient_id, instrument, answers_json, mode, taken_at, recorded_at, entered_by, amends_id, amendment_reason)
         VALUES (@id, @patientId, @instrument, @answersJson, @mode, @takenAt, @at, @by, @amendsId, @amendmentReason)`,
      ),
      byId: db.prepare<[string], QuestionnaireRow>(`${QUESTIONNAIRE_SELECT} WHERE q.id = ?`),
      forPatient: db.prepare<[string], QuestionnaireRow>(
        `${QUESTIONNAIRE_SELECT} WHERE q.patient_id = ? ORDER BY q.taken_at, q.recorded_at, q.rowid`,
      ),
    };
  }

  insert(r: QuestionnaireInsert): void {
    const { answers, ...rest } = r;
    this.s.insert.run({ ...rest, instrument: answers.instrument, answersJson: JSON.stringify(answers) });
  }

  get(id: string): QuestionnaireRow | null {
    return this.s.byId.get(id) ?? null;
  }

  listForPatient(patientId: string): QuestionnaireRow[] {
    return this.s.forPatient.all(patientId);
  }
}
