// The course at a glance: PHQ-9 and GAD-7 totals over time, with what a chart
// of them needs (the bands to shade, the baseline, the session days) and the
// latest change from baseline with response and remission as the measures
// contract defines them (M6; the GAD-7 by analogy). The store has already
// scored every entry and found its baseline; this only arranges what counts.

import { localIsoDate } from '../dates';
import {
  FREQUENCY_INSTRUMENTS,
  type Band,
  type FrequencyInstrumentId,
  type InstrumentId,
  type SeverityBand,
} from './instruments';
import type { Change, MeasureStatus } from './scoring';

/** What the trend reads of a stored questionnaire (the `questionnaires.listForPatient` view has it all). */
export interface TrendEntry {
  id: string;
  instrument: InstrumentId;
  takenAt: string;
  /** Set once corrected: the entry no longer counts. */
  amendedById: string | null;
  isBaseline: boolean;
  score: { status: MeasureStatus; total: number | null; band: string | null; change: Change | null };
}

export interface TrendPoint {
  id: string;
  takenAt: string;
  /** `takenAt` in milliseconds, the chart's x value. */
  t: number;
  /** The local calendar day it was taken, YYYY-MM-DD. */
  day: string;
  total: number;
  band: SeverityBand;
  isBaseline: boolean;
}

/** The latest entry's change from baseline; `percent` is null when the baseline is 0. */
export interface LatestChange extends Change {
  /** (total − baseline) / baseline in whole percent, cut toward zero so a near-half never shows as 50. */
  percent: number | null;
}

export interface InstrumentTrend {
  instrument: FrequencyInstrumentId;
  name: string;
  /** The highest possible total: the top of the chart's scale. */
  max: number;
  /** Severity bands to shade, lowest first; together they cover 0 to `max`. */
  bands: readonly Band[];
  /** Response and remission are published for the PHQ-9 and used by analogy for the GAD-7 (M6). */
  changeDefinitions: 'published' | 'by-analogy';
  /** Complete, current entries, oldest first. */
  points: TrendPoint[];
  baseline: TrendPoint | null;
  latest: TrendPoint | null;
  /** Null until there is an entry after the baseline. */
  change: LatestChange | null;
}

export interface Trend {
  /** The PHQ-9, then the GAD-7, each whether or not it has entries. */
  instruments: InstrumentTrend[];
  /** Each session's start in milliseconds, oldest first, one per local day. */
  sessionDays: number[];
  /** The time axis, with half a day's room either side; null when there is nothing to show. */
  span: { from: number; to: number } | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const dayOf = (t: number) => localIsoDate(new Date(t));

export function trendPoints(entries: readonly TrendEntry[], instrument: FrequencyInstrumentId): TrendPoint[] {
  return entries
    .filter((e) => e.instrument === instrument && e.amendedById === null && e.score.status === 'complete' && e.score.total !== null)
    .map((e) => {
      const t = Date.parse(e.takenAt);
      return { id: e.id, takenAt: e.takenAt, t, day: dayOf(t), total: e.score.total!, band: e.score.band as SeverityBand, isBaseline: e.isBaseline };
    })
    .sort((a, b) => a.t - b.t);
}

function latestChange(entries: readonly TrendEntry[], latest: TrendPoint | null): LatestChange | null {
  if (!latest || latest.isBaseline) return null;
  const change = entries.find((e) => e.id === latest.id)?.score.change;
  if (!change) return null;
  return { ...change, percent: changePercent(change) };
}

/** (total − baseline) / baseline in whole percent, cut toward zero; null from a baseline of 0. */
export const changePercent = (change: Change): number | null =>
  change.baseline > 0 ? Math.trunc((change.points * 100) / change.baseline) : null;

function instrumentTrend(entries: readonly TrendEntry[], instrument: FrequencyInstrumentId): InstrumentTrend {
  const def = FREQUENCY_INSTRUMENTS[instrument];
  const points = trendPoints(entries, instrument);
  const latest = points.at(-1) ?? null;
  return {
    instrument,
    name: def.name,
    max: def.total.max,
    bands: def.bands,
    changeDefinitions: def.changeDefinitions,
    points,
    // The current course's baseline: each course of treatment starts its own (M6).
    baseline: points.findLast((p) => p.isBaseline) ?? null,
    latest,
    change: latestChange(entries, latest),
  };
}

/** One mark per local day that had a session, at that day's first start. */
export function sessionDays(sessionStarts: readonly string[]): number[] {
  const byDay = new Map<string, number>();
  for (const t of sessionStarts.map((s) => Date.parse(s)).sort((a, b) => a - b)) {
    if (!byDay.has(dayOf(t))) byDay.set(dayOf(t), t);
  }
  return [...byDay.values()];
}

/** The trend of a patient's questionnaires, with the starts of their sessions. */
export function buildTrend(entries: readonly TrendEntry[], sessionStarts: readonly string[]): Trend {
  const instruments = (['phq9', 'gad7'] as const).map((i) => instrumentTrend(entries, i));
  const days = sessionDays(sessionStarts);
  const times = [...instruments.flatMap((i) => i.points.map((p) => p.t)), ...days];
  const span = times.length ? { from: Math.min(...times) - DAY_MS / 2, to: Math.max(...times) + DAY_MS / 2 } : null;
  return { instruments, sessionDays: days, span };
}

/** Whether an instrument has anything to draw. */
export const hasPoints = (trend: Trend): boolean => trend.instruments.some((i) => i.points.length > 0);

const TICK_STEPS_DAYS = [1, 2, 7, 14, 28, 56];

/** Local midnights across the span, every 1, 2, 7, 14, 28 or 56 days, so that at most `most` ticks fit. */
export function dayTicks(span: { from: number; to: number }, most = 8): number[] {
  const days = (span.to - span.from) / DAY_MS;
  const step = TICK_STEPS_DAYS.find((s) => days / s <= most) ?? TICK_STEPS_DAYS.at(-1)!;
  const first = new Date(span.from);
  first.setHours(24, 0, 0, 0);
  const ticks: number[] = [];
  for (let d = first; d.getTime() <= span.to; d = new Date(d.getFullYear(), d.getMonth(), d.getDate() + step)) ticks.push(d.getTime());
  return ticks;
}
