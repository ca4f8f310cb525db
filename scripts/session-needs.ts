// What a session needs besides a signed screening and consent, for the scripts
// that write straight into a store (soak, bench): the day's clear ASQ, PHQ-9
// and GAD-7 (the suicide-risk gate's clinic defaults), a prescriber's course
// for the route, and for esketamine the REMS enrolment.

import type { Store } from '../db/store';
import { courseCreate } from '../shared/course/schemas';
import type { z } from 'zod';
import { storedAsqAnswers, storedFrequencyAnswers } from '../shared/measures/stored-answers';
import type { AsqAnswer, QuestionnaireAnswers } from '../shared/measures';
import type { Clinician } from '../shared/schemas/clinician';

/** A negative ASQ (unless other answers are given) and minimal PHQ-9 (3) and GAD-7 (2): a session day's clear questionnaires. */
export function clearDayAnswers(asq: ReadonlyArray<AsqAnswer | null> = ['no', 'no', 'no', 'no', null]): Record<'asq' | 'phq9' | 'gad7', QuestionnaireAnswers> {
  return {
    asq: storedAsqAnswers(asq),
    phq9: storedFrequencyAnswers('phq9', [1, 1, 0, 1, 0, 0, 0, 0, 0], 1),
    gad7: storedFrequencyAnswers('gad7', [1, 0, 0, 1, 0, 0, 0], 0),
  };
}

/** The day's clear questionnaires, answered in patient mode at `at`. */
export function recordDayMeasures(store: Store, patientId: string, by: Clinician, at: string): void {
  for (const answers of Object.values(clearDayAnswers())) {
    store.questionnaire.record({ patientId, answers, mode: 'patient-mode', takenAt: at }, by.id, at);
  }
}

/** The course (ordered by `by`, a prescriber) and, for esketamine, the REMS enrolment on that day. */
export function prepareCourse(store: Store, patientId: string, by: Clinician, order: Omit<z.input<typeof courseCreate>, 'patientId' | 'indication'>, at: string) {
  if (order.route === 'esketamine-nasal') {
    store.rems.recordEnrollment({ patientId, enrolled: true, enrolledOn: at.slice(0, 10), reason: null }, by, at);
  }
  return store.course.create(courseCreate.parse({ patientId, indication: 'trd', ...order }), by, at);
}

/**
 * A prescriber's usual order per route, for the demo clinic, soak, bench and
 * tests: esketamine 56 mg (two devices) on the label's schedule with maintenance
 * every two weeks; IV ketamine 0.5 mg/kg over 40 minutes and IM 0.5 mg/kg on a
 * clinic induction of 6 sessions in 21 days, then every four weeks.
 */
export const STANDARD_COURSE_ORDERS = {
  'esketamine-nasal': { plan: { route: 'esketamine-nasal', maintenanceIntervalDays: 14 }, dose: { route: 'esketamine-nasal', deviceCount: 2 } },
  'iv-ketamine': {
    plan: { route: 'iv-ketamine', inductionSessions: 6, inductionSpanDays: 21, maintenanceIntervalDays: 28 },
    dose: { route: 'iv-ketamine', mgPerKg: 0.5, infusionMinutes: 40 },
  },
  'im-ketamine': {
    plan: { route: 'im-ketamine', inductionSessions: 6, inductionSpanDays: 21, maintenanceIntervalDays: 28 },
    dose: { route: 'im-ketamine', mgPerKg: 0.5 },
  },
} as const;

export const ESKETAMINE_ORDER = { route: 'esketamine-nasal', ...STANDARD_COURSE_ORDERS['esketamine-nasal'] } as const;
