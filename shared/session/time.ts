// Clinical times are ISO 8601 instants in UTC. Entries may be back-timed (a
// reading written down after it was taken) but not before dosing started, and
// not in the future beyond a small allowance for clocks that differ by seconds.

export const MINUTE_MS = 60_000;
/** Not a clinical number: the slack for a bedside device's clock running slightly ahead. */
export const FUTURE_TOLERANCE_MS = 2 * MINUTE_MS;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** True for a full date and time with a zone that names a real instant. */
export function isIsoInstant(value: string): boolean {
  if (!INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return false;
  // Date.parse rolls 31 Feb over to March: the calendar part must survive a round trip in its own zone.
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(value);
  const shift = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * MINUTE_MS : 0;
  return new Date(ms + shift).toISOString().slice(0, 16) === value.slice(0, 16);
}

export const toMs = (iso: string) => Date.parse(iso);
export const addMinutes = (iso: string, minutes: number) => new Date(toMs(iso) + minutes * MINUTE_MS).toISOString();
export const minutesBetween = (from: string, to: string) => (toMs(to) - toMs(from)) / MINUTE_MS;
/**
 * Minutes between the clock readings of two instants (09:05:40 to 11:08:10 is
 * 123, as a nurse subtracting the printed times gets), not the floored elapsed
 * time (122), so a printed duration never looks like an arithmetic slip.
 */
export const clockMinutesBetween = (from: string, to: string) =>
  Math.floor(toMs(to) / MINUTE_MS) - Math.floor(toMs(from) / MINUTE_MS);

/** Why a clinical time cannot be accepted for a session, or null. */
export function clinicalTimeProblem(
  at: string,
  bounds: { startedAt: string; now: string; dischargedAt?: string | null },
): string | null {
  const t = toMs(at);
  if (t < toMs(bounds.startedAt)) return 'The time cannot be before dosing started';
  if (t > toMs(bounds.now) + FUTURE_TOLERANCE_MS) return 'The time cannot be in the future';
  if (bounds.dischargedAt && t > toMs(bounds.dischargedAt)) return 'The time cannot be after discharge';
  return null;
}
