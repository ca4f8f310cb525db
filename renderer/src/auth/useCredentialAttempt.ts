import { useState } from 'react';
import type { ApiError, Result } from '../../../shared/result';
import { useRetryWait } from './useRetryWait';

/**
 * A passphrase or recovery-key form's one attempt at a time: nothing is sent
 * while one is under way or while the server asks to wait; a refusal is kept
 * to show (with the wait counting down) and the typed secret is cleared.
 */
export function useCredentialAttempt() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const wait = useRetryWait(error);

  async function attempt<T>(send: () => Promise<Result<T>>, onAccepted: (data: T) => void, clearSecret: () => void): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await send();
    setBusy(false);
    if (result.ok) return onAccepted(result.data);
    setError(result.error);
    clearSecret();
  }

  return { error, setError, busy, wait, canTry: !busy && wait === 0, attempt };
}
