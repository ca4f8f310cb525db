import dayjs from 'dayjs';
import { ageInYears, localIsoDate, spelledDate } from '../../../shared/dates';

// Dates are shown with the month spelled out ("14 Mar 1980"), which reads the
// same to every clinician whatever their habit of day/month order.

/** A calendar date (YYYY-MM-DD) as "14 Mar 1980". */
export const formatDate = spelledDate;

/** An instant as local "14 Mar 2025, 09:05". */
export function formatDateTime(isoInstant: string): string {
  return dayjs(isoInstant).format('D MMM YYYY, HH:mm');
}

/** "45 y" today; small children get months too so a dose check can see them. */
export function formatAge(dateOfBirth: string, today: string = localIsoDate()): string {
  const years = ageInYears(dateOfBirth, today);
  if (years >= 2) return `${years} y`;
  const months = dayjs(today).diff(dayjs(dateOfBirth), 'month');
  return `${months} mo`;
}

/** An instant as local "09:05". */
export const clockOf = (iso: string) => dayjs(iso).format('HH:mm');
/** An instant as local "09:05:12". */
export const clockWithSeconds = (iso: string) => dayjs(iso).format('HH:mm:ss');
/** A time axis tick (milliseconds) as HH:MM; empty for anything that is not a time. */
export const clockAtMs = (t: unknown) => {
  const n = Number(t);
  return Number.isFinite(n) ? dayjs(n).format('HH:mm') : '';
};
/** "14:05" on the day of `ref`, "24 Nov 14:05" otherwise: a time that is not today says which day. */
export function dayClock(iso: string, ref: string): string {
  const d = dayjs(iso);
  return d.isSame(dayjs(ref), 'day') ? d.format('HH:mm') : d.format('D MMM HH:mm');
}
