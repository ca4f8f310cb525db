import type { LockedSessionHint } from '../shared/auth/status';
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../shared/schemas/audit';
import type { Clinician } from '../shared/schemas/clinician';
import { DomainError } from '../shared/result';
import { assessEntry } from '../shared/session/alerts';
import { dischargeReadiness } from '../shared/session/discharge';
import { resolveDose, type FieldProblem } from '../shared/session/dose';
import { decisionProblems, preDoseConcerns, preDoseProblems } from '../shared/session/pre-dose';
import { buildSessionRecord, type SessionRecord } from '../shared/session/record';
import { nextCheck, schedule } from '../shared/session/schedule';
import {
  EMPTY_CHECKLIST, type DischargeChecklist, type EntryData, type Readiness, type Session, type SessionAlert, type SessionEntry,
  type SessionEligibility, type SessionStart, type SessionSummary, type SessionView,
} from '../shared/session/schemas';
import { sessionSettingsFor } from '../shared/session/im-settings';
import { addMinutes, clinicalTimeProblem, FUTURE_TOLERANCE_MS, toMs } from '../shared/session/time';
import type { Route } from '../shared/session/reference';
import { withRemsItem } from '../shared/rems/completeness';
import { startInCourse } from './course-gate';
import { sessionEligibility, type SessionStoreDeps } from './session-gates';
import type { SessionRow } from './repositories/sessions';
import { savedTicksOf, toAlert, toEntry, toSession, toSummary } from './session-rows';

export interface EntryWritten {
  entry: SessionEntry;
  alerts: SessionAlert[];
}

const invalid = (p: FieldProblem) => new DomainError('invalid-input', p.message, p.field);

function assertOpen(session: Session): Session {
  if (session.discharge) {
    throw new DomainError('conflict', 'This session has ended; only corrections to its entries can be added.', 'sessionId');
  }
  return session;
}

/**
 * Treatment sessions: started only from a valid screening, monitored by
 * append-only entries that are each saved in their own transaction with their
 * alerts and audit row, and ended by a discharge that readiness or a written
 * override allows. Every rule is checked here, not trusted from the screen.
 */
export class SessionStore {
  constructor(private readonly store: SessionStoreDeps) {}

  eligibility(patientId: string, at: string, route: Route | null = null): SessionEligibility {
    this.store.requirePatient(patientId);
    return sessionEligibility(this.store, patientId, at, route);
  }

  start(input: SessionStart, by: Clinician, now: string): Session {
    return this.store.write(() => {
      const patient = this.store.requirePatient(input.patientId);
      const startedAt = input.startedAt ?? now;
      if (toMs(startedAt) > toMs(now) + FUTURE_TOLERANCE_MS) {
        throw new DomainError('invalid-input', 'The start time cannot be in the future', 'startedAt');
      }
      const gate = sessionEligibility(this.store, patient.id, startedAt, input.plan.route);
      if (!gate.eligible) {
        throw new DomainError('conflict', gate.reasons.map((r) => r.message).join(' '), 'patientId');
      }
      const settings = sessionSettingsFor(input.plan.route, this.store.settings.read());
      const resolved = resolveDose(input.plan, patient.weightKg, settings);
      if ('problem' in resolved) throw invalid(resolved.problem);
      const ctx = { route: input.plan.route, sex: patient.sex, startedAt, dose: resolved.dose, settings };
      const problems = preDoseProblems(input.preDose, ctx);
      if (problems.length > 0) throw invalid(problems[0]!);
      const inCourse = startInCourse(this.store, patient, input, by, startedAt, settings.ketamineInfusionMinutes);
      const concerns = [...preDoseConcerns(input.preDose, ctx), ...inCourse.concerns];
      const refused = decisionProblems(concerns, input.decisionReason, by.role, this.store.settings.read().nursesDecideMilderConcerns);
      if (refused.length > 0) throw invalid(refused[refused.length - 1]!);
      const d = resolved.dose;
      const id = randomUUID();
      this.store.sessions.insertSession({
        id, patientId: patient.id, screeningId: gate.screening!.id, route: input.plan.route, startedAt, startedBy: by.id,
        recordedAt: now, totalMg: d.totalMg, deviceCount: d.route === 'esketamine-nasal' ? d.deviceCount : null,
        mgPerKg: d.route === 'esketamine-nasal' ? null : d.mgPerKg, dose: d, preDose: input.preDose, concerns,
        decisionReason: concerns.length > 0 ? input.decisionReason!.trim() : null, settings, location: input.location ?? null,
      });
      this.store.suicideRisk.freezeForSession(id, gate.suicideRisk);
      this.store.course.attachSession(id, inCourse.course.id);
      const session = this.get(id);
      this.audit(by.id, now, id, 'start', null, { ...session, courseId: inCourse.course.id, doseChangeReason: inCourse.doseChangeReason },
        [session.decisionReason, inCourse.doseChangeReason].filter(Boolean).join('; ') || null);
      return session;
    });
  }

