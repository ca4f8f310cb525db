import { Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Result } from '../../../shared/result';
import { clinicianInput, type Clinician, type ClinicianInput } from '../../../shared/schemas/clinician';
import { ClinicianIdentityFields, roleOrMissing, type ClinicianIdentityValues } from './ClinicianIdentityFields';
import { FormActions } from './FormActions';
import { FormErrorAlert } from './FormErrorAlert';
import { useFormSubmit } from './useFormSubmit';
import { zodValidate } from './zodForm';

const FIELDS = ['name', 'credentials', 'role'] as const;

interface Props {
  submitLabel: string;
  onSubmit: (input: ClinicianInput) => Promise<Result<Clinician>>;
  onCancel?: () => void;
  idPrefix?: string;
}

/** Name, credentials and role of a clinician, checked with the shared schema as you type. */
export function ClinicianForm({ submitLabel, onSubmit, onCancel, idPrefix = 'clinician' }: Props) {
  const form = useForm<ClinicianIdentityValues>({
    mode: 'controlled',
    initialValues: { name: '', credentials: '', role: '' },
    validate: zodValidate(clinicianInput, roleOrMissing),
    validateInputOnChange: true,
  });
  const { submit, saving, formError } = useFormSubmit(
    form,
    idPrefix,
    FIELDS,
    (values) => {
      const parsed = clinicianInput.safeParse(roleOrMissing(values));
      return parsed.success ? onSubmit(parsed.data) : null;
    },
    () => undefined,
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormErrorAlert error={formError} />
        <ClinicianIdentityFields form={form} idPrefix={idPrefix} />
        <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
