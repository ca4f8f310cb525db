import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Patient } from '../../../shared/schemas/patient';
import { call } from '../api/client';
import { PatientFormFields } from './PatientFormFields';
import { PATIENT_FORM_FIELDS, emptyPatientForm, patientFormToFields } from './patientFormModel';
import { focusField, formFieldOf } from './serverErrors';
import { submitOnModEnter } from './submitOnModEnter';
import { focusFirstError, usePatientForm } from './usePatientForm';

const ID = 'new-patient';

/**
 * Creates a patient. When the server refuses (e.g. the MRN is taken), its
 * message is shown on the field it names and everything typed stays.
 */
export function PatientCreateForm({ onCreated, onCancel }: { onCreated: (p: Patient) => void; onCancel: () => void }) {
  const form = usePatientForm(emptyPatientForm);
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = form.onSubmit(
    async (values) => {
      const fields = patientFormToFields(values);
      if (!fields) return;
      setSaving(true);
      setFormError(null);
      const result = await call('patients.create', fields);
      setSaving(false);
      if (result.ok) return onCreated(result.data);
      const field = formFieldOf(result.error, PATIENT_FORM_FIELDS);
      if (field) {
        form.setFieldError(field, result.error.message);
        focusField(ID, field);
      } else if (result.error.code !== 'no-clinician') {
        // (no-clinician is asked over the screen by the workspace; nothing to add here)
        setFormError(result.error.message);
      }
    },
    (errors) => focusFirstError(ID, errors),
  );

  return (
    <form onSubmit={submit} onKeyDown={submitOnModEnter} noValidate aria-label="New patient">
      <Paper withBorder p="lg">
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {formError}
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
