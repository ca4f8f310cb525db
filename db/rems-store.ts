import { randomUUID } from 'node:crypto';
import { localIsoDate } from '../shared/dates';
import { DomainError } from '../shared/result';
import { EMPTY_REMS_ANSWERS, REMS_READINESS_ID, remsMissing } from '../shared/rems/completeness';
import { daysBetween, remsDueOn, remsFormStatus } from '../shared/rems/due';
import { concomitantPrefill } from '../shared/rems/prefill';
import type {
  ConcomitantAnswers, DeviceLot, RemsEnrollment, RemsEnrollmentRecord, RemsFormDue, RemsSessionAnswers, RemsSessionSave,
  RemsSessionView, RemsSubmission, RemsSubmissionRecord,
} from '../shared/rems/schemas';
import type { Clinician } from '../shared/schemas/clinician';
import type { EligibilityReason, ReadinessItem, Session } from '../shared/session/schemas';
import { clockMinutesBetween } from '../shared/session/time';
import type { EnrollmentRow, SessionRemsRow, SubmissionRow } from './repositories/rems';
import type { RemsRepository } from './repositories/rems';
import type { ScreeningStore } from './screening-store';
import type { StoreCore } from './store-core';

/** What the REMS feature needs of the store. */
export interface RemsStoreDeps extends StoreCore {
  readonly remsRecords: RemsRepository;
  readonly screening: Pick<ScreeningStore, 'get'>;
  readonly session: { get(id: string): Session };
}

const ESKETAMINE = 'esketamine-nasal';
/** The session's day and today, in the clinic's local time zone. */
const localDay = (iso: string) => localIsoDate(new Date(iso));

/**
 * The esketamine REMS record [REFERENCE §4, S8]: the patient's enrolment
 * (needed before an esketamine session starts), the answers each session adds
 * for the Patient Monitoring Form (needed before discharge), and the form's
 * submission within 7 days. Every change is an audit row; a change to what
 * was recorded needs a reason.
 */
export class RemsStore {
  constructor(private readonly store: RemsStoreDeps) {}

  enrollment(patientId: string): RemsEnrollment | null {
    this.store.requirePatient(patientId);
    const row = this.store.remsRecords.enrollment(patientId);
    return row ? enrollmentOf(row) : null;
  }

  recordEnrollment(input: RemsEnrollmentRecord, by: Clinician, now: string): RemsEnrollment {
    return this.store.write(() => {
      this.store.requirePatient(input.patientId);
      if (input.enrolledOn && input.enrolledOn > localDay(now)) {
        throw new DomainError('invalid-input', 'The enrolment date cannot be in the future', 'enrolledOn');
      }
      const before = this.store.remsRecords.enrollment(input.patientId);
      const enrolledOn = input.enrolled ? input.enrolledOn : null;
      if (before) {
        if (before.enrolled === (input.enrolled ? 1 : 0) && before.enrolled_on === enrolledOn) {
          throw new DomainError('invalid-input', 'Nothing was changed, so there is nothing to amend.', 'enrolled');
        }
        if (!input.reason) throw new DomainError('invalid-input', 'Give a reason for changing the recorded enrolment', 'reason');
      }
      this.store.remsRecords.putEnrollment({ patientId: input.patientId, enrolled: input.enrolled, enrolledOn, at: now, by: by.id });
      const after = enrollmentOf(this.store.remsRecords.enrollment(input.patientId)!);
      this.store.audit.append({
        at: now, clinicianId: by.id, entity: 'patient', entityId: input.patientId, action: before ? 'amend-rems-enrollment' : 'rems-enrollment',
        before: before ? enrollmentOf(before) : null, after, reason: input.reason,
      });
      return after;
    });
  }

  /** The session-start gate: an esketamine session needs the patient enrolled on or before its day. */
  enrollmentReason(patientId: string, at: string): EligibilityReason | null {
    const row = this.store.remsRecords.enrollment(patientId);
    if (row?.enrolled === 1 && row.enrolled_on !== null && row.enrolled_on <= localDay(at)) return null;
    return {
      code: 'rems-enrollment-required',
      message: 'This patient is not recorded as enrolled in the esketamine REMS. Record the enrolment on the chart first.',
    };
  }

