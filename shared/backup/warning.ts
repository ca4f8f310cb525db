import type { BackupStatus } from './schemas';

/** A backup older than this warns on the board and in settings (issue #14: "older than two days"). */
export const BACKUP_STALE_DAYS = 2;

export type BackupWarning =
  | { kind: 'no-folder' }
  | { kind: 'unreachable'; folder: string; problem: string }
  | { kind: 'failed'; at: string; detail: string | null }
  | { kind: 'none-yet' }
  | { kind: 'stale'; lastGoodAt: string };

/** What is wrong with the clinic's backups now, the most pressing first; null when the last good backup is recent. */
export function backupWarning(status: BackupStatus): BackupWarning | null {
  if (!status.folder) return { kind: 'no-folder' };
  if (status.folderProblem) return { kind: 'unreachable', folder: status.folder, problem: status.folderProblem };
  const { lastGood, lastFailure } = status;
  if (lastFailure && (!lastGood || lastFailure.at > lastGood.at)) return { kind: 'failed', at: lastFailure.at, detail: lastFailure.detail };
  if (!lastGood) return { kind: 'none-yet' };
  if (Date.parse(status.now) - Date.parse(lastGood.at) > BACKUP_STALE_DAYS * 86_400_000) return { kind: 'stale', lastGoodAt: lastGood.at };
  return null;
}
