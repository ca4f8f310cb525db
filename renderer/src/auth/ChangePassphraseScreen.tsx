import { Stack, Text, Title } from '@mantine/core';
import { GateLayout } from '../screens/GateLayout';
import { ChangePassphraseForm } from './ChangePassphraseForm';

/** After an administrator's reset: the clinician chooses their own passphrase before anything else. */
export function ChangePassphraseScreen() {
  return (
    <GateLayout width={500}>
      <Stack gap="lg">
        <div>
          <Title order={1}>Choose your own passphrase</Title>
          <Text size="sm" c="dimmed" mt={6}>
            An administrator gave you a temporary passphrase. Choose one only you know before you continue.
          </Text>
        </div>
        <ChangePassphraseForm currentLabel="Temporary passphrase" submitLabel="Save and continue" />
      </Stack>
    </GateLayout>
  );
}
