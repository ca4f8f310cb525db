// CSV for spreadsheets: RFC 4180 (comma, CRLF, a field with a comma, quote or
// line break is quoted and its quotes doubled), and safe to open: a text cell
// that a spreadsheet would run as a formula (starting with = + - @, or a tab or
// carriage return) gets a leading apostrophe. Numbers are written as numbers,
// so a change of -8 stays a number.

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRow = (cells: readonly CsvCell[]) => `${cells.map(csvField).join(',')}\r\n`;

/** The header row, then each row as it comes: the caller may join or stream the pieces. */
export function* csvText<T>(header: readonly string[], rows: Iterable<T>, cellsOf: (row: T) => CsvCell[]): Generator<string> {
  yield csvRow(header);
  for (const row of rows) yield csvRow(cellsOf(row));
}