  view(sessionId: string, now: string): RemsSessionView {
    const session = this.esketamineSession(sessionId);
    const row = this.store.remsRecords.answers(sessionId);
    const answers = row ? answersOf(row) : null;
    return {
      sessionId,
      answers: row && answers ? { ...answers, savedAt: row.saved_at, savedByName: row.saved_by_name } : null,
      prefill: this.prefill(session),
      totalMinutes: clockMinutesBetween(session.startedAt, session.discharge?.at ?? now),
      missing: remsMissing(answers ?? EMPTY_REMS_ANSWERS),
    };
  }

  /** Saved at the chair while the session is open; after discharge a change is an amendment with a reason. */
  save(input: RemsSessionSave, by: Clinician, now: string): RemsSessionView {
    return this.store.write(() => {
      const session = this.esketamineSession(input.sessionId);
      const devices = session.dose.route === ESKETAMINE ? session.dose.deviceCount : 0;
      if (input.lots.length > devices) {
        throw new DomainError('invalid-input', `This session used ${devices} devices; remove a lot number.`, 'lots');
      }
      if (session.discharge && !input.reason) {
        throw new DomainError('invalid-input', 'This session has ended: give a reason for changing its REMS answers', 'reason');
      }
      const beforeRow = this.store.remsRecords.answers(session.id);
      const before = beforeRow ? answersOf(beforeRow) : null;
      const { sessionId: _id, reason, ...after } = input;
      if (before && JSON.stringify(before) === JSON.stringify(after)) return this.view(session.id, now);
      this.store.remsRecords.putAnswers({
        sessionId: session.id, lots: after.lots, concomitant: after.concomitant, prefill: this.prefill(session),
        before: after.vitalsAcceptableBeforeDose, end: after.vitalsAcceptableBeforeEnd, ready: after.readyToLeaveMinutes, at: now, by: by.id,
      });
      this.store.audit.append({
        at: now, clinicianId: by.id, entity: 'session', entityId: session.id,
        action: session.discharge ? 'amend-rems-answers' : 'rems-answers', before, after, reason,
      });
      return this.view(session.id, now);
    });
  }

  /** The discharge readiness item for an esketamine session; null for other routes. Not overridable: the form needs it. */
  dischargeItem(session: Pick<Session, 'id' | 'route'>): ReadinessItem | null {
    if (session.route !== ESKETAMINE) return null;
    const row = this.store.remsRecords.answers(session.id);
    const missing = remsMissing(row ? answersOf(row) : EMPTY_REMS_ANSWERS);
    return {
      id: REMS_READINESS_ID, label: 'REMS form answers recorded', met: missing.length === 0,
      reason: missing.length === 0 ? 'Complete' : `Still to record: ${missing.join('; ')}`, overridable: false, source: 'REFERENCE §4, S8',
    };
  }

  /**
   * Every finished esketamine session's form: overdue first, then by due day.
   * Today's board asks for the `unsubmittedOnly`, which leaves the submitted ones in the database.
   */
  formsDue(now: string, unsubmittedOnly = false): RemsFormDue[] {
    const today = localDay(now);
    const dueSoonDays = this.store.settings.read().remsDueSoonDays;
    const submitted = unsubmittedOnly
      ? new Map<string, RemsSubmission>()
      : new Map(this.store.remsRecords.currentSubmissions().map((r) => [r.session_id, submissionOf(r)]));
    const order = { overdue: 0, 'due-soon': 1, due: 2, submitted: 3 } as const;
    return this.store.remsRecords.finishedEsketamine(unsubmittedOnly)
      .map((r) => {
        const sessionDate = localDay(r.started_at);
        const dueOn = remsDueOn(sessionDate);
        const submission = submitted.get(r.session_id) ?? null;
        return {
          sessionId: r.session_id, patientId: r.patient_id, patientName: r.legal_name, mrn: r.mrn, sessionDate, dueOn,
          daysLeft: daysBetween(today, dueOn), status: remsFormStatus(dueOn, today, submission !== null, dueSoonDays), submission,
        };
      })
      .sort((a, b) => order[a.status] - order[b.status] || a.dueOn.localeCompare(b.dueOn));
  }

