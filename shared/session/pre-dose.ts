// Treatment-day checks before dosing (REFERENCE §3). Problems make the form
// invalid; concerns are allowed only with a documented decision to proceed,
// from a prescriber where the screening rules would say "do not treat today".

import type { ClinicianRole } from '../schemas/clinician';
import type { Patient } from '../schemas/patient';
import { assessVitals } from './alerts';
import type { FieldProblem } from './dose';
import {
  ESKETAMINE_FASTING_DRINK_MINUTES, ESKETAMINE_FASTING_FOOD_MINUTES, ESKETAMINE_NASAL_PREP_MINUTES,
  PRE_DOSE_BP_ELEVATED, PRE_DOSE_BP_SEVERE, type Route,
} from './reference';
import type { DoseRecord, PreDoseChecks, PreDoseConcern, VitalsReading } from './schemas';
import type { SessionSettings } from './settings';
import { FUTURE_TOLERANCE_MS, minutesBetween, toMs } from './time';

export interface PreDoseContext {
  route: Route;
  sex: Patient['sex'];
  /** When dosing starts. */
  startedAt: string;
  dose: DoseRecord;
  settings: SessionSettings;
}

/** The reading the session goes by: the repeat when the first was high and repeated. */
export const baselineOf = (c: Pick<PreDoseChecks, 'vitals' | 'repeatVitals'>): VitalsReading => c.repeatVitals ?? c.vitals;

const after = (iso: string, ref: string) => toMs(iso) > toMs(ref) + FUTURE_TOLERANCE_MS;

export function preDoseProblems(c: PreDoseChecks, ctx: PreDoseContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field: `preDose.${field}`, message });
  if (after(c.vitals.takenAt, ctx.startedAt)) add('vitals.takenAt', 'Pre-dose vitals must be taken before dosing starts');
  if (c.repeatVitals) {
    if (after(c.repeatVitals.takenAt, ctx.startedAt)) add('repeatVitals.takenAt', 'The repeat reading must be taken before dosing starts');
    if (toMs(c.repeatVitals.takenAt) < toMs(c.vitals.takenAt)) add('repeatVitals.takenAt', 'The repeat reading must be taken after the first');
  }
  const baseline = baselineOf(c);
  const age = minutesBetween(baseline.takenAt, ctx.startedAt);
  if (age > ctx.settings.preDoseVitalsMaxAgeMinutes) {
    add(c.repeatVitals ? 'repeatVitals.takenAt' : 'vitals.takenAt',
      `Pre-dose vitals are ${Math.floor(age)} minutes old; repeat them (the clinic allows ${ctx.settings.preDoseVitalsMaxAgeMinutes})`);
  }
  for (const key of ['lastFoodAt', 'lastDrinkAt', 'nasalMedicationAt'] as const) {
    const at = c[key];
    if (at && after(at, ctx.startedAt)) add(key, 'This time cannot be after dosing starts');
  }
  if (c.pregnancy === 'not-applicable' && ctx.sex !== 'male') {
    add('pregnancy', 'Record a pregnancy test result, or not tested with the reason');
  }
  return problems;
}

const concern = (code: string, message: string, source: string, needs: PreDoseConcern['needs'] = 'reason'): PreDoseConcern =>
  ({ code, message, source, needs });

function bpConcerns(v: VitalsReading): PreDoseConcern[] {
  const above = (r: { systolic: number; diastolic: number }) => v.systolic > r.systolic || v.diastolic > r.diastolic;
  const bp = `${v.systolic}/${v.diastolic} mmHg`;
  if (above(PRE_DOSE_BP_SEVERE)) {
    return [concern(PRE_DOSE_BP_SEVERE.ruleId,
      `Pre-dose BP ${bp} is above ${PRE_DOSE_BP_SEVERE.systolic}/${PRE_DOSE_BP_SEVERE.diastolic}: do not dose today unless a prescriber decides otherwise`,
      PRE_DOSE_BP_SEVERE.source, 'prescriber-reason')];
  }
  if (above(PRE_DOSE_BP_ELEVATED)) {
    return [concern(PRE_DOSE_BP_ELEVATED.ruleId,
      `Pre-dose BP ${bp} is above ${PRE_DOSE_BP_ELEVATED.systolic}/${PRE_DOSE_BP_ELEVATED.diastolic}: proceeding needs a documented decision`,
      PRE_DOSE_BP_ELEVATED.source)];
  }
  return [];
}

/** Heart rate, SpO2 and respiratory rate outside the clinic's alert limits before any dose. */
function otherVitalConcerns(v: VitalsReading, s: SessionSettings): PreDoseConcern[] {
  return assessVitals({ heartRate: v.heartRate, spo2: v.spo2, respiratoryRate: v.respiratoryRate }, null, s)
    .map((a) => concern(`pre-dose-${a.code}`, `Pre-dose: ${a.message}`, a.source));
}

