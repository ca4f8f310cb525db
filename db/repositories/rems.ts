import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface EnrollmentRow {
  patient_id: string;
  enrolled: 0 | 1;
  enrolled_on: string | null;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
}

export interface SessionRemsRow {
  session_id: string;
  lots_json: string;
  concomitant_json: string;
  prefill_json: string;
  vitals_ok_before_dose: 0 | 1 | null;
  vitals_ok_before_end: 0 | 1 | null;
  ready_to_leave_minutes: number | null;
  saved_at: string;
  saved_by: string;
  saved_by_name: string;
}

export interface SubmissionRow {
  id: string;
  session_id: string;
  submitted_on: string;
  submitted_by: string;
  confirmation: string | null;
  recorded_at: string;
  recorded_by_name: string;
  amends_id: string | null;
  amend_reason: string | null;
}

/** A finished esketamine session, with its patient: one REMS form each. */
export interface FinishedRow {
  session_id: string;
  patient_id: string;
  legal_name: string;
  mrn: string;
  started_at: string;
}

const SUBMISSION = `SELECT r.*, c.name AS recorded_by_name FROM rems_submissions r JOIN clinicians c ON c.id = r.recorded_by`;
/** The newest version of each submission: the rows no correction replaced. */
const CURRENT = `${SUBMISSION} WHERE NOT EXISTS (SELECT 1 FROM rems_submissions n WHERE n.amends_id = r.id)`;

const FINISHED = `SELECT s.id AS session_id, s.patient_id, p.legal_name, p.mrn, s.started_at
  FROM sessions s JOIN session_discharges d ON d.session_id = s.id JOIN patients p ON p.id = s.patient_id
  WHERE s.route = 'esketamine-nasal'`;

/** Rows of the REMS tables. */
export class RemsRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      enrollment: db.prepare<[string], EnrollmentRow>(
        `SELECT e.*, c.name AS recorded_by_name FROM rems_enrollments e JOIN clinicians c ON c.id = e.recorded_by WHERE e.patient_id = ?`,
      ),
      putEnrollment: db.prepare(
        `INSERT INTO rems_enrollments (patient_id, enrolled, enrolled_on, recorded_at, recorded_by) VALUES (@patientId, @enrolled, @enrolledOn, @at, @by)
         ON CONFLICT (patient_id) DO UPDATE SET enrolled = excluded.enrolled, enrolled_on = excluded.enrolled_on,
           recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
      ),
      answers: db.prepare<[string], SessionRemsRow>(
        `SELECT r.*, c.name AS saved_by_name FROM session_rems r JOIN clinicians c ON c.id = r.saved_by WHERE r.session_id = ?`,
      ),
      putAnswers: db.prepare(
        `INSERT INTO session_rems (session_id, lots_json, concomitant_json, prefill_json, vitals_ok_before_dose, vitals_ok_before_end,
           ready_to_leave_minutes, saved_at, saved_by)
         VALUES (@sessionId, @lots, @concomitant, @prefill, @before, @end, @ready, @at, @by)
         ON CONFLICT (session_id) DO UPDATE SET lots_json = excluded.lots_json, concomitant_json = excluded.concomitant_json,
           prefill_json = excluded.prefill_json, vitals_ok_before_dose = excluded.vitals_ok_before_dose,
           vitals_ok_before_end = excluded.vitals_ok_before_end, ready_to_leave_minutes = excluded.ready_to_leave_minutes,
           saved_at = excluded.saved_at, saved_by = excluded.saved_by`,
      ),
      currentSubmission: db.prepare<[string], SubmissionRow>(`${CURRENT} AND r.session_id = ?`),
      currentSubmissions: db.prepare<[], SubmissionRow>(CURRENT),
      insertSubmission: db.prepare(
        `INSERT INTO rems_submissions (id, session_id, submitted_on, submitted_by, confirmation, recorded_at, recorded_by, amends_id, amend_reason)
         VALUES (@id, @sessionId, @submittedOn, @submittedBy, @confirmation, @at, @by, @amendsId, @amendReason)`,
      ),
      submission: db.prepare<[string], SubmissionRow>(`${SUBMISSION} WHERE r.id = ?`),
      finished: db.prepare<[], FinishedRow>(`${FINISHED} ORDER BY s.started_at`),
      // Today's board: only the forms not yet marked submitted, without building the submitted ones.
      unsubmitted: db.prepare<[], FinishedRow>(
        `${FINISHED} AND NOT EXISTS (SELECT 1 FROM rems_submissions r WHERE r.session_id = s.id) ORDER BY s.started_at`,
      ),
    };
  }

  enrollment(patientId: string): EnrollmentRow | null {
    return this.s.enrollment.get(patientId) ?? null;
  }

  putEnrollment(r: { patientId: string; enrolled: boolean; enrolledOn: string | null; at: string; by: string }): void {
    this.s.putEnrollment.run({ ...r, enrolled: r.enrolled ? 1 : 0 });
  }

  answers(sessionId: string): SessionRemsRow | null {
    return this.s.answers.get(sessionId) ?? null;
  }

  putAnswers(r: {
    sessionId: string; lots: unknown; concomitant: unknown; prefill: unknown; before: boolean | null; end: boolean | null;
    ready: number | null; at: string; by: string;
  }): void {
    const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
    this.s.putAnswers.run({
      ...r, lots: JSON.stringify(r.lots), concomitant: JSON.stringify(r.concomitant), prefill: JSON.stringify(r.prefill),
      before: bit(r.before), end: bit(r.end),
    });
  }

  currentSubmission(sessionId: string): SubmissionRow | null {
    return this.s.currentSubmission.get(sessionId) ?? null;
  }

  currentSubmissions(): SubmissionRow[] {
    return this.s.currentSubmissions.all();
  }

  submission(id: string): SubmissionRow | null {
    return this.s.submission.get(id) ?? null;
  }

  insertSubmission(r: {
    id: string; sessionId: string; submittedOn: string; submittedBy: string; confirmation: string | null; at: string; by: string;
    amendsId: string | null; amendReason: string | null;
  }): void {
    this.s.insertSubmission.run(r);
  }

  /** Discharged esketamine sessions, oldest first; with `unsubmittedOnly`, those whose form is not yet marked submitted. */
  finishedEsketamine(unsubmittedOnly = false): FinishedRow[] {
    return (unsubmittedOnly ? this.s.unsubmitted : this.s.finished).all();
  }
}
