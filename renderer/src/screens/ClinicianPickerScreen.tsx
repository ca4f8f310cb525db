import { Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ClinicianChoice, useClinicianChoice } from '../app/ClinicianChoice';
import { useWorkspace } from '../app/workspace';
import { ClinicianForm } from '../forms/ClinicianForm';
import { GateLayout } from './GateLayout';

/** "Who is working?" — pick from the list, or add a new clinician. */
export function ClinicianPickerScreen() {
  const { current, switching, cancelSwitch, createAndSelect } = useWorkspace();
  const [adding, setAdding] = useState(false);
  const choice = useClinicianChoice();

  return (
    <GateLayout>
      {adding ? (
        <Stack gap="lg">
          <div>
            <Title order={1}>Add clinician</Title>
            <Text size="sm" c="dimmed" mt={6}>
              They will be working as soon as they are added.
            </Text>
          </div>
          <ClinicianForm
            submitLabel="Add and start working"
            onSubmit={createAndSelect}
            onCancel={() => setAdding(false)}
            idPrefix="add-clinician"
          />
        </Stack>
      ) : (
        <Stack gap="md">
          <div>
            <Title order={1}>Who is working?</Title>
            <Text size="sm" c="dimmed" mt={6}>
              Records and changes you make are signed with this name.
            </Text>
          </div>
          <ClinicianChoice choice={choice} />
          <Text size="xs" c="dimmed">
            Use ↑ ↓ or Tab to move, Enter to choose.
          </Text>
          <Divider />
          <Group justify="space-between" wrap="nowrap">
            <Button variant="default" onClick={() => setAdding(true)}>
              Add clinician
            </Button>
            {switching && current && (
              <Button variant="subtle" onClick={cancelSwitch}>
                Cancel
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </GateLayout>
  );
}
