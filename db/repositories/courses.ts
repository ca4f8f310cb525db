import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Route } from '../../shared/session/reference';

// Rows of the course tables: the course, its append-only events, and the
// start times of its sessions (the plan is reckoned from them).

export interface CourseRow {
  id: string;
  patient_id: string;
  route: Route;
  created_at: string;
}

export interface CourseEventRow {
  id: string;
  course_id: string;
  at: string;
  by_id: string | null;
  by_name: string | null;
  kind: 'created' | 'phase' | 'order' | 'migrated';
  phase: string | null;
  reason: string | null;
  indication: string | null;
  indication_other: string | null;
  plan_json: string | null;
  dose_json: string | null;
}

export interface NewCourseEvent {
  id: string;
  courseId: string;
  at: string;
  by: string;
  kind: 'created' | 'phase' | 'order';
  phase: string | null;
  reason: string | null;
  indication: string | null;
  indicationOther: string | null;
  plan: unknown;
  dose: unknown;
}

/** When courses ended, with their patient: a new course of treatment starts after each (questionnaire baselines). */
export const COURSE_ENDS = `SELECT c.patient_id, e.at FROM course_events e JOIN courses c ON c.id = e.course_id WHERE e.kind = 'phase' AND e.phase = 'ended'`;

const EVENT_SELECT = `SELECT e.*, c.name AS by_name FROM course_events e LEFT JOIN clinicians c ON c.id = e.by_id`;

export class CourseRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insert: db.prepare('INSERT INTO courses (id, patient_id, route, created_at, created_by) VALUES (@id, @patientId, @route, @at, @by)'),
      insertEvent: db.prepare(
        `INSERT INTO course_events (id, course_id, at, by_id, kind, phase, reason, indication, indication_other, plan_json, dose_json)
         VALUES (@id, @courseId, @at, @by, @kind, @phase, @reason, @indication, @indicationOther, @plan, @dose)`,
      ),
      byId: db.prepare<[string], CourseRow>('SELECT id, patient_id, route, created_at FROM courses WHERE id = ?'),
      forPatient: db.prepare<[string], CourseRow>(
        'SELECT id, patient_id, route, created_at FROM courses WHERE patient_id = ? ORDER BY created_at DESC, rowid DESC',
      ),
      // The newest phase event decides the phase (as CourseStore reads it), found by the course_events_course index.
      active: db.prepare<[], CourseRow>(
        `SELECT c.id, c.patient_id, c.route, c.created_at FROM courses c
         WHERE (SELECT e.phase FROM course_events e WHERE e.course_id = c.id AND e.phase IS NOT NULL ORDER BY e.at DESC, e.rowid DESC LIMIT 1)
           IN ('induction', 'maintenance')
         ORDER BY c.created_at`,
      ),
      events: db.prepare<[string], CourseEventRow>(`${EVENT_SELECT} WHERE e.course_id = ? ORDER BY e.at, e.rowid`),
      sessionStarts: db.prepare<[string], { started_at: string }>('SELECT started_at FROM sessions WHERE course_id = ? ORDER BY started_at'),
      attach: db.prepare('UPDATE sessions SET course_id = ? WHERE id = ?'),
      endedAt: db.prepare<[string], { at: string }>(
        `${COURSE_ENDS} AND c.patient_id = ? ORDER BY e.at`,
      ),
      courseOfSession: db.prepare<[string], { course_id: string | null }>('SELECT course_id FROM sessions WHERE id = ?'),
    };
  }

  insert(r: { id: string; patientId: string; route: Route; at: string; by: string }): void {
    this.s.insert.run(r);
  }

  insertEvent(e: NewCourseEvent): void {
    this.s.insertEvent.run({
      ...e,
      plan: e.plan === null ? null : JSON.stringify(e.plan),
      dose: e.dose === null ? null : JSON.stringify(e.dose),
    });
  }

  get(id: string): CourseRow | null {
    return this.s.byId.get(id) ?? null;
  }

  forPatient(patientId: string): CourseRow[] {
    return this.s.forPatient.all(patientId);
  }

  /** Courses in induction or maintenance, oldest first: only these can be due, so the board reckons no others. */
  active(): CourseRow[] {
    return this.s.active.all();
  }

  /** When each of a patient's courses ended, oldest first: a new course of treatment starts after each. */
  endedAt(patientId: string): string[] {
    return this.s.endedAt.all(patientId).map((r) => r.at);
  }

  events(courseId: string): CourseEventRow[] {
    return this.s.events.all(courseId);
  }

  sessionStarts(courseId: string): string[] {
    return this.s.sessionStarts.all(courseId).map((r) => r.started_at);
  }

  /** Puts a new session in its course, once (a trigger refuses moving it later). */
  attachSession(sessionId: string, courseId: string): void {
    this.s.attach.run(courseId, sessionId);
  }

  courseOfSession(sessionId: string): string | null {
    return this.s.courseOfSession.get(sessionId)?.course_id ?? null;
  }
}
