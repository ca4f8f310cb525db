// The concomitant-medicine answers a session's REMS form starts from: the
// signed screening's medicine list, by the class the clinician confirmed for
// each medicine. The clinician confirms or changes them at the chair.

import type { Medication, MedicationClass } from '../screening/case-schema';
import { CONCOMITANT_CLASSES, type ConcomitantAnswers, type ConcomitantClass } from './schemas';

/**
 * Screening classes that suggest a "yes". KetaDesk's "other CNS depressant"
 * covers z-drugs as well as gabapentinoids and alcohol, so it only suggests
 * "yes" to the form's non-benzodiazepine sedative hypnotics for the clinician to check.
 */
const SUGGESTED_BY: Record<ConcomitantClass, readonly MedicationClass[]> = {
  benzodiazepines: ['benzodiazepine'],
  nonBenzodiazepineSedativeHypnotics: ['other-cns-depressant'],
  psychostimulants: ['psychostimulant'],
  maois: ['maoi'],
};

export function concomitantPrefill(medicines: readonly Medication[]): { answers: ConcomitantAnswers; medicines: string[] } {
  const answers = Object.fromEntries(
    CONCOMITANT_CLASSES.map((c) => [c, medicines.some((m) => SUGGESTED_BY[c].includes(m.class))]),
  ) as ConcomitantAnswers;
  const relevant = medicines.filter((m) => CONCOMITANT_CLASSES.some((c) => SUGGESTED_BY[c].includes(m.class)));
  return { answers, medicines: relevant.map((m) => m.name) };
}
