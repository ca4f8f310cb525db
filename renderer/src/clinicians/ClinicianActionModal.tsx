import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import type { Result } from '../../../shared/result';
import type { Clinician } from '../../../shared/schemas/clinician';
import { AppModal } from '../components/AppModal';
import { focusField, formFieldOf } from '../forms/serverErrors';
import { zodValidate } from '../forms/zodForm';

export const CLINICIAN_FORM_ID = 'clinician-admin';

interface Props<V extends Record<string, unknown>> {
  title: string;
  /** What the action does, in one or two sentences, above the fields. */
  intro?: ReactNode;
  initialValues: V;
  /** Field names in form order: where the cursor goes first, and which server errors belong on a field. */
  fields: readonly (keyof V & string)[];
  schema: z.ZodType;
  toInput: (values: V) => unknown;
  send: (input: never) => Promise<Result<Clinician>>;
  renderFields: (form: UseFormReturnType<V>) => ReactNode;
  submitLabel: string;
  danger?: boolean;
  onClose: () => void;
  onDone: (clinician: Clinician) => void;
}

/**
 * One administrator's action on a clinician (add, change, deactivate, reset
 * the passphrase): checked with the shared schema as typed, sent, and the
 * server's refusal shown on the field it names with the cursor there, or
 * above the form.
 */
export function ClinicianActionModal<V extends Record<string, unknown>>({
  title, intro, initialValues, fields, schema, toInput, send, renderFields, submitLabel, danger = false, onClose, onDone,
}: Props<V>) {
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<V>({ mode: 'controlled', initialValues, validate: zodValidate(schema, toInput), validateInputOnBlur: true });

  const submit = form.onSubmit(
    async (values) => {
      const parsed = schema.safeParse(toInput(values));
      if (!parsed.success) return;
      setSaving(true);
      setFormError(null);
      const result = await send(parsed.data as never);
      setSaving(false);
      if (result.ok) return onDone(result.data);
      const field = formFieldOf(result.error, fields);
      if (field) {
        form.setFieldError(field, result.error.message);
        focusField(CLINICIAN_FORM_ID, field);
      } else setFormError(result.error.message);
    },
    (errors) => {
      const first = fields.find((f) => errors[f]);
      if (first) focusField(CLINICIAN_FORM_ID, first);
    },
  );

  return (
    <AppModal title={title} onClose={onClose} size="md" centered closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate aria-label={title} data-testid="clinician-form">
        <Stack gap="sm">
          {intro && <Text size="sm">{intro}</Text>}
          {formError && (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              <Text size="sm">{formError}</Text>
            </Alert>
          )}
          {renderFields(form)}
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} color={danger ? 'red.8' : undefined}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
