import { Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { setPinInput } from '../../../shared/auth/status';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { AppModal } from '../components/AppModal';
import { zodValidate } from '../forms/zodForm';
import { FormErrorAlert } from '../forms/FormErrorAlert';
import { useFormSubmit } from '../forms/useFormSubmit';

interface Values {
  pin: string;
  passphrase: string;
}

const FIELDS = ['pin', 'passphrase'] as const;
const ID = 'set-pin';

/** A 6-digit PIN to unlock (and sign) quickly in this run, confirmed with the passphrase. */
export function SetPinModal({ onClose }: { onClose: () => void }) {
  const { apply } = useWorkspace();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { pin: '', passphrase: '' },
    validate: zodValidate(setPinInput, (v: Values) => v),
    validateInputOnBlur: true,
  });
  const { submit, saving, formError } = useFormSubmit(
    form,
    ID,
    FIELDS,
    (values) => call('auth.setPin', values),
    (status) => {
      apply(status);
      notifications.show({ message: 'PIN set. It unlocks the screen until KetaDesk is closed.' });
      onClose();
    },
  );

  return (
    <AppModal title="Set a PIN" onClose={onClose} size={440} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Six digits to unlock the screen (and sign) quickly until KetaDesk is closed. After 5 wrong PINs your
            passphrase is needed.
          </Text>
          <FormErrorAlert error={formError} />
          <TextInput
            id={`${ID}-pin`}
            label="New PIN (6 digits)"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            required
            data-autofocus
            {...form.getInputProps('pin')}
            onChange={(e) => form.setFieldValue('pin', e.currentTarget.value.replace(/\D/g, ''))}
          />
          <PasswordInput
            id={`${ID}-passphrase`}
            label="Your passphrase"
            required
            autoComplete="current-password"
            {...form.getInputProps('passphrase')}
          />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              Set PIN
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
