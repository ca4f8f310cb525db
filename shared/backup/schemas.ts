import { z } from 'zod';
import { signInChoice } from '../auth/status';
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

/**
 * What opens a backup made under another database key (a new workstation, a
 * rebuilt key file): a passphrase of a clinician in that backup, or the
 * recovery key of the clinic it was made in.
 */
export const backupUnlock = z.union([
  z.strictObject({
    clinicianId: z.string({ error: 'Choose a clinician of the backup' }).min(1, { error: 'Choose a clinician of the backup' }),
    passphrase: z.string({ error: 'Enter the passphrase' }).min(1, { error: 'Enter the passphrase' }).max(1024),
  }),
  z.strictObject({
    recoveryKey: z.string({ error: 'Enter the recovery key' }).trim().min(1, { error: 'Enter the recovery key' }).max(100),
  }),
]);
export type BackupUnlock = z.output<typeof backupUnlock>;

export const backupInspect = z.strictObject({ file: backupFileName, unlock: backupUnlock.optional() });

export const backupInspection = backupSummary.extend({
  /** Null when it opened with the clinic's key, passed integrity_check, its audit chain verified and its counts matched. */
  problem: z.string().nullable(),
  /**
   * Set when the backup was made under another database key: the clinicians
   * whose passphrase opens it (names from its key file), and whether the
   * request's passphrase or recovery key opened it (only then is `problem` the
   * result of checking the file).
   */
  otherKey: z.object({ holders: z.array(signInChoice), unlocked: z.boolean() }).nullable(),
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
  /** Needed for a backup made under another database key (see backupUnlock). */
  unlock: backupUnlock.optional(),
  reason: z.string({ error: 'Give a reason for the restore' }).trim().min(1, { error: 'Give a reason for the restore' }).max(500),
});

export const restoreResult = z.object({
  restoredFrom: z.string(),
  /** The folder in the data folder where the database from before the restore is kept. */
  keptAsideIn: z.string(),
  summary: backupSummary,
  /** The backup's own key file was installed: its clinicians sign in with their passphrases from then. */
  keyFileRestored: z.boolean(),
});

/** A backup folder typed on the setup screen of a new installation (there are no clinic settings yet). */
const setupFolder = z
  .string({ error: 'Type the full path of the backup folder' })
  .trim()
  .min(1, { error: 'Type the full path of the backup folder' })
  .max(1000, { error: 'The path is too long' });

export const setupBackupList = z.strictObject({ folder: setupFolder });
export const setupBackupInspect = z.strictObject({ folder: setupFolder, file: backupFileName, unlock: backupUnlock.optional() });
export const setupBackupRestore = z.strictObject({
  folder: setupFolder,
  file: backupFileName,
  /** A new installation has no key of its own: the backup's clinician's passphrase or its recovery key always opens it. */
  unlock: backupUnlock,
  reason: backupRestore.shape.reason,
});
