import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clockFromEnv, parseClockText, TEST_CLOCK_ENV } from '../../electron/test-clock';
import { makeTempDir } from '../helpers/temp-dir';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const REAL = new Date('2026-11-25T09:00:00.000Z');

describe('test clock (browser mode, tests only)', () => {
  it('is the real clock when the variable is not set, and says nothing', () => {
    const warnings: string[] = [];
    const now = clockFromEnv({}, (m) => warnings.push(m));
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    expect(warnings).toEqual([]);
  });

  it('reads an instant or an offset from the file on every call, so a test can move time', () => {
    const { dir, cleanup } = makeTempDir();
    cleanups.push(cleanup);
    const file = join(dir, 'clock');
    writeFileSync(file, '2026-11-25T11:05:00Z\n');
    const warnings: string[] = [];
    const now = clockFromEnv({ [TEST_CLOCK_ENV]: file }, (m) => warnings.push(m));
    expect(warnings[0]).toMatch(/TEST CLOCK.*automated tests only/);
    expect(now().toISOString()).toBe('2026-11-25T11:05:00.000Z');
    writeFileSync(file, '2026-11-25T13:10:00.000Z');
    expect(now().toISOString()).toBe('2026-11-25T13:10:00.000Z');
    writeFileSync(file, '+2h');
    expect(now().getTime() - Date.now()).toBeGreaterThan(2 * 3_600_000 - 1000);
  });

  it('falls back to the real time, with one warning, when the file is missing or garbled', () => {
    const warnings: string[] = [];
    const now = clockFromEnv({ [TEST_CLOCK_ENV]: '/nonexistent/ketadesk-clock' }, (m) => warnings.push(m));
    now();
    now();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
    expect(warnings.filter((w) => /no usable time/.test(w))).toHaveLength(1);
  });

  it.each([
    ['2026-11-25T11:00:00Z', '2026-11-25T11:00:00.000Z'],
    ['+90m', '2026-11-25T10:30:00.000Z'],
    ['-30s', '2026-11-25T08:59:30.000Z'],
    ['+1500', '2026-11-25T09:00:01.500Z'],
    ['tomorrow', null],
    ['2026-13-45T99:00:00Z', null],
    ['', null],
  ])('%j → %s', (text, expected) => {
    expect(parseClockText(text, REAL)?.toISOString() ?? null).toBe(expected);
  });
});
