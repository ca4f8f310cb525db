import { randomUUID } from 'node:crypto';
import { ageInYears, localIsoDate } from '../shared/dates';
import {
  computeCourseStatus, courseSettingsOf, doseOrderProblem, isActivePhase, type Course, type CourseCreate, type CourseDueItem,
  type CourseEvent, type CoursePlan, type CourseStatus, type DoseOrder, type Indication, type OrderChange, type Phase,
  type PhaseChange, type PlanInput,
} from '../shared/course';
import { DomainError } from '../shared/result';
import type { Clinician } from '../shared/schemas/clinician';
import type { Patient } from '../shared/schemas/patient';
import type { CourseSettings } from '../shared/course/settings';
import { ROUTE_LABELS, type Route } from '../shared/session/reference';
import type { CourseEventRow, CourseRow } from './repositories/courses';
import type { CourseRepository } from './repositories/courses';
import type { StoreCore } from './store-core';

/** What the course feature needs of the store. */
export interface CourseStoreDeps extends StoreCore {
  readonly courses: CourseRepository;
}

/** The local calendar day of an instant: a course is planned in the clinic's days. */
export const localDayOf = (iso: string): string => localIsoDate(new Date(iso));

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

function toEvent(r: CourseEventRow): CourseEvent {
  return {
    id: r.id, at: r.at, byName: r.by_name, kind: r.kind, phase: r.phase as Phase | null, reason: r.reason,
    indication: r.indication as Indication | null, indicationOther: r.indication_other,
    plan: parse<CoursePlan>(r.plan_json), dose: parse<DoseOrder>(r.dose_json),
  };
}

const refuse = (message: string, field: string) => new DomainError('invalid-input', message, field);

/**
 * Treatment courses: ordered and changed by a prescriber only (checked here
 * by the clinician's role, as well as by the channel), each change an
 * append-only event with its audit row; the plan status is computed from the
 * course's sessions whenever it is read.
 */
export class CourseStore {
  constructor(private readonly store: CourseStoreDeps) {}

  create(input: CourseCreate, by: Clinician, now: string): Course {
    requirePrescriber(by);
    return this.store.write(() => {
      const patient = this.store.requirePatient(input.patientId);
      const open = this.store.courses.forPatient(patient.id).map((r) => this.view(r, now)).find((c) => c.route === input.route && c.phase !== 'ended');
      if (open) {
        throw new DomainError('conflict', `This patient already has a ${ROUTE_LABELS[input.route]} course (${open.phase}). Change that course, or end it first.`, 'route');
      }
      checkDose(input.dose, patient, now, 'dose.deviceCount');
      const id = randomUUID();
      this.store.courses.insert({ id, patientId: patient.id, route: input.route, at: now, by: by.id });
      this.store.courses.insertEvent({
        id: randomUUID(), courseId: id, at: now, by: by.id, kind: 'created', phase: 'induction', reason: null,
        indication: input.indication, indicationOther: input.indicationOther, plan: input.plan, dose: input.dose,
      });
      const created = this.get(id, now);
      this.audit(by.id, now, id, 'create', null, created, null);
      return created;
    });
  }

  changePhase(input: PhaseChange, by: Clinician, now: string): Course {
    requirePrescriber(by);
    return this.store.write(() => {
      const before = this.get(input.courseId, now);
      if (before.phase === 'ended') throw new DomainError('conflict', 'This course has ended; order a new course instead.', 'phase');
      if (before.phase === input.phase) throw refuse(`The course is already in ${input.phase}.`, 'phase');
      if (isActivePhase(input.phase) && (before.plan === null || before.dose === null)) {
        throw refuse('Order the indication, plan and dose for this course before it goes on.', 'phase');
      }
      this.store.courses.insertEvent({
        id: randomUUID(), courseId: before.id, at: now, by: by.id, kind: 'phase', phase: input.phase, reason: input.reason,
        indication: null, indicationOther: null, plan: null, dose: null,
      });
      const after = this.get(before.id, now);
      this.audit(by.id, now, before.id, 'phase', before, after, input.reason);
      return after;
    });
  }

  changeOrder(input: OrderChange, by: Clinician, now: string): Course {
    requirePrescriber(by);
    return this.store.write(() => {
      const before = this.get(input.courseId, now);
      if (before.phase === 'ended') throw new DomainError('conflict', 'This course has ended; order a new course instead.', 'courseId');
      if (input.plan.route !== before.route) throw refuse(`This course is for ${ROUTE_LABELS[before.route]}.`, 'plan.route');
      checkDose(input.dose, this.store.requirePatient(before.patientId), now, 'dose.deviceCount');
      this.store.courses.insertEvent({
        id: randomUUID(), courseId: before.id, at: now, by: by.id, kind: 'order', phase: null, reason: input.reason,
        indication: input.indication, indicationOther: input.indicationOther, plan: input.plan, dose: input.dose,
      });
      const after = this.get(before.id, now);
      this.audit(by.id, now, before.id, 'order', before, after, input.reason);
      return after;
    });
  }

