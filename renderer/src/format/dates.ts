import dayjs from 'dayjs';
import { ageInYears, localIsoDate } from '../../../shared/dates';

// Dates are shown with the month spelled out ("14 Mar 1980"), which reads the
// same to every clinician whatever their habit of day/month order.

/** A calendar date (YYYY-MM-DD) as "14 Mar 1980". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dayjs(new Date(y, m - 1, d)).format('D MMM YYYY');
}

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
