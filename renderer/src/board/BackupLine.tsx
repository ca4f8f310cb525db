import { backupWarning } from '../../../shared/backup/warning';
import { BackupWarning, useBackupStatus } from '../components/BackupWarning';
import { formatDateTime } from '../format/dates';
import { BoardLine, BoardSection, StatusBadge } from './BoardParts';

/** The last good backup, and the settings' warning when it is old or the folder cannot be reached (issue #14 point 1). */
export function BackupLine({ refresh, onOpen }: { refresh: unknown; onOpen: () => void }) {
  const status = useBackupStatus(refresh);
  if (!status) return null;
  const warning = backupWarning(status);
  return (
    <BoardSection id="board-backup" title="Backups" count={1} urgent={warning ? 1 : 0} urgentWord="warning" empty="">
      <BoardLine
        testId="board-backup-line"
        urgent={warning !== null}
        onOpen={onOpen}
        name="Last good backup"
        detail={status.lastGood ? formatDateTime(status.lastGood.at) : 'None yet'}
        side={warning ? <StatusBadge tone="urgent">Needs attention</StatusBadge> : <StatusBadge tone="info">Up to date</StatusBadge>}
      />
      {warning && (
        <li style={{ padding: '0 12px 12px' }}>
          <BackupWarning status={status} />
        </li>
      )}
    </BoardSection>
  );
}