  get(id: string): Session {
    return toSession(this.row(id));
  }

  /**
   * Open sessions started in the last day, each with its next check: what a
   * locked screen may show (no patient), so a lock never hides a due check.
   */
  inProgressHints(now: string): LockedSessionHint[] {
    return this.store.sessions.openSince(addMinutes(now, -24 * 60)).map((id) => {
      const { session, schedule: items } = this.view(id, now);
      const next = nextCheck(items);
      return {
        startedAt: session.startedAt,
        nextCheckLabel: next?.label ?? null,
        nextCheckDueAt: next?.dueAt ?? null,
        overdue: next?.overdue ?? false,
      };
    });
  }

  /** Everything the session screen shows, computed at `now`; readiness with the checklist as ticked so far. */
  view(id: string, now: string, checklist?: DischargeChecklist): SessionView {
    const row = this.row(id);
    const session = toSession(row);
    const entries = this.store.sessions.entries(id).map(toEntry);
    const alerts = this.store.sessions.alerts(id).map(toAlert);
    const savedChecklist = session.discharge ? null : savedTicksOf(row);
    // A discharged session is judged as it stood when the patient left.
    const readiness = this.withRems(session, dischargeReadiness(
      session, entries, session.discharge?.checklist ?? checklist ?? savedChecklist ?? EMPTY_CHECKLIST,
      session.discharge?.at ?? now, session.settings, alerts,
    ));
    return {
      session, savedChecklist, entries, alerts, schedule: schedule(session, entries, now, session.settings), readiness, now,
    };
  }

  /**
   * The discharge checklist as ticked at the chair, kept with the session so a
   * reload or a restart shows the same ticks. Only while the session is open;
   * each change is an audit row with the ticks before and after.
   */
  saveChecklist(input: { sessionId: string; checklist: DischargeChecklist }, by: Clinician, now: string): DischargeChecklist {
    return this.store.write(() => {
      const row = this.row(input.sessionId);
      const session = assertOpen(toSession(row));
      const before = savedTicksOf(row);
      const after = { ...EMPTY_CHECKLIST, ...input.checklist };
      if (JSON.stringify(before ?? EMPTY_CHECKLIST) === JSON.stringify(after)) return after;
      this.store.sessions.saveTicks(session.id, after);
      this.audit(by.id, now, session.id, 'discharge-checklist', before, after, null);
      return after;
    });
  }

  /** One observation, saved at once with the alerts it fires and its audit row, in one durable transaction. */
  addEntry(input: { sessionId: string; at?: string | undefined; entry: EntryData }, by: Clinician, now: string): EntryWritten {
    return this.store.write(() => {
      const session = this.openSession(input.sessionId);
      const at = input.at ?? now;
      this.checkTime(at, session, now);
      this.checkDoseComplete(session, input.entry, null);
      const written = this.insertEntry(session, { at, entry: input.entry, amendsId: null, amendReason: null }, by, now);
      this.audit(by.id, now, session.id, 'add-entry', null, written, null);
      return written;
    });
  }

