// What a treatment course asks of a session start, kept apart from the
// session store: an active course for the route, the ordered dose (another
// dose only from a prescriber, with a reason), and the plan's warnings, which
// become pre-dose concerns that only a prescriber may decide to proceed past.

import { ageInYears } from '../shared/dates';
import { doseOrderProblem, doseOrderWords, planAsOrder, sameDose, warningsFor, type Course } from '../shared/course';
import { DomainError } from '../shared/result';
import type { Clinician } from '../shared/schemas/clinician';
import type { Patient } from '../shared/schemas/patient';
import { ROUTE_LABELS, type Route } from '../shared/session/reference';
import type { EligibilityReason, PreDoseConcern, SessionStart } from '../shared/session/schemas';
import { localDayOf, type CourseStore } from './course-store';

export interface CourseGateDeps {
  readonly course: Pick<CourseStore, 'activeFor' | 'planInput' | 'attachSession'>;
}

const noCourseMessage = (route: Route) =>
  `This patient has no ${ROUTE_LABELS[route]} course in induction or maintenance. A prescriber orders one on the chart's Course tab.`;

/** The eligibility reason when no active course exists for the route (none asked when no route is named). */
export function requireCourse(store: CourseGateDeps, patientId: string, route: Route | null, at: string): EligibilityReason | null {
  if (route === null || store.course.activeFor(patientId, route, at)) return null;
  return { code: 'no-active-course', message: noCourseMessage(route) };
}

export interface CourseStart {
  course: Course;
  /** The plan's warnings for this day, as concerns only a prescriber may proceed past. */
  concerns: PreDoseConcern[];
  /** Set when the dose differs from the order (only a prescriber's, with a reason). */
  doseChangeReason: string | null;
}

/** Checks a session start against its course; throws the field-named refusal. */
export function startInCourse(
  store: CourseGateDeps, patient: Patient, input: SessionStart, by: Clinician, startedAt: string, defaultInfusionMinutes: number,
): CourseStart {
  const course = store.course.activeFor(patient.id, input.plan.route, startedAt);
  if (!course?.dose) throw new DomainError('conflict', noCourseMessage(input.plan.route), 'patientId');
  const given = planAsOrder(input.plan, defaultInfusionMinutes);
  const ageProblem = doseOrderProblem(given, ageInYears(patient.dateOfBirth, localDayOf(startedAt)), 'plan.deviceCount');
  if (ageProblem) throw new DomainError('invalid-input', ageProblem.message, ageProblem.field);
  let doseChangeReason: string | null = null;
  if (!sameDose(given, course.dose)) {
    const change = `The course orders ${doseOrderWords(course.dose)}; ${doseOrderWords(given)}`;
    if (by.role !== 'prescriber') {
      throw new DomainError('invalid-input', `${change} needs a prescriber's signature. Start with the ordered dose, or ask a prescriber.`, 'plan');
    }
    doseChangeReason = input.doseChangeReason?.trim() || null;
    if (!doseChangeReason) throw new DomainError('invalid-input', `${change} needs the reason for the different dose.`, 'doseChangeReason');
  } else if (input.doseChangeReason) {
    throw new DomainError('invalid-input', `This is the course's ordered dose (${doseOrderWords(course.dose)}); there is no change to give a reason for.`, 'doseChangeReason');
  }
  const plan = store.course.planInput(course);
  const concerns: PreDoseConcern[] = (plan ? warningsFor(plan, localDayOf(startedAt)) : []).map((w) => ({
    code: `course-${w.code}`, message: w.message, source: w.source, needs: 'prescriber-reason',
  }));
  return { course, concerns, doseChangeReason };
}
