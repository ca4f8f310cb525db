// Alerts: what fires when an observation crosses a clinic threshold. Absolute
// limits and rise-from-baseline both come from the clinic's settings, whose
// defaults and sources are in ./settings.ts (REFERENCE §4).

import { dissociationRank } from './reference';
import type { AlertFinding, EntryData, VitalsData } from './schemas';
import { SESSION_SETTING_INFO, type SessionSettingKey, type SessionSettings } from './settings';

export type AlertThresholds = Pick<
  SessionSettings,
  | 'alertSystolicAbove' | 'alertDiastolicAbove' | 'alertSystolicRise' | 'alertDiastolicRise'
  | 'alertHeartRateAbove' | 'alertHeartRateBelow' | 'alertSpo2Below' | 'alertRespiratoryRateBelow'
  | 'alertSedationLevelAtLeast' | 'alertDissociationAtLeast' | 'alertOnVomiting'
>;

export interface BaselineBp {
  systolic: number;
  diastolic: number;
}

type Measure = 'systolic' | 'diastolic' | 'heartRate' | 'spo2' | 'respiratoryRate';
type Vitals = Partial<Pick<VitalsData, Measure>>;

interface VitalCheck {
  code: string;
  measure: Measure;
  settingKey: SessionSettingKey & keyof AlertThresholds;
  /** above/below: strict, as REFERENCE §4 writes "> 180", "< 93". rise: a rise of at least the threshold. */
  test: 'above' | 'below' | 'rise';
  label: string;
  unit: string;
}

const VITAL_CHECKS: readonly VitalCheck[] = [
  { code: 'systolic-high', measure: 'systolic', settingKey: 'alertSystolicAbove', test: 'above', label: 'Systolic', unit: 'mmHg' },
  { code: 'diastolic-high', measure: 'diastolic', settingKey: 'alertDiastolicAbove', test: 'above', label: 'Diastolic', unit: 'mmHg' },
  { code: 'systolic-rise', measure: 'systolic', settingKey: 'alertSystolicRise', test: 'rise', label: 'Systolic', unit: 'mmHg' },
  { code: 'diastolic-rise', measure: 'diastolic', settingKey: 'alertDiastolicRise', test: 'rise', label: 'Diastolic', unit: 'mmHg' },
  { code: 'heart-rate-high', measure: 'heartRate', settingKey: 'alertHeartRateAbove', test: 'above', label: 'Heart rate', unit: '/min' },
  { code: 'heart-rate-low', measure: 'heartRate', settingKey: 'alertHeartRateBelow', test: 'below', label: 'Heart rate', unit: '/min' },
  { code: 'spo2-low', measure: 'spo2', settingKey: 'alertSpo2Below', test: 'below', label: 'SpO2', unit: '%' },
  { code: 'respiratory-rate-low', measure: 'respiratoryRate', settingKey: 'alertRespiratoryRateBelow', test: 'below', label: 'Respiratory rate', unit: '/min' },
];

/** Codes of alerts about blood pressure: the REMS form's "BP increase". */
export const BP_ALERT_CODES = ['systolic-high', 'diastolic-high', 'systolic-rise', 'diastolic-rise'] as const;
/** Codes the REMS form's "respiratory depression" question is answered from. */
export const RESPIRATORY_ALERT_CODES = ['spo2-low', 'respiratory-rate-low'] as const;

const finding = (
  code: string, settingKey: SessionSettingKey, value: AlertFinding['value'], threshold: AlertFinding['threshold'], message: string,
): AlertFinding => ({ code, message, value, threshold, settingKey, source: SESSION_SETTING_INFO[settingKey].source });

function vitalAlert(check: VitalCheck, vitals: Vitals, baseline: BaselineBp | null, t: AlertThresholds): AlertFinding | null {
  const value = vitals[check.measure];
  if (value === undefined || !Number.isFinite(value)) return null;
  const limit = t[check.settingKey] as number;
  const { label, unit } = check;
  if (check.test === 'above') {
    return value > limit ? finding(check.code, check.settingKey, value, limit, `${label} ${value} ${unit} is above the alert limit of ${limit} ${unit}`) : null;
  }
  if (check.test === 'below') {
    return value < limit ? finding(check.code, check.settingKey, value, limit, `${label} ${value} ${unit} is below the alert limit of ${limit} ${unit}`) : null;
  }
  const base = baseline?.[check.measure as keyof BaselineBp];
  if (base === undefined) return null;
  const rise = value - base;
  return rise >= limit
    ? finding(check.code, check.settingKey, value, limit, `${label} ${value} ${unit} is ${rise} ${unit} above the pre-dose ${base} ${unit} (alert at a rise of ${limit} ${unit})`)
    : null;
}

/** Alerts for one set of vitals, against absolute limits and the pre-dose baseline. */
export function assessVitals(vitals: Vitals, baseline: BaselineBp | null, thresholds: AlertThresholds): AlertFinding[] {
  return VITAL_CHECKS.map((c) => vitalAlert(c, vitals, baseline, thresholds)).filter((a): a is AlertFinding => a !== null);
}

/** Alerts for any timeline entry: vitals, sedation, dissociation and vomiting can fire; the rest never do. */
export function assessEntry(entry: EntryData, baseline: BaselineBp | null, t: AlertThresholds): AlertFinding[] {
  switch (entry.kind) {
    case 'vitals':
      return assessVitals(entry, baseline, t);
    case 'sedation':
      return entry.level >= t.alertSedationLevelAtLeast
        ? [finding('sedation', 'alertSedationLevelAtLeast', entry.level, t.alertSedationLevelAtLeast,
            `Sedation level ${entry.level} is at or above the alert level ${t.alertSedationLevelAtLeast}`)]
        : [];
    case 'dissociation': {
      const out: AlertFinding[] = [];
      if (dissociationRank(entry.level) >= dissociationRank(t.alertDissociationAtLeast)) {
        out.push(finding('dissociation', 'alertDissociationAtLeast', entry.level, t.alertDissociationAtLeast,
          `Dissociation is ${entry.level} (alert at ${t.alertDissociationAtLeast} or worse)`));
      }
      if (entry.distressNotSettling) {
        out.push(finding('distress', 'alertDissociationAtLeast', true, true, 'Distress the patient cannot be talked down from'));
      }
      return out;
    }
    case 'nausea-vomiting':
      return entry.vomiting && t.alertOnVomiting
        ? [finding('vomiting', 'alertOnVomiting', true, true, 'The patient vomited')]
        : [];
    default:
      return [];
  }
}