  /** The course with its plan status at `now`, and warnings for a session on `on` (today when left out). */
  get(id: string, now: string, on?: string): Course {
    const row = this.store.courses.get(id);
    if (!row) throw new DomainError('not-found', 'This course does not exist.', 'id');
    return this.view(row, now, on);
  }

  listForPatient(patientId: string, now: string): Course[] {
    this.store.requirePatient(patientId);
    return this.store.courses.forPatient(patientId).map((r) => this.view(r, now));
  }

  /** The course a session of this route goes into: the patient's course in induction or maintenance. */
  activeFor(patientId: string, route: Route, now: string): Course | null {
    return this.store.courses.forPatient(patientId).map((r) => this.view(r, now)).find((c) => c.route === route && isActivePhase(c.phase)) ?? null;
  }

  /** The day's board: active courses due on or before `today`'s local day, most overdue first. */
  dueToday(now: string): CourseDueItem[] {
    return this.dueBy(now, localDayOf(now));
  }

  /** Active courses due on or before `lastDay` (YYYY-MM-DD), most overdue first: today's board looks a week ahead. */
  dueBy(now: string, lastDay: string): CourseDueItem[] {
    // The clinic's settings once for every course, not once per course: the board reads them all.
    const settings = courseSettingsOf(this.store.settings.read());
    return this.store.courses.active().map((r) => this.view(r, now, undefined, settings))
      .filter((c) => c.status.nextDue !== null && c.status.nextDue <= lastDay)
      .map((c) => ({
        courseId: c.id, patientId: c.patientId, route: c.route, nextDue: c.status.nextDue!, overdueDays: c.status.overdueDays,
        nextSessionLabel: c.status.nextSessionLabel,
      }))
      .sort((a, b) => a.nextDue.localeCompare(b.nextDue));
  }

  history(id: string) {
    this.get(id, new Date(0).toISOString());
    return this.store.audit.history('course', id);
  }

  attachSession(sessionId: string, courseId: string): void {
    this.store.courses.attachSession(sessionId, courseId);
  }

  /** The plan's inputs for a course as it stands, with its sessions; null when no plan is ordered yet. */
  planInput(c: Pick<Course, 'id' | 'phase' | 'phaseSince' | 'plan'>, settings?: CourseSettings): PlanInput | null {
    if (c.plan === null) return null;
    const starts = this.store.courses.sessionStarts(c.id);
    return {
      phase: c.phase, phaseSinceDay: localDayOf(c.phaseSince), plan: c.plan,
      sessionDays: starts.map(localDayOf),
      phaseSessionDays: starts.filter((s) => s >= c.phaseSince).map(localDayOf),
      settings: settings ?? courseSettingsOf(this.store.settings.read()),
    };
  }

  private view(row: CourseRow, now: string, on?: string, settings?: CourseSettings): Course {
    const history = this.store.courses.events(row.id).map(toEvent);
    const phaseEvent = history.filter((e) => e.phase !== null).at(-1)!;
    const order = history.filter((e) => e.plan !== null).at(-1) ?? null;
    const base = {
      id: row.id, patientId: row.patient_id, route: row.route, createdAt: row.created_at,
      indication: order?.indication ?? null, indicationOther: order?.indicationOther ?? null,
      phase: phaseEvent.phase!, phaseSince: phaseEvent.at, plan: order?.plan ?? null, dose: order?.dose ?? null,
      orderedByName: order?.byName ?? null, orderedAt: order?.at ?? null, history,
    };
    const today = localDayOf(now);
    const input = this.planInput(base, settings);
    return { ...base, status: input ? computeCourseStatus(input, today, on ?? today) : unplanned(base.phase, today) };
  }

  private audit(by: string, at: string, courseId: string, action: string, before: unknown, after: unknown, reason: string | null) {
    this.store.audit.append({ at, clinicianId: by, entity: 'course', entityId: courseId, action, before, after, reason });
  }
}

function requirePrescriber(by: Clinician): void {
  if (by.role !== 'prescriber') throw new DomainError('forbidden', 'Only a prescriber may order or change a treatment course.');
}

/** The label's esketamine doses for the patient's age today [S1 §2, §8.5]. */
function checkDose(dose: DoseOrder, patient: Patient, now: string, field: string): void {
  const problem = doseOrderProblem(dose, ageInYears(patient.dateOfBirth, localDayOf(now)), field);
  if (problem) throw refuse(problem.message, problem.field);
}

/** A course with no order yet (made from older sessions): nothing planned until a prescriber orders it. */
function unplanned(phase: Phase, today: string): CourseStatus {
  return {
    phase, sessionsInPhase: 0, plannedInPhase: null, nextSessionLabel: null, nextDue: null, overdueDays: 0, warnings: [], on: today,
    reviewPrompt: 'Made from sessions recorded before treatment courses: a prescriber reviews it, orders the indication, plan and dose, and sets the phase.',
    upcoming: [],
  };
}
