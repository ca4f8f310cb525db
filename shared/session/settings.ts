// Clinic settings for session monitoring. REFERENCE.md §4 gives few stop
// numbers for sub-anaesthetic ketamine; every value here is a clinic setting,
// and its label says whether the default comes from a cited source or is only
// a clinic default. shared/schemas/settings.ts merges these into the clinic's
// settings, so they are stored, validated and audited like every other setting.

import { z } from 'zod';
import { positiveMeasure, wholeMeasure } from '../schemas/common';

/** "none" cannot be an alert level: an alert needs some dissociation. */
export const DISSOCIATION_ALERT_LEVELS = ['mild', 'moderate', 'severe'] as const;

export const SESSION_SETTING_DEFAULTS = {
  // ── Alerts: REFERENCE §4 "Default alert thresholds (clinic settings)" ──
  /** Clinic default ("consensus practice"): alert when systolic is above this. */
  alertSystolicAbove: 180,
  /** Clinic default: alert when diastolic is above this. */
  alertDiastolicAbove: 110,
  /** [S1 §5.5]: the label's "clinically significant" systolic rise from baseline. */
  alertSystolicRise: 40,
  /** [S1 §5.5]: the label's "clinically significant" diastolic rise from baseline. */
  alertDiastolicRise: 25,
  /** Clinic default: alert when heart rate is above this. */
  alertHeartRateAbove: 120,
  /** Clinic default: alert when heart rate is below this. */
  alertHeartRateBelow: 50,
  /** Clinic default (respiratory depression warning [S1 §5.1]): alert when SpO2 is below this. */
  alertSpo2Below: 93,
  /** Clinic default: alert when respiratory rate is below this. */
  alertRespiratoryRateBelow: 10,
  /** Clinic default: alert at this level or worse on KetaDesk's 0–4 sedation scale. */
  alertSedationLevelAtLeast: 3,
  /** Clinic default: alert at this dissociation level or worse (distress that will not settle always alerts). */
  alertDissociationAtLeast: 'severe' as (typeof DISSOCIATION_ALERT_LEVELS)[number],
  /** Clinic default: alert on any vomiting. */
  alertOnVomiting: true as boolean,

  // ── Timing of checks: REFERENCE §4 ──
  /** [S1 §5.5]: esketamine BP about 40 minutes after the dose (counted from the first device), when the rise peaks. */
  esketaminePostDoseBpMinutes: 40,
  /**
   * [S3]: IV ketamine vitals every 10–15 minutes during infusion and recovery; the
   * upper end is the default. Also used for repeat esketamine BP while it is
   * raised ("as clinically needed", [S1 §5.5]): clinic default there. IM ketamine
   * has its own (shared/session/im-settings.ts).
   */
  vitalsIntervalMinutes: 15,
  /** Clinic default: a reading this early still counts for a timed check, and a check is overdue this long after. */
  checkWindowMinutes: 5,
  /** Clinic default: pre-dose vitals older than this at the start of dosing must be repeated. */
  preDoseVitalsMaxAgeMinutes: 60,

  // ── Discharge: REFERENCE §4 "Discharge readiness" ──
  /** [S1]: at least 2 hours of observation after esketamine; a clinic may only lengthen it. */
  esketamineMinObservationMinutes: 120,
  /** Clinic default, unverified: REFERENCE gives "commonly 30–60 minutes after the infusion ends" for IV; IM has its own (im-settings.ts). */
  ketamineMinObservationMinutes: 60,
  /** Clinic default: systolic and diastolic within this % of baseline (REFERENCE §4 default 20 %). */
  dischargeBpMarginPercent: 20,

  // ── IV/IM ketamine dose and preparation: REFERENCE §3 and §4 ──
  /** [S3, S5]: 0.5 mg/kg "over 40 minutes"; the planned infusion length a session starts with. */
  ketamineInfusionMinutes: 40,
  /** [S3]: "some protocols go up to 1 mg/kg"; a higher dose needs a prescriber's written reason. */
  ketamineDoseCeilingMgPerKg: 1,
  /**
   * No REFERENCE figure: the concentration of the ketamine the clinic stocks,
   * in mg/mL. Unset by default, so a volume is never computed from a guessed
   * strength: the clinic sets it, or the clinician enters it for the session.
   */
  ketamineConcentrationMgPerMl: null as number | null,
  /** Clinic default, unverified: REFERENCE §3 "commonly 4–6 hours of solids" for IV ketamine; the stricter end. */
  ketamineFastingFoodHours: 6,
  /** Clinic default: REFERENCE gives no clear-fluids rule for ketamine; 0 means none. */
  ketamineFastingDrinkMinutes: 0,

  // ── What to do when an alert fires: REFERENCE gives no action steps, so each
  // line is a clinic default the clinic should word for its own protocol. ──
  /** Clinic default; the "as clinically needed" repeat BP is S1 §5.5. */
  alertActionBloodPressure: 'Repeat the BP in 5 minutes. If it is still high, tell the prescriber. Ask about headache, chest pain or changes in vision.',
  /** Clinic default. */
  alertActionHeartRate: 'Repeat the reading and feel the pulse. If it stays outside the limit, tell the prescriber.',
  /** Clinic default (respiratory depression warning [S1 §5.1]); for SpO2 and respiratory rate. */
  alertActionBreathing: 'Check the probe, rouse the patient and ask for deep breaths. If it does not recover at once, tell the prescriber.',
  /** Clinic default (sedation warning [S1 §5.1]). */
  alertActionSedation: 'Try to rouse the patient and check breathing and SpO2. Tell the prescriber.',
  /** Clinic default. */
  alertActionDissociation: 'Stay with the patient, speak calmly, lower light and noise. If it does not settle, tell the prescriber.',
  /** Clinic default. */
  alertActionVomiting: 'Sit the patient up or turn them on their side and keep the airway clear. Tell the prescriber.',
};

