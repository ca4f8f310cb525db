// The timeline as it counts: each entry's newest version, struck-out entries
// left out, in clinical-time order; plus when dosing ended and observation does.

import { ESKETAMINE_DEVICE_INTERVAL_MINUTES } from './reference';
import type { EntryData, EntryKind, EntryOf, Session, SessionEntry } from './schemas';
import type { SessionSettings } from './settings';
import { addMinutes, toMs } from './time';

export interface TimelineEntry<E extends EntryData = EntryData> {
  id: string;
  at: string;
  entry: E;
}

/** What the timeline reads of a stored entry row. */
export type TimelineRow = Pick<SessionEntry, 'id' | 'at' | 'recordedAt' | 'entry' | 'amendsId'>;

const byTime = (a: { at: string; recordedAt?: string }, b: { at: string; recordedAt?: string }) =>
  toMs(a.at) - toMs(b.at) || (a.recordedAt ?? '').localeCompare(b.recordedAt ?? '');

/** Rows that count: not replaced by an amendment, not struck out. */
export function effectiveEntries(rows: readonly TimelineRow[]): TimelineEntry[] {
  const replaced = new Set(rows.map((r) => r.amendsId).filter((id): id is string => id !== null));
  return rows
    .filter((r) => !replaced.has(r.id) && r.entry !== null)
    .sort(byTime)
    .map((r) => ({ id: r.id, at: r.at, entry: r.entry! }));
}

export function ofKind<K extends EntryKind>(timeline: readonly TimelineEntry[], kind: K): TimelineEntry<EntryOf<K>>[] {
  return timeline.filter((t): t is TimelineEntry<EntryOf<K>> => t.entry.kind === kind);
}

/** Vitals entries that carry a blood pressure. */
export const bpReadings = (timeline: readonly TimelineEntry[]) =>
  ofKind(timeline, 'vitals').filter((t) => t.entry.systolic !== undefined);

/** The newest entry of a kind at or after `from` (any time when `from` is null). */
export function latestFrom<T extends { at: string }>(items: readonly T[], from: string | null): T | undefined {
  const last = items.at(-1);
  return last && (from === null || toMs(last.at) >= toMs(from)) ? last : undefined;
}

/** The first entry at or after `from`. */
export const firstFrom = <T extends { at: string }>(items: readonly T[], from: string) =>
  items.find((t) => toMs(t.at) >= toMs(from));

type SessionTiming = Pick<Session, 'route' | 'startedAt' | 'dose'>;

/** An IM injection ends when it is given; esketamine and IV end when the clinician records it. */
export function dosingEndedAt(session: SessionTiming, timeline: readonly TimelineEntry[]): string | null {
  if (session.route === 'im-ketamine') return session.startedAt;
  return ofKind(timeline, 'dose-complete').at(-1)?.at ?? null;
}

/** When dosing should end: the last device 5 minutes apart [REFERENCE §4], or the planned infusion length. */
export function plannedDosingEnd(session: SessionTiming): string {
  const d = session.dose;
  if (d.route === 'esketamine-nasal') return addMinutes(session.startedAt, (d.deviceCount - 1) * ESKETAMINE_DEVICE_INTERVAL_MINUTES);
  return addMinutes(session.startedAt, d.infusionMinutes ?? 0);
}

export const minObservationMinutes = (
  route: Session['route'],
  s: Pick<SessionSettings, 'esketamineMinObservationMinutes' | 'ketamineMinObservationMinutes'>,
) => (route === 'esketamine-nasal' ? s.esketamineMinObservationMinutes : s.ketamineMinObservationMinutes);

/** End of the minimum observation: actual when dosing's end is recorded, else estimated from the plan. */
export function observationEnd(
  session: SessionTiming,
  timeline: readonly TimelineEntry[],
  settings: Pick<SessionSettings, 'esketamineMinObservationMinutes' | 'ketamineMinObservationMinutes'>,
): { at: string; estimated: boolean } {
  const ended = dosingEndedAt(session, timeline);
  return {
    at: addMinutes(ended ?? plannedDosingEnd(session), minObservationMinutes(session.route, settings)),
    estimated: ended === null,
  };
}
