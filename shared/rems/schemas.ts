// The esketamine REMS record [REFERENCE §4, S8], as zod schemas: the patient's
// enrolment, the answers a session adds for the Patient Monitoring Form, and
// the form's submission. Messages name their field.

import { z } from 'zod';
import { amendmentReason, id, isoDate, optionalText, requiredText } from '../schemas/common';
import { instant } from '../session/schemas';

// ── Enrolment ─────────────────────────────────────────────────────────────

export const remsEnrollmentRecord = z.strictObject({
  patientId: id,
  enrolled: z.boolean({ error: 'Enrolled must be yes or no' }),
  /** The day the patient was enrolled in the REMS; required when enrolled. */
  enrolledOn: isoDate('Enrolment date').nullish().transform((v) => v ?? null),
  /** Needed when an enrolment already recorded is changed. */
  reason: optionalText('Reason for the change', 500),
}).refine((e) => !e.enrolled || e.enrolledOn !== null, { error: 'Enter the enrolment date', path: ['enrolledOn'] });
export type RemsEnrollmentRecord = z.output<typeof remsEnrollmentRecord>;

export const remsEnrollment = z.object({
  patientId: id,
  enrolled: z.boolean(),
  enrolledOn: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: id,
  recordedByName: z.string(),
});
export type RemsEnrollment = z.output<typeof remsEnrollment>;

// ── The session's REMS answers ───────────────────────────────────────────

/** The four medicine classes the form asks about, yes/no each [REFERENCE §4]. */
export const CONCOMITANT_CLASSES = ['benzodiazepines', 'nonBenzodiazepineSedativeHypnotics', 'psychostimulants', 'maois'] as const;
export type ConcomitantClass = (typeof CONCOMITANT_CLASSES)[number];
export const CONCOMITANT_LABELS: Record<ConcomitantClass, string> = {
  benzodiazepines: 'Benzodiazepines',
  nonBenzodiazepineSedativeHypnotics: 'Non-benzodiazepine sedative hypnotics',
  psychostimulants: 'Psychostimulants',
  maois: 'Monoamine oxidase inhibitors (MAOIs)',
};

const yesNo = (label: string) => z.boolean({ error: `${label} must be yes or no` }).nullish().transform((v) => v ?? null);

export const concomitantAnswers = z.strictObject(
  Object.fromEntries(CONCOMITANT_CLASSES.map((c) => [c, yesNo(CONCOMITANT_LABELS[c])])) as Record<ConcomitantClass, ReturnType<typeof yesNo>>,
);
export type ConcomitantAnswers = z.output<typeof concomitantAnswers>;

/** A device's lot number, typed or scanned (a scanner types it and presses Enter). */
export const lotNumber = z
  .string({ error: 'Lot number must be text' })
  .trim()
  .min(1, { error: 'Lot number is required' })
  .max(40, { error: 'Lot number must be at most 40 characters' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9./-]*$/, { error: 'Lot number may use letters, digits and . / -' });

export const deviceLot = z.strictObject({
  lot: lotNumber,
  /** When the lot was recorded at the chair. */
  at: instant('Lot time'),
});
export type DeviceLot = z.output<typeof deviceLot>;

export const remsSessionSave = z.strictObject({
  sessionId: id,
  lots: z.array(deviceLot).max(6, { error: 'At most 6 devices' }),
  concomitant: concomitantAnswers,
  vitalsAcceptableBeforeDose: yesNo('Vital signs acceptable before the dose'),
  vitalsAcceptableBeforeEnd: yesNo('Vital signs acceptable before the end of the session'),
  /** "If there were no 2-hour minimum, when would this patient have been ready to leave?" — minutes from the start. */
  readyToLeaveMinutes: z
    .number({ error: 'Ready to leave must be a number of minutes' })
    .int({ error: 'Ready to leave must be whole minutes' })
    .min(0, { error: 'Ready to leave must be at least 0 minutes' })
    .max(1440, { error: 'Ready to leave must be at most 1440 minutes' })
    .nullish()
    .transform((v) => v ?? null),
  /** Needed once the session has ended: the change is then an amendment. */
  reason: optionalText('Reason for the change', 500),
});
export type RemsSessionSave = z.output<typeof remsSessionSave>;
export type RemsSessionAnswers = Omit<RemsSessionSave, 'sessionId' | 'reason'>;

export const remsSessionView = z.object({
  sessionId: id,
  /** The answers as saved; null until the first save. */
  answers: z.object({
    lots: z.array(deviceLot),
    concomitant: concomitantAnswers,
    vitalsAcceptableBeforeDose: z.boolean().nullable(),
    vitalsAcceptableBeforeEnd: z.boolean().nullable(),
    readyToLeaveMinutes: z.number().int().nullable(),
    savedAt: z.string(),
    savedByName: z.string(),
  }).nullable(),
  /** The concomitant answers the signed screening's medicine list suggests, for the clinician to confirm. */
  prefill: z.object({ answers: concomitantAnswers, medicines: z.array(z.string()) }),
  /** Whole minutes from the first device to the end of monitoring (discharge), or to now while open. */
  totalMinutes: z.number().int(),
  /** What the form still lacks, in words; empty when complete. */
  missing: z.array(z.string()),
});
export type RemsSessionView = z.output<typeof remsSessionView>;

// ── Submission ────────────────────────────────────────────────────────────

export const remsSubmissionRecord = z.strictObject({
  sessionId: id,
  submittedOn: isoDate('Submitted on'),
  submittedBy: requiredText('Submitted by', 200),
  confirmation: optionalText('Confirmation', 200),
  /** Needed when a submission already recorded is corrected. */
  reason: amendmentReason.optional(),
});
export type RemsSubmissionRecord = z.output<typeof remsSubmissionRecord>;

export const remsSubmission = z.object({
  id,
  submittedOn: z.string(),
  submittedBy: z.string(),
  confirmation: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  amendReason: z.string().nullable(),
});
export type RemsSubmission = z.output<typeof remsSubmission>;

export const REMS_FORM_STATUSES = ['overdue', 'due-soon', 'due', 'submitted'] as const;
export type RemsFormStatus = (typeof REMS_FORM_STATUSES)[number];

export const remsFormDue = z.object({
  sessionId: id,
  patientId: id,
  patientName: z.string(),
  mrn: z.string(),
  /** The session's day (local), YYYY-MM-DD. */
  sessionDate: z.string(),
  /** Seven days after the session [REFERENCE §4, S8]. */
  dueOn: z.string(),
  /** Days from today to the due day: negative once overdue. */
  daysLeft: z.number().int(),
  status: z.enum(REMS_FORM_STATUSES),
  submission: remsSubmission.nullable(),
});
export type RemsFormDue = z.output<typeof remsFormDue>;
