// Turns what a clinician types for a date of birth into [from, to) ranges of
// ISO dates. Day-first and month-first input are both accepted; an ambiguous
// date searches both readings, and the list shows each patient's full date.

import { isIsoDate } from '../../shared/dates';

const pad = (n: number) => String(n).padStart(2, '0');

function nextIsoDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function parseDateQuery(q: string): Array<[string, string]> {
  // 1980, 1980-03, 1980-03-14 (ISO prefixes)
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(q);
  if (iso) {
    const [, y, m, d] = iso;
    const year = Number(y);
    if (year < 1900 || year > 2999) return [];
    if (!m) return [[`${y}-01-01`, `${year + 1}-01-01`]];
    const month = Number(m);
    if (month < 1 || month > 12) return [];
    if (!d) return [[`${y}-${pad(month)}-01`, month === 12 ? `${year + 1}-01-01` : `${y}-${pad(month + 1)}-01`]];
    const day = `${y}-${pad(month)}-${pad(Number(d))}`;
    return isIsoDate(day) ? [[day, nextIsoDay(day)]] : [];
  }
  // 14/03/1980, 03.14.1980, 14-03-1980
  const dmy = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(q);
  if (!dmy) return [];
  const [, a, b, y] = dmy;
  const readings = new Set([`${y}-${pad(Number(b))}-${pad(Number(a))}`, `${y}-${pad(Number(a))}-${pad(Number(b))}`]);
  return [...readings].filter(isIsoDate).map((day) => [day, nextIsoDay(day)] as [string, string]);
}
