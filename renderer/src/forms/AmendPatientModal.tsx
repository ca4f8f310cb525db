import { Alert, Button, Grid, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { amendmentReason } from '../../../shared/schemas/common';
import type { Patient } from '../../../shared/schemas/patient';
import { patientAmendedMeaning } from '../../../shared/auth/meanings';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { AppModal } from '../components/AppModal';
import { ChangeSummary } from '../components/ChangeSummary';
import { patientChanges } from '../format/history';
import { PatientFormFields } from './PatientFormFields';
import { PATIENT_FORM_FIELDS, patientFormToFields, patientToForm, validatePatientForm, type PatientFormValues } from './patientFormModel';
import { submitOnModEnter } from './submitOnModEnter';
import { usePatientForm, usePatientSave } from './usePatientForm';
import { combineValidators, zodValidate } from './zodForm';

const ID = 'amend';
type AmendValues = PatientFormValues & { reason: string };
const FIELDS = [...PATIENT_FORM_FIELDS, 'reason'] as const;

const validateAmendment = combineValidators<AmendValues>(
  validatePatientForm,
  zodValidate(z.object({ reason: amendmentReason }), (v: AmendValues) => ({ reason: v.reason })),
);

interface Props {
  patient: Patient;
  onClose: () => void;
  onAmended: (patient: Patient) => void;
  /** Someone else changed the record: show theirs before amending again. */
  onReloadLatest: () => void;
}

/**
 * Amending never overwrites silently: the clinician says why, and the change
 * is only saved against the version they were looking at.
 */
export function AmendPatientModal({ patient, onClose, onAmended, onReloadLatest }: Props) {
  const form = usePatientForm<AmendValues>({ ...patientToForm(patient), reason: '' }, validateAmendment);
  const { sign, signing, dialog: signatureDialog } = useSignature();
  const { submit, saving, formError } = usePatientSave(
    form,
    ID,
    FIELDS,
    (values, fields) =>
      sign([patientAmendedMeaning(values.reason.trim())], (signature) =>
        call('patients.amend', { id: patient.id, expectedVersion: patient.version, fields, reason: values.reason, signature })),
    onAmended,
  );
  const conflict = formError?.code === 'conflict';
  // Escape, the close button and Cancel never drop typed changes without asking.
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const requestClose = () => (form.isDirty() ? setConfirmingDiscard(true) : onClose());

  const pending = patientFormToFields(form.values);
  const changes = pending ? patientChanges(patient, pending) : [];

  return (
    <>
      <AppModal
        onClose={requestClose}
        title={`Amend record: ${patient.legalName}`}
        size={1180}
        yOffset="2vh"
        closeOnClickOutside={false}
        // While the question is open, Escape answers it rather than asking again.
        closeOnEscape={!confirmingDiscard && !signing}
      >
        <form onSubmit={submit} onKeyDown={submitOnModEnter} noValidate aria-label="Amend patient record">
          <Stack gap="md">
            {formError && (
              <Alert
                color={conflict ? 'yellow' : 'red'}
                variant="light"
                role="alert"
                title={conflict ? 'Changed by someone else' : 'Not saved'}
              >
                <Text size="sm">{formError.message}</Text>
                {conflict && (
                  <Group mt="xs">
                    <Button size="xs" variant="default" onClick={onReloadLatest}>
                      Close and show the latest version
                    </Button>
                  </Group>
                )}
              </Alert>
            )}
            <PatientFormFields form={form} idPrefix={ID} autoFocus />
            <Paper bg="gray.0" p="sm" withBorder>
              <Grid gap="md">
                <Grid.Col span={5}>
                  <Text size="sm" fw={600} mb={6}>
                    Changes to save
                  </Text>
                  <ChangeSummary changes={changes} />
                </Grid.Col>
                <Grid.Col span={7}>
                  <Textarea
                    id={`${ID}-reason`}
                    label="Reason for amendment"
                    description="Kept with the change in the record’s history."
                    placeholder="e.g. Weight re-measured at today’s visit"
                    required
                    autosize
                    minRows={1}
                    maxRows={3}
                    {...form.getInputProps('reason')}
                  />
                </Grid.Col>
              </Grid>
            </Paper>
            <Group justify="flex-end" gap="xs">
              <Text size="xs" c="dimmed" mr="auto">
                Enter saves (Ctrl+Enter in notes). Esc cancels.
              </Text>
              <Button variant="default" onClick={requestClose}>
                Cancel
              </Button>
              <Button type="submit" loading={saving}>
                Save amendment
              </Button>
            </Group>
          </Stack>
        </form>
      </AppModal>
      {signatureDialog}
      {confirmingDiscard && (
        <AppModal onClose={() => setConfirmingDiscard(false)} title="Discard your changes?" size="sm" centered>
          <Text size="sm">What you changed in this amendment has not been saved and will be lost.</Text>
          <Group justify="flex-end" mt="md" gap="xs">
            <Button variant="default" onClick={() => setConfirmingDiscard(false)} data-autofocus>
              Keep editing
            </Button>
            <Button color="red.8" onClick={onClose}>
              Discard changes
            </Button>
          </Group>
        </AppModal>
      )}
    </>
  );
}
