import { Button, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import { CLINICIAN_ROLE_LABELS } from '../../../shared/schemas/clinician';
import { useWorkspace } from '../app/workspace';
import { ChangePassphraseModal } from './ChangePassphraseModal';
import { SetPinModal } from './SetPinModal';

type Dialog = 'pin' | 'passphrase' | null;

/** Who is signed in, always visible in the header, with the lock and the rest of their sign-in. */
export function UserMenu() {
  const { current, lockNow, signOut, startSwitch } = useWorkspace();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!current) return null;

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <Button variant="default" size="compact-md" h={40} aria-label={`Signed in: ${current.name}. Account menu`} data-testid="user-menu">
            <div style={{ textAlign: 'left' }}>
              <Text size="sm" fw={600} lh={1.2} data-testid="working-clinician">
                {current.name}
                {current.credentials ? `, ${current.credentials}` : ''}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {CLINICIAN_ROLE_LABELS[current.role]}
                {current.isAdmin ? ' · administrator' : ''}
              </Text>
            </div>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void lockNow()}>Lock screen</Menu.Item>
          <Menu.Item onClick={startSwitch}>Switch clinician</Menu.Item>
          <Menu.Item onClick={() => setDialog('pin')}>Set a PIN…</Menu.Item>
          <Menu.Item onClick={() => setDialog('passphrase')}>Change passphrase…</Menu.Item>
          <Menu.Item onClick={() => void signOut()}>Sign out</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {dialog === 'pin' && <SetPinModal onClose={() => setDialog(null)} />}
      {dialog === 'passphrase' && <ChangePassphraseModal onClose={() => setDialog(null)} />}
    </>
  );
}
