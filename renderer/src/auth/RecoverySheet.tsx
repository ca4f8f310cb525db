import { Button, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLoad } from '../api/useLoad';
import { useWorkspace } from '../app/workspace';
import { formatDate } from '../format/dates';
import classes from './RecoverySheet.module.css';

/**
 * The recovery key, shown once after setup on a sheet to print and keep in
 * the clinic's safe. Nothing goes on until the administrator says it is put away.
 */
export function RecoverySheet({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { auth, current } = useWorkspace();
  const settings = useLoad('settings.get', {}, 'recovery-sheet-settings');
  const [stored, setStored] = useState(false);
  const clinicName = settings.loaded.state === 'ready' ? settings.loaded.data.clinicName : '';
  const today = (auth?.now ?? new Date().toISOString()).slice(0, 10);

  return (
    <main className={classes.stage}>
      <Paper className={`${classes.confirm} ${classes.screenOnly}`} withBorder p="md" mb="md">
        <Stack gap="xs">
          <Title order={1}>Print the recovery key</Title>
          <Text size="sm">
            This is the only time KetaDesk shows this key. Print this sheet and put it in the clinic’s safe before you
            go on.
          </Text>
          <Group>
            <Button onClick={() => window.print()}>Print…</Button>
          </Group>
        </Stack>
      </Paper>

      <article className={classes.sheet} aria-labelledby="recovery-title" data-testid="recovery-sheet">
        <Text size="sm" c="dimmed">
          KetaDesk · {clinicName || 'this clinic'}
        </Text>
        <Title order={2} id="recovery-title" mt={4}>
          Recovery key — keep in the clinic’s safe
        </Title>
        <div className={classes.key} aria-label={`Recovery key: ${recoveryKey}`} role="group" data-testid="recovery-key">
          {recoveryKey.split('-').map((group, i) => (
            <span key={i}>{group}</span>
          ))}
        </div>
        <dl className={classes.facts}>
          <dt>Clinic</dt>
          <dd>{clinicName || 'Not named yet (Settings)'}</dd>
          <dt>Created</dt>
          <dd>
            {formatDate(today)}
            {current ? `, at setup by ${current.name}` : ''}
          </dd>
          <dt>Data folder</dt>
          <dd>{auth?.dataDir}</dd>
        </dl>
        <Title order={3} mt="lg">
          What it is for
        </Title>
        <Text>
          The clinic’s records are encrypted. Each clinician’s passphrase opens them, and so does this key. It is the
          only way back in when every administrator has forgotten their passphrase: on the sign-in screen choose
          “Forgot your passphrase?”, then type this key and a new passphrase for an administrator.
        </Text>
        <Title order={3} mt="lg">
          Where to keep it
        </Title>
        <List spacing={4}>
          <List.Item>In the clinic’s safe or a locked drawer, away from the computer.</List.Item>
          <List.Item>
            Not on the computer, not in an email, not as a photo: anyone with this key and a copy of the data folder
            can read every patient record.
          </List.Item>
          <List.Item>If it is lost, an administrator can still sign in; if it may have been seen, tell the administrator.</List.Item>
        </List>
        <Text size="sm" c="dimmed" mt="lg">
          Letters and digits only; 0 is zero and 1 is one. Dashes and spaces do not matter when it is typed.
        </Text>
      </article>

      <Paper className={`${classes.confirm} ${classes.screenOnly}`} withBorder p="md">
        <Group justify="space-between" wrap="nowrap">
          <Checkbox
            label="I have printed it and put it somewhere safe"
            checked={stored}
            onChange={(e) => setStored(e.currentTarget.checked)}
          />
          <Button disabled={!stored} onClick={onDone}>
            Continue to KetaDesk
          </Button>
        </Group>
      </Paper>
    </main>
  );
}
