import { Alert, Button, Group, PasswordInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SignInChoice } from '../../../shared/auth/status';
import type { BackupInspection, BackupUnlock } from '../../../shared/backup/schemas';
import type { Result } from '../../../shared/result';
import { CLINICIAN_ROLE_LABELS } from '../../../shared/schemas/clinician';
import { useCredentialAttempt } from '../auth/useCredentialAttempt';

type Method = 'passphrase' | 'recovery';

/**
 * A backup made under another database key (a new workstation, a rebuilt key
 * file) is opened with a passphrase one of its clinicians had when it was
 * made, or with the recovery key of the clinic it was made in. The backup is
 * then checked with its own key and its preview shown; nothing changes yet.
 */
export function BackupUnlockForm({ inspect, holders, onUnlocked }: {
  /** Opens and checks the backup with `unlock` (the signed-in restore or the setup screen's). */
  inspect: (unlock: BackupUnlock) => Promise<Result<BackupInspection>>;
  holders: SignInChoice[];
  onUnlocked: (unlock: BackupUnlock, inspection: BackupInspection) => void;
}) {
  const [method, setMethod] = useState<Method>('passphrase');
  const [clinicianId, setClinicianId] = useState<string | null>(holders.length === 1 ? holders[0]!.id : null);
  const [secret, setSecret] = useState('');
  const { error, setError, busy, wait, canTry, attempt } = useCredentialAttempt();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canTry) return;
    if (method === 'passphrase' && !clinicianId) return setError({ code: 'invalid-input', message: 'Choose a clinician of the backup.', field: 'clinicianId' });
    if (!secret.trim()) {
      return setError({ code: 'invalid-input', message: method === 'passphrase' ? 'Type the passphrase.' : 'Type the recovery key.', field: fieldOf(method) });
    }
    const unlock: BackupUnlock = method === 'passphrase' ? { clinicianId: clinicianId!, passphrase: secret } : { recoveryKey: secret };
    await attempt(() => inspect(unlock), (inspection) => onUnlocked(unlock, inspection), () => setSecret(''));
  };

  const fieldError = error && error.field === fieldOf(method) ? `${error.message}${wait > 0 ? ` (${wait} s left)` : ''}` : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label="Open the backup">
      <Stack gap="sm">
        <Alert color="blue" variant="light" title="This backup was made under another database key">
          It comes from another workstation, or from before the key file was rebuilt. To check it and restore it, type a passphrase that
          one of its clinicians had when it was made, or the recovery key of the clinic it was made in.
        </Alert>
        <SegmentedControl
          aria-label="Open the backup with"
          value={method}
          onChange={(v) => {
            setMethod(v as Method);
            setSecret('');
            setError(null);
          }}
          data={[
            { value: 'passphrase', label: 'A clinician’s passphrase' },
            { value: 'recovery', label: 'The recovery key' },
          ]}
        />
        {error && !fieldError && (
          <Alert color={error.code === 'too-many-tries' ? 'orange' : 'red'} variant="light" role="alert">
            {error.message}
            {wait > 0 && ` (${wait} s left)`}
          </Alert>
        )}
        {method === 'passphrase' ? (
          <>
            <Select
              id="backup-unlock-clinician"
              label="Clinician in the backup"
              placeholder="Choose a name"
              data={holders.map((h) => ({
                value: h.id,
                label: `${h.name}${h.credentials ? `, ${h.credentials}` : ''} (${CLINICIAN_ROLE_LABELS[h.role]})`,
              }))}
              value={clinicianId}
              onChange={(v) => {
                setClinicianId(v);
                if (error?.field === 'clinicianId') setError(null);
              }}
              error={error?.field === 'clinicianId' ? error.message : undefined}
              allowDeselect={false}
            />
            <PasswordInput
              key="passphrase"
              id="backup-unlock-passphrase"
              label="Their passphrase when the backup was made"
              autoComplete="off"
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={fieldError}
              errorProps={{ role: 'alert' }}
            />
          </>
        ) : (
          <TextInput
            key="recovery"
            id="backup-unlock-recovery-key"
            label="Recovery key of the clinic the backup was made in"
            placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            error={fieldError}
            errorProps={{ role: 'alert' }}
          />
        )}
        <Text size="xs" c="dimmed">
          Wrong tries are slowed down and then locked for a while, like a wrong sign-in.
        </Text>
        <Group>
          <Button type="submit" loading={busy} disabled={wait > 0}>
            Open the backup
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const fieldOf = (method: Method) => (method === 'passphrase' ? 'passphrase' : 'recoveryKey');