export type SessionSettings = { [K in keyof typeof SESSION_SETTING_DEFAULTS]: (typeof SESSION_SETTING_DEFAULTS)[K] };
export type SessionSettingKey = keyof SessionSettings;

/**
 * The session-relevant part of the clinic's settings (or of anything holding
 * them), frozen into each session when dosing starts. Typed by what it reads,
 * so this module does not import the clinic settings that include it.
 */
export function sessionSettingsOf(settings: SessionSettings): SessionSettings {
  const keys = Object.keys(SESSION_SETTING_DEFAULTS) as SessionSettingKey[];
  return Object.fromEntries(keys.map((k) => [k, settings[k]])) as SessionSettings;
}

/** A short line of what to do, shown with every alert it belongs to; never blank, so an alert always says what to do. */
const actionLine = (label: string) =>
  z.string({ error: `${label} must be text` }).trim()
    .min(1, { error: `${label} must not be empty` })
    .max(200, { error: `${label} must be at most 200 characters` });

export const sessionSettingsShape = {
  alertSystolicAbove: wholeMeasure('Systolic alert', 'mmHg', 60, 300),
  alertDiastolicAbove: wholeMeasure('Diastolic alert', 'mmHg', 30, 200),
  alertSystolicRise: wholeMeasure('Systolic rise alert', 'mmHg', 1, 150),
  alertDiastolicRise: wholeMeasure('Diastolic rise alert', 'mmHg', 1, 100),
  alertHeartRateAbove: wholeMeasure('High heart rate alert', '/min', 40, 250),
  alertHeartRateBelow: wholeMeasure('Low heart rate alert', '/min', 20, 120),
  alertSpo2Below: wholeMeasure('SpO2 alert', '%', 50, 100),
  alertRespiratoryRateBelow: wholeMeasure('Respiratory rate alert', '/min', 1, 40),
  alertSedationLevelAtLeast: wholeMeasure('Sedation alert level', '', 1, 4),
  alertDissociationAtLeast: z.enum(DISSOCIATION_ALERT_LEVELS, {
    error: 'Dissociation alert level must be mild, moderate or severe',
  }),
  alertOnVomiting: z.boolean({ error: 'Vomiting alert must be on or off' }),
  esketaminePostDoseBpMinutes: wholeMeasure('Esketamine post-dose BP time', 'minutes', 5, 240),
  vitalsIntervalMinutes: wholeMeasure('Vitals interval', 'minutes', 1, 120),
  checkWindowMinutes: wholeMeasure('Check window', 'minutes', 0, 30),
  preDoseVitalsMaxAgeMinutes: wholeMeasure('Pre-dose vitals age limit', 'minutes', 5, 720),
  // The label's 2 hours is a floor: a clinic may observe longer, never shorter [S1].
  esketamineMinObservationMinutes: wholeMeasure('Esketamine observation', 'minutes', 120, 720),
  ketamineMinObservationMinutes: wholeMeasure('Ketamine observation', 'minutes', 1, 720),
  dischargeBpMarginPercent: wholeMeasure('Discharge BP margin', '%', 1, 100),
  ketamineInfusionMinutes: wholeMeasure('Infusion length', 'minutes', 1, 240),
  ketamineDoseCeilingMgPerKg: positiveMeasure('Ketamine dose ceiling', 'mg/kg', 10),
  ketamineConcentrationMgPerMl: positiveMeasure('Ketamine concentration', 'mg/mL', 500).nullable(),
  ketamineFastingFoodHours: wholeMeasure('Ketamine fasting (food)', 'hours', 0, 24),
  ketamineFastingDrinkMinutes: wholeMeasure('Ketamine fasting (drinks)', 'minutes', 0, 720),
  alertActionBloodPressure: actionLine('Blood pressure alert action'),
  alertActionHeartRate: actionLine('Heart rate alert action'),
  alertActionBreathing: actionLine('Breathing alert action'),
  alertActionSedation: actionLine('Sedation alert action'),
  alertActionDissociation: actionLine('Dissociation alert action'),
  alertActionVomiting: actionLine('Vomiting alert action'),
} satisfies { [K in SessionSettingKey]: z.ZodType<SessionSettings[K]> };

