import { iconArray, type IconArrayShape, type IconPart } from '../../../shared/printouts/icon-array';

// An icon array as SVG: 100 small figures, one per person, shaded by part.
// Drawn from the pure layout, so what is printed is what the tests count.

const FIGURE = { width: 10, height: 22 };
const PITCH = { x: 12.5, y: 25 };
const GROUP_GAP = 7;

export interface PartStyle {
  fill: string;
  stroke?: string;
}

/** Empty figures: white with a grey outline, clear on paper and in black and white. */
export const NONE_STYLE: PartStyle = { fill: '#ffffff', stroke: '#9aa2aa' };

interface Props {
  shape: IconArrayShape;
  parts: readonly IconPart[];
  styles: Record<string, PartStyle>;
  /** What the array shows, in words, for screen readers and as its tooltip. */
  label: string;
  /** Printed width, in mm. */
  widthMm: number;
}

export function IconArray({ shape, parts, styles, label, widthMm }: Props) {
  const x = (column: number) => column * PITCH.x + Math.floor(column / shape.groupColumns) * GROUP_GAP;
  const y = (row: number) => row * PITCH.y + Math.floor(row / shape.groupRows) * GROUP_GAP;
  const width = x(shape.columns - 1) + FIGURE.width;
  const height = y(shape.rows - 1) + FIGURE.height;
  return (
    <svg
      className="kd-icon-array"
      viewBox={`-1 -1 ${width + 2} ${height + 2}`}
      style={{ width: `${widthMm}mm`, height: `${(widthMm * (height + 2)) / (width + 2)}mm` }}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      {iconArray(shape, parts).map((cell) => {
        const style = (cell.part && styles[cell.part]) || NONE_STYLE;
        return (
          <g
            key={`${cell.column}-${cell.row}`}
            transform={`translate(${x(cell.column)} ${y(cell.row)})`}
            fill={style.fill}
            stroke={style.stroke ?? 'none'}
            strokeWidth={style.stroke ? 1 : 0}
            data-part={cell.part ?? 'none'}
          >
            <circle cx="5" cy="4" r="3.5" />
            <path d="M0.9 21.3 V12.6 Q0.9 8.7 5 8.7 Q9.1 8.7 9.1 12.6 V21.3 Z" />
          </g>
        );
      })}
    </svg>
  );
}
