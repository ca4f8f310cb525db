import { z } from 'zod';
import { describeFirstIssue, expecting, oneOf, strictFields, wholeNumberField } from '../validation';
import {
  ASQ,
  ASQ_ANSWERS,
  FREQUENCY_INSTRUMENTS,
  FREQUENCY_VALUES,
  INSTRUMENT_IDS,
  ITEM_COUNTS,
  type AsqAnswer,
  type FrequencyAnswer,
  type FrequencyInstrumentId,
} from './instruments';
import { ASQ_RESULTS, MEASURE_FLAGS, RESULT_FORMAT, type MeasureAnswers } from './scoring';

// The `score` command's input (ketadesk-measure/v1) and result, and the answers
// of a stored questionnaire. Messages follow the field path, so the first issue
// reads "answers[3]: must be 0, 1, 2, 3 or null".

export const MEASURE_FORMAT = 'ketadesk-measure/v1';

const frequencyAnswer = z.literal(FREQUENCY_VALUES, expecting('0, 1, 2, 3 or null')).nullable();
const asqAnswer = z.enum(ASQ_ANSWERS, expecting('"yes", "no", "refused" or null')).nullable();

/** The length is checked first, so a list of the wrong length is named as such. */
const answerList = <Answer extends z.ZodType>(answer: Answer, count: number) =>
  z
    .array(z.unknown(), expecting('a list'))
    .length(count, { error: `must have exactly ${count} entries` })
    .pipe(z.array(answer));

/** Reached for a missing or unknown instrument, or when the input is not an object at all. */
const instrumentError = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'invalid_union'
      ? expecting(oneOf(INSTRUMENT_IDS)).error({ input: (issue.input as { instrument?: unknown } | undefined)?.instrument })
      : 'must be an object',
};

/** A key the ASQ does not take is named as such, not as an unknown field. */
const notForAsq = z.never({ error: 'is only for phq9 and gad7, not the asq' }).optional();

const frequencyInput = (instrument: FrequencyInstrumentId) =>
  strictFields({
    format: z.literal(MEASURE_FORMAT, expecting(`"${MEASURE_FORMAT}"`)),
    instrument: z.literal(instrument),
    answers: answerList(frequencyAnswer, ITEM_COUNTS[instrument]),
    difficulty: frequencyAnswer.optional(),
    baseline: wholeNumberField(0, FREQUENCY_INSTRUMENTS[instrument].total.max).optional(),
  });

export const measureInputSchema = z.discriminatedUnion(
  'instrument',
  [
    frequencyInput('phq9'),
    frequencyInput('gad7'),
    strictFields({
      format: z.literal(MEASURE_FORMAT, expecting(`"${MEASURE_FORMAT}"`)),
      instrument: z.literal('asq'),
      answers: answerList(asqAnswer, ITEM_COUNTS.asq),
      difficulty: notForAsq,
      baseline: notForAsq,
    }),
  ],
  instrumentError,
);

export type MeasureInput = z.output<typeof measureInputSchema>;

/** The first problem of a failed `score` input parse as one line that starts with its field. */
export const describeMeasureError = (error: z.ZodError): string =>
  describeFirstIssue(error, 'input', 'is not a valid measure');

export const changeSchema = z.object({
  baseline: z.number().int(),
  points: z.number().int(),
  response: z.boolean(),
  remission: z.boolean(),
});

const bandNames = [...new Set(Object.values(FREQUENCY_INSTRUMENTS).flatMap((i) => i.bands.map((b) => b.name)))] as [string, ...string[]];

export const measureResultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  instrument: z.enum(INSTRUMENT_IDS),
  status: z.enum(['complete', 'incomplete']),
  total: z.number().int().nullable(),
  band: z.enum(bandNames).nullable(),
  result: z.enum(ASQ_RESULTS).nullable(),
  flags: z.array(z.enum(MEASURE_FLAGS)),
  missing: z.array(z.number().int().positive()),
  change: changeSchema.nullable(),
});

// A stored questionnaire keeps each answer under its item code (the FHIR
// linkId); every item is present, null when not answered.

const itemAnswers = <Answer extends z.ZodType>(itemIds: readonly string[], answer: Answer) =>
  strictFields(
    Object.fromEntries(itemIds.map((id) => [id, answer])) as Record<string, Answer>,
    'is not an item of this questionnaire',
  );

const freeText = z.string(expecting('text or null')).trim().max(1000, { error: 'must be at most 1000 characters' }).nullable();

const storedFrequency = (instrument: FrequencyInstrumentId) =>
  strictFields({
    instrument: z.literal(instrument),
    items: itemAnswers(FREQUENCY_INSTRUMENTS[instrument].items.map((i) => i.id), frequencyAnswer),
    /** The functional item; not part of the total. */
    difficulty: frequencyAnswer,
  });

export const questionnaireAnswersSchema = z.discriminatedUnion(
  'instrument',
  [
    storedFrequency('phq9'),
    storedFrequency('gad7'),
    strictFields({
      instrument: z.literal('asq'),
      items: itemAnswers(ASQ.items.map((i) => i.id), asqAnswer),
      /** The free-text follow-ups of questions 4 (how, and when) and 5 (please describe). */
      details: strictFields({ 'asq-4': freeText, 'asq-5': freeText }),
    }),
  ],
  instrumentError,
);

export type QuestionnaireAnswers = z.output<typeof questionnaireAnswersSchema>;

/** A stored questionnaire's answers in item order, as scoring takes them. */
export function measureAnswersOf(stored: QuestionnaireAnswers, baseline: number | null = null): MeasureAnswers {
  if (stored.instrument === 'asq') {
    return { instrument: 'asq', answers: ASQ.items.map((i) => (stored.items[i.id] ?? null) as AsqAnswer | null) };
  }
  const items = FREQUENCY_INSTRUMENTS[stored.instrument].items;
  return {
    instrument: stored.instrument,
    answers: items.map((i) => (stored.items[i.id] ?? null) as FrequencyAnswer | null),
    baseline,
  };
}
