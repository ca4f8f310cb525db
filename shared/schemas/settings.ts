import { z } from 'zod';

// Clinic settings: choices a clinic makes where no source fixes a number.
// Each default is labelled as such wherever it is shown.

export const SETTING_DEFAULTS = {
  /** Days a signed screening stays valid; the issue that introduced it set 30 as the default. */
  screeningValidityDays: 30,
} as const;

export const clinicSettings = z.strictObject({
  screeningValidityDays: z
    .number({ error: 'Screening validity must be a number of days' })
    .int({ error: 'Screening validity must be a whole number of days' })
    .min(1, { error: 'Screening validity must be at least 1 day' })
    .max(365, { error: 'Screening validity must be at most 365 days' }),
});

export const clinicSettingsUpdate = z.strictObject({
  settings: clinicSettings.partial(),
  reason: z.string().trim().max(500).optional(),
});

export type ClinicSettings = z.output<typeof clinicSettings>;
