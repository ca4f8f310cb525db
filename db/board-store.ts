import { BOARD_LOOKAHEAD_DAYS, type Board, type BoardConsent, type BoardPatient, type BoardScreening, type BoardSession } from '../shared/board/schemas';
import { consentProblem } from '../shared/consent/standing';
import { addDays, daysBetween } from '../shared/course/days';
import type { CourseDueItem } from '../shared/course';
import { nextCheck } from '../shared/session/schedule';
import { addMinutes, clockMinutesBetween } from '../shared/session/time';
import type { ConsentStore } from './consent-store';
import { localDayOf, type CourseStore } from './course-store';
import type { PatientRepository } from './repositories/patients';
import type { SessionRepository } from './repositories/sessions';
import type { RemsStore } from './rems-store';
import type { ScreeningStore } from './screening-store';
import type { SessionStore } from './session-store';

/** What the board reads: the feature stores' own queries, so it says exactly what their screens and gates say. */
export interface BoardStoreDeps {
  readonly patients: Pick<PatientRepository, 'get'>;
  readonly sessions: Pick<SessionRepository, 'openSince' | 'latestSignedScreeningId'>;
  readonly session: Pick<SessionStore, 'view'>;
  readonly course: Pick<CourseStore, 'dueBy'>;
  readonly rems: Pick<RemsStore, 'formsDue'>;
  readonly screening: Pick<ScreeningStore, 'get'>;
  readonly consent: Pick<ConsentStore, 'standing'>;
}

/** Sessions left open longer than this are not "in progress" on the board (as on the lock screen). */
const IN_PROGRESS_WITHIN_MINUTES = 24 * 60;

/**
 * Today's board: every section reckoned from one `now`, reading only what is
 * open or due (open sessions by the start-time index, active courses, forms
 * not yet submitted), never the whole history.
 */
export class BoardStore {
  constructor(private readonly store: BoardStoreDeps) {}

  today(now: string): Board {
    const today = localDayOf(now);
    const dueSoon = this.store.course.dueBy(now, addDays(today, BOARD_LOOKAHEAD_DAYS));
    const planned = dueSoon.filter((c) => c.nextDue <= today);
    return {
      now,
      today,
      inProgress: this.inProgress(now),
      planned: planned.map((c) => ({ ...c, patient: this.patient(c.patientId) })),
      remsForms: this.store.rems.formsDue(now, true),
      screenings: this.expiringScreenings(dueSoon, today, now),
      consents: this.missingConsents(planned),
    };
  }

  private patient(id: string): BoardPatient {
    const p = this.store.patients.get(id)!;
    return { id: p.id, name: p.preferredName ? `${p.legalName} (${p.preferredName})` : p.legalName, mrn: p.mrn };
  }

  private inProgress(now: string): BoardSession[] {
    return this.store.sessions.openSince(addMinutes(now, -IN_PROGRESS_WITHIN_MINUTES)).map((id) => {
      const { session, schedule, alerts } = this.store.session.view(id, now);
      const next = nextCheck(schedule);
      return {
        sessionId: session.id,
        patient: this.patient(session.patientId),
        route: session.route,
        location: session.location,
        startedAt: session.startedAt,
        minutesSinceDose: clockMinutesBetween(session.startedAt, now),
        nextCheck: next && { label: next.label, dueAt: next.dueAt, overdue: next.overdue },
        openAlerts: alerts.filter((a) => a.acknowledgement === null && !a.entrySuperseded).map((a) => a.message),
      };
    });
  }

  /** Patients due within the look-ahead whose latest signed screening expires within it (or has expired). */
  private expiringScreenings(dueSoon: CourseDueItem[], today: string, now: string): BoardScreening[] {
    const out: BoardScreening[] = [];
    for (const c of firstPerPatient(dueSoon)) {
      const screeningId = this.store.sessions.latestSignedScreeningId(c.patientId);
      const signed = screeningId ? this.store.screening.get(screeningId, now) : null;
      if (!signed?.signature) continue;
      const { expiresAt } = signed.signature;
      const daysLeft = daysBetween(today, localDayOf(expiresAt));
      if (daysLeft > BOARD_LOOKAHEAD_DAYS) continue;
      out.push({ screeningId: signed.id, patient: this.patient(c.patientId), route: signed.case.plannedTreatment, expiresAt, daysLeft, nextDue: c.nextDue });
    }
    return out.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  }

  /** Planned sessions that the consent gate would refuse today. */
  private missingConsents(planned: CourseDueItem[]): BoardConsent[] {
    return planned.flatMap((c) => {
      const standing = this.store.consent.standing(c.patientId, c.route);
      if (standing.state === 'consented') return [];
      return [{ patient: this.patient(c.patientId), route: c.route, state: standing.state, message: consentProblem(standing, c.route)! }];
    });
  }
}

/** A patient with two courses due is listed once, by the earlier. */
function firstPerPatient(items: CourseDueItem[]): CourseDueItem[] {
  const seen = new Set<string>();
  return items.filter((c) => !seen.has(c.patientId) && seen.add(c.patientId));
}
