// Pure helpers for the session screens: clock times typed at the chair, what
// an entry says in words, the timeline as the clinician reads it (corrections
// beside what they corrected), and the numbers the chart draws. No React here.

import dayjs from 'dayjs';
import { capitalize } from '../../../shared/text';
import {
  DISSOCIATION_LEVELS, ROUTE_LABELS, FUTURE_TOLERANCE_MS, toMs,
  type DoseRecord, type EntryData, type Route, type SessionAlert, type SessionEntry,
  type SessionSummary,
} from '../../../shared/session';

/** The dissociation levels as radio choices, for a new entry and for a correction. */
export const DISSOCIATION_CHOICES = DISSOCIATION_LEVELS.map((l) => ({ value: l, label: capitalize(l) }));

// ── Clock times typed at the chair ─────────────────────────────────────────

const CLOCK = /^([01]?\d|2[0-3])[:.h]?([0-5]\d)$/;

export type ClockParse = { ok: true; at: string | undefined } | { ok: false; message: string };

/**
 * "14:05" (or "1405", "14.05") as the latest instant with that clock time not
 * after `ref` (plus the store's two-minute allowance): a time written down a
 * little later, or last night's meal. Empty means "now" (undefined), which the
 * store fills with its own clock.
 */
export function parseClock(text: string, ref: string, label = 'Time'): ClockParse {
  const t = text.trim();
  if (t === '') return { ok: true, at: undefined };
  const m = CLOCK.exec(t);
  if (!m) return { ok: false, message: `${label}: type a clock time such as 09:40, or leave it empty for now` };
  const base = dayjs(ref);
  let at = base.hour(Number(m[1])).minute(Number(m[2])).second(0).millisecond(0);
  if (at.valueOf() > base.valueOf() + FUTURE_TOLERANCE_MS) at = at.subtract(1, 'day');
  return { ok: true, at: at.toISOString() };
}

/**
 * A pre-dose reading as it is typed: when its first measurement goes in and
 * its "Taken at" is empty, that box gets the clock time of the moment, so
 * each reading (and a repeat taken minutes later) carries its own time and
 * the clinician sees it and can change it.
 */
export function typeIntoReading<V extends { at: string }>(reading: V, patch: Partial<V>, nowClock: string): V {
  const next = { ...reading, ...patch };
  const measured = Object.entries(patch).some(([key, value]) => key !== 'at' && value !== '');
  return next.at === '' && measured && !('at' in patch) ? { ...next, at: nowClock } : next;
}

