import { describe, expect, it } from 'vitest';
import { csvField, csvRow, csvText } from '../../shared/export/csv';

describe('CSV for spreadsheets', () => {
  it('quotes only what RFC 4180 needs, doubling quotes, with CRLF rows', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });

  it('defuses formulas: text starting with = + - @ tab or CR gets a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('a=1')).toBe('a=1');
  });

  it('keeps numbers as numbers, so a fall of 8 points stays -8', () => {
    expect(csvField(-8)).toBe('-8');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes the header, then each row', () => {
    expect([...csvText(['A', 'B'], [[1, 'x'], [2, '=y']], (r) => r)].join('')).toBe('A,B\r\n1,x\r\n2,\'=y\r\n');
  });
});
