import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { memo, useMemo } from 'react';
import { MINUTE_MS, bpReadings, effectiveEntries, ofKind, toMs, type Session, type SessionEntry } from '../../../shared/session';
import { clockAtMs, clockOf } from '../format/dates';
import { type VitalsPoint } from './model';
import { vitalsPanels, type VitalsPanel } from './vitals-panels';
import classes from './Session.module.css';

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
 * One small panel per measure on a shared time axis: blood pressure, heart
 * rate and SpO2, each on its own scale with its own alert limits (dashed) and
 * alarm zone (shaded). A short text summary carries the same facts for a
 * screen reader.
 */
export const VitalsChart = memo(function VitalsChart({ session, entries, until, height = 220 }: Props) {
  const s = session.settings;
  const data = useMemo(() => vitalsPoints(session, entries), [session, entries]);
  const panels = useMemo(() => vitalsPanels(s), [s]);
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
  // The blood-pressure panel gets the most room; the others are a quarter smaller.
  const share = { bp: 0.75, 'heart-rate': 0.55, spo2: 0.55 } as const;

  return (
    <figure className={classes.chartFigure} data-testid="vitals-chart">
      <div role="img" aria-label={summary}>
        {panels.map((panel, i) => (
          <Panel
            key={panel.id}
            panel={panel}
            data={data}
            height={Math.round(height * share[panel.id])}
            xAxis={{ domain: [start, end], ticks }}
            last={i === panels.length - 1}
          />
        ))}
      </div>
      <figcaption className={classes.chartCaption}>
        Each measure on its own scale. Dashed lines are the alert limits frozen into this session; shading is the alarm side of a
        limit. First point: pre-dose.
      </figcaption>
    </figure>
  );
});

function Panel({ panel, data, height, xAxis, last }: {
  panel: VitalsPanel; data: VitalsPoint[]; height: number; xAxis: { domain: [number, number]; ticks: number[] }; last: boolean;
}) {
  return (
    <div data-testid={`vitals-panel-${panel.id}`} data-domain={panel.domain.join('-')}>
      <LineChart
        h={last ? height + 24 : height}
        data={data}
        dataKey="t"
        series={panel.series}
        curveType="linear"
        connectNulls
        withLegend
        legendProps={{ verticalAlign: 'top', height: 22, align: 'right' }}
        accessibilityLayer={false}
        strokeWidth={2}
        dotProps={{ r: 3 }}
        gridAxis="xy"
        tickLine="xy"
        textColor="gray.7"
        withXAxis={last}
        xAxisProps={{ type: 'number', scale: 'time', domain: xAxis.domain, tickFormatter: clockAtMs, ticks: xAxis.ticks, interval: 0 }}
        yAxisProps={{ domain: panel.domain, ticks: panel.ticks, width: 36, allowDataOverflow: true }}
        tooltipProps={{ labelFormatter: clockAtMs } as never}
        referenceAreas={panel.limits.flatMap((l) => (l.band ? [{ y1: l.band[0], y2: l.band[1], color: 'red.1', fillOpacity: 0.5, ifOverflow: 'hidden' as const }] : []))}
        referenceLines={panel.limits.map((l) => ({ y: l.y, color: l.color, strokeDasharray: '6 4', label: l.label, labelPosition: 'insideTopLeft' as const }))}
      />
    </div>
  );
}