function fastingConcerns(c: PreDoseChecks, ctx: PreDoseContext): PreDoseConcern[] {
  const esk = ctx.route === 'esketamine-nasal';
  const rules = [
    { key: 'lastFoodAt', what: 'food', minutes: esk ? ESKETAMINE_FASTING_FOOD_MINUTES : ctx.settings.ketamineFastingFoodHours * 60 },
    { key: 'lastDrinkAt', what: 'drink', minutes: esk ? ESKETAMINE_FASTING_DRINK_MINUTES : ctx.settings.ketamineFastingDrinkMinutes },
  ] as const;
  const source = esk ? 'REFERENCE §3, S1 §2' : 'REFERENCE §3 (clinic setting)';
  return rules.flatMap(({ key, what, minutes }) => {
    if (minutes <= 0) return [];
    const last = c[key];
    if (last === null) return [concern(`fasting-${what}`, `Time of last ${what} not known (the rule is ${minutes} minutes before dosing)`, source)];
    const gap = minutesBetween(last, ctx.startedAt);
    return gap < minutes
      ? [concern(`fasting-${what}`, `Last ${what} ${Math.floor(gap)} minutes before dosing; the rule is at least ${minutes}`, source)]
      : [];
  });
}

export function preDoseConcerns(c: PreDoseChecks, ctx: PreDoseContext): PreDoseConcern[] {
  const baseline = baselineOf(c);
  const out = [...bpConcerns(baseline), ...otherVitalConcerns(baseline, ctx.settings), ...fastingConcerns(c, ctx)];
  if (ctx.route === 'esketamine-nasal' && c.nasalMedicationAt) {
    const gap = minutesBetween(c.nasalMedicationAt, ctx.startedAt);
    if (gap < ESKETAMINE_NASAL_PREP_MINUTES) {
      out.push(concern('nasal-medication',
        `Nasal corticosteroid or decongestant ${Math.floor(gap)} minutes before dosing; it should be at least ${ESKETAMINE_NASAL_PREP_MINUTES}`,
        'REFERENCE §3, S1 §2'));
    }
  }
  if (c.pregnancy === 'test-positive') {
    out.push(concern('CI-PREGNANCY', 'Positive pregnancy test: do not treat unless a prescriber decides otherwise', 'S1 §8.1', 'prescriber-reason'));
  }
  if (!c.escortArranged) {
    out.push(concern('CA-NO-ESCORT', 'No escort home arranged: the patient must not drive until the next day after sleep', 'REFERENCE §3, S1 §5.8'));
  }
  const changes = [c.newMedicines && 'new medicines', c.newIllness && 'new illness', c.substanceUse && 'substance use'].filter(Boolean);
  if (changes.length > 0) {
    out.push(concern('changes-since-screening', `Since the screening: ${changes.join(', ')}. Consider repeating the screening.`, 'REFERENCE §3'));
  }
  const d = ctx.dose;
  if (d.route !== 'esketamine-nasal' && d.mgPerKg > ctx.settings.ketamineDoseCeilingMgPerKg) {
    out.push(concern('dose-above-ceiling',
      `Dose ${d.mgPerKg} mg/kg is above the clinic's ${ctx.settings.ketamineDoseCeilingMgPerKg} mg/kg`,
      'REFERENCE §4, S3 (clinic setting)', 'prescriber-reason'));
  }
  return out;
}

/**
 * What stops dosing from starting with the decision given: empty when it may
 * start. Proceeding despite a concern is a prescriber's decision; when the
 * clinic delegates the milder ones (those needing only a documented decision,
 * not "prescriber-reason") to nurses, a nurse may decide those.
 */
export function decisionProblems(
  concerns: readonly PreDoseConcern[], decisionReason: string | null, role: ClinicianRole, nursesDecideMilder = false,
): FieldProblem[] {
  if (concerns.length === 0) return [];
  const problems: FieldProblem[] = [];
  if (!decisionReason?.trim()) {
    problems.push({
      field: 'decisionReason',
      message: `Proceeding needs a documented decision: ${concerns.map((c) => c.message).join('; ')}`,
    });
  }
  const delegated = role === 'nurse' && nursesDecideMilder;
  const prescriberOnly = delegated ? concerns.filter((c) => c.needs === 'prescriber-reason') : concerns;
  if (prescriberOnly.length > 0 && role !== 'prescriber') {
    problems.push({
      field: 'decisionReason',
      message: `Only a prescriber can decide to proceed: ${prescriberOnly.map((c) => c.message).join('; ')}`,
    });
  }
  return problems;
}
