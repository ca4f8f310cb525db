// Fixed facts from the product label and KetaDesk's own scales, each with the
// REFERENCE.md source it comes from. Numbers a clinic may choose live in
// ./settings.ts instead; nothing here is a clinic preference.

import { PLANNED_TREATMENTS } from '../screening/case-schema';
import { RULES } from '../screening/rules';

/** A session's route is the treatment its screening was planned for. */
export const ROUTES = PLANNED_TREATMENTS;
export type Route = (typeof ROUTES)[number];
export const ROUTE_LABELS: Record<Route, string> = {
  'iv-ketamine': 'IV ketamine',
  'im-ketamine': 'IM ketamine',
  'esketamine-nasal': 'Esketamine nasal spray',
};

/** Each esketamine device holds 28 mg (two sprays) [S1 §2; REFERENCE §4]. */
export const ESKETAMINE_MG_PER_DEVICE = 28;
/**
 * 56 mg = 2 devices, 84 mg = 3 devices [REFERENCE §4]; 28 mg = 1 device is the
 * starting dose at 65 and over [S1 §2, §8.5; REFERENCE §2 NO-AGE-OLDER].
 */
export const ESKETAMINE_DEVICE_COUNTS = [1, 2, 3] as const;
/** Devices are used 5 minutes apart [REFERENCE §4]. */
export const ESKETAMINE_DEVICE_INTERVAL_MINUTES = 5;

/** Esketamine: no food for at least 2 hours before dosing [S1 §2]. */
export const ESKETAMINE_FASTING_FOOD_MINUTES = 120;
/** Esketamine: no drink for at least 30 minutes before dosing [S1 §2]. */
export const ESKETAMINE_FASTING_DRINK_MINUTES = 30;
/** Esketamine: a nasal corticosteroid or decongestant at least 1 hour before [S1 §2]. */
export const ESKETAMINE_NASAL_PREP_MINUTES = 60;

/** Pre-dose BP is compared with the screening thresholds [REFERENCE §3], taken from the rule set itself. */
function bpRule(id: 'CI-BP-SEVERE' | 'CA-BP-ELEVATED') {
  const rule = RULES.find((r) => r.id === id);
  if (!rule || rule.condition.kind !== 'blood-pressure-above') throw new Error(`rule ${id} is not a BP rule`);
  return { ruleId: id, source: rule.source, systolic: rule.condition.systolic, diastolic: rule.condition.diastolic };
}
export const PRE_DOSE_BP_SEVERE = bpRule('CI-BP-SEVERE');
export const PRE_DOSE_BP_ELEVATED = bpRule('CA-BP-ELEVATED');

/** KetaDesk's own sedation levels [REFERENCE §4]; names avoid the copyrighted instruments (MOAA/S, §8). */
export const SEDATION_LEVELS = [0, 1, 2, 3, 4] as const;
export type SedationLevel = (typeof SEDATION_LEVELS)[number];
export const SEDATION_LEVEL_LABELS: Record<SedationLevel, string> = {
  0: 'Awake and alert',
  1: 'Drowsy, answers normal voice',
  2: 'Answers only loud voice or light touch',
  3: 'Answers only firm touch or shaking',
  4: 'Does not respond',
};
/** "Alert and oriented (sedation level 0–1)" for discharge [REFERENCE §4]. */
export const DISCHARGE_MAX_SEDATION_LEVEL = 1;

/** Clinician judgement, not CADSS, whose terms are unconfirmed (REFERENCE §8: do not ship). */
export const DISSOCIATION_LEVELS = ['none', 'mild', 'moderate', 'severe'] as const;
export type DissociationLevel = (typeof DISSOCIATION_LEVELS)[number];
export const dissociationRank = (level: DissociationLevel) => DISSOCIATION_LEVELS.indexOf(level);
