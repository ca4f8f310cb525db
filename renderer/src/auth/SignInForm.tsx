import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { SignInChoice } from '../../../shared/auth/status';
import { CLINICIAN_ROLE_LABELS } from '../../../shared/schemas/clinician';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { useCredentialAttempt } from './useCredentialAttempt';

/**
 * The second step of a sign-in: who was chosen, their passphrase, Enter.
 * A wrong passphrase says how many tries are left; after too many the button
 * waits as long as the server asks.
 */
export function SignInForm({ who, onChooseAnother, onForgot }: { who: SignInChoice; onChooseAnother?: () => void; onForgot: () => void }) {
  const { apply } = useWorkspace();
  const [passphrase, setPassphrase] = useState('');
  const { error, setError, busy, wait, canTry, attempt } = useCredentialAttempt();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canTry) return;
    if (!passphrase) return setError({ code: 'invalid-input', message: 'Type your passphrase.', field: 'passphrase' });
    await attempt(() => call('auth.signIn', { clinicianId: who.id, passphrase }), apply, () => setPassphrase(''));
  };

  const fieldError = error?.field === 'passphrase' ? error.message : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <div>
          <Text fw={600}>
            {who.name}
            {who.credentials ? `, ${who.credentials}` : ''}
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {CLINICIAN_ROLE_LABELS[who.role]}
            </Text>
            {onChooseAnother && (
              <Anchor component="button" type="button" size="sm" onClick={onChooseAnother}>
                Not you? Choose another name
              </Anchor>
            )}
          </Group>
        </div>
        {error && !fieldError && (
          <Alert color={error.code === 'too-many-tries' ? 'orange' : 'red'} variant="light" role="alert">
            {error.message}
            {wait > 0 && ` (${formatWait(wait)} left)`}
          </Alert>
        )}
        <PasswordInput
          id="sign-in-passphrase"
          label="Passphrase"
          required
          autoComplete="current-password"
          autoFocus
          data-autofocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={fieldError}
          errorProps={{ role: 'alert' }}
        />
        <Group justify="space-between" mt="xs">
          <Anchor component="button" type="button" size="sm" onClick={onForgot}>
            Forgot your passphrase?
          </Anchor>
          <Button type="submit" loading={busy} disabled={wait > 0}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const formatWait = (seconds: number) =>
  seconds >= 120 ? `${Math.ceil(seconds / 60)} min` : `${seconds} s`;
