// Where each of the 100 figures of an icon array sits and what it stands for.
// Pure, so the arrays on paper are tested without a browser.

export interface IconArrayShape {
  columns: number;
  rows: number;
  /** Figures are set in blocks of groupColumns × groupRows, with a gap between blocks, to ease counting. */
  groupColumns: number;
  groupRows: number;
  /** Fill whole rows left to right, or one block after another. */
  order: 'rows' | 'groups';
}

/** The classic 10 × 10 square, filled row by row, with a gap after the fifth row and column. */
export const SQUARE: IconArrayShape = { columns: 10, rows: 10, groupColumns: 5, groupRows: 5, order: 'rows' };

/** Ten blocks of ten (5 × 2) in two rows of five blocks, filled block by block: wide and low, for two arrays side by side. */
export const BLOCKS: IconArrayShape = { columns: 25, rows: 4, groupColumns: 5, groupRows: 2, order: 'groups' };

/** A low strip of ten blocks of ten (5 × 2), filled block by block: 41 is four full blocks and one. */
export const STRIP: IconArrayShape = { columns: 50, rows: 2, groupColumns: 5, groupRows: 2, order: 'groups' };

export interface IconCell {
  column: number;
  row: number;
  /** Which part the figure belongs to; `null` for the people with neither. */
  part: string | null;
}

export interface IconPart {
  part: string;
  count: number;
}

/** The cells in fill order: the first `parts[0].count` figures are part 0, and so on; the rest are null. */
export function iconArray(shape: IconArrayShape, parts: readonly IconPart[]): IconCell[] {
  const size = shape.columns * shape.rows;
  const total = parts.reduce((sum, p) => sum + p.count, 0);
  if (parts.some((p) => !Number.isInteger(p.count) || p.count < 0) || total > size) {
    throw new Error(`An icon array of ${size} cannot show ${parts.map((p) => p.count).join(' + ')}`);
  }
  const labels = parts.flatMap((p) => Array<string>(p.count).fill(p.part));
  return fillOrder(shape).map(([column, row], i) => ({ column, row, part: labels[i] ?? null }));
}

function fillOrder(shape: IconArrayShape): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  if (shape.order === 'rows') {
    for (let row = 0; row < shape.rows; row++) for (let column = 0; column < shape.columns; column++) cells.push([column, row]);
    return cells;
  }
  const across = Math.ceil(shape.columns / shape.groupColumns);
  const down = Math.ceil(shape.rows / shape.groupRows);
  for (let gy = 0; gy < down; gy++) {
    for (let gx = 0; gx < across; gx++) {
      for (let r = 0; r < shape.groupRows; r++) {
        for (let c = 0; c < shape.groupColumns; c++) {
          const column = gx * shape.groupColumns + c;
          const row = gy * shape.groupRows + r;
          if (column < shape.columns && row < shape.rows) cells.push([column, row]);
        }
      }
    }
  }
  return cells;
}

/** Counts per part, for checking an array against its figure. */
export function countParts(cells: readonly IconCell[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cell of cells) counts[cell.part ?? 'none'] = (counts[cell.part ?? 'none'] ?? 0) + 1;
  return counts;
}
