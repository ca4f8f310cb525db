// The clinic settings of the esketamine REMS Patient Monitoring Form, as the
// settings screen labels them. The form is due 7 days after the session
// [REFERENCE §4, S8]; how early it shows as "due soon" is the clinic's choice.

import type { SettingInfo } from '../session/settings';

export const REMS_SETTING_KEYS = ['remsClinicianPhone', 'remsClinicianEmail', 'remsDueSoonDays'] as const;
export type RemsSettingKey = (typeof REMS_SETTING_KEYS)[number];

export const REMS_SETTING_INFO: Record<RemsSettingKey, SettingInfo> = {
  remsClinicianPhone: { label: 'Monitoring clinician’s phone on the REMS form', unit: '', basis: 'clinic-default', source: 'REFERENCE §4, S8' },
  remsClinicianEmail: { label: 'Monitoring clinician’s email on the REMS form', unit: '', basis: 'clinic-default', source: 'REFERENCE §4, S8' },
  remsDueSoonDays: { label: 'Show a form as “due soon” this many days before its due day', unit: 'days', basis: 'clinic-default', source: 'KetaDesk clinic default' },
};
