import { spelledDate } from '../dates';
import type { InstrumentTrend, LatestChange } from './trend';

// The trend in words, for clinicians: the chart's visible summary and its
// text alternative. The patient's sheet says it in plainer words.

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');

/** "−11 points (−61 %)"; without the percent when the baseline is 0. */
export function changeText(change: LatestChange): string {
  const points = `${signed(change.points)} point${Math.abs(change.points) === 1 ? '' : 's'}`;
  return change.percent === null ? points : `${points} (${signed(change.percent)} %)`;
}

export const bandLabel = (band: string) => band.replace(/-/g, ' ');

/** Response and remission as the contract defines them (M6). */
export const RESPONSE_DEFINITION = 'response: at least half the baseline score gone';
export const REMISSION_DEFINITION = 'remission: score below 5';

/** Said wherever GAD-7 response or remission is shown: the definitions are the PHQ-9's, used by analogy (M6). */
export const BY_ANALOGY_NOTE = 'GAD-7 response and remission use the PHQ-9 definitions by analogy (to verify).';

export interface TrendSummary {
  instrument: InstrumentTrend['instrument'];
  /** "PHQ-9: no complete score yet", or the baseline, latest and change. */
  lines: string[];
  /** "Response" / "No response yet"; null until there is a change. */
  response: string | null;
  remission: string | null;
  byAnalogy: boolean;
}

/** One instrument's course in a few short lines: baseline, latest, change, response and remission. */
export function trendSummary(trend: InstrumentTrend): TrendSummary {
  const { name, baseline, latest, change } = trend;
  const byAnalogy = trend.changeDefinitions === 'by-analogy';
  if (!baseline || !latest) return { instrument: trend.instrument, lines: [`${name}: no complete score yet.`], response: null, remission: null, byAnalogy };
  const lines = [`${name} baseline ${baseline.total} (${bandLabel(baseline.band)}), ${spelledDate(baseline.day)}.`];
  if (!change) {
    lines.push('Only the baseline so far.');
    return { instrument: trend.instrument, lines, response: null, remission: null, byAnalogy };
  }
  lines.push(`Latest ${latest.total} (${bandLabel(latest.band)}), ${spelledDate(latest.day)}: ${changeText(change)} from baseline.`);
  return {
    instrument: trend.instrument,
    lines,
    // Half of nothing cannot be gone: the contract defines no response from a baseline of 0.
    response: change.response ? 'Response' : change.baseline === 0 ? 'No response possible (baseline 0)' : 'No response yet',
    remission: change.remission ? 'Remission' : 'Not in remission',
    byAnalogy,
  };
}
