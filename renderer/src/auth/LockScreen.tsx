import { Anchor, Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { GateLayout } from '../screens/GateLayout';
import { SessionHints } from './SessionHints';
import { SignInScreen } from './SignInScreen';
import { useRetryWait } from './useRetryWait';

type Method = 'passphrase' | 'pin';

/**
 * The locked screen, over the app (which stays as it was, unseen): who is
 * locked, the sessions in progress and their next check, and unlock with the
 * passphrase or the PIN. Anyone else may sign in instead.
 */
export function LockScreen() {
  const { auth, current, apply, refresh } = useWorkspace();
  const [someoneElse, setSomeoneElse] = useState(false);
  const [method, setMethod] = useState<Method>(auth?.pinSet ? 'pin' : 'passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const wait = useRetryWait(error);

  // A due check changes while the screen stays locked: read the hints again every half minute.
  useEffect(() => {
    const timer = setInterval(refresh, 30_000);
    return () => clearInterval(timer);
  }, [refresh]);

  if (someoneElse) {
    return (
      <SignInScreen
        title="Sign in"
        intro={`${current?.name ?? 'The screen'} stays locked until you sign in. Choose your name, then type your passphrase.`}
        onCancel={() => setSomeoneElse(false)}
        cancelLabel="Back to the lock screen"
      />
    );
  }

  const pinAvailable = auth?.pinSet ?? false;
  const usedMethod: Method = pinAvailable ? method : 'passphrase';
  const unlock = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || wait > 0) return;
    if (!secret) return setError({ code: 'invalid-input', message: usedMethod === 'pin' ? 'Type your PIN.' : 'Type your passphrase.' });
    setBusy(true);
    setError(null);
    const credential = usedMethod === 'pin' ? { pin: secret } : { passphrase: secret };
    const result = await call('auth.unlock', { credential });
    setBusy(false);
    setSecret('');
    if (result.ok) return apply(result.data);
    setError(result.error);
    // Too many wrong PINs: the PIN is gone, so the passphrase is asked for.
    if (usedMethod === 'pin' && /no longer works|No PIN/.test(result.error.message)) setMethod('passphrase');
    if (result.error.code === 'signed-out') refresh();
  };

  return (
    <GateLayout width={500}>
      <Stack gap="md">
        <div>
          <Title order={1}>Screen locked</Title>
          <Text size="sm" c="dimmed" mt={6}>
            {current ? `${current.name}${current.credentials ? `, ${current.credentials}` : ''} is signed in.` : ''} What
            was on screen is kept as it was.
          </Text>
        </div>
        <SessionHints hints={auth?.sessionsInProgress ?? []} now={auth?.now ?? new Date().toISOString()} />
        <form onSubmit={unlock} noValidate>
          <Stack gap="sm">
            {pinAvailable && (
              <SegmentedControl
                aria-label="Unlock with"
                value={usedMethod}
                onChange={(v) => {
                  setMethod(v as Method);
                  setSecret('');
                  setError(null);
                }}
                data={[
                  { value: 'pin', label: 'PIN' },
                  { value: 'passphrase', label: 'Passphrase' },
                ]}
              />
            )}
            {usedMethod === 'pin' ? (
              <TextInput
                key="pin"
                id="unlock-pin"
                label="PIN"
                inputMode="numeric"
                autoComplete="off"
                maxLength={6}
                autoFocus
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value.replace(/\D/g, ''))}
                error={error?.message}
                errorProps={{ role: 'alert' }}
              />
            ) : (
              <PasswordInput
                key="passphrase"
                id="unlock-passphrase"
                label="Passphrase"
                autoComplete="current-password"
                autoFocus
                value={secret}
                onChange={(e) => setSecret(e.currentTarget.value)}
                error={error && `${error.message}${wait > 0 ? ` (${wait} s left)` : ''}`}
                errorProps={{ role: 'alert' }}
              />
            )}
            <Group justify="space-between" mt="xs">
              <Anchor component="button" type="button" size="sm" onClick={() => setSomeoneElse(true)}>
                Someone else? Sign in
              </Anchor>
              <Button type="submit" loading={busy} disabled={wait > 0}>
                Unlock
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </GateLayout>
  );
}
