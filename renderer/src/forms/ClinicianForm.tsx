import { Alert, Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Result } from '../../../shared/result';
import {
  CLINICIAN_ROLES,
  CLINICIAN_ROLE_LABELS,
  clinicianInput,
  type Clinician,
  type ClinicianInput,
} from '../../../shared/schemas/clinician';
import { focusField, formFieldOf } from './serverErrors';
import { zodValidate } from './zodForm';

interface Values {
  name: string;
  credentials: string;
  role: '' | (typeof CLINICIAN_ROLES)[number];
}

const FIELDS = ['name', 'credentials', 'role'] as const;
const toInput = (v: Values) => ({ ...v, role: v.role === '' ? undefined : v.role });

interface Props {
  submitLabel: string;
  onSubmit: (input: ClinicianInput) => Promise<Result<Clinician>>;
  onCancel?: () => void;
  idPrefix?: string;
}

/** Name, credentials and role of a clinician, checked with the shared schema as you type. */
export function ClinicianForm({ submitLabel, onSubmit, onCancel, idPrefix = 'clinician' }: Props) {
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', credentials: '', role: '' },
    validate: zodValidate(clinicianInput, toInput),
    validateInputOnChange: true,
  });

  const submit = form.onSubmit(
    async (values) => {
      const parsed = clinicianInput.safeParse(toInput(values));
      if (!parsed.success) return;
      setSaving(true);
      setFormError(null);
      const result = await onSubmit(parsed.data);
      setSaving(false);
      if (result.ok) return;
      const field = formFieldOf(result.error, FIELDS);
      if (field) {
        form.setFieldError(field, result.error.message);
        focusField(idPrefix, field);
      } else setFormError(result.error.message);
    },
    (errors) => {
      const first = FIELDS.find((f) => errors[f]);
      if (first) focusField(idPrefix, first);
    },
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {formError && (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          id={`${idPrefix}-name`}
          label="Full name"
          placeholder="e.g. Dr Amira Haddad"
          required
          autoComplete="name"
          data-autofocus
          autoFocus
          {...form.getInputProps('name')}
        />
        <TextInput
          id={`${idPrefix}-credentials`}
          label="Credentials"
          placeholder="e.g. MD, RN, NP"
          autoComplete="off"
          {...form.getInputProps('credentials')}
        />
        <Radio.Group label="Role" required {...form.getInputProps('role')}>
          <Stack gap={8} mt={6}>
            {CLINICIAN_ROLES.map((role, i) => (
              <Radio
                key={role}
                value={role}
                label={CLINICIAN_ROLE_LABELS[role]}
                id={i === 0 ? `${idPrefix}-role` : `${idPrefix}-role-${role}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end" gap="xs" mt="xs">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
