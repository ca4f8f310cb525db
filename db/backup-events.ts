import type { Store } from './store';

// Backups are recorded as security events in the audit log ("backup-written",
// "backup-failed"), so the last good backup is known even while the backup
// disk is unplugged, and every failure stays on the record.

export const BACKUP_WRITTEN = 'backup-written';
export const BACKUP_FAILED = 'backup-failed';

export interface BackupEventRow {
  at: string;
  detail: string | null;
}

/** The newest security event with this action, or null. */
export function lastBackupEvent(store: Store, action: typeof BACKUP_WRITTEN | typeof BACKUP_FAILED): BackupEventRow | null {
  const row = store.db
    .prepare<[string], BackupEventRow>(
      "SELECT at, reason AS detail FROM audit_log WHERE entity = 'security' AND action = ? ORDER BY seq DESC LIMIT 1",
    )
    .get(action);
  return row ?? null;
}
