import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { backupConfigure, type BackupStatus, type BackupSummary } from '../../../shared/backup/schemas';
import { BACKUP_SETTING_DEFAULTS } from '../../../shared/schemas/backup-settings';
import { call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useCan } from '../app/useCan';
import { BackupWarning } from '../components/BackupWarning';
import { formatDateTime } from '../format/dates';
import { zodValidate } from '../forms/zodForm';
import { RestoreBackupModal } from './RestoreBackupModal';

type Values = {
  backupFolder: string;
  backupDaily: boolean;
  backupOnClose: boolean;
  backupKeepDaily: number;
  backupKeepMonthly: number;
};

const toInput = (v: Values) => ({ ...v, backupFolder: v.backupFolder.trim() || null });
const valuesOf = (s: BackupStatus): Values => ({
  backupFolder: s.folder ?? '', backupDaily: s.daily, backupOnClose: s.onClose, backupKeepDaily: s.keepDaily, backupKeepMonthly: s.keepMonthly,
});
/** Only the desktop app can open the system's folder dialog; in browser mode the path is typed. */
const hasNativeDialog = () => Boolean(window.ketadesk);

/** Settings → Backups: where backups go, when, how many are kept, the last good one, and restoring one. */
export function BackupSection() {
  const status = useLoad('backups.status', {}, 'backups');
  const canConfigure = useCan('backups.configure');
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="backups-title" maw={860}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id="backups-title">
            Backups
          </Title>
          <Text size="sm" c="dimmed">
            Verified, encrypted copies of the clinic’s records in a folder you choose, such as a USB disk or a network share. Any current
            passphrase or the recovery key opens them.
          </Text>
        </div>
        {status.loaded.state === 'failed' && (
          <Alert color="red" variant="light" role="alert">
            {status.loaded.error.message}
          </Alert>
        )}
        {status.loaded.state === 'ready' && (
          <BackupPanel
            status={status.loaded.data}
            canConfigure={canConfigure.allowed}
            onStatus={(s) => status.setLoaded({ state: 'ready', data: s })}
            reload={status.reload}
          />
        )}
      </Stack>
    </Paper>
  );
}

