import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/result';
import { retryWaitSeconds } from './retryWait';

/** Seconds left before a sign-in may be tried again after `error`, counting down to 0. */
export function useRetryWait(error: ApiError | null): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    const seconds = error ? retryWaitSeconds(error) : null;
    if (!seconds) return setLeft(0);
    const until = Date.now() + seconds * 1000;
    setLeft(seconds);
    const timer = setInterval(() => {
      const remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [error]);
  return left;
}
