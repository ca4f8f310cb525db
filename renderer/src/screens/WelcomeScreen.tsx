import { Stack, Text, Title } from '@mantine/core';
import { useWorkspace } from '../app/workspace';
import { ClinicianForm } from '../forms/ClinicianForm';
import { GateLayout } from './GateLayout';

/** First start: no clinicians yet. One calm step: say who you are, then start. */
export function WelcomeScreen() {
  const { createAndSelect } = useWorkspace();
  return (
    <GateLayout>
      <Stack gap="lg">
        <div>
          <Title order={1}>Welcome to KetaDesk</Title>
          <Text size="sm" c="dimmed" mt={6}>
            Every record and change is signed with the name of the clinician working. Start by adding
            yourself; colleagues can be added later.
          </Text>
        </div>
        <ClinicianForm submitLabel="Start working" onSubmit={createAndSelect} idPrefix="welcome" />
      </Stack>
    </GateLayout>
  );
}
