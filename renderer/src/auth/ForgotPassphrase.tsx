import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SignInChoice } from '../../../shared/auth/status';
import { RecoverForm } from './RecoverForm';

/** "Forgot your passphrase?": an administrator resets it; only for an administrator, the recovery key. */
export function ForgotPassphrase({ who, onBack }: { who: SignInChoice; onBack: () => void }) {
  const [recovering, setRecovering] = useState(false);
  return (
    <Stack gap="sm">
      <Title order={2}>Forgot your passphrase?</Title>
      {recovering ? (
        <RecoverForm who={who} onCancel={() => setRecovering(false)} />
      ) : (
        <>
          <Text size="sm">
            Ask an administrator of the clinic to reset it. They give you a temporary passphrase, and you choose your
            own the next time you sign in. Nothing you recorded is lost.
          </Text>
          <Text size="sm">
            If you are an administrator and no other administrator can help, the clinic’s recovery key (the printed
            sheet in the safe) lets you choose a new passphrase.
          </Text>
          <Group justify="space-between" mt="xs">
            <Button variant="default" onClick={onBack}>
              Back to sign-in
            </Button>
            <Button variant="light" onClick={() => setRecovering(true)}>
              Use the recovery key
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
