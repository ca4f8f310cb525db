// Treatment courses as zod schemas: what a prescriber sends, and what the
// store answers (the course with its computed plan status).

import { z } from 'zod';
import { id, optionalText, requiredText, wholeMeasure } from '../schemas/common';
import { ROUTES } from '../session/reference';
import { ESKETAMINE_SCHEDULE, INDICATIONS, PHASES } from './reference';

const days = (label: string, min: number, max: number) => wholeMeasure(label, 'days', min, max);

/** The schedule the prescriber plans by; esketamine's is the label's, with the later interval chosen. */
export const coursePlan = z.discriminatedUnion('route', [
  z.strictObject({
    route: z.literal('esketamine-nasal'),
    /** From the label's week 9: weekly or every two weeks [S1 §2]. */
    maintenanceIntervalDays: z.union(ESKETAMINE_SCHEDULE.laterIntervalDays.map((d) => z.literal(d)), {
      error: 'Esketamine maintenance must be every 7 or 14 days (the label: weekly or every two weeks)',
    }),
  }),
  z.strictObject({
    route: z.enum(['iv-ketamine', 'im-ketamine']),
    inductionSessions: wholeMeasure('Induction sessions', 'sessions', 1, 20),
    inductionSpanDays: days('Induction span', 1, 90),
    maintenanceIntervalDays: days('Maintenance interval', 1, 180),
  }),
], { error: `Route must be one of ${ROUTES.join(', ')}` });
export type CoursePlan = z.output<typeof coursePlan>;

const mgPerKg = z
  .number({ error: 'Dose must be a number of mg/kg' })
  .positive({ error: 'Dose must be more than 0 mg/kg' })
  .max(10, { error: 'Dose must be at most 10 mg/kg' });

/** The prescriber's dose order; weight and vial strength are the session's. */
export const doseOrder = z.discriminatedUnion('route', [
  z.strictObject({
    route: z.literal('esketamine-nasal'),
    deviceCount: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'Device count must be 1, 2 or 3 (28, 56 or 84 mg)' }),
  }),
  z.strictObject({
    route: z.literal('iv-ketamine'),
    mgPerKg,
    infusionMinutes: wholeMeasure('Infusion length', 'minutes', 1, 240),
  }),
  z.strictObject({ route: z.literal('im-ketamine'), mgPerKg }),
], { error: `Route must be one of ${ROUTES.join(', ')}` });
export type DoseOrder = z.output<typeof doseOrder>;

/** The prescriber's order: what the course treats, its plan and its dose. */
const orderFields = {
  indication: z.enum(INDICATIONS, { error: 'Choose the indication' }),
  indicationOther: optionalText('Other indication', 200),
  plan: coursePlan,
  dose: doseOrder,
};
type OrderFields = { indication: string; indicationOther: string | null; plan: CoursePlan; dose: DoseOrder };
const otherNamed = {
  check: (c: OrderFields) => c.indication !== 'other' || c.indicationOther !== null,
  params: { error: 'Name the indication', path: ['indicationOther'] },
};
const doseMatchesPlan = {
  check: (c: OrderFields) => c.dose.route === c.plan.route,
  params: { error: 'The dose order must be for the plan’s route', path: ['dose', 'route'] },
};

export const courseCreate = z
  .strictObject({
    patientId: id,
    route: z.enum(ROUTES, { error: `Route must be one of ${ROUTES.join(', ')}` }),
    ...orderFields,
  })
  .refine(otherNamed.check, otherNamed.params)
  .refine((c) => c.plan.route === c.route, { error: 'The plan must be for the course’s route', path: ['plan', 'route'] })
  .refine(doseMatchesPlan.check, doseMatchesPlan.params);
export type CourseCreate = z.output<typeof courseCreate>;

export const phaseChange = z
  .strictObject({
    courseId: id,
    phase: z.enum(PHASES, { error: 'Phase must be induction, maintenance, paused or ended' }),
    reason: optionalText('Reason', 500),
  })
  .refine((c) => (c.phase !== 'paused' && c.phase !== 'ended') || c.reason !== null, {
    error: 'Give the reason for pausing or ending the course', path: ['reason'],
  });
export type PhaseChange = z.output<typeof phaseChange>;

export const orderChange = z
  .strictObject({ courseId: id, ...orderFields, reason: requiredText('Reason for the change', 500) })
  .refine(otherNamed.check, otherNamed.params)
  .refine(doseMatchesPlan.check, doseMatchesPlan.params);
export type OrderChange = z.output<typeof orderChange>;

/** A date the chart asks about: what would a session on that day be? */
export const courseQuery = z.strictObject({ id, on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() });

// ── What the store answers ────────────────────────────────────────────────

export const courseWarning = z.object({
  code: z.enum(['too-early', 'beyond-induction']),
  message: z.string(),
  source: z.string(),
});
export type CourseWarning = z.output<typeof courseWarning>;

export const courseStatus = z.object({
  phase: z.enum(PHASES),
  /** Sessions already given in the current phase. */
  sessionsInPhase: z.number().int(),
  /** The phase's planned number of sessions, when it has one (induction). */
  plannedInPhase: z.number().int().nullable(),
  /** "Session 5 of induction" for the next session; null when the course is paused or ended. */
  nextSessionLabel: z.string().nullable(),
  /** YYYY-MM-DD; null when no session is due (paused, ended, induction complete). */
  nextDue: z.string().nullable(),
  /** Days past the due date once past the clinic's overdue limit; 0 when not overdue. */
  overdueDays: z.number().int(),
  /** Warnings for a session on the day asked about (today by default). */
  warnings: z.array(courseWarning),
  /** The day the warnings are for. */
  on: z.string(),
  /** Set when induction is complete: the prescriber reviews the course. */
  reviewPrompt: z.string().nullable(),
  /** The next planned dates (up to 4), for the chart. */
  upcoming: z.array(z.string()),
});
export type CourseStatus = z.output<typeof courseStatus>;

export const courseEvent = z.object({
  id,
  at: z.string(),
  byName: z.string().nullable(),
  kind: z.enum(['created', 'phase', 'order', 'migrated']),
  phase: z.enum(PHASES).nullable(),
  reason: z.string().nullable(),
  indication: z.enum(INDICATIONS).nullable(),
  indicationOther: z.string().nullable(),
  plan: coursePlan.nullable(),
  dose: doseOrder.nullable(),
});
export type CourseEvent = z.output<typeof courseEvent>;

export const course = z.object({
  id,
  patientId: id,
  route: z.enum(ROUTES),
  /** Indication, plan and dose are null only on a course made from sessions recorded before courses, until a prescriber orders it. */
  indication: z.enum(INDICATIONS).nullable(),
  indicationOther: z.string().nullable(),
  createdAt: z.string(),
  phase: z.enum(PHASES),
  phaseSince: z.string(),
  plan: coursePlan.nullable(),
  dose: doseOrder.nullable(),
  orderedByName: z.string().nullable(),
  orderedAt: z.string().nullable(),
  history: z.array(courseEvent),
  status: courseStatus,
});
export type Course = z.output<typeof course>;

/** What the day's board needs: who is due or planned today, and who is overdue. */
export const courseDueItem = z.object({
  courseId: id,
  patientId: id,
  route: z.enum(ROUTES),
  nextDue: z.string(),
  overdueDays: z.number().int(),
  nextSessionLabel: z.string().nullable(),
});
export type CourseDueItem = z.output<typeof courseDueItem>;
