import type { ApiError } from '../../../shared/result';

/**
 * How long a refused sign-in must wait, read from the server's
 * `too-many-tries` message ("Wait 4 seconds…", "…Try again in 15 minutes…"),
 * so the button can stay disabled until then. Null when it says no time.
 */
export function retryWaitSeconds(error: ApiError): number | null {
  if (error.code !== 'too-many-tries') return null;
  const match = /(\d+) (second|minute)/.exec(error.message);
  if (!match) return null;
  return Number(match[1]) * (match[2] === 'minute' ? 60 : 1);
}
