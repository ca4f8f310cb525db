import { Alert, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Clinician } from '../../../shared/schemas/clinician';
import { AppModal } from '../components/AppModal';
import { ClinicianList } from '../components/ClinicianList';
import { useWorkspace } from './workspace';

/** Asks again who is working, over the screen as it is, so a form in progress keeps what was typed. */
export function ReselectClinicianModal() {
  const { clinicians, current, select } = useWorkspace();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (c: Clinician) => {
    setBusyId(c.id);
    setError(null);
    const result = await select(c.id);
    setBusyId(null);
    if (!result.ok) setError(result.error.message);
  };

  return (
    <AppModal
      title="Who is working?"
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size={460}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          KetaDesk was restarted and needs to know again who is working. Nothing you typed has been lost; if you
          were saving, save again after choosing.
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <ClinicianList clinicians={clinicians} currentId={current?.id ?? null} onPick={pick} busyId={busyId} />
      </Stack>
    </AppModal>
  );
}
