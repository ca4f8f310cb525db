import { z } from 'zod';
import { logoProblem, LOGO_MAX_URL_LENGTH } from './logo';
import { SESSION_SETTING_DEFAULTS, sessionSettingsShape } from '../session/settings';
import { BACKUP_SETTING_DEFAULTS, backupSettingsShape } from './backup-settings';
import { SUICIDE_RISK_SETTING_DEFAULTS, suicideRiskSettingsShape } from '../suicide-risk/settings';
import { IM_SETTING_DEFAULTS, imSettingsShape } from '../session/im-settings';
import { COURSE_SETTING_DEFAULTS, courseSettingsShape } from '../course/settings';

// Clinic settings: choices a clinic makes where no source fixes a number.
// Each default is labelled as such wherever it is shown.

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

const clinicText = (label: string, max: number) =>
  z.string({ error: `${label} must be text` }).trim().max(max, { error: `${label} must be at most ${max} characters` });
const phone = (label: string) =>
  clinicText(label, 40).regex(/^[0-9+()#*.,/ \-]*(?:(?:ext|x)\.? ?[0-9]+)?$/i, {
    error: `${label} may use digits, spaces and + ( ) - . / # *`,
  });

const settingMinutes = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number of minutes` })
    .int({ error: `${label} must be a whole number of minutes` })
    .min(min, { error: `${label} must be at least ${min} minutes` })
    .max(max, { error: `${label} must be at most ${max} minutes` });

export const SETTING_DEFAULTS = {
  /** Days a signed screening stays valid; the issue that introduced it set 30 as the default. */
  screeningValidityDays: 30,
  /** Printed at the top of every patient sheet. Default: blank, so sheets print a line to write on. */
  clinicName: '',
  /** Default: blank. */
  clinicAddress: '',
  /** The clinic's daytime phone, on every sheet under "Who to call". Default: blank (a line to write on). */
  clinicPhone: '',
  /** The clinic's out-of-hours line. Default: blank (a line to write on). */
  afterHoursPhone: '',
  /** The local emergency number (911, 999, 112…). No default fits every country, so blank (a line to write on). */
  emergencyNumber: '',
  /** A small PNG, JPEG or SVG as a data URL. Default: none. */
  clinicLogo: null as string | null,
  /** Paper the printouts are laid out for. Default: A4, the size most of the world uses. */
  paperSize: 'a4' as PaperSize,
  /** Minutes without use before the screen locks (issue #9's default: 5). */
  idleLockMinutes: 5,
  /** Wrong passphrases in a row before sign-in is locked (issue #9's default: 10). */
  signInMaxFailures: 10,
  /** Minutes sign-in stays locked after that (issue #9's default: 15). */
  signInLockMinutes: 15,
  /** Session monitoring thresholds and timings: each default's source is beside it in shared/session/settings.ts. */
  ...SESSION_SETTING_DEFAULTS,
  /** Backups (issue #14): folder, schedule and retention, each a labelled clinic default in backup-settings.ts. */
  ...BACKUP_SETTING_DEFAULTS,
  /** Suicide-risk gate before dosing (ASQ, PHQ-9, GAD-7) and the crisis lines: labelled in shared/suicide-risk/settings.ts. */
  ...SUICIDE_RISK_SETTING_DEFAULTS,
  /** IM ketamine's own monitoring settings (issue #12): clinic defaults, the IV values; see shared/session/im-settings.ts. */
  ...IM_SETTING_DEFAULTS,
  // ── Esketamine REMS Patient Monitoring Form [REFERENCE §4, S8] ──
  /** The monitoring clinician's phone on the form. Default: blank (a line to write on). */
  remsClinicianPhone: '',
  /** The monitoring clinician's email on the form. Default: blank (a line to write on). */
  remsClinicianEmail: '',
  /** Days before the due day that a form shows as "due soon". Clinic default: 2. */
  remsDueSoonDays: 2,
  /** Treatment courses (issue #12 point 3): each default's basis is beside it in shared/course/settings.ts. */
  ...COURSE_SETTING_DEFAULTS,
} as const;

export const clinicSettings = z.strictObject({
  screeningValidityDays: z
    .number({ error: 'Screening validity must be a number of days' })
    .int({ error: 'Screening validity must be a whole number of days' })
    .min(1, { error: 'Screening validity must be at least 1 day' })
    .max(365, { error: 'Screening validity must be at most 365 days' }),
  clinicName: clinicText('Clinic name', 120),
  clinicAddress: clinicText('Clinic address', 300),
  clinicPhone: phone('Clinic phone'),
  afterHoursPhone: phone('After-hours phone'),
  emergencyNumber: phone('Emergency number'),
  clinicLogo: z
    .string()
    .max(LOGO_MAX_URL_LENGTH, { error: 'The logo must be at most 100 kB' })
    .superRefine((url, ctx) => {
      const problem = logoProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable(),
  paperSize: z.enum(PAPER_SIZES, { error: 'Paper size must be A4 or US Letter' }),
  idleLockMinutes: settingMinutes('Idle lock', 1, 60),
  signInMaxFailures: z
    .number({ error: 'Wrong passphrases before a lock must be a number' })
    .int({ error: 'Wrong passphrases before a lock must be a whole number' })
    .min(3, { error: 'Wrong passphrases before a lock must be at least 3' })
    .max(20, { error: 'Wrong passphrases before a lock must be at most 20' }),
  signInLockMinutes: settingMinutes('Sign-in lock', 1, 240),
  ...sessionSettingsShape,
  ...backupSettingsShape,
  // Suicide-risk gate before dosing.
  ...suicideRiskSettingsShape,
  // IM ketamine's own monitoring settings (issue #12).
  ...imSettingsShape,
  // Esketamine REMS Patient Monitoring Form (see SETTING_DEFAULTS).
  remsClinicianPhone: phone('REMS monitoring clinician phone'),
  remsClinicianEmail: clinicText('REMS monitoring clinician email', 200).regex(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, {
    error: 'REMS monitoring clinician email must look like name@example.org',
  }),
  remsDueSoonDays: z
    .number({ error: 'REMS form due soon must be a number of days' })
    .int({ error: 'REMS form due soon must be a whole number of days' })
    .min(0, { error: 'REMS form due soon must be at least 0 days' })
    .max(7, { error: 'REMS form due soon must be at most 7 days' }),
  // Treatment courses: IV/IM induction, spacing, overdue, who decides pre-dose concerns.
  ...courseSettingsShape,
});

export const clinicSettingsUpdate = z.strictObject({
  settings: clinicSettings.partial(),
  reason: z.string().trim().max(500).optional(),
});

export type ClinicSettings = z.output<typeof clinicSettings>;
