/** Wrong PINs in a row before the PIN stops working and the passphrase is needed (issue #9). */
export const PIN_TRIES = 5;

/**
 * The growing delay after a wrong passphrase: 1, 2, 4, 8, 16 seconds, then 30
 * seconds a try until the clinic's limit locks sign-in. Slow enough to stop a
 * guessing script, short enough that a clinician's typo costs a moment.
 */
export function nextRetryDelaySeconds(failures: number): number {
  return Math.min(2 ** Math.max(failures - 1, 0), 30);
}
