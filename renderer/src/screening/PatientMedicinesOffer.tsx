import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import type { Patient } from '../../../shared/schemas/patient';
import type { Medication } from '../../../shared/screening';
import { patientAmendedMeaning } from '../../../shared/auth/meanings';
import { call } from '../api/client';
import { useSignature } from '../app/signature';

const REASON = 'Medicine list updated from a screening';

const sameList = (a: readonly Medication[], b: readonly Medication[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The screening's medicines against the patient's record. When they differ,
 * offers to make them the patient's current list: an amendment of the record,
 * with its reason, like any other patient field.
 */
export function PatientMedicinesOffer({ patient, medications }: { patient: Patient; medications: readonly Medication[] }) {
  const [recorded, setRecorded] = useState<readonly Medication[]>(patient.medicines);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { sign, dialog: signatureDialog } = useSignature();
  if (sameList(recorded, medications)) {
    return (
      <Text size="xs" c="dimmed" mt={4} data-testid="medicines-on-record">
        The same as the patient’s medicine list on record.
      </Text>
    );
  }

  const update = async () => {
    setBusy(true);
    setError(null);
    // The latest version of the record, so a change made elsewhere is kept, not overwritten.
    const latest = await call('patients.get', { id: patient.id });
    if (!latest.ok) {
      setBusy(false);
      setError(latest.error.message);
      return;
    }
    const { id, version, createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, ...fields } = latest.data;
    // An amendment of the record, so it is signed like any other.
    const amended = await sign([patientAmendedMeaning(REASON)], (signature) =>
      call('patients.amend', { id, expectedVersion: version, fields: { ...fields, medicines: [...medications] }, reason: REASON, signature }));
    setBusy(false);
    if (!amended) return;
    if (!amended.ok) setError(amended.error.message);
    else setRecorded(amended.data.medicines);
  };

  return (
    <div data-testid="medicines-offer">
      <Group gap="xs" mt={6} wrap="nowrap" align="center">
        <Text size="xs" style={{ flex: 1 }}>
          {recorded.length === 0 ? 'The patient’s record lists no medicines.' : 'This list differs from the patient’s medicine list on record.'}
        </Text>
        <Button size="compact-xs" variant="default" loading={busy} onClick={() => void update()}>
          Update the patient’s list
        </Button>
      </Group>
      {error && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
      {signatureDialog}
    </div>
  );
}
