import { Alert, Button, Group, Loader, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { backupRestoredMeaning } from '../../../shared/auth/meanings';
import type { BackupInspection, BackupSummary, BackupUnlock } from '../../../shared/backup/schemas';
import type { ResponseOf } from '../../../shared/contract';
import { useLoad } from '../api/useLoad';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { AppModal } from '../components/AppModal';
import { formatDateTime } from '../format/dates';
import { BackupPreviewTable } from './BackupPreviewTable';
import { BackupUnlockForm } from './BackupUnlockForm';

type Restored = ResponseOf<'backups.restore'>;

/**
 * Restore…: first what the backup holds and whether it verifies (nothing has
 * changed yet), then a reason and an electronic signature. A backup made
 * under another database key is first opened with a passphrase or recovery
 * key of its own (BackupUnlockForm). After a restore the app reloads, so no
 * screen shows records from before it.
 */
export function RestoreBackupModal({ backup, onClose }: { backup: BackupSummary; onClose: () => void }) {
  const inspection = useLoad('backups.inspect', { file: backup.file }, backup.file);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState<Restored | null>(null);
  const [unlocked, setUnlocked] = useState<{ unlock: BackupUnlock; inspection: BackupInspection } | null>(null);
  const data = unlocked?.inspection ?? (inspection.loaded.state === 'ready' ? inspection.loaded.data : null);
  const otherKey = data?.otherKey ?? null;
  const { sign, signing, dialog } = useSignature();

  const restore = async () => {
    if (!reason.trim()) {
      setReasonError('Give a reason for the restore');
      return;
    }
    setBusy(true);
    setError(null);
    const result = await sign([backupRestoredMeaning(backup.file, reason.trim())], (signature) =>
      call('backups.restore', { file: backup.file, reason: reason.trim(), unlock: unlocked?.unlock, signature }));
    setBusy(false);
    if (!result) return;
    if (!result.ok) setError(result.error.message);
    else setRestored(result.data);
  };

  const title = `Restore the backup of ${formatDateTime(backup.createdAt)}`;
  return (
    <>
      <AppModal title={title} onClose={restored ? () => window.location.reload() : onClose} size="lg" closeOnEscape={!signing && !busy}>
        {restored ? (
          <Stack gap="md" data-testid="restore-done">
            <Alert color="green" variant="light" title="Restored" role="status">
              The clinic’s records are now those of the backup made {formatDateTime(restored.summary.createdAt)}. The records from before the
              restore are kept in the data folder, in {restored.keptAsideIn}
              {restored.keyFileRestored ? ', with their key file.' : '.'}
              {restored.keyFileRestored &&
                ' The clinicians are now those of the backup: sign in with the passphrase you had when it was made. Keep the recovery key sheet of that clinic; it is the recovery key from now on.'}
            </Alert>
            <Group>
              <Button onClick={() => window.location.reload()}>
                {restored.keyFileRestored ? 'Continue to sign in' : 'Continue with the restored records'}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="md">
            {inspection.loaded.state === 'loading' && (
              <Group gap="xs">
                <Loader size="sm" />
                <Text>Checking the backup: it is opened, its integrity and audit log are verified and its records counted…</Text>
              </Group>
            )}
            {inspection.loaded.state === 'failed' && (
              <Alert color="red" variant="light" role="alert" title="This backup cannot be read">
                {inspection.loaded.error.message}
              </Alert>
            )}
            {data && (
              <>
                <BackupPreviewTable backup={data} />
                {otherKey && !otherKey.unlocked && (
                  <Text size="sm" c="dimmed">
                    As the backup’s manifest says; the file itself is checked once it is opened.
                  </Text>
                )}
                {otherKey && !otherKey.unlocked ? (
                  <BackupUnlockForm inspect={(unlock) => call('backups.inspect', { file: backup.file, unlock })} holders={otherKey.holders} onUnlocked={(unlock, checked) => setUnlocked({ unlock, inspection: checked })} />
                ) : data.problem ? (
                  <Alert color="red" variant="light" role="alert" title="This backup cannot be restored">
                    {data.problem} Nothing has changed.
                  </Alert>
                ) : (
                  <>
                    <Alert color="orange" variant="light" title="What a restore does">
                      The records go back to this backup: everything entered after {formatDateTime(data.createdAt)} leaves the
                      working records. The current records are kept aside in the data folder, not deleted. The restore is signed and audited.
                      {otherKey &&
                        ' It keeps its own database key: its clinicians and their passphrases, and its recovery key, replace this workstation’s (whose key file is kept aside too), and you will be signed out.'}
                    </Alert>
                    {error && (
                      <Alert color="red" variant="light" role="alert">
                        {error}
                      </Alert>
                    )}
                    <Textarea
                      id="restore-reason"
                      label="Reason for the restore"
                      description="Kept in the audit log with your signature."
                      withAsterisk
                      maxLength={500}
                      value={reason}
                      error={reasonError}
                      onChange={(e) => {
                        setReason(e.currentTarget.value);
                        setReasonError(null);
                      }}
                    />
                    <Group>
                      <Button color="red" onClick={restore} loading={busy}>
                        Restore this backup
                      </Button>
                      <Button variant="default" onClick={onClose}>
                        Cancel
                      </Button>
                    </Group>
                  </>
                )}
              </>
            )}
          </Stack>
        )}
      </AppModal>
      {dialog}
    </>
  );
}
