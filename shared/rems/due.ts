// When a session's REMS Patient Monitoring Form is due, and how urgent it is:
// within 7 days of the session [REFERENCE §4, S8], counted in calendar days.

import type { RemsFormStatus } from './schemas';

/** The form is submitted within this many days of the session [REFERENCE §4, S8]. */
export const REMS_SUBMIT_WITHIN_DAYS = 7;

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

export function addDays(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export const daysBetween = (from: string, to: string) => Math.round(dayNumber(to) - dayNumber(from));

export const remsDueOn = (sessionDate: string) => addDays(sessionDate, REMS_SUBMIT_WITHIN_DAYS);

/**
 * Submitted, or else by the days left: overdue after the due day, due soon
 * from `dueSoonDays` before it (the due day included), otherwise due.
 */
export function remsFormStatus(dueOn: string, today: string, submitted: boolean, dueSoonDays: number): RemsFormStatus {
  if (submitted) return 'submitted';
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  return left <= dueSoonDays ? 'due-soon' : 'due';
}

export const REMS_STATUS_LABELS: Record<RemsFormStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  due: 'Due',
  submitted: 'Submitted',
};

/** "2 days overdue", "due today", "3 days left": the REMS list and today's board say it alike. */
export function remsDaysText(f: { status: RemsFormStatus; daysLeft: number }): string {
  if (f.status === 'submitted') return '';
  if (f.daysLeft < 0) return `${-f.daysLeft} day${f.daysLeft === -1 ? '' : 's'} overdue`;
  return f.daysLeft === 0 ? 'due today' : `${f.daysLeft} day${f.daysLeft === 1 ? '' : 's'} left`;
}
