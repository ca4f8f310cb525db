// IM ketamine's own monitoring settings: check interval, minimum observation
// and alert thresholds. REFERENCE.md gives no figure for IM ketamine (§4 gives
// IV's 10–15 minute vitals [S3] and says IM dosing is "less standardised —
// clinic to confirm"), so each default is the IV/shared value, labelled a
// clinic default. A session of IM ketamine freezes these in place of the
// shared values when dosing starts (sessionSettingsFor), so its schedule,
// alerts and discharge use them; IV and esketamine are unchanged.

import type { Route } from './reference';
import { SESSION_SETTING_DEFAULTS, SESSION_SETTING_INFO, sessionSettingsOf, sessionSettingsShape, type SessionSettingKey, type SessionSettings, type SettingInfo } from './settings';

/** Each IM setting and the shared setting it stands in for during an IM session. */
const IM_STANDS_FOR = {
  imVitalsIntervalMinutes: 'vitalsIntervalMinutes',
  imMinObservationMinutes: 'ketamineMinObservationMinutes',
  imAlertSystolicAbove: 'alertSystolicAbove',
  imAlertDiastolicAbove: 'alertDiastolicAbove',
  imAlertSystolicRise: 'alertSystolicRise',
  imAlertDiastolicRise: 'alertDiastolicRise',
  imAlertHeartRateAbove: 'alertHeartRateAbove',
  imAlertHeartRateBelow: 'alertHeartRateBelow',
  imAlertSpo2Below: 'alertSpo2Below',
  imAlertRespiratoryRateBelow: 'alertRespiratoryRateBelow',
  imAlertSedationLevelAtLeast: 'alertSedationLevelAtLeast',
} as const satisfies Record<string, SessionSettingKey>;

export type ImSettingKey = keyof typeof IM_STANDS_FOR;
export type ImSettings = { [K in ImSettingKey]: number };
export const IM_SETTING_KEYS = Object.keys(IM_STANDS_FOR) as ImSettingKey[];

const derive = <T,>(of: (shared: (typeof IM_STANDS_FOR)[ImSettingKey]) => T) =>
  Object.fromEntries(IM_SETTING_KEYS.map((k) => [k, of(IM_STANDS_FOR[k])])) as { [K in ImSettingKey]: T };

/** Clinic defaults: the IV/shared values, since REFERENCE gives no IM figure. */
export const IM_SETTING_DEFAULTS: ImSettings = derive((shared) => SESSION_SETTING_DEFAULTS[shared] as number);

/** The same bounds and messages as the shared setting, so a value valid for IV is valid for IM. */
export const imSettingsShape = derive((shared) => sessionSettingsShape[shared]) as {
  [K in ImSettingKey]: (typeof sessionSettingsShape)[(typeof IM_STANDS_FOR)[K]];
};

/** Where the shared label names IV, the IM section says it in its own words. */
const OWN_LABELS = { vitalsIntervalMinutes: 'Vitals every', ketamineMinObservationMinutes: 'Minimum observation after the injection' } as const;

export const IM_SETTING_INFO: Record<ImSettingKey, SettingInfo> = derive((shared) => ({
  label: OWN_LABELS[shared as keyof typeof OWN_LABELS] ?? SESSION_SETTING_INFO[shared].label,
  unit: SESSION_SETTING_INFO[shared].unit,
  basis: 'clinic-default',
  source: 'KetaDesk clinic default, the IV value (the monitoring protocol gives no figure for IM ketamine)',
}));

/**
 * The settings a session of this route is judged by, frozen when dosing
 * starts: for IM ketamine its own interval, observation and thresholds in
 * place of the shared ones; for other routes the shared ones.
 */
export function sessionSettingsFor(route: Route, clinic: SessionSettings & ImSettings): SessionSettings {
  const shared = sessionSettingsOf(clinic);
  if (route !== 'im-ketamine') return shared;
  const own = Object.fromEntries(IM_SETTING_KEYS.map((k) => [IM_STANDS_FOR[k], clinic[k]]));
  return { ...shared, ...own };
}
