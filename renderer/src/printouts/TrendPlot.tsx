import dayjs from 'dayjs';
import { dayTicks, type InstrumentTrend, type Trend } from '../../../shared/measures';
import type { TrendBlock } from '../../../shared/printouts/model';

// The progress sheet's chart as plain SVG, in millimetres: drawn the same on
// screen and paper, with no charting library in the printouts' code. Score
// ranges are shaded light enough to read in black and white.

const WIDTH = 170;
const PANEL = { height: 44, gap: 9 };
const MARGIN = { left: 9, right: 30, top: 5, bottom: 7 };
const BAND_FILLS = ['#e9f4ea', '#fbf3d5', '#fbe5cf', '#f8d9d9', '#f2c4c4'];

const PANEL_TITLE: Record<InstrumentTrend['instrument'], string> = {
  phq9: 'Depression score (PHQ-9)',
  gad7: 'Anxiety score (GAD-7)',
};

function Panel({ i, trend, top }: { i: InstrumentTrend; trend: Trend; top: number }) {
  const span = trend.span!;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const x = (t: number) => MARGIN.left + ((t - span.from) / (span.to - span.from)) * plotW;
  const y = (v: number) => top + MARGIN.top + PANEL.height - (v / i.max) * PANEL.height;
  const bottom = y(0);
  const path = i.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${x(p.t).toFixed(2)} ${y(p.total).toFixed(2)}`).join(' ');
  return (
    <g data-instrument={i.instrument}>
      <text x={MARGIN.left} y={top + 3} fontSize={3.4} fontWeight={700} fill="#1f2a33">
        {PANEL_TITLE[i.instrument]}
      </text>
      {i.bands.map((b, k) => {
        const upper = k === i.bands.length - 1 ? b.max : b.max + 1;
        return (
          <g key={b.name}>
            <rect x={MARGIN.left} y={y(upper)} width={plotW} height={y(b.min) - y(upper)} fill={BAND_FILLS[k] ?? '#eeeeee'} />
            <text x={MARGIN.left + plotW + 1.5} y={(y(b.min) + y(upper)) / 2 + 1} fontSize={2.7} fill="#3d4650">
              {b.name.replace(/-/g, ' ')}
            </text>
          </g>
        );
      })}
      {[...i.bands.map((b) => b.min), i.max].map((v) => (
        <text key={v} x={MARGIN.left - 1.5} y={y(v) + 1} fontSize={2.7} textAnchor="end" fill="#3d4650">
          {v}
        </text>
      ))}
      {trend.sessionDays.map((t) => (
        <line key={t} x1={x(t)} x2={x(t)} y1={y(i.max)} y2={bottom} stroke="#5c6670" strokeWidth={0.3} strokeDasharray="0.6 1" />
      ))}
      {i.baseline && (
        <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={y(i.baseline.total)} y2={y(i.baseline.total)} stroke="#1f2a33" strokeWidth={0.35} strokeDasharray="2 1.2" />
      )}
      <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={bottom} y2={bottom} stroke="#5c6670" strokeWidth={0.3} />
      <path d={path} fill="none" stroke="#0f5d66" strokeWidth={0.7} />
      {i.points.map((p) => (
        <g key={p.id}>
          <circle cx={x(p.t)} cy={y(p.total)} r={1.1} fill="#0f5d66" />
          <text x={x(p.t)} y={y(p.total) - 2} fontSize={2.9} fontWeight={700} textAnchor="middle" fill="#1f2a33">
            {p.total}
          </text>
        </g>
      ))}
      {dayTicks(span, 7).map((t) => (
        <text key={t} x={x(t)} y={bottom + 4.2} fontSize={2.7} textAnchor="middle" fill="#3d4650">
          {dayjs(t).format('D MMM')}
        </text>
      ))}
    </g>
  );
}

/** The trend block: one panel per questionnaire with scores, the sentences under it, and the owners' line. */
export function TrendPlot({ block }: { block: TrendBlock }) {
  const shown = block.trend.instruments.filter((i) => i.points.length > 0);
  const panelH = MARGIN.top + PANEL.height + MARGIN.bottom;
  const height = shown.length * panelH + (shown.length - 1) * PANEL.gap;
  return (
    <figure className="kd-trend">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} style={{ width: `${WIDTH}mm`, height: `${height}mm` }} role="img" aria-label={block.sentences.join(' ')}>
        {shown.map((i, k) => (
          <Panel key={i.instrument} i={i} trend={block.trend} top={k * (panelH + PANEL.gap)} />
        ))}
      </svg>
      <p className="kd-legend">
        Shading shows the score ranges. Dashed line: your first score. Dotted lines: days you had a treatment visit.
      </p>
      {block.sentences.map((s) => (
        <p key={s} className="kd-para">
          {s}
        </p>
      ))}
      <p className="kd-trend-note">{block.note}</p>
    </figure>
  );
}