  /** A correction: a new row pointing at the newest version of an entry, with who, when and why. */
  amendEntry(
    input: { sessionId: string; entryId: string; at?: string | undefined; entry: EntryData | null; reason: string },
    by: Clinician, now: string,
  ): EntryWritten {
    return this.store.write(() => {
      const session = this.get(input.sessionId);
      const target = this.store.sessions.entry(input.entryId);
      if (!target || target.session_id !== session.id) {
        throw new DomainError('not-found', 'This entry does not exist in this session.', 'entryId');
      }
      if (target.superseded_by_id) {
        throw new DomainError('conflict', 'This entry has already been corrected; correct the newest version.', 'entryId');
      }
      if (target.entry_json === null) {
        throw new DomainError('conflict', 'This entry was struck out; there is nothing left to correct.', 'entryId');
      }
      const at = input.at ?? target.at;
      this.checkTime(at, session, now);
      if (at === target.at && JSON.stringify(input.entry) === target.entry_json) {
        throw new DomainError('invalid-input', 'Nothing was changed, so there is nothing to correct.', 'entry');
      }
      if (input.entry) this.checkDoseComplete(session, input.entry, target.id);
      const before = toEntry(target);
      const written = this.insertEntry(session, { at, entry: input.entry, amendsId: target.id, amendReason: input.reason }, by, now);
      this.audit(by.id, now, session.id, input.entry ? 'amend-entry' : 'strike-entry', before, written, input.reason);
      return written;
    });
  }

  acknowledgeAlert(input: { alertId: string; actionNote: string }, by: Clinician, now: string): SessionAlert {
    return this.store.write(() => {
      const alert = this.store.sessions.alert(input.alertId);
      if (!alert) throw new DomainError('not-found', 'This alert does not exist.', 'alertId');
      if (alert.ack_at) throw new DomainError('conflict', `This alert was already acknowledged by ${alert.ack_by_name ?? 'someone'}.`, 'alertId');
      this.store.sessions.insertAck({ alertId: alert.id, sessionId: alert.session_id, at: now, by: by.id, actionNote: input.actionNote });
      const after = toAlert(this.store.sessions.alert(alert.id)!);
      this.audit(by.id, now, alert.session_id, 'acknowledge-alert', null, after, input.actionNote);
      return after;
    });
  }

  /** Ends the session: allowed when ready, or with a written reason when every non-overridable item is met. */
  discharge(
    input: { sessionId: string; at?: string | undefined; checklist: DischargeChecklist; overrideReason: string | null },
    by: Clinician, now: string,
  ): Session {
    return this.store.write(() => {
      const session = this.openSession(input.sessionId);
      const at = input.at ?? now;
      this.checkTime(at, session, now);
      // Entries come in time order, corrections and struck rows included: the last one is the latest on the timeline.
      const entries = this.store.sessions.entries(session.id).map(toEntry);
      const lastAt = entries.at(-1)?.at;
      if (lastAt && toMs(at) < toMs(lastAt)) {
        throw new DomainError('invalid-input', 'Discharge cannot be earlier than the last entry on the timeline', 'at');
      }
      const alerts = this.store.sessions.alerts(session.id).map(toAlert);
      const readiness = this.withRems(session, dischargeReadiness(session, entries, input.checklist, at, session.settings, alerts));
      const unmet = readiness.items.filter((i) => !i.met);
      if (!readiness.canOverride) {
        const blocking = unmet.filter((i) => !i.overridable).map((i) => `${i.label}: ${i.reason}`);
        throw new DomainError('conflict', `Cannot discharge yet. ${blocking.join('. ')}.`, 'sessionId');
      }
      const overrideReason = readiness.ready ? null : input.overrideReason?.trim() || null;
      if (!readiness.ready && !overrideReason) {
        throw new DomainError('invalid-input',
          `Not ready for discharge: ${unmet.map((i) => `${i.label} (${i.reason})`).join('; ')}. Give a reason to discharge anyway.`,
          'overrideReason');
      }
      this.store.sessions.insertDischarge({
        sessionId: session.id, at, by: by.id, recordedAt: now, checklist: input.checklist, ready: readiness.ready,
        unmet: unmet.map((i) => `${i.label}: ${i.reason}`), overrideReason,
      });
      const after = this.get(session.id);
      this.audit(by.id, now, session.id, 'discharge', null, after.discharge, overrideReason);
      return after;
    });
  }

