import { z } from 'zod';

// Where and how often the clinic's records are backed up (issue #14). The
// figures are the issue's: the last 14 daily backups and one per month for a
// year; no clinical source applies, so each is a clinic default.

export const BACKUP_SETTING_DEFAULTS = {
  /** The folder backups go to (a USB disk, a network share). Clinic default: none chosen, which the app warns about. */
  backupFolder: null as string | null,
  /** A backup each day the app is used (clinic default: on). */
  backupDaily: true,
  /** A backup when the app closes (clinic default: on). */
  backupOnClose: true,
  /** Newest backup of each of this many days is kept (clinic default: 14, issue #14). */
  backupKeepDaily: 14,
  /** Newest backup of each of this many months is kept (clinic default: 12, issue #14). */
  backupKeepMonthly: 12,
};

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label} must be a number` })
    .int({ error: `${label} must be a whole number` })
    .min(min, { error: `${label} must be at least ${min}` })
    .max(max, { error: `${label} must be at most ${max}` });

export const backupSettingsShape = {
  backupFolder: z
    .string({ error: 'The backup folder must be a path' })
    .trim()
    .min(1, { error: 'Type the backup folder’s path' })
    .max(1000, { error: 'The backup folder’s path must be at most 1000 characters' })
    .nullable(),
  backupDaily: z.boolean({ error: 'Daily backups must be on or off' }),
  backupOnClose: z.boolean({ error: 'Backups on close must be on or off' }),
  backupKeepDaily: count('Daily backups kept', 1, 60),
  backupKeepMonthly: count('Monthly backups kept', 0, 36),
};

export const BACKUP_SETTING_KEYS = Object.keys(BACKUP_SETTING_DEFAULTS) as (keyof typeof BACKUP_SETTING_DEFAULTS)[];
