import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Patient } from '../../../shared/schemas/patient';
import { call } from '../api/client';
import { PatientFormFields } from './PatientFormFields';
import { PATIENT_FORM_FIELDS, emptyPatientForm } from './patientFormModel';
import { submitOnModEnter } from './submitOnModEnter';
import { usePatientForm, usePatientSave } from './usePatientForm';

const ID = 'new-patient';

/**
 * Creates a patient. When the server refuses (e.g. the MRN is taken), its
 * message is shown on the field it names and everything typed stays.
 */
export function PatientCreateForm({ onCreated, onCancel }: { onCreated: (p: Patient) => void; onCancel: () => void }) {
  const form = usePatientForm(emptyPatientForm);
  const { submit, saving, formError } = usePatientSave(
    form,
    ID,
    PATIENT_FORM_FIELDS,
    (_values, fields) => call('patients.create', fields),
    onCreated,
  );

  return (
    <form onSubmit={submit} onKeyDown={submitOnModEnter} noValidate aria-label="New patient">
      <Paper withBorder p="lg">
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {formError.message}
            </Alert>
          )}
          <PatientFormFields form={form} idPrefix={ID} autoFocus />
          <Group justify="flex-end" gap="xs">
            <Text size="xs" c="dimmed" mr="auto">
              Enter saves (Ctrl+Enter in notes).
            </Text>
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Save patient
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