/** "in 12:34", "in 1 h 05 min", "3:10 overdue": a countdown a nurse reads at a glance. */
export function countdownText(ms: number): string {
  const abs = Math.abs(ms);
  const totalSeconds = Math.floor(abs / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const body = h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m}:${String(s).padStart(2, '0')}`;
  return ms >= 0 ? `in ${body}` : `${body} ago`;
}

export const minutesText = (minutes: number) =>
  minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(Math.round(minutes % 60)).padStart(2, '0')} min` : `${Math.round(minutes)} min`;

// ── Words ──────────────────────────────────────────────────────────────────

export const ROUTE_SHORT: Record<Route, string> = {
  'iv-ketamine': 'IV ketamine',
  'im-ketamine': 'IM ketamine',
  'esketamine-nasal': 'Esketamine nasal',
};
export const routeLabel = (route: Route) => ROUTE_LABELS[route];

const num = (n: number) => String(Number(n.toFixed(2)));

export function doseText(d: DoseRecord): string {
  if (d.route === 'esketamine-nasal') return `${d.totalMg} mg (${d.deviceCount} device${d.deviceCount === 1 ? '' : 's'})`;
  const infusion = d.route === 'iv-ketamine' && d.infusionMinutes ? ` over ${d.infusionMinutes} min` : '';
  return `${num(d.mgPerKg)} mg/kg × ${num(d.weightKg)} kg = ${num(d.totalMg)} mg (${num(d.volumeMl)} mL at ${num(d.concentrationMgPerMl)} mg/mL)${infusion}`;
}

/** The dose in a few words, for the session's header line. */
export function shortDoseText(d: DoseRecord): string {
  if (d.route === 'esketamine-nasal') return `${d.totalMg} mg (${d.deviceCount} device${d.deviceCount === 1 ? '' : 's'})`;
  return `${num(d.totalMg)} mg (${num(d.mgPerKg)} mg/kg, ${num(d.volumeMl)} mL)${d.route === 'iv-ketamine' && d.infusionMinutes ? ` over ${d.infusionMinutes} min` : ''}`;
}

export function summaryDoseText(s: Pick<SessionSummary, 'route' | 'totalMg' | 'deviceCount' | 'mgPerKg'>): string {
  if (s.route === 'esketamine-nasal') return `${s.totalMg} mg${s.deviceCount ? ` (${s.deviceCount} devices)` : ''}`;
  return `${num(s.totalMg)} mg${s.mgPerKg !== null ? ` (${num(s.mgPerKg)} mg/kg)` : ''}`;
}

/** The vitals taken at the chair, in the order they are typed (pre-dose and during the session). */
export const VITAL_INPUTS = [
  { key: 'systolic', label: 'Systolic', unit: 'mmHg' },
  { key: 'diastolic', label: 'Diastolic', unit: 'mmHg' },
  { key: 'heartRate', label: 'Heart rate', unit: '/min' },
  { key: 'spo2', label: 'SpO₂', unit: '%' },
  { key: 'respiratoryRate', label: 'Resp. rate', unit: '/min' },
] as const;

// What an entry says in words is shared with the printed record.
export { ENTRY_KIND_LABELS, entryText, vitalsText } from '../../../shared/session/entry-words';

// ── The timeline as read: each entry with the versions it replaced ─────────

export interface TimelineRow {
  /** The newest version: the one a correction must point at. */
  head: SessionEntry;
  /** Older versions, newest first (empty when never corrected). */
  earlier: SessionEntry[];
  /** The newest version strikes the entry out. */
  struckOut: boolean;
  /** The content shown: the head's, or the last content before it was struck out. */
  shown: EntryData;
  at: string;
}

export function timelineRows(entries: readonly SessionEntry[]): TimelineRow[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const replaced = new Set(entries.map((e) => e.amendsId).filter((id): id is string => id !== null));
  const rows: TimelineRow[] = [];
  for (const head of entries) {
    if (replaced.has(head.id) || head.supersededById) continue;
    const earlier: SessionEntry[] = [];
    let prev = head.amendsId ? byId.get(head.amendsId) : undefined;
    while (prev) {
      earlier.push(prev);
      prev = prev.amendsId ? byId.get(prev.amendsId) : undefined;
    }
    const shown = head.entry ?? earlier.find((e) => e.entry !== null)?.entry;
    if (!shown) continue;
    rows.push({ head, earlier, struckOut: head.entry === null, shown, at: head.entry ? head.at : (earlier[0]?.at ?? head.at) });
  }
  // Newest observation first; ties by when they were recorded.
  return rows.sort((a, b) => toMs(b.at) - toMs(a.at) || b.head.recordedAt.localeCompare(a.head.recordedAt));
}

/**
 * How many rows the timeline shows: the entries, plus the fixed rows the
 * session itself contributes (pre-dose vitals, their repeat, dosing started,
 * discharged), so the count matches what the reader sees under it.
 */
export function timelineRowCount(
  session: { preDose: { repeatVitals: unknown | null }; discharge: unknown | null },
  rows: readonly TimelineRow[],
): number {
  return rows.length + 2 + (session.preDose.repeatVitals ? 1 : 0) + (session.discharge ? 1 : 0);
}

/** Alerts still needing an acknowledgement: not acknowledged, and their entry still counts. */
export const openAlerts = (alerts: readonly SessionAlert[]) =>
  alerts.filter((a) => a.acknowledgement === null && !a.entrySuperseded);

/** Open alerts grouped by the entry that fired them, oldest first: one action note answers one observation. */
export function alertGroups(alerts: readonly SessionAlert[]): SessionAlert[][] {
  const groups = new Map<string, SessionAlert[]>();
  for (const a of openAlerts(alerts)) groups.set(a.entryId, [...(groups.get(a.entryId) ?? []), a]);
  return [...groups.values()].sort((a, b) => toMs(a[0]!.at) - toMs(b[0]!.at));
}

// ── Chart ──────────────────────────────────────────────────────────────────

export interface VitalsPoint {
  t: number;
  systolic: number | null;
  diastolic: number | null;
  heartRate: number | null;
  spo2: number | null;
}
