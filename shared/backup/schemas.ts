import { z } from 'zod';
import { backupSettingsShape } from '../schemas/backup-settings';

// What the backup channels carry. A backup is named by its file in the
// clinic's backup folder, never by a path, so a request cannot reach outside it.

export const BACKUP_FILE_PATTERN = /^ketadesk-\d{8}T\d{6}Z\.sqlite$/;

export const backupFileName = z
  .string({ error: 'Choose a backup' })
  .regex(BACKUP_FILE_PATTERN, { error: 'That is not the name of a KetaDesk backup' });

export const backupSummary = z.object({
  file: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  /** The newest change it holds (its newest audit row's time). */
  newestChangeAt: z.string().nullable(),
});
export type BackupSummary = z.output<typeof backupSummary>;

export const backupInspection = backupSummary.extend({
  /** Null when it opened with the clinic's key, passed integrity_check, its audit chain verified and its counts matched. */
  problem: z.string().nullable(),
});
export type BackupInspection = z.output<typeof backupInspection>;

export const backupEvent = z.object({ at: z.string(), detail: z.string().nullable() });

export const backupStatus = z.object({
  folder: z.string().nullable(),
  /** Why the folder cannot be used now (missing, not writable), or null. */
  folderProblem: z.string().nullable(),
  lastGood: backupEvent.nullable(),
  lastFailure: backupEvent.nullable(),
  daily: z.boolean(),
  onClose: z.boolean(),
  keepDaily: z.number().int(),
  keepMonthly: z.number().int(),
  now: z.string(),
});
export type BackupStatus = z.output<typeof backupStatus>;

export const backupConfigure = z.strictObject({
  backupFolder: backupSettingsShape.backupFolder,
  backupDaily: backupSettingsShape.backupDaily,
  backupOnClose: backupSettingsShape.backupOnClose,
  backupKeepDaily: backupSettingsShape.backupKeepDaily,
  backupKeepMonthly: backupSettingsShape.backupKeepMonthly,
});

export const backupRestore = z.strictObject({
  file: backupFileName,
  reason: z.string({ error: 'Give a reason for the restore' }).trim().min(1, { error: 'Give a reason for the restore' }).max(500),
});

export const restoreResult = z.object({
  restoredFrom: z.string(),
  /** The folder in the data folder where the database from before the restore is kept. */
  keptAsideIn: z.string(),
  summary: backupSummary,
});
