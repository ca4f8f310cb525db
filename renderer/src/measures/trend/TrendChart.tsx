import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import dayjs from 'dayjs';
import { memo } from 'react';
import { dayTicks, type InstrumentTrend, type Trend } from '../../../../shared/measures';
import { BAND_COLORS, bandTicks } from './bands';
import classes from './Trend.module.css';

const dayLabel = (t: unknown) => {
  const n = Number(t);
  return Number.isFinite(n) ? dayjs(n).format('D MMM') : '';
};

interface Props {
  trend: Trend;
  /** `small` on the session screen: shorter panels, no band names. */
  size?: 'full' | 'small';
}

/**
 * PHQ-9 and GAD-7 totals over time, one panel each on a shared day axis:
 * severity bands shaded, the baseline dashed, each session day a dotted
 * line. Drawn for sighted readers; the summary and table beside it carry the
 * same facts for a screen reader, so the drawing is hidden from one.
 */
export const TrendChart = memo(function TrendChart({ trend, size = 'full' }: Props) {
  if (!trend.span) return null;
  const shown = trend.instruments.filter((i) => i.points.length > 0);
  const x = { domain: [trend.span.from, trend.span.to] as [number, number], ticks: dayTicks(trend.span, size === 'small' ? 5 : 8) };
  return (
    <figure className={classes.figure} data-testid={`trend-chart-${size}`}>
      <div aria-hidden="true">
        {shown.map((i, k) => (
          <Panel key={i.instrument} instrument={i} sessionDays={trend.sessionDays} x={x} size={size} last={k === shown.length - 1} />
        ))}
      </div>
      <figcaption className={classes.caption}>
        Shading: severity bands, green for minimal to red for severe. Dashed line: baseline. Dotted lines: session days.
      </figcaption>
    </figure>
  );
});

function Panel({ instrument: i, sessionDays, x, size, last }: {
  instrument: InstrumentTrend; sessionDays: number[]; x: { domain: [number, number]; ticks: number[] }; size: 'full' | 'small'; last: boolean;
}) {
  const height = size === 'small' ? 92 : 170;
  const data = i.points.map((p) => ({ t: p.t, total: p.total }));
  return (
    <div data-testid={`trend-panel-${i.instrument}`} data-points={i.points.length}>
      <p className={classes.panelName}>{i.name} total (0–{i.max})</p>
      <LineChart
        h={last ? height + 24 : height}
        data={data}
        dataKey="t"
        series={[{ name: 'total', label: `${i.name} total`, color: 'clinic.7' }]}
        curveType="linear"
        withLegend={false}
        withTooltip={false}
        accessibilityLayer={false}
        strokeWidth={2}
        dotProps={{ r: size === 'small' ? 2.5 : 3.5 }}
        gridAxis="none"
        textColor="gray.7"
        withXAxis={last}
        xAxisProps={{ type: 'number', scale: 'time', domain: x.domain, ticks: x.ticks, tickFormatter: dayLabel, interval: 0 }}
        yAxisProps={{ domain: [0, i.max], ticks: bandTicks(i), width: 30, allowDataOverflow: true }}
        referenceAreas={i.bands.map((b, k) => ({
          y1: b.min, y2: k === i.bands.length - 1 ? b.max : b.max + 1, color: BAND_COLORS[k] ?? 'gray.1', fillOpacity: 0.55, ifOverflow: 'hidden' as const,
          ...(size === 'full' ? { label: { value: b.name.replace(/-/g, ' '), position: 'insideRight' as const, fontSize: 10, fill: '#495057' } } : {}),
        }))}
        referenceLines={[
          ...sessionDays.map((t) => ({ x: t, color: 'gray.6', strokeDasharray: '1 3' })),
          ...(i.baseline ? [{ y: i.baseline.total, color: 'gray.8', strokeDasharray: '6 4' }] : []),
        ]}
      />
    </div>
  );
}
