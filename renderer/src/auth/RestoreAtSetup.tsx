import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { BackupInspection, BackupSummary, BackupUnlock } from '../../../shared/backup/schemas';
import type { ResponseOf } from '../../../shared/contract';
import { call } from '../api/client';
import { formatDateTime } from '../format/dates';
import { GateLayout } from '../screens/GateLayout';
import { BackupPreviewTable } from '../settings/BackupPreviewTable';
import { BackupUnlockForm } from '../settings/BackupUnlockForm';

type Restored = ResponseOf<'backups.restoreForSetup'>;

/**
 * A new installation (the old workstation died, the key file was lost)
 * restores a backup instead of being set up: the backup folder's path, the
 * backup, a passphrase of one of its clinicians or its recovery key, its
 * preview, a reason. Its clinicians and key file come with it, so they sign
 * in afterwards with the passphrases they had.
 */
export function RestoreAtSetup({ onCancel }: { onCancel: () => void }) {
  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [backups, setBackups] = useState<BackupSummary[] | null>(null);
  const [chosen, setChosen] = useState<{ backup: BackupSummary; inspection: BackupInspection | null; unlock: BackupUnlock | null } | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<Restored | null>(null);

  const list = async (e: FormEvent) => {
    e.preventDefault();
    setFolderError(null);
    setChosen(null);
    const result = await call('backups.listForSetup', { folder });
    if (!result.ok) return setFolderError(result.error.message);
    setBackups(result.data);
  };

  const choose = async (backup: BackupSummary) => {
    setChosen({ backup, inspection: null, unlock: null });
    const result = await call('backups.inspectForSetup', { folder, file: backup.file });
    if (result.ok) setChosen({ backup, inspection: result.data, unlock: null });
    else setError(result.error.message);
  };

  const restore = async () => {
    if (!chosen?.unlock) return;
    if (!reason.trim()) return setError('Give a reason for the restore');
    setBusy(true);
    setError(null);
    const result = await call('backups.restoreForSetup', { folder, file: chosen.backup.file, unlock: chosen.unlock, reason: reason.trim() });
    setBusy(false);
    if (result.ok) setRestored(result.data);
    else setError(result.error.message);
  };

  const inspection = chosen?.inspection ?? null;
  return (
    <GateLayout width={620}>
      <Stack gap="md">
        <div>
          <Title order={1}>Restore from a backup</Title>
          <Text size="sm" c="dimmed" mt={6}>
            For a new workstation: the clinic’s records, clinicians and passphrases come back from a KetaDesk backup (a{' '}
            <code>ketadesk-….sqlite</code> file with its <code>.keys</code> and <code>.json</code> files beside it).
          </Text>
        </div>
        {restored ? (
          <Stack gap="md" data-testid="restore-done">
            <Alert color="green" variant="light" title="Restored" role="status">
              The records are those of the backup made {formatDateTime(restored.summary.createdAt)}. Sign in with the passphrase you had
              when it was made. The recovery key sheet of the clinic the backup was made in is the recovery key from now on.
            </Alert>
            <Group>
              <Button onClick={() => window.location.reload()}>Continue to sign in</Button>
            </Group>
          </Stack>
        ) : (
          <>
            <form onSubmit={list} noValidate>
              <Group align="flex-end" gap="sm">
                <TextInput
                  id="setup-restore-folder"
                  label="Backup folder"
                  description="The full path of the folder on the USB disk or network share."
                  style={{ flex: 1 }}
                  value={folder}
                  onChange={(e) => setFolder(e.currentTarget.value)}
                  error={folderError}
                  errorProps={{ role: 'alert' }}
                />
                <Button type="submit" variant="default">
                  Show the backups
                </Button>
              </Group>
            </form>
            {backups && !chosen && (
              backups.length === 0 ? (
                <Text size="sm">There is no KetaDesk backup in this folder.</Text>
              ) : (
                <Table withTableBorder verticalSpacing={4} aria-label="Backups in the folder">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Made</Table.Th>
                      <Table.Th>Patients</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {backups.map((b) => (
                      <Table.Tr key={b.file}>
                        <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                        <Table.Td>{b.counts.patients ?? 0}</Table.Td>
                        <Table.Td>
                          <Button size="xs" variant="default" onClick={() => void choose(b)} aria-label={`Choose the backup of ${formatDateTime(b.createdAt)}`}>
                            Choose
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )
            )}
            {chosen && (
              <>
                <BackupPreviewTable backup={inspection ?? chosen.backup} />
                {error && (
                  <Alert color="red" variant="light" role="alert">
                    {error}
                  </Alert>
                )}
                {inspection?.otherKey && !chosen.unlock && (
                  <BackupUnlockForm
                    holders={inspection.otherKey.holders}
                    inspect={(unlock) => call('backups.inspectForSetup', { folder, file: chosen.backup.file, unlock })}
                    onUnlocked={(unlock, checked) => setChosen({ ...chosen, inspection: checked, unlock })}
                  />
                )}
                {inspection?.problem && (
                  <Alert color="red" variant="light" role="alert" title="This backup cannot be restored">
                    {inspection.problem} Nothing has changed.
                  </Alert>
                )}
                {chosen.unlock && !inspection?.problem && (
                  <>
                    <Text size="sm" role="status">
                      The backup opened with its own key and verified: SQLite’s integrity check, its audit log and its record counts.
                    </Text>
                    <Textarea
                      id="setup-restore-reason"
                      label="Reason for the restore"
                      description="Kept in the restored audit log."
                      withAsterisk
                      maxLength={500}
                      value={reason}
                      onChange={(e) => {
                        setReason(e.currentTarget.value);
                        setError(null);
                      }}
                    />
                    <Group>
                      <Button color="red" onClick={() => void restore()} loading={busy}>
                        Restore this backup
                      </Button>
                    </Group>
                  </>
                )}
                <Anchor component="button" type="button" size="sm" onClick={() => setChosen(null)}>
                  Choose another backup
                </Anchor>
              </>
            )}
            <Anchor component="button" type="button" size="sm" onClick={onCancel}>
              Back to setting up a new clinic
            </Anchor>
          </>
        )}
      </Stack>
    </GateLayout>
  );
}
