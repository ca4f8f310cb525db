import { Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { recoverInput, type SignInChoice } from '../../../shared/auth/status';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { combineValidators, zodValidate } from '../forms/zodForm';
import { FormActions } from '../forms/FormActions';
import { FormErrorAlert } from '../forms/FormErrorAlert';
import { confirmValidator, NewPassphraseFields } from './NewPassphraseFields';
import { useFormSubmit } from '../forms/useFormSubmit';

interface Values {
  recoveryKey: string;
  next: string;
  confirm: string;
}

const FIELDS = ['recoveryKey', 'next', 'confirm'] as const;
const ID = 'recover';

/** An administrator who has forgotten their passphrase: the clinic's recovery key, then a new passphrase. */
export function RecoverForm({ who, onCancel }: { who: SignInChoice; onCancel: () => void }) {
  const { apply } = useWorkspace();
  const toInput = ({ recoveryKey, next }: Values) => ({ recoveryKey, next, clinicianId: who.id });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { recoveryKey: '', next: '', confirm: '' },
    validate: combineValidators(zodValidate(recoverInput, toInput), confirmValidator<Values>('next')),
    validateInputOnBlur: true,
  });
  const { submit, saving, formError } = useFormSubmit(
    form,
    ID,
    [...FIELDS, 'clinicianId'],
    (values) => call('auth.recover', toInput(values)),
    apply,
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          For an administrator, when no other administrator can reset the passphrase: type the recovery key from the
          sheet kept in the clinic’s safe, and choose a new passphrase for {who.name}.
        </Text>
        <FormErrorAlert error={formError} />
        {form.errors.clinicianId && (
          <Text size="sm" c="red.9" role="alert">
            {form.errors.clinicianId}
          </Text>
        )}
        <TextInput
          id={`${ID}-recoveryKey`}
          label="Recovery key"
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
          required
          autoComplete="off"
          spellCheck={false}
          autoFocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          {...form.getInputProps('recoveryKey')}
        />
        <NewPassphraseFields form={form} field="next" idPrefix={ID} />
        <FormActions submitLabel="Save and sign in" saving={saving} onCancel={onCancel} cancelLabel="Back" />
      </Stack>
    </form>
  );
}
