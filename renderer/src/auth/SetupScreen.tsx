import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from '@mantine/form';
import { setupInput, type AuthPhase } from '../../../shared/auth/status';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { combineValidators, zodValidate } from '../forms/zodForm';
import { ClinicianIdentityFields, roleOrMissing, type ClinicianIdentityValues } from '../forms/ClinicianIdentityFields';
import { GateLayout } from '../screens/GateLayout';
import { FormErrorAlert } from '../forms/FormErrorAlert';
import { useFormSubmit } from '../forms/useFormSubmit';
import { confirmValidator, NewPassphraseFields } from './NewPassphraseFields';
import { RestoreAtSetup } from './RestoreAtSetup';

interface Values extends ClinicianIdentityValues {
  passphrase: string;
  confirm: string;
}

const FIELDS = ['name', 'credentials', 'role', 'passphrase', 'confirm'] as const;
const ID = 'setup';
const toInput = ({ confirm: _confirm, ...v }: Values) => roleOrMissing(v);

/**
 * First start: the clinic's first administrator. On an upgrade the same form
 * encrypts the records already there. The recovery key comes back once, for
 * the sheet that follows.
 */
export function SetupScreen({ phase, onDone }: { phase: Extract<AuthPhase, 'setup' | 'upgrade'>; onDone: (recoveryKey: string) => void }) {
  const { apply } = useWorkspace();
  const [restoring, setRestoring] = useState(false);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', credentials: '', role: '', passphrase: '', confirm: '' },
    validate: combineValidators(zodValidate(setupInput, toInput), confirmValidator<Values>('passphrase')),
    validateInputOnBlur: true,
  });

  const { submit, saving, formError } = useFormSubmit(
    form,
    ID,
    FIELDS,
    (values) => {
      const parsed = setupInput.safeParse(toInput(values));
      return parsed.success ? call('auth.setup', parsed.data) : null;
    },
    (done) => {
      onDone(done.recoveryKey);
      apply(done.status);
    },
  );

  if (restoring) return <RestoreAtSetup onCancel={() => setRestoring(false)} />;
  return (
    <GateLayout width={520}>
      <Stack gap="lg">
        <div>
          <Title order={1}>Set up your clinic</Title>
          <Text size="sm" c="dimmed" mt={6}>
            You will be the clinic’s first administrator: you add colleagues and manage clinic settings. Every
            clinician signs in with their own passphrase.
          </Text>
        </div>
        {phase === 'upgrade' && (
          <Alert color="clinic" variant="light" title="Your existing records will be encrypted">
            KetaDesk found records from an earlier version. Setting up encrypts them so that only a clinician’s
            passphrase (or the clinic’s recovery key) opens them. Nothing is lost: every patient, screening,
            consent and session stays as it was.
          </Alert>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <FormErrorAlert error={formError} />
            <ClinicianIdentityFields form={form} idPrefix={ID} ownDetails />
            <NewPassphraseFields form={form} field="passphrase" idPrefix={ID} label="Passphrase" />
            <Button type="submit" loading={saving} mt="xs">
              {phase === 'upgrade' ? 'Encrypt the records and set up' : 'Set up the clinic'}
            </Button>
          </Stack>
        </form>
        {phase === 'setup' && (
          <Text size="sm">
            A new workstation for an existing clinic?{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => setRestoring(true)}>
              Restore from a backup
            </Anchor>{' '}
            instead of setting up a new clinic.
          </Text>
        )}
      </Stack>
    </GateLayout>
  );
}
