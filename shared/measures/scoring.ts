// Scoring of the PHQ-9, GAD-7 and ASQ as the measures contract defines it:
// totals without prorating, severity bands, the ASQ's decision rules (first
// match wins), flags, missing items and change from baseline. Pure functions of
// schema-valid answers; they never throw on one.

import {
  ASQ,
  FREQUENCY_INSTRUMENTS,
  type AsqAnswer,
  type FrequencyAnswer,
  type FrequencyInstrumentId,
  type InstrumentId,
  type SeverityBand,
} from './instruments';

export const RESULT_FORMAT = 'ketadesk-measure-result/v1';

export const ASQ_RESULTS = ['positive-acute', 'positive-non-acute', 'incomplete', 'negative'] as const;
export type AsqResult = (typeof ASQ_RESULTS)[number];

/**
 * What each ASQ result asks of the clinic, in the contract's words (M4, M5).
 * The contract gives none for `incomplete`: the screen is simply not finished.
 */
export const ASQ_RESULT_ACTIONS: Record<AsqResult, string | null> = {
  'positive-acute':
    'Imminent risk: the patient needs a STAT safety evaluation, is kept in sight and may not leave or be dosed until a clinician documents that evaluation.',
  'positive-non-acute':
    'Potential risk: a brief suicide safety assessment by a prescriber is documented before any dose, and the patient gets the resource list.',
  incomplete: null,
  negative: "A negative screen never overrides a clinician's concern.",
};

export const MEASURE_FLAGS = ['asq-acute', 'asq-positive', 'phq9-item9-positive'] as const;
export type MeasureFlag = (typeof MEASURE_FLAGS)[number];

export type MeasureStatus = 'complete' | 'incomplete';

export interface Change {
  baseline: number;
  /** total − baseline: negative is better. */
  points: number;
  response: boolean;
  remission: boolean;
}

export interface MeasureResult {
  format: typeof RESULT_FORMAT;
  instrument: InstrumentId;
  status: MeasureStatus;
  total: number | null;
  band: SeverityBand | null;
  result: AsqResult | null;
  flags: MeasureFlag[];
  /** 1-based item numbers, ascending. */
  missing: number[];
  change: Change | null;
}

export type FrequencyAnswers = readonly (FrequencyAnswer | null)[];
export type AsqAnswers = readonly (AsqAnswer | null)[];

/** What scoring needs: the answers in item order (null = not answered) and, optionally, the baseline total. */
export type MeasureAnswers =
  | { instrument: FrequencyInstrumentId; answers: FrequencyAnswers; baseline?: number | null | undefined }
  | { instrument: 'asq'; answers: AsqAnswers };

/** The severity band a total falls in; null outside the instrument's range. */
export function bandOf(instrument: FrequencyInstrumentId, total: number): SeverityBand | null {
  const band = FREQUENCY_INSTRUMENTS[instrument].bands.find((b) => total >= b.min && total <= b.max);
  return (band?.name as SeverityBand | undefined) ?? null;
}

/**
 * Change from baseline (M6). Response: at least half the baseline gone, which
 * needs a baseline above 0; remission: total below 5. Integer arithmetic, so a
 * halving is never lost to rounding.
 */
export function changeFromBaseline(total: number, baseline: number): Change {
  return {
    baseline,
    points: total - baseline,
    response: baseline > 0 && 2 * (baseline - total) >= baseline,
    remission: total < 5,
  };
}

const numbersWhere = <T>(answers: readonly T[], test: (answer: T) => boolean): number[] =>
  answers.flatMap((answer, i) => (test(answer) ? [i + 1] : []));

/** The total, or null when any item is unanswered (no prorating). */
export function frequencyTotal(answers: FrequencyAnswers): number | null {
  let total = 0;
  for (const answer of answers) {
    if (answer === null) return null;
    total += answer;
  }
  return total;
}

/** PHQ-9 item 9 at 1 or more, whether or not the rest is answered: ask the ASQ the same day. */
export const phq9Item9Positive = (answers: FrequencyAnswers): boolean => (answers[8] ?? 0) >= 1;

function scoreFrequency(
  instrument: FrequencyInstrumentId,
  answers: FrequencyAnswers,
  baseline: number | null | undefined,
): MeasureResult {
  const total = frequencyTotal(answers);
  const flags: MeasureFlag[] = instrument === 'phq9' && phq9Item9Positive(answers) ? ['phq9-item9-positive'] : [];
  return {
    format: RESULT_FORMAT,
    instrument,
    status: total === null ? 'incomplete' : 'complete',
    total,
    band: total === null ? null : bandOf(instrument, total),
    result: null,
    flags,
    missing: numbersWhere(answers, (a) => a === null),
    change: total === null || baseline === null || baseline === undefined ? null : changeFromBaseline(total, baseline),
  };
}

/** Yes or refused: a refusal counts as positive (M4; for adults our cautious reading, to verify). */
const isPositive = (answer: AsqAnswer | null) => answer === 'yes' || answer === 'refused';

const screeningQuestions = (answers: AsqAnswers) => answers.slice(0, ASQ.conditionalItem - 1);

/** Whether ASQ question 5 is asked: only when any of 1–4 is yes or refused. */
export const asqAsksItem5 = (answers: AsqAnswers): boolean => screeningQuestions(answers).some(isPositive);

/** The ASQ result; the contract's rules in its order, first match wins. */
export function classifyAsq(answers: AsqAnswers): AsqResult {
  const anyPositive = asqAsksItem5(answers);
  const acute = answers[4] ?? null;
  if (acute === 'yes' || (anyPositive && acute === 'refused')) return 'positive-acute';
  if (anyPositive && acute === 'no') return 'positive-non-acute';
  if (anyPositive || screeningQuestions(answers).some((a) => a === null)) return 'incomplete';
  return 'negative';
}

function scoreAsq(answers: AsqAnswers): MeasureResult {
  const result = classifyAsq(answers);
  const anyPositive = asqAsksItem5(answers);
  const flags: MeasureFlag[] = [];
  if (result === 'positive-acute') flags.push('asq-acute');
  if (anyPositive || answers[4] === 'yes') flags.push('asq-positive');
  const missing =
    result === 'incomplete'
      ? [
          ...numbersWhere(screeningQuestions(answers), (a) => a === null),
          ...(anyPositive && (answers[4] ?? null) === null ? [ASQ.conditionalItem] : []),
        ]
      : [];
  return {
    format: RESULT_FORMAT,
    instrument: 'asq',
    status: result === 'incomplete' ? 'incomplete' : 'complete',
    total: null,
    band: null,
    result,
    flags: flags.sort(),
    missing,
    change: null,
  };
}

/** Scores one questionnaire. */
export function scoreMeasure(input: MeasureAnswers): MeasureResult {
  return input.instrument === 'asq'
    ? scoreAsq(input.answers)
    : scoreFrequency(input.instrument, input.answers, input.baseline);
}
