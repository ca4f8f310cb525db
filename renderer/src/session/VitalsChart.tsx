import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { memo, useMemo } from 'react';
import { MINUTE_MS, bpReadings, effectiveEntries, ofKind, toMs, type Session, type SessionEntry } from '../../../shared/session';
import { clockAtMs, clockOf } from '../format/dates';
import { type VitalsPoint } from './model';
import classes from './Session.module.css';

const SERIES = [
  { name: 'systolic', label: 'Systolic (mmHg)', color: 'red.8' },
  { name: 'diastolic', label: 'Diastolic (mmHg)', color: 'orange.7' },
  { name: 'heartRate', label: 'Heart rate (/min)', color: 'clinic.8' },
  { name: 'spo2', label: 'SpO₂ (%)', color: 'indigo.6', yAxisId: 'right' },
];

/** Pre-dose reading first, then every vitals entry that counts, on a true time axis. */
export function vitalsPoints(session: Session, entries: readonly SessionEntry[]): VitalsPoint[] {
  const b = session.baseline;
  const points: VitalsPoint[] = [
    { t: toMs(b.takenAt), systolic: b.systolic, diastolic: b.diastolic, heartRate: b.heartRate, spo2: b.spo2 },
  ];
  for (const v of ofKind(effectiveEntries(entries), 'vitals')) {
    const e = v.entry;
    points.push({ t: toMs(v.at), systolic: e.systolic ?? null, diastolic: e.diastolic ?? null, heartRate: e.heartRate ?? null, spo2: e.spo2 ?? null });
  }
  return points.sort((a, b2) => a.t - b2.t);
}

interface Props {
  session: Session;
  entries: readonly SessionEntry[];
  /** The end of the time axis: now while open, discharge when ended. */
  until: string;
  height?: number;
}

/**
 * Systolic, diastolic and heart rate on the left axis, SpO2 on the right, with
 * the session's alert limits as dashed lines and the alarm zones shaded. A
 * short text summary carries the same facts for a screen reader.
 */
export const VitalsChart = memo(function VitalsChart({ session, entries, until, height = 220 }: Props) {
  const s = session.settings;
  const data = useMemo(() => vitalsPoints(session, entries), [session, entries]);
  const untilMs = Math.max(toMs(until), data.at(-1)?.t ?? 0);
  const start = Math.min(data[0]?.t ?? toMs(session.startedAt), toMs(session.startedAt));
  // At least 45 minutes wide, so the first readings do not stretch across the chart.
  const end = Math.max(untilMs, start + 45 * MINUTE_MS);
  // A tick every 15 minutes (every 30 past two hours), on the quarter hour.
  const step = (end - start > 120 * MINUTE_MS ? 30 : 15) * MINUTE_MS;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  const latest = bpReadings(effectiveEntries(entries)).at(-1);
  const summary = `Vitals chart: ${data.length} reading${data.length === 1 ? '' : 's'} from ${clockAtMs(start)}. ` +
    `Pre-dose BP ${session.baseline.systolic}/${session.baseline.diastolic}` +
    (latest ? `, latest ${latest.entry.systolic}/${latest.entry.diastolic} at ${clockOf(latest.at)}.` : '.') +
    ` Alert limits: systolic above ${s.alertSystolicAbove}, diastolic above ${s.alertDiastolicAbove}, heart rate above ${s.alertHeartRateAbove} or below ${s.alertHeartRateBelow}, SpO2 below ${s.alertSpo2Below} %.`;

  return (
    <figure className={classes.chartFigure} data-testid="vitals-chart">
      <div role="img" aria-label={summary}>
        <LineChart
          h={height}
          data={data}
          dataKey="t"
          series={SERIES}
          curveType="linear"
          connectNulls
          withLegend
          legendProps={{ verticalAlign: 'top', height: 28, itemSorter: (item) => SERIES.findIndex((x) => x.name === item.dataKey) }}
          withRightYAxis
          accessibilityLayer={false}
          strokeWidth={2}
          dotProps={{ r: 3 }}
          gridAxis="xy"
          tickLine="xy"
          textColor="gray.7"
          xAxisProps={{
            type: 'number',
            scale: 'time',
            domain: [start, end],
            tickFormatter: clockAtMs,
            ticks,
            interval: 0,
          }}
          yAxisProps={{ domain: [30, 220], ticks: [40, 60, 80, 100, 120, 140, 160, 180, 200, 220], width: 36 }}
          rightYAxisProps={{ domain: [80, 100], ticks: [80, 85, 90, 95, 100], width: 32 }}
          tooltipProps={{ labelFormatter: clockAtMs } as never}
          referenceAreas={[
            { y1: s.alertSystolicAbove, y2: 220, color: 'red.1', fillOpacity: 0.5, ifOverflow: 'hidden' },
          ]}
          referenceLines={[
            { y: s.alertSystolicAbove, color: 'red.7', strokeDasharray: '6 4', label: `Sys ${s.alertSystolicAbove}`, labelPosition: 'insideTopLeft' },
            { y: s.alertDiastolicAbove, color: 'orange.7', strokeDasharray: '6 4', label: `Dia ${s.alertDiastolicAbove}`, labelPosition: 'insideTopLeft' },
            { y: s.alertHeartRateAbove, color: 'clinic.6', strokeDasharray: '2 4', label: `HR ${s.alertHeartRateAbove}`, labelPosition: 'insideBottomLeft' },
            { y: s.alertHeartRateBelow, color: 'clinic.6', strokeDasharray: '2 4', label: `HR ${s.alertHeartRateBelow}`, labelPosition: 'insideBottomLeft' },
            { y: s.alertSpo2Below, yAxisId: 'right', color: 'indigo.6', strokeDasharray: '6 4', label: `SpO₂ ${s.alertSpo2Below}`, labelPosition: 'insideBottomRight' },
          ]}
        />
      </div>
      <figcaption className={classes.chartCaption}>
        Dashed lines are the alert limits frozen into this session; the shaded zone is systolic above its limit. First point: pre-dose.
      </figcaption>
    </figure>
  );
});
