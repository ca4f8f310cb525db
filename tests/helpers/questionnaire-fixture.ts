import type { E2EApp } from '../e2e/harness';
import { FREQUENCY_INSTRUMENTS, type FrequencyAnswer, type FrequencyInstrumentId, type QuestionnaireAnswers } from '../../shared/measures';

/** A complete PHQ-9 or GAD-7 whose answers add up to `total`, filled from the first item (each at most 3). */
export function answersTotalling(instrument: FrequencyInstrumentId, total: number): QuestionnaireAnswers {
  const items = FREQUENCY_INSTRUMENTS[instrument].items;
  let left = total;
  const answers = items.map(() => {
    const a = Math.min(3, left) as FrequencyAnswer;
    left -= a;
    return a;
  });
  if (left > 0) throw new Error(`${instrument} cannot total ${total}`);
  return { instrument, items: Object.fromEntries(items.map((item, i) => [item.id, answers[i]!])), difficulty: 1 };
}

/** The same with item `missing` (1-based) left unanswered: incomplete, so it has no total. */
export function incompleteAnswers(instrument: FrequencyInstrumentId, missing: number): QuestionnaireAnswers {
  const answers = answersTotalling(instrument, 0);
  if (answers.instrument === 'asq') throw new Error('not a frequency instrument');
  return { ...answers, items: { ...answers.items, [`${instrument}-${missing}`]: null } };
}

/** Records complete PHQ-9s and GAD-7s through the API, each [instrument, total, days ago], as paper forms typed in now. */
export async function seedScores(app: Pick<E2EApp, 'api'>, patientId: string, scores: Array<[FrequencyInstrumentId, number, number]>) {
  for (const [instrument, total, daysAgo] of scores) {
    const takenAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    await app.api('questionnaires.record', { patientId, answers: answersTotalling(instrument, total), mode: 'paper', takenAt });
  }
}