  /** The chart's list, newest first: one query, whatever the number of sessions. */
  listForPatient(patientId: string): SessionSummary[] {
    this.store.requirePatient(patientId);
    return this.store.sessions.summaries(patientId).map(toSummary);
  }

  record(id: string, now: string): SessionRecord {
    const session = this.get(id);
    const patient = this.store.requirePatient(session.patientId);
    const screening = this.store.screening.get(session.screeningId);
    return buildSessionRecord({
      session,
      entries: this.store.sessions.entries(id).map(toEntry),
      alerts: this.store.sessions.alerts(id).map(toAlert),
      patient: {
        id: patient.id, legalName: patient.legalName, preferredName: patient.preferredName, mrn: patient.mrn,
        dateOfBirth: patient.dateOfBirth, sex: patient.sex,
      },
      screening: {
        id: screening.id, signedAt: screening.signature?.signedAt ?? null, verdict: screening.result.verdict,
        overrideReason: screening.signature?.overrideReason ?? null,
      },
      signatures: this.store.signatures.forEntity('session', id),
      safetyChecks: this.store.suicideRisk.forSession(id),
      generatedAt: now,
    });
  }

  history(id: string): AuditEntry[] {
    this.get(id);
    return this.store.audit.history('session', id);
  }

  private insertEntry(
    session: Session,
    e: { at: string; entry: EntryData | null; amendsId: string | null; amendReason: string | null },
    by: Clinician, now: string,
  ): EntryWritten {
    const id = randomUUID();
    this.store.sessions.insertEntry({ id, sessionId: session.id, at: e.at, entry: e.entry, recordedAt: now, recordedBy: by.id, amendsId: e.amendsId, amendReason: e.amendReason });
    const findings = e.entry ? assessEntry(e.entry, session.baseline, session.settings) : [];
    const alerts: SessionAlert[] = findings.map((f) => {
      const alert = { id: randomUUID(), sessionId: session.id, entryId: id, at: e.at, recordedAt: now, ...f };
      this.store.sessions.insertAlert(alert);
      return { ...alert, entrySuperseded: false, acknowledgement: null };
    });
    const entry: SessionEntry = {
      id, sessionId: session.id, at: e.at, recordedAt: now, recordedBy: by.id, recordedByName: by.name, entry: e.entry,
      amendsId: e.amendsId, amendReason: e.amendReason, supersededById: null,
    };
    return { entry, alerts };
  }

  private withRems(session: Session, readiness: Readiness): Readiness {
    return withRemsItem(readiness, this.store.rems.dischargeItem(session));
  }

  private row(id: string): SessionRow {
    const row = this.store.sessions.get(id);
    if (!row) throw new DomainError('not-found', 'This session does not exist.', 'id');
    return row;
  }

  private openSession(id: string): Session {
    return assertOpen(this.get(id));
  }

  private checkTime(at: string, session: Session, now: string): void {
    const problem = clinicalTimeProblem(at, { startedAt: session.startedAt, now, dischargedAt: session.discharge?.at ?? null });
    if (problem) throw new DomainError('invalid-input', problem, 'at');
  }

  /** One end of dosing per session; an IM injection has none to record. */
  private checkDoseComplete(session: Session, entry: EntryData, replacing: string | null): void {
    if (entry.kind !== 'dose-complete') return;
    if (session.route === 'im-ketamine') {
      throw new DomainError('invalid-input', 'An IM injection is complete when given; there is no end of dosing to record.', 'entry.kind');
    }
    const others = this.store.sessions.effectiveIdsOfKind(session.id, 'dose-complete').filter((id) => id !== replacing);
    if (others.length > 0) {
      throw new DomainError('conflict', 'The end of dosing is already recorded; correct that entry instead.', 'entry.kind');
    }
  }

  private audit(by: string, at: string, sessionId: string, action: string, before: unknown, after: unknown, reason: string | null) {
    this.store.audit.append({ at, clinicianId: by, entity: 'session', entityId: sessionId, action, before, after, reason });
  }
}
