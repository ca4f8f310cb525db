import { Anchor, Blockquote, List, PasswordInput, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { signerWords } from '../../../shared/auth/meanings';
import type { Credential } from '../../../shared/auth/passphrase';
import type { ApiError, Result } from '../../../shared/result';
import { call } from '../api/client';
import { retryWaitSeconds } from '../auth/retryWait';
import { AppModal } from '../components/AppModal';
import { FormActions } from '../forms/FormActions';
import { useWorkspace } from './workspace';

/** Sends the signed request with the credential typed in the dialog. */
type Submit<T> = (signature: Credential) => Promise<Result<T>>;

interface Pending {
  meanings: string[];
  submit: Submit<unknown>;
  resolve: (result: Result<unknown> | null) => void;
}

/**
 * An electronic signature at the moment of a signed action (21 CFR Part 11):
 * the dialog names who signs and what the signature means, in the words
 * stored with it (shared/auth/meanings.ts), and asks for the passphrase, or
 * the PIN when one is set. `sign` sends the request itself, so a wrong
 * passphrase keeps the dialog open with the server's message; it resolves
 * with the server's answer, or null when the clinician cancelled (nothing
 * was sent, nothing saved).
 *
 * Render `dialog` beside (not inside) a host modal, and keep the host's
 * Escape off while `signing`, so Escape cancels only the signature.
 */
export function useSignature() {
  const [pending, setPending] = useState<Pending | null>(null);

  const sign = useCallback(
    <T,>(meanings: string[], submit: Submit<T>) =>
      new Promise<Result<T> | null>((resolve) => {
        setPending({ meanings, submit, resolve: resolve as Pending['resolve'] });
      }),
    [],
  );

  const finish = useCallback(
    (result: Result<unknown> | null) => {
      pending?.resolve(result);
      setPending(null);
    },
    [pending],
  );

  const dialog: ReactNode = pending ? <SignatureDialog meanings={pending.meanings} submit={pending.submit} onDone={finish} /> : null;
  return { sign, signing: pending !== null, dialog };
}

type Method = 'pin' | 'passphrase';
/** A pause the dialog waits out by itself rather than refusing; a longer lock-out is said in the dialog. */
const MAX_WAIT_OUT_SECONDS = 5;
/** Refusals that keep the dialog open, to say why and ask again: the credential, or too many tries of it. */
const isRefusedSignature = (error: ApiError) => error.field === 'signature' || error.code === 'too-many-tries';
/** The printout preview sits at 400 (printout.css). */
const SIGNATURE_Z_INDEX = 500;

function SignatureDialog({ meanings, submit, onDone }: {
  meanings: string[];
  submit: Submit<unknown>;
  onDone: (result: Result<unknown> | null) => void;
}) {
  const { current } = useWorkspace();
  // The PIN is offered only when one is set in this run; until the status answers, the passphrase.
  const [method, setMethod] = useState<Method | null>(null);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const choose = useCallback((m: Method) => {
    setMethod(m);
    setSecret('');
    setError(null);
  }, []);

  const refreshMethod = useCallback(async (keep?: Method) => {
    const status = await call('auth.status', {});
    const pinSet = status.ok && status.data.pinSet;
    choose(pinSet && keep !== 'passphrase' ? 'pin' : 'passphrase');
  }, [choose]);

  useEffect(() => {
    void refreshMethod();
  }, [refreshMethod]);

  useEffect(() => {
    if (method) input.current?.focus();
  }, [method]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    // React events cross portals: the host's form must not submit too.
    e.stopPropagation();
    if (!method || busy) return;
    if (method === 'pin' && !/^[0-9]{6}$/.test(secret)) return fail('Enter your 6-digit PIN.');
    if (method === 'passphrase' && secret === '') return fail('Enter your passphrase.');
    setBusy(true);
    const credential = method === 'pin' ? { pin: secret } : { passphrase: secret };
    let result = await submit(credential);
    // After a wrong passphrase the server asks for a short pause; like the sign-in button, wait it out once.
    const pause = result.ok ? null : retryWaitSeconds(result.error);
    if (pause !== null && pause <= MAX_WAIT_OUT_SECONDS) {
      await new Promise((done) => setTimeout(done, pause * 1000));
      result = await submit(credential);
    }
    setBusy(false);
    if (result.ok || !isRefusedSignature(result.error)) return onDone(result);
    // A refused signature: say why and ask again. Too many wrong PINs end the PIN, so look again.
    if (method === 'pin') await refreshMethod('pin');
    fail(result.error.message);
  };

  function fail(message: string) {
    setError(message);
    setSecret('');
    input.current?.focus();
  }

  const cancel = () => {
    if (!busy) onDone(null);
  };

  return (
    <AppModal
      title="Sign electronically"
      onClose={cancel}
      closeOnEscape={!busy}
      closeOnClickOutside={false}
      size="md"
      centered
      // Above every host, the full-screen printout preview included.
      zIndex={SIGNATURE_Z_INDEX}
    >
      <form onSubmit={(e) => void send(e)} onKeyDown={(e) => e.stopPropagation()} noValidate aria-label="Electronic signature" data-testid="signature-dialog">
        <Stack gap="sm">
          <div>
            <Text size="sm" c="dimmed">
              Signing as
            </Text>
            <Text fw={600} data-testid="signature-signer">
              {current ? signerWords(current) : 'Unknown clinician'}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed" id="signature-meaning-label">
              Your signature means
            </Text>
            <Blockquote p="xs" mt={4} color="clinic" aria-labelledby="signature-meaning-label">
              <List size="sm" spacing={2} data-testid="signature-meanings">
                {meanings.map((m) => (
                  <List.Item key={m}>{m}</List.Item>
                ))}
              </List>
            </Blockquote>
            <Text size="xs" c="dimmed" mt={4}>
              Your name, role, the date and time and these words are stored with the record and printed on it.
            </Text>
          </div>
          {method && (
            <PasswordInput
              ref={input}
              key={method}
              id="signature-secret"
              label={method === 'pin' ? 'Your 6-digit PIN' : 'Your passphrase'}
              description={method === 'pin' ? 'The PIN you set for this workstation today.' : 'The passphrase you sign in with.'}
              value={secret}
              onChange={(e) => setSecret(e.currentTarget.value)}
              error={error}
              errorProps={{ role: 'alert' }}
              autoComplete="off"
              spellCheck={false}
              {...(method === 'pin' ? { inputMode: 'numeric' as const, maxLength: 6 } : {})}
              data-autofocus
            />
          )}
          {method === 'pin' && (
            <Anchor component="button" type="button" size="sm" onClick={() => choose('passphrase')} w="fit-content">
              Use my passphrase instead
            </Anchor>
          )}
          <FormActions hint="Esc cancels; nothing is saved." onCancel={cancel} cancelDisabled={busy} saving={busy} submitDisabled={!method} submitLabel="Sign" />
        </Stack>
      </form>
    </AppModal>
  );
}
