// The suicide-risk safety assessment a prescriber documents for a positive ASQ
// (measures.md, M4): a STAT safety evaluation for `positive-acute`, a brief
// suicide safety assessment for `positive-non-acute`. Signed electronically,
// never changed; a later assessment of the same ASQ is a new entry.

import { z } from 'zod';
import { signature } from '../auth/status';
import { id, isoInstant } from '../schemas/common';

export const ASSESSMENT_KINDS = ['stat-safety-evaluation', 'brief-suicide-safety-assessment'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** The assessment each positive ASQ result asks for (measures.md, ASQ result rules). */
export const KIND_FOR_RESULT = {
  'positive-acute': 'stat-safety-evaluation',
  'positive-non-acute': 'brief-suicide-safety-assessment',
} as const satisfies Record<string, AssessmentKind>;
export type PositiveAsqResult = keyof typeof KIND_FOR_RESULT;

export const KIND_LABELS: Record<AssessmentKind, string> = {
  'stat-safety-evaluation': 'STAT safety evaluation',
  'brief-suicide-safety-assessment': 'Brief suicide safety assessment',
};

/** The same, inside a sentence ("STAT" stays in capitals). */
export const KIND_WORDS: Record<AssessmentKind, string> = {
  'stat-safety-evaluation': 'STAT safety evaluation',
  'brief-suicide-safety-assessment': 'brief suicide safety assessment',
};

/**
 * What the prescriber decided. The NIMH guide (M4) ends an assessment in a
 * disposition; these are KetaDesk's words for the choices that matter to a
 * dosing day. Only the first lets the session start.
 */
export const ASSESSMENT_OUTCOMES = ['proceed-today', 'not-today-emergency-evaluation', 'not-today-follow-up'] as const;
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<AssessmentOutcome, string> = {
  'proceed-today': 'Safe to proceed with today’s session',
  'not-today-emergency-evaluation': 'Not today: referred for emergency psychiatric evaluation',
  'not-today-follow-up': 'Not today: session deferred, mental health follow-up arranged',
};

export const allowsDosing = (outcome: AssessmentOutcome) => outcome === 'proceed-today';

export const safetyAssessmentRecord = z.strictObject({
  /** The ASQ this assessment answers; its result decides the kind of assessment. */
  questionnaireId: id,
  outcome: z.enum(ASSESSMENT_OUTCOMES, { error: `Choose the outcome of the assessment (${ASSESSMENT_OUTCOMES.join(', ')})` }),
  note: z.string({ error: 'Assessment note must be text' }).trim()
    .min(1, { error: 'Write what the assessment found (assessment note)' })
    .max(4000, { error: 'Assessment note must be at most 4000 characters' }),
  /** The ASQ's resource list (the clinic's and the national crisis line) was given to the patient. */
  resourcesGiven: z.boolean({ error: 'Say whether the resource list was given' }),
});
export type SafetyAssessmentRecordInput = z.output<typeof safetyAssessmentRecord>;

export const safetyAssessment = z.object({
  id,
  patientId: id,
  questionnaireId: id,
  kind: z.enum(ASSESSMENT_KINDS),
  outcome: z.enum(ASSESSMENT_OUTCOMES),
  note: z.string(),
  resourcesGiven: z.boolean(),
  recordedAt: isoInstant,
  recordedBy: id,
  recordedByName: z.string(),
  /** The electronic signature(s) stored with it. */
  signatures: z.array(signature),
});
export type SafetyAssessment = z.output<typeof safetyAssessment>;

/** Why the suicide-risk gate holds a session back; each comes with its message. */
export const SUICIDE_RISK_REASON_CODES = [
  'asq-required', 'asq-incomplete', 'asq-positive-acute', 'asq-positive-non-acute', 'asq-assessed-not-today',
  'phq9-item9-asq', 'phq9-required', 'gad7-required',
] as const;
export type SuicideRiskReasonCode = (typeof SUICIDE_RISK_REASON_CODES)[number];

/** Today's ASQ, PHQ-9 and GAD-7 as the start gate saw them, with the resource text; shown beside the gate's reasons. */
export const suicideRiskStatus = z.object({
  /** The clinic day the gate counts as "today" (the workstation's local date of the session start). */
  day: z.string(),
  requireAsq: z.boolean(),
  requirePhqGad: z.boolean(),
  /** The latest current ASQ taken that day. */
  asq: z.object({ id, takenAt: isoInstant, result: z.string() }).nullable(),
  /** A positive ASQ of that day still waiting for a prescriber's assessment that allows dosing. */
  awaiting: z.object({
    questionnaireId: id, takenAt: isoInstant, result: z.enum(['positive-acute', 'positive-non-acute']),
    kind: z.enum(ASSESSMENT_KINDS), action: z.string(),
  }).nullable(),
  /** The assessments of that day's ASQs, newest first. */
  assessments: z.array(safetyAssessment),
  phq9Id: id.nullable(),
  gad7Id: id.nullable(),
  /** Reminders that do not block (PHQ-9 item 9 answered above 0 when the clinic does not require the ASQ). */
  prompts: z.array(z.string()),
  /** The resource list the ASQ asks for: the clinic's crisis lines, blank when not set. */
  clinicCrisisLine: z.string(),
  nationalCrisisLine: z.string(),
});
export type SuicideRiskStatus = z.output<typeof suicideRiskStatus>;

/** The suicide-risk checks a session started on, as its record shows them; null for sessions from before the gate. */
export const sessionSafetyChecks = z.object({
  requireAsq: z.boolean(),
  requirePhqGad: z.boolean(),
  asq: z.object({ id, takenAt: isoInstant, result: z.string() }).nullable(),
  /** The prescriber's assessment that allowed dosing after a positive ASQ, with its signature. */
  assessment: safetyAssessment.nullable(),
  phq9: z.object({ id, takenAt: isoInstant, total: z.number().int().nullable(), band: z.string().nullable(), item9Positive: z.boolean() }).nullable(),
  gad7: z.object({ id, takenAt: isoInstant, total: z.number().int().nullable(), band: z.string().nullable() }).nullable(),
});
export type SessionSafetyChecks = z.output<typeof sessionSafetyChecks>;