  submission(sessionId: string): RemsSubmission | null {
    const row = this.store.remsRecords.currentSubmission(sessionId);
    return row ? submissionOf(row) : null;
  }

  /** "Submitted on (date) by (who), confirmation": a second record corrects the first, with a reason. */
  markSubmitted(input: RemsSubmissionRecord, by: Clinician, now: string): RemsSubmission {
    return this.store.write(() => {
      const session = this.esketamineSession(input.sessionId);
      if (!session.discharge) throw new DomainError('conflict', 'The session has not ended yet; its form is due once the patient is discharged.', 'sessionId');
      if (input.submittedOn > localDay(now)) throw new DomainError('invalid-input', 'Submitted on cannot be in the future', 'submittedOn');
      if (input.submittedOn < localDay(session.startedAt)) {
        throw new DomainError('invalid-input', 'Submitted on cannot be before the session', 'submittedOn');
      }
      const current = this.store.remsRecords.currentSubmission(session.id);
      if (current && !input.reason) throw new DomainError('invalid-input', 'This form is already marked submitted: give a reason for the correction', 'reason');
      const id = randomUUID();
      this.store.remsRecords.insertSubmission({
        id, sessionId: session.id, submittedOn: input.submittedOn, submittedBy: input.submittedBy, confirmation: input.confirmation,
        at: now, by: by.id, amendsId: current?.id ?? null, amendReason: current ? input.reason! : null,
      });
      const after = submissionOf(this.store.remsRecords.submission(id)!);
      this.store.audit.append({
        at: now, clinicianId: by.id, entity: 'session', entityId: session.id,
        action: current ? 'amend-rems-submission' : 'rems-submission', before: current ? submissionOf(current) : null, after,
        reason: current ? input.reason : null,
      });
      return after;
    });
  }

  /** The saved answers of a session, or the empty form. */
  answers(sessionId: string): RemsSessionAnswers {
    const row = this.store.remsRecords.answers(sessionId);
    return row ? answersOf(row) : EMPTY_REMS_ANSWERS;
  }

  private prefill(session: Session) {
    return concomitantPrefill(this.store.screening.get(session.screeningId).case.medications ?? []);
  }

  private esketamineSession(id: string): Session {
    const session = this.store.session.get(id);
    if (session.route !== ESKETAMINE) {
      throw new DomainError('invalid-input', 'The REMS Patient Monitoring Form is for esketamine sessions only.', 'sessionId');
    }
    return session;
  }
}

function enrollmentOf(r: EnrollmentRow): RemsEnrollment {
  return {
    patientId: r.patient_id, enrolled: r.enrolled === 1, enrolledOn: r.enrolled_on, recordedAt: r.recorded_at,
    recordedBy: r.recorded_by, recordedByName: r.recorded_by_name,
  };
}

const bool = (v: 0 | 1 | null) => (v === null ? null : v === 1);

function answersOf(r: SessionRemsRow): RemsSessionAnswers {
  return {
    lots: JSON.parse(r.lots_json) as DeviceLot[],
    concomitant: JSON.parse(r.concomitant_json) as ConcomitantAnswers,
    vitalsAcceptableBeforeDose: bool(r.vitals_ok_before_dose),
    vitalsAcceptableBeforeEnd: bool(r.vitals_ok_before_end),
    readyToLeaveMinutes: r.ready_to_leave_minutes,
  };
}

function submissionOf(r: SubmissionRow): RemsSubmission {
  return {
    id: r.id, submittedOn: r.submitted_on, submittedBy: r.submitted_by, confirmation: r.confirmation, recordedAt: r.recorded_at,
    recordedByName: r.recorded_by_name, amendReason: r.amend_reason,
  };
}
