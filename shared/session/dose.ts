// Dose arithmetic. Rounded for the record (0.1 mg, 0.01 mL); the volume is
// computed from the unrounded dose so the two roundings never compound.

import type { DosePlan, DoseRecord } from './schemas';
import { ESKETAMINE_MG_PER_DEVICE } from './reference';
import type { SessionSettings } from './settings';

const roundTo = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round((value + Number.EPSILON) * f) / f;
};

export function ketamineAmount(mgPerKg: number, weightKg: number, concentrationMgPerMl: number) {
  const mg = mgPerKg * weightKg;
  return { totalMg: roundTo(mg, 1), volumeMl: roundTo(mg / concentrationMgPerMl, 2) };
}

export const esketamineMg = (deviceCount: number) => deviceCount * ESKETAMINE_MG_PER_DEVICE;

export interface FieldProblem {
  field: string;
  message: string;
}

/** The dose to record, or the field that is missing to compute it. */
export function resolveDose(
  plan: DosePlan,
  chartWeightKg: number | null,
  settings: Pick<SessionSettings, 'ketamineConcentrationMgPerMl' | 'ketamineInfusionMinutes'>,
): { dose: DoseRecord } | { problem: FieldProblem } {
  if (plan.route === 'esketamine-nasal') {
    return { dose: { route: plan.route, deviceCount: plan.deviceCount, totalMg: esketamineMg(plan.deviceCount) } };
  }
  const weightKg = plan.weightKg ?? chartWeightKg;
  if (weightKg === null) {
    return { problem: { field: 'plan.weightKg', message: 'Enter the weight the dose is based on: the chart has no weight' } };
  }
  const concentration = plan.concentrationMgPerMl ?? settings.ketamineConcentrationMgPerMl;
  if (concentration === null) {
    return {
      problem: {
        field: 'plan.concentrationMgPerMl',
        message: 'Enter the concentration on the vial (mg/mL): the clinic has not set one',
      },
    };
  }
  const infusionMinutes = plan.route === 'iv-ketamine' ? plan.infusionMinutes ?? settings.ketamineInfusionMinutes : null;
  return {
    dose: {
      route: plan.route,
      mgPerKg: plan.mgPerKg,
      weightKg,
      weightBasis: plan.weightBasis,
      weightFrom: plan.weightKg === null ? 'chart' : 'entered',
      ...ketamineAmount(plan.mgPerKg, weightKg, concentration),
      concentrationMgPerMl: concentration,
      infusionMinutes,
    },
  };
}
