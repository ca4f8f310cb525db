import { z } from 'zod';
import { INSTRUMENT_IDS, questionnaireAnswersSchema, measureResultSchema } from '../measures';
import { amendmentReason, id, isoInstant } from './common';

// A questionnaire (PHQ-9, GAD-7 or ASQ) as the chart keeps it: the answers by
// item code, how it was taken, when, and who entered it. Entries are never
// changed; a correction is a new entry that amends the one it corrects.
// Stored so that each can be exported as a FHIR QuestionnaireResponse (item
// codes are linkIds, `takenAt` is `authored`, the mode says whether the patient
// is the `source`) and its total as an Observation with the instrument's LOINC code.

/**
 * How the answers were given: the clinician read the questions aloud, the
 * patient answered on the workstation in patient mode, or on a printed form
 * typed in afterwards.
 */
export const QUESTIONNAIRE_MODES = ['read-aloud', 'patient-mode', 'paper'] as const;
export type QuestionnaireMode = (typeof QUESTIONNAIRE_MODES)[number];

/** The patient answered for themselves unless a clinician read the questions aloud. */
export const isSelfCompleted = (mode: QuestionnaireMode) => mode !== 'read-aloud';

const mode = z.enum(QUESTIONNAIRE_MODES, { error: `Mode must be one of ${QUESTIONNAIRE_MODES.join(', ')}` });
/** When the patient answered; for paper, the time on the form, which comes before it is typed in. */
const takenAt = z.iso.datetime({ error: 'Time taken must be a date and time in UTC (YYYY-MM-DDTHH:MM:SSZ)' });

export const questionnaireRecord = z.strictObject({
  patientId: id,
  answers: questionnaireAnswersSchema,
  mode,
  takenAt,
});

/** A correction: the full corrected answers, pointing at the entry it corrects, with a reason. */
export const questionnaireAmend = z.strictObject({
  amendsId: id,
  answers: questionnaireAnswersSchema,
  mode,
  takenAt,
  reason: amendmentReason,
});

export const questionnaire = z.object({
  id,
  patientId: id,
  instrument: z.enum(INSTRUMENT_IDS),
  answers: questionnaireAnswersSchema,
  mode,
  selfCompleted: z.boolean(),
  takenAt: isoInstant,
  recordedAt: isoInstant,
  enteredBy: id,
  enteredByName: z.string(),
  amendsId: id.nullable(),
  amendmentReason: z.string().nullable(),
  /** Set once a later entry corrects this one; such an entry no longer counts. */
  amendedById: id.nullable(),
  /** The first complete current PHQ-9 or GAD-7 of the patient; its change is from itself. */
  isBaseline: z.boolean(),
  /** Scored with the change from the patient's baseline (current complete entries only). */
  score: measureResultSchema,
  /** Whether response and remission are published for this instrument or used by analogy (GAD-7). */
  changeDefinitions: z.enum(['published', 'by-analogy']).nullable(),
});

export type QuestionnaireRecordInput = z.output<typeof questionnaireRecord>;
export type QuestionnaireAmendInput = z.output<typeof questionnaireAmend>;
export type Questionnaire = z.output<typeof questionnaire>;