function BackupPanel({ status, canConfigure, onStatus, reload }: {
  status: BackupStatus;
  canConfigure: boolean;
  onStatus: (s: BackupStatus) => void;
  reload: () => void;
}) {
  const [running, setRunning] = useState(false);
  const [listKey, setListKey] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const runNow = async () => {
    setRunning(true);
    setError(null);
    const result = await call('backups.runNow', {});
    setRunning(false);
    if (!result.ok) setError(result.error.message);
    else notifications.show({ color: 'clinic', title: 'Backup made and verified', message: `${formatDateTime(result.data.createdAt)}` });
    reload();
    setListKey((k) => k + 1);
  };

  return (
    <Stack gap="md">
      <BackupWarning status={status} />
      <Text data-testid="last-good-backup">
        <Text span fw={600}>
          Last good backup:
        </Text>{' '}
        {status.lastGood ? formatDateTime(status.lastGood.at) : 'none yet'}
      </Text>
      {error && (
        <Alert color="red" variant="light" role="alert" title="Backup failed">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={runNow} loading={running} disabled={!status.folder}>
          Back up now
        </Button>
      </Group>
      {canConfigure ? (
        <BackupSettingsForm status={status} onSaved={(s) => {
          onStatus(s);
          setListKey((k) => k + 1);
        }} />
      ) : (
        <Text size="sm" c="dimmed">
          Only an administrator may choose the backup folder or restore a backup. Folder: {status.folder ?? 'none chosen'}.
        </Text>
      )}
      {canConfigure && status.folder && !status.folderProblem && <BackupList key={listKey} />}
    </Stack>
  );
}

function BackupSettingsForm({ status, onSaved }: { status: BackupStatus; onSaved: (s: BackupStatus) => void }) {
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(status), validate: zodValidate<Values>(backupConfigure, toInput) });

  const choose = async () => {
    const picked = await call('backups.pickFolder', {});
    if (picked.ok && picked.data.path) form.setFieldValue('backupFolder', picked.data.path);
  };

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    setFormError(null);
    const result = await call('backups.configure', toInput(values));
    setSaving(false);
    if (!result.ok) {
      if (result.error.field && result.error.field in values) form.setFieldError(result.error.field, result.error.message);
      else setFormError(result.error.message);
      return;
    }
    form.resetDirty(valuesOf(result.data));
    onSaved(result.data);
    notifications.show({ color: 'clinic', title: 'Backup settings saved', message: 'Backups now go to the chosen folder.' });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            id="settings-backupFolder"
            label="Backup folder"
            description="The full path of a folder on a USB disk or a network share. KetaDesk checks that it exists and that it may write there. Default: none."
            placeholder="/media/clinic-usb/ketadesk-backups"
            style={{ flex: 1 }}
            {...form.getInputProps('backupFolder')}
          />
          {hasNativeDialog() && (
            <Button variant="default" onClick={choose}>
              Choose…
            </Button>
          )}
        </Group>
        <Group gap="xl">
          <Switch label="Back up every day the app is used (default: on)" {...form.getInputProps('backupDaily', { type: 'checkbox' })} />
          <Switch label="Back up when the app closes (default: on)" {...form.getInputProps('backupOnClose', { type: 'checkbox' })} />
        </Group>
        <Group gap="xl" align="flex-start">
          <KeepCount form={form} field="backupKeepDaily" label="Daily backups kept" each="day" min={1} max={60} />
          <KeepCount form={form} field="backupKeepMonthly" label="Monthly backups kept" each="month" min={0} max={36} />
        </Group>
        <Group>
          <Button type="submit" loading={saving} disabled={!form.isDirty()}>
            Save backup settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** How many of the day's or month's newest backups are kept; the schema gives the same limits. */
function KeepCount({ form, field, label, each, min, max }: {
  form: UseFormReturnType<Values>;
  field: 'backupKeepDaily' | 'backupKeepMonthly';
  label: string;
  each: 'day' | 'month';
  min: number;
  max: number;
}) {
  return (
    <NumberInput
      id={`settings-${field}`}
      label={label}
      description={`The newest of each ${each}. Default: ${BACKUP_SETTING_DEFAULTS[field]}.`}
      w={240}
      min={min}
      max={max}
      allowDecimal={false}
      allowNegative={false}
      clampBehavior="none"
      {...form.getInputProps(field)}
    />
  );
}

const patientsIn = (b: BackupSummary) => b.counts.patients ?? 0;
const sessionsIn = (b: BackupSummary) => b.counts.sessions ?? 0;

function BackupList() {
  const list = useLoad('backups.list', {}, 'backups-list');
  const [restoring, setRestoring] = useState<BackupSummary | null>(null);
  if (list.loaded.state === 'loading') return null;
  if (list.loaded.state === 'failed') return <Text c="red">{list.loaded.error.message}</Text>;
  const backups = list.loaded.data;
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        Backups in the folder
      </Title>
      {backups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No backups in this folder yet.
        </Text>
      ) : (
        <Table striped withTableBorder aria-label="Backups in the folder">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Made</Table.Th>
              <Table.Th>Patients</Table.Th>
              <Table.Th>Sessions</Table.Th>
              <Table.Th>Newest change</Table.Th>
              <Table.Th>
                <VisuallyHidden>Action</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.file}>
                <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td>{patientsIn(b)}</Table.Td>
                <Table.Td>{sessionsIn(b)}</Table.Td>
                <Table.Td>{b.newestChangeAt ? formatDateTime(b.newestChangeAt) : '—'}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="default" onClick={() => setRestoring(b)} aria-label={`Restore the backup of ${formatDateTime(b.createdAt)}`}>
                    Restore…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {restoring && <RestoreBackupModal backup={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}
