import { Table } from '@mantine/core';
import type { BackupSummary } from '../../../shared/backup/schemas';
import { formatDateTime } from '../format/dates';

/** The records a clinic recognises, in the order the preview lists them; the manifest counts every table. */
const SHOWN_COUNTS: Array<[table: string, label: string]> = [
  ['patients', 'Patients'],
  ['screenings', 'Screenings'],
  ['consents', 'Consents'],
  ['sessions', 'Sessions'],
  ['questionnaires', 'Questionnaires'],
  ['clinicians', 'Clinicians'],
  ['audit_log', 'Audit log entries'],
];

/** What a backup holds, before anything changes: when it was made, its newest change and its records. */
export function BackupPreviewTable({ backup }: { backup: BackupSummary }) {
  return (
    <Table withTableBorder verticalSpacing={4} aria-label="What the backup holds" data-testid="restore-preview">
      <Table.Tbody>
        <Table.Tr>
          <Table.Th scope="row">Made</Table.Th>
          <Table.Td>{formatDateTime(backup.createdAt)}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Th scope="row">Newest change in it</Table.Th>
          <Table.Td>{backup.newestChangeAt ? formatDateTime(backup.newestChangeAt) : '—'}</Table.Td>
        </Table.Tr>
        {SHOWN_COUNTS.map(([table, label]) => (
          <Table.Tr key={table}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{backup.counts[table] ?? 0}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
