import { PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { changePassphraseInput, type AuthStatus } from '../../../shared/auth/status';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { combineValidators, zodValidate } from '../forms/zodForm';
import { FormActions } from '../forms/FormActions';
import { FormErrorAlert } from '../forms/FormErrorAlert';
import { confirmValidator, NewPassphraseFields } from './NewPassphraseFields';
import { useFormSubmit } from '../forms/useFormSubmit';

interface Values {
  current: string;
  next: string;
  confirm: string;
}

const FIELDS = ['current', 'next', 'confirm'] as const;
const toInput = ({ current, next }: Values) => ({ current, next });

/** The current passphrase (or the temporary one an administrator gave), then the new one twice. */
export function ChangePassphraseForm({
  currentLabel = 'Current passphrase',
  submitLabel = 'Change passphrase',
  onDone,
  onCancel,
}: {
  currentLabel?: string;
  submitLabel?: string;
  onDone?: (status: AuthStatus) => void;
  onCancel?: () => void;
}) {
  const { apply } = useWorkspace();
  const id = 'change-passphrase';
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { current: '', next: '', confirm: '' },
    validate: combineValidators(zodValidate(changePassphraseInput, toInput), confirmValidator<Values>('next')),
    validateInputOnBlur: true,
  });
  const { submit, saving, formError } = useFormSubmit(
    form,
    id,
    FIELDS,
    (values) => call('auth.changePassphrase', toInput(values)),
    (status) => {
      apply(status);
      onDone?.(status);
    },
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormErrorAlert error={formError} />
        <PasswordInput
          id={`${id}-current`}
          label={currentLabel}
          required
          autoComplete="current-password"
          data-autofocus
          autoFocus
          {...form.getInputProps('current')}
        />
        <NewPassphraseFields form={form} field="next" idPrefix={id} />
        <FormActions submitLabel={submitLabel} saving={saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
