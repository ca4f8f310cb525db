// The prescriber's dose order: which doses the label allows for the patient's
// age, and whether the dose planned at the chair is the one ordered.

import type { FieldProblem } from '../session/dose';
import { ESKETAMINE_MG_PER_DEVICE } from '../session/reference';
import type { DosePlan } from '../session/schemas';
import { DOSE_SOURCE, esketamineDeviceChoices, ESKETAMINE_OLDER_ADULT_AGE } from './reference';
import type { DoseOrder } from './schemas';

/** An esketamine dose the label does not give at this age [S1 §2, §8.5]; null when allowed. */
export function doseOrderProblem(dose: Pick<DoseOrder, 'route'> & { deviceCount?: number }, ageYears: number, field: string): FieldProblem | null {
  if (dose.route !== 'esketamine-nasal' || dose.deviceCount === undefined) return null;
  const choices = esketamineDeviceChoices(ageYears);
  if ((choices as readonly number[]).includes(dose.deviceCount)) return null;
  const mg = choices.map((n) => n * ESKETAMINE_MG_PER_DEVICE).join(' or ');
  return {
    field,
    message: `At ${ageYears} the label's esketamine doses are ${mg} mg; 28 mg is the starting dose from ${ESKETAMINE_OLDER_ADULT_AGE} [${DOSE_SOURCE}]`,
  };
}

/** The order in words: "56 mg (2 devices)", "0.5 mg/kg over 40 minutes". */
export function doseOrderWords(d: DoseOrder): string {
  if (d.route === 'esketamine-nasal') return `${d.deviceCount * ESKETAMINE_MG_PER_DEVICE} mg (${d.deviceCount} device${d.deviceCount === 1 ? '' : 's'})`;
  if (d.route === 'iv-ketamine') return `${d.mgPerKg} mg/kg over ${d.infusionMinutes} minutes`;
  return `${d.mgPerKg} mg/kg IM`;
}

/** The session's dose as an order would read, so the two compare in words too. */
export function planAsOrder(plan: DosePlan, defaultInfusionMinutes: number): DoseOrder {
  if (plan.route === 'esketamine-nasal') return { route: plan.route, deviceCount: plan.deviceCount };
  if (plan.route === 'iv-ketamine') return { route: plan.route, mgPerKg: plan.mgPerKg, infusionMinutes: plan.infusionMinutes ?? defaultInfusionMinutes };
  return { route: plan.route, mgPerKg: plan.mgPerKg };
}

export const sameDose = (a: DoseOrder, b: DoseOrder): boolean => doseOrderWords(a) === doseOrderWords(b) && a.route === b.route;
