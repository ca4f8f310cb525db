import { ASQ, FREQUENCY_INSTRUMENTS, type AsqAnswer, type FrequencyAnswer } from './instruments';
import type { QuestionnaireAnswers } from './schemas';

// The inverse of measureAnswersOf: answers in item order (as the `score` file
// gives them) as a stored questionnaire keeps them, by item code. For seeding
// (the demo clinic, tests) without spelling out item codes.

export function storedFrequencyAnswers(
  instrument: 'phq9' | 'gad7', answers: readonly (FrequencyAnswer | null)[], difficulty: FrequencyAnswer | null = null,
): QuestionnaireAnswers {
  const items = FREQUENCY_INSTRUMENTS[instrument].items;
  return { instrument, items: Object.fromEntries(items.map((item, i) => [item.id, answers[i] ?? null])), difficulty };
}

export function storedAsqAnswers(
  answers: readonly (AsqAnswer | null)[], details: { 'asq-4': string | null; 'asq-5': string | null } = { 'asq-4': null, 'asq-5': null },
): QuestionnaireAnswers {
  return { instrument: 'asq', items: Object.fromEntries(ASQ.items.map((item, i) => [item.id, answers[i] ?? null])), details };
}