export type SettingBasis = 'reference' | 'clinic-default' | 'unverified' | 'unset';

export interface SettingInfo {
  label: string;
  unit: string;
  /** How the default was chosen: from a cited source, a clinic default, an unverified common value, or no default. */
  basis: SettingBasis;
  /** REFERENCE.md section and source ids. */
  source: string;
}

/** What the settings screen shows beside each value, so every default is labelled. */
export const SESSION_SETTING_INFO: Record<SessionSettingKey, SettingInfo> = {
  alertSystolicAbove: { label: 'Alert: systolic above', unit: 'mmHg', basis: 'clinic-default', source: 'REFERENCE §4 (consensus practice)' },
  alertDiastolicAbove: { label: 'Alert: diastolic above', unit: 'mmHg', basis: 'clinic-default', source: 'REFERENCE §4' },
  alertSystolicRise: { label: 'Alert: systolic rise from baseline of at least', unit: 'mmHg', basis: 'reference', source: 'REFERENCE §4, S1 §5.5' },
  alertDiastolicRise: { label: 'Alert: diastolic rise from baseline of at least', unit: 'mmHg', basis: 'reference', source: 'REFERENCE §4, S1 §5.5' },
  alertHeartRateAbove: { label: 'Alert: heart rate above', unit: '/min', basis: 'clinic-default', source: 'REFERENCE §4' },
  alertHeartRateBelow: { label: 'Alert: heart rate below', unit: '/min', basis: 'clinic-default', source: 'REFERENCE §4' },
  alertSpo2Below: { label: 'Alert: SpO2 below', unit: '%', basis: 'clinic-default', source: 'REFERENCE §4 (S1 §5.1 warning)' },
  alertRespiratoryRateBelow: { label: 'Alert: respiratory rate below', unit: '/min', basis: 'clinic-default', source: 'REFERENCE §4' },
  alertSedationLevelAtLeast: { label: 'Alert: sedation level at or above', unit: 'level (0–4)', basis: 'clinic-default', source: 'REFERENCE §4' },
  alertDissociationAtLeast: { label: 'Alert: dissociation at or above', unit: '', basis: 'clinic-default', source: 'REFERENCE §4' },
  alertOnVomiting: { label: 'Alert: any vomiting', unit: '', basis: 'clinic-default', source: 'REFERENCE §4' },
  esketaminePostDoseBpMinutes: { label: 'Esketamine: BP check, minutes from the first device', unit: 'minutes', basis: 'reference', source: 'REFERENCE §4, S1 §5.5' },
  vitalsIntervalMinutes: { label: 'Vitals every (IV; repeat esketamine BP while raised)', unit: 'minutes', basis: 'reference', source: 'REFERENCE §4, S3 (every 10–15 min)' },
  checkWindowMinutes: { label: 'Timed check window (early / overdue after)', unit: 'minutes', basis: 'clinic-default', source: 'KetaDesk clinic default' },
  preDoseVitalsMaxAgeMinutes: { label: 'Pre-dose vitals must be no older than', unit: 'minutes', basis: 'clinic-default', source: 'KetaDesk clinic default' },
  esketamineMinObservationMinutes: { label: 'Esketamine: minimum observation, minutes from the first device', unit: 'minutes', basis: 'reference', source: 'REFERENCE §4, S1' },
  ketamineMinObservationMinutes: { label: 'IV ketamine: minimum observation after the infusion ends', unit: 'minutes', basis: 'unverified', source: 'REFERENCE §4 (commonly 30–60 min; clinic to confirm)' },
  dischargeBpMarginPercent: { label: 'Discharge: BP within this % of baseline', unit: '%', basis: 'clinic-default', source: 'REFERENCE §4' },
  ketamineInfusionMinutes: { label: 'IV ketamine: planned infusion length', unit: 'minutes', basis: 'reference', source: 'REFERENCE §4, S3, S5' },
  ketamineDoseCeilingMgPerKg: { label: 'Ketamine: dose above this needs a prescriber’s reason', unit: 'mg/kg', basis: 'reference', source: 'REFERENCE §4, S3 (up to 1 mg/kg)' },
  ketamineConcentrationMgPerMl: { label: 'Ketamine concentration stocked', unit: 'mg/mL', basis: 'unset', source: 'No source gives a figure: the clinic must set it or enter it per session' },
  ketamineFastingFoodHours: { label: 'IV/IM ketamine: no food for', unit: 'hours', basis: 'unverified', source: 'REFERENCE §3 (commonly 4–6 h; clinic to confirm)' },
  ketamineFastingDrinkMinutes: { label: 'IV/IM ketamine: no drinks for (0 = no rule)', unit: 'minutes', basis: 'clinic-default', source: 'REFERENCE §3 (no source gives a rule)' },
  alertActionBloodPressure: { label: 'What to do: blood pressure alert', unit: '', basis: 'clinic-default', source: 'KetaDesk clinic default (repeat BP as clinically needed: S1 §5.5)' },
  alertActionHeartRate: { label: 'What to do: heart rate alert', unit: '', basis: 'clinic-default', source: 'KetaDesk clinic default' },
  alertActionBreathing: { label: 'What to do: SpO2 or breathing alert', unit: '', basis: 'clinic-default', source: 'KetaDesk clinic default (S1 §5.1 warning)' },
  alertActionSedation: { label: 'What to do: sedation alert', unit: '', basis: 'clinic-default', source: 'KetaDesk clinic default (S1 §5.1 warning)' },
  alertActionDissociation: { label: 'What to do: dissociation or distress alert', unit: '', basis: 'clinic-default', source: 'KetaDesk clinic default' },
  alertActionVomiting: { label: 'What to do: vomiting alert', unit: '', basis: 'clinic-default', source: 'KetaDesk clinic default' },
};

/** The settings that hold an alert's action line, by alert code. */
export type AlertActionKey =
  | 'alertActionBloodPressure' | 'alertActionHeartRate' | 'alertActionBreathing'
  | 'alertActionSedation' | 'alertActionDissociation' | 'alertActionVomiting';

const ACTION_BY_CODE: Record<string, AlertActionKey> = {
  'systolic-high': 'alertActionBloodPressure',
  'diastolic-high': 'alertActionBloodPressure',
  'systolic-rise': 'alertActionBloodPressure',
  'diastolic-rise': 'alertActionBloodPressure',
  'heart-rate-high': 'alertActionHeartRate',
  'heart-rate-low': 'alertActionHeartRate',
  'spo2-low': 'alertActionBreathing',
  'respiratory-rate-low': 'alertActionBreathing',
  sedation: 'alertActionSedation',
  dissociation: 'alertActionDissociation',
  distress: 'alertActionDissociation',
  vomiting: 'alertActionVomiting',
};

/** The action line for an alert, from the settings the session was started with. */
export function alertActionFor(code: string, settings: Partial<SessionSettings>): string | null {
  const key = ACTION_BY_CODE[code];
  return key ? (settings[key] ?? SESSION_SETTING_DEFAULTS[key]) : null;
}
