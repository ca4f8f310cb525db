import { Alert, Button } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/backup/schemas';
import { backupWarning, BACKUP_STALE_DAYS, type BackupWarning as Warning } from '../../../shared/backup/warning';
import { call } from '../api/client';
import { formatDateTime } from '../format/dates';

/** The title and sentence for what is wrong with the clinic's backups, for the board, the settings and the header. */
export function backupWarningWords(w: Warning): { title: string; message: string } {
  switch (w.kind) {
    case 'no-folder':
      return {
        title: 'No backup folder chosen',
        message: 'The clinic’s records are not being backed up. An administrator chooses a folder (a USB disk or a network share) in Settings → Backups.',
      };
    case 'unreachable':
      return { title: 'The backup folder cannot be reached', message: `${w.folder}: ${w.problem}` };
    case 'failed':
      return { title: 'The last backup failed', message: `${formatDateTime(w.at)}: ${w.detail ?? 'no detail was recorded'}` };
    case 'none-yet':
      return { title: 'No backup yet', message: 'No backup has been made yet. Press “Back up now”.' };
    case 'stale':
      return {
        title: `The last good backup is more than ${BACKUP_STALE_DAYS} days old`,
        message: `The last good backup is from ${formatDateTime(w.lastGoodAt)}. Plug in the backup disk, or press “Back up now”.`,
      };
  }
}

/** The backup status, read once when shown; `null` until it answers (or when the records are closed). */
export function useBackupStatus(refresh: unknown = null): BackupStatus | null {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    let live = true;
    void call('backups.status', {}).then((r) => live && setStatus(r.ok ? r.data : null));
    return () => {
      live = false;
    };
  }, [refresh]);
  return status;
}

/**
 * A warning about the clinic's backups, or nothing when the last good one is
 * recent. Made to be reused: the settings show it, and so will today's board.
 */
export function BackupWarning({ status, onOpenSettings }: { status: BackupStatus; onOpenSettings?: () => void }) {
  const warning = backupWarning(status);
  if (!warning) return null;
  const { title, message } = backupWarningWords(warning);
  return (
    <Alert color="orange" variant="light" title={title} data-testid="backup-warning" role="status">
      {message}
      {onOpenSettings && (
        <Button variant="subtle" size="compact-sm" ml="xs" onClick={onOpenSettings}>
          Open backup settings
        </Button>
      )}
    </Alert>
  );
}

/** Kinds the header shows to administrators: backups that were set up and have stopped working. */
const HEADER_KINDS: ReadonlySet<Warning['kind']> = new Set(['stale', 'failed', 'unreachable']);

/** A compact warning in the app header, for administrators, when backups have stopped working; opens the settings. */
export function HeaderBackupWarning({ refresh, onOpen }: { refresh: unknown; onOpen: () => void }) {
  const status = useBackupStatus(refresh);
  const warning = status && backupWarning(status);
  if (!warning || !HEADER_KINDS.has(warning.kind)) return null;
  const { title, message } = backupWarningWords(warning);
  return (
    <Button color="orange" variant="light" size="compact-sm" onClick={onOpen} title={message} data-testid="header-backup-warning">
      {title}
    </Button>
  );
}
