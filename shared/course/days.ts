// Calendar-day arithmetic on local dates (YYYY-MM-DD): a course is planned in
// days, and "twice a week" counts days, not hours.

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number): string => dayString(dayNumber(isoDate) + days);

export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
