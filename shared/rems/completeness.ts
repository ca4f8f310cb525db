// What an esketamine session's REMS form still lacks. Discharge waits for it,
// so the form can be printed complete from the session [REFERENCE §4, S8].

import type { Readiness, ReadinessItem } from '../session/schemas';
import { CONCOMITANT_CLASSES, CONCOMITANT_LABELS, type RemsSessionAnswers } from './schemas';

/** Nothing answered yet: the form before the first save. */
export const EMPTY_REMS_ANSWERS: RemsSessionAnswers = {
  lots: [],
  concomitant: { benzodiazepines: null, nonBenzodiazepineSedativeHypnotics: null, psychostimulants: null, maois: null },
  vitalsAcceptableBeforeDose: null,
  vitalsAcceptableBeforeEnd: null,
  readyToLeaveMinutes: null,
};

export function remsMissing(answers: RemsSessionAnswers): string[] {
  const missing: string[] = [];
  if (answers.lots.length === 0) missing.push('Lot number of each device');
  const unanswered = CONCOMITANT_CLASSES.filter((c) => answers.concomitant[c] === null);
  if (unanswered.length > 0) missing.push(`Concomitant medicines: ${unanswered.map((c) => CONCOMITANT_LABELS[c]).join(', ')}`);
  if (answers.vitalsAcceptableBeforeDose === null) missing.push('Vital signs acceptable before the dose');
  if (answers.vitalsAcceptableBeforeEnd === null) missing.push('Vital signs acceptable before the end');
  if (answers.readyToLeaveMinutes === null) missing.push('Minutes until ready to leave');
  return missing;
}

/** The readiness item's id: the screen finds the store's verdict by it. */
export const REMS_READINESS_ID = 'rems-answers';

/** Esketamine: the REMS answers are one more readiness item, which no override skips. */
export function withRemsItem(readiness: Readiness, item: ReadinessItem | null | undefined): Readiness {
  if (!item) return readiness;
  return { ...readiness, ready: readiness.ready && item.met, canOverride: readiness.canOverride && item.met, items: [...readiness.items, item] };
}
