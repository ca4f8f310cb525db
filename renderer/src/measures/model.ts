import {
  ASQ,
  ASQ_OPTIONS,
  ASQ_RESULT_ACTIONS,
  DIFFICULTY_OPTIONS,
  FREQUENCY_INSTRUMENTS,
  FREQUENCY_OPTIONS,
  asqAsksItem5,
  measureAnswersOf,
  scoreMeasure,
  type AsqAnswer,
  type FrequencyAnswer,
  type InstrumentId,
  type MeasureResult,
  type QuestionnaireAnswers,
} from '../../../shared/measures';
import type { QuestionnaireMode } from '../../../shared/schemas/questionnaire';

// The questionnaire screens' model: the questions of an instrument in the
// order they are asked (the PHQ-9/GAD-7 functional item last), a draft of
// answers, and the stored answers and live score made from it. The wording is
// shared/measures', unchanged.

export type Answer = FrequencyAnswer | AsqAnswer;

export interface Question {
  /** Item code, or `difficulty` for the functional item. */
  key: string;
  /** "1"…"9"; the functional item has none, since it is not part of the total. */
  number: string | null;
  text: string;
  options: ReadonlyArray<{ value: Answer; label: string }>;
  /** ASQ 4 and 5: the free text a yes asks for. */
  followUp: string | null;
}

export interface Draft {
  instrument: InstrumentId;
  /** By question key; absent = not answered. */
  answers: Record<string, Answer>;
  /** ASQ 4 and 5 follow-ups. */
  details: Record<string, string>;
}

export const DIFFICULTY_KEY = 'difficulty';

export const emptyDraft = (instrument: InstrumentId): Draft => ({ instrument, answers: {}, details: {} });

/** A stored questionnaire as a draft, for a correction. */
export function draftOf(stored: QuestionnaireAnswers): Draft {
  const answers: Record<string, Answer> = {};
  for (const [key, value] of Object.entries(stored.items)) if (value !== null) answers[key] = value;
  const details: Record<string, string> = {};
  if (stored.instrument === 'asq') {
    for (const [key, value] of Object.entries(stored.details)) if (value) details[key] = value;
  } else if (stored.difficulty !== null) answers[DIFFICULTY_KEY] = stored.difficulty;
  return { instrument: stored.instrument, answers, details };
}

/** Every question of the instrument, in order. */
export function allQuestions(instrument: InstrumentId): Question[] {
  if (instrument === 'asq') {
    return ASQ.items.map((i) => ({ key: i.id, number: String(i.number), text: i.text, options: ASQ_OPTIONS, followUp: i.followUp }));
  }
  const spec = FREQUENCY_INSTRUMENTS[instrument];
  return [
    ...spec.items.map((i) => ({ key: i.id, number: String(i.number), text: i.text, options: FREQUENCY_OPTIONS, followUp: null })),
    { key: DIFFICULTY_KEY, number: null, text: spec.difficulty.text, options: DIFFICULTY_OPTIONS, followUp: null },
  ];
}

const asqAnswersIn = (draft: Draft) => ASQ.items.map((i) => (draft.answers[i.id] ?? null) as AsqAnswer | null);

/** The questions asked now: ASQ question 5 only when any of 1–4 is yes or refused (measures.md). */
export function askedQuestions(draft: Draft): Question[] {
  const questions = allQuestions(draft.instrument);
  if (draft.instrument !== 'asq' || asqAsksItem5(asqAnswersIn(draft))) return questions;
  return questions.filter((q) => q.number !== String(ASQ.conditionalItem));
}

/** The draft as the chart stores it: every item present, null when not answered. A follow-up is kept only with a yes. */
export function answersOf(draft: Draft): QuestionnaireAnswers {
  const asked = new Set(askedQuestions(draft).map((q) => q.key));
  const value = (key: string) => (asked.has(key) ? (draft.answers[key] ?? null) : null);
  if (draft.instrument === 'asq') {
    const detail = (key: 'asq-4' | 'asq-5') => (value(key) === 'yes' ? draft.details[key]?.trim() || null : null);
    return {
      instrument: 'asq',
      items: Object.fromEntries(ASQ.items.map((i) => [i.id, value(i.id)])) as Record<string, AsqAnswer | null>,
      details: { 'asq-4': detail('asq-4'), 'asq-5': detail('asq-5') },
    };
  }
  const spec = FREQUENCY_INSTRUMENTS[draft.instrument];
  return {
    instrument: draft.instrument,
    items: Object.fromEntries(spec.items.map((i) => [i.id, value(i.id)])) as Record<string, FrequencyAnswer | null>,
    difficulty: value(DIFFICULTY_KEY) as FrequencyAnswer | null,
  };
}

export const scoreOfDraft = (draft: Draft): MeasureResult => scoreMeasure(measureAnswersOf(answersOf(draft)));

const words = (name: string) => name.replace(/-/g, ' ');

/** A score as computed here, or as the server sends it (its band as a plain string). */
type ShownScore = Pick<MeasureResult, 'instrument' | 'total' | 'result' | 'flags' | 'missing'> & { band: string | null };

/** "12 of 27, moderate", "ASQ positive non acute", or what is missing. */
export function scoreLine(score: ShownScore): string {
  const missing = score.missing.length > 0 ? `not answered: ${score.missing.join(', ')}` : '';
  if (score.instrument === 'asq') {
    return score.result === 'incomplete' ? `Incomplete (${missing})` : `ASQ ${words(score.result ?? '')}`;
  }
  const max = FREQUENCY_INSTRUMENTS[score.instrument].total.max;
  return score.total === null ? `No total (${missing}; totals are not prorated)` : `${score.total} of ${max}, ${words(score.band ?? '')}`;
}

/** What a positive ASQ or a PHQ-9 item 9 asks of the clinic, in the contract's words. */
export function scoreActions(score: ShownScore): string[] {
  const actions: string[] = [];
  if (score.flags.includes('phq9-item9-positive')) actions.push('PHQ-9 item 9 is 1 or more: ask the ASQ the same day.');
  if (score.instrument === 'asq' && score.result && score.result !== 'negative') {
    const action = ASQ_RESULT_ACTIONS[score.result];
    if (action) actions.push(action);
  }
  return actions;
}

export const MODE_LABELS: Record<QuestionnaireMode, string> = {
  'read-aloud': 'Read aloud by clinician',
  'patient-mode': 'Patient mode',
  paper: 'Paper form',
};

export const answerLabel = (question: Question, value: Answer | null | undefined) =>
  value === null || value === undefined ? 'Not answered' : (question.options.find((o) => o.value === value)?.label ?? String(value));
