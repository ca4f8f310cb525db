import { Alert } from '@mantine/core';
import { useState } from 'react';
import type { Clinician } from '../../../shared/schemas/clinician';
import { ClinicianList } from '../components/ClinicianList';
import { useWorkspace } from './workspace';

/**
 * Choosing who is working: which clinician is being selected, and why the last
 * choice failed. Held by the screen, so it outlives the list being shown.
 */
export function useClinicianChoice() {
  const { select } = useWorkspace();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (c: Clinician) => {
    setBusyId(c.id);
    setError(null);
    const result = await select(c.id);
    setBusyId(null);
    if (!result.ok) setError(result.error.message);
  };

  return { busyId, error, pick };
}

/** The clinicians to choose from, with the last failure above them. */
export function ClinicianChoice({ choice }: { choice: ReturnType<typeof useClinicianChoice> }) {
  const { clinicians, current } = useWorkspace();
  return (
    <>
      {choice.error && (
        <Alert color="red" variant="light" role="alert">
          {choice.error}
        </Alert>
      )}
      <ClinicianList clinicians={clinicians} currentId={current?.id ?? null} onPick={choice.pick} busyId={choice.busyId} />
    </>
  );
}
