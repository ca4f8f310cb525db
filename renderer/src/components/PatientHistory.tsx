import { Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { Signature } from '../../../shared/auth/status';
import type { AuditEntry } from '../../../shared/schemas/audit';
import { formatDateTime } from '../format/dates';
import { actionLabel, patientChanges, signedHistory } from '../format/history';
import { ChangeTable } from './ChangeTable';
import { SignatureLines } from './SignatureLines';
import classes from './PatientHistory.module.css';

/** Every change to the record, newest first: when, who, what, why, and each field's before → after. */
export function PatientHistory({ entries }: { entries: AuditEntry[] }) {
  const newestFirst = signedHistory(entries).reverse();
  return (
    <Stack gap="sm" component="ol" className={classes.list} aria-label="Record history">
      {newestFirst.map(({ entry, signatures }) => (
        <HistoryEntry key={entry.seq} entry={entry} signatures={signatures} />
      ))}
    </Stack>
  );
}

function HistoryEntry({ entry: e, signatures }: { entry: AuditEntry; signatures: Signature[] }) {
  const changes = e.action === 'create' ? [] : patientChanges(e.before, e.after);
  return (
    <Paper component="li" withBorder p="sm" className={classes.entry} data-action={e.action} data-testid="history-entry">
      <Group justify="space-between" align="baseline" wrap="nowrap">
        <Text size="sm">
          <Text span fw={700}>
            {actionLabel(e.action)}
          </Text>{' '}
          by{' '}
          <Text span fw={600}>
            {e.clinicianName ?? 'Unknown clinician'}
          </Text>
        </Text>
        <Text size="sm" c="dimmed" component="time" dateTime={e.at}>
          {formatDateTime(e.at)}
        </Text>
      </Group>
      {e.reason && (
        <Text size="sm" mt={4} data-testid="history-reason">
          <Text span c="dimmed">
            Reason:{' '}
          </Text>
          {e.reason}
        </Text>
      )}
      {e.action === 'create' ? (
        <Text size="sm" c="dimmed" mt={4}>
          Record created.
        </Text>
      ) : changes.length > 0 ? (
        <Box mt="xs">
          <ChangeTable changes={changes} />
        </Box>
      ) : null}
      {signatures.length > 0 && (
        <Box mt="xs">
          <SignatureLines signatures={signatures} title="Signed" />
        </Box>
      )}
    </Paper>
  );
}
