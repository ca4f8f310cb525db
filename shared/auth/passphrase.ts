import { z } from 'zod';

/** Shortest passphrase accepted (issue #9: at least 12 characters). */
export const PASSPHRASE_MIN_LENGTH = 12;
/** Long enough for a sentence, short enough that a pasted file is refused. */
export const PASSPHRASE_MAX_LENGTH = 256;

/**
 * A passphrase as the boundary accepts it: length only. The shipped list of
 * common passwords is checked in the main process (it is too large for the
 * renderer bundle), so a form learns about it from the server's answer.
 * Never trimmed: the spaces a clinician typed are part of it.
 */
export const passphrase = (label = 'Passphrase') =>
  z
    .string({ error: `${label} is required` })
    .min(PASSPHRASE_MIN_LENGTH, { error: `${label} must be at least ${PASSPHRASE_MIN_LENGTH} characters` })
    .max(PASSPHRASE_MAX_LENGTH, { error: `${label} must be at most ${PASSPHRASE_MAX_LENGTH} characters` });

/** What a sign-in or a signature sends: the passphrase as typed, checked only against its wrap. */
export const enteredPassphrase = z
  .string({ error: 'Passphrase is required' })
  .min(1, { error: 'Passphrase is required' })
  .max(PASSPHRASE_MAX_LENGTH, { error: `Passphrase must be at most ${PASSPHRASE_MAX_LENGTH} characters` });

/** A quick-unlock PIN: exactly six digits. */
export const pin = z.string({ error: 'PIN is required' }).regex(/^[0-9]{6}$/, { error: 'PIN must be 6 digits' });

/** The credential an electronic signature or an unlock re-enters: the passphrase, or the PIN set in this run. */
export const credential = z.union([
  z.strictObject({ passphrase: enteredPassphrase }),
  z.strictObject({ pin }),
], { error: 'Enter your passphrase or PIN' });
export type Credential = z.output<typeof credential>;
