import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AssessmentKind, AssessmentOutcome } from '../../shared/suicide-risk/schemas';

export interface AssessmentRow {
  id: string;
  patient_id: string;
  questionnaire_id: string;
  kind: AssessmentKind;
  outcome: AssessmentOutcome;
  note: string;
  resources_given: 0 | 1;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
}

export interface SafetyChecksRow {
  session_id: string;
  asq_id: string | null;
  asq_result: string | null;
  assessment_id: string | null;
  phq9_id: string | null;
  gad7_id: string | null;
  require_asq: 0 | 1;
  require_phq_gad: 0 | 1;
}

export interface SafetyChecksInsert {
  sessionId: string;
  asqId: string | null;
  asqResult: string | null;
  assessmentId: string | null;
  phq9Id: string | null;
  gad7Id: string | null;
  requireAsq: boolean;
  requirePhqGad: boolean;
}

const SELECT = `SELECT a.*, c.name AS recorded_by_name FROM suicide_risk_assessments a JOIN clinicians c ON c.id = a.recorded_by`;

/** Rows of the suicide-risk assessments and of each session's frozen safety checks. */
export class SuicideRiskRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO suicide_risk_assessments (id, patient_id, questionnaire_id, kind, outcome, note, resources_given, recorded_at, recorded_by)
         VALUES (@id, @patientId, @questionnaireId, @kind, @outcome, @note, @resourcesGiven, @at, @by)`,
      ),
      byId: db.prepare<[string], AssessmentRow>(`${SELECT} WHERE a.id = ?`),
      forPatient: db.prepare<[string], AssessmentRow>(`${SELECT} WHERE a.patient_id = ? ORDER BY a.recorded_at DESC, a.rowid DESC`),
      insertChecks: db.prepare(
        `INSERT INTO session_safety_checks (session_id, asq_id, asq_result, assessment_id, phq9_id, gad7_id, require_asq, require_phq_gad)
         VALUES (@sessionId, @asqId, @asqResult, @assessmentId, @phq9Id, @gad7Id, @requireAsq, @requirePhqGad)`,
      ),
      checks: db.prepare<[string], SafetyChecksRow>('SELECT * FROM session_safety_checks WHERE session_id = ?'),
    };
  }

  insert(r: {
    id: string; patientId: string; questionnaireId: string; kind: AssessmentKind; outcome: AssessmentOutcome;
    note: string; resourcesGiven: boolean; at: string; by: string;
  }): void {
    this.s.insert.run({ ...r, resourcesGiven: r.resourcesGiven ? 1 : 0 });
  }

  get(id: string): AssessmentRow | null {
    return this.s.byId.get(id) ?? null;
  }

  listForPatient(patientId: string): AssessmentRow[] {
    return this.s.forPatient.all(patientId);
  }

  insertChecks(r: SafetyChecksInsert): void {
    this.s.insertChecks.run({ ...r, requireAsq: r.requireAsq ? 1 : 0, requirePhqGad: r.requirePhqGad ? 1 : 0 });
  }

  checksFor(sessionId: string): SafetyChecksRow | null {
    return this.s.checks.get(sessionId) ?? null;
  }
}
