import { describe, expect, it } from 'vitest';
import { countdownText, parseClock, timelineRowCount, timelineRows, typeIntoReading, alertGroups } from '../../renderer/src/session/model';
import type { SessionAlert } from '../../shared/session';
import { bp, row, sedation } from '../helpers/session-fixture';

// The session screen's pure helpers: clock times typed at the chair, the
// countdown wording, and the timeline as read (corrections beside what they
// corrected).

/** A local wall-clock time today as an ISO instant, the way the screen's clock would give it. */
const localAt = (h: number, m: number, dayOffset = 0) => {
  const d = new Date(2026, 10, 25 + dayOffset, h, m, 0, 0);
  return d.toISOString();
};

describe('parseClock', () => {
  const now = localAt(14, 5);

  it('empty means now (left to the store’s clock)', () => {
    expect(parseClock('', now)).toEqual({ ok: true, at: undefined });
    expect(parseClock('   ', now)).toEqual({ ok: true, at: undefined });
  });

  it('a clock time earlier today is today; a later one is yesterday', () => {
    expect(parseClock('13:40', now)).toEqual({ ok: true, at: localAt(13, 40) });
    expect(parseClock('1340', now)).toEqual({ ok: true, at: localAt(13, 40) });
    expect(parseClock('22:15', now)).toEqual({ ok: true, at: localAt(22, 15, -1) });
  });

  it('allows the store’s two minutes of clock difference before rolling back a day', () => {
    expect(parseClock('14:07', now)).toEqual({ ok: true, at: localAt(14, 7) });
    expect(parseClock('14:08', now)).toEqual({ ok: true, at: localAt(14, 8, -1) });
  });

  it('refuses what is not a clock time, naming the field', () => {
    const r = parseClock('25:00', now, 'Last food');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/^Last food: /);
    expect(parseClock('soon', now).ok).toBe(false);
  });
});

describe('countdownText', () => {
  it('counts down in minutes and seconds, then hours', () => {
    expect(countdownText(4 * 60_000 + 59_000)).toBe('in 4:59');
    expect(countdownText(85 * 60_000)).toBe('in 1 h 25 min');
    expect(countdownText(-6 * 60_000)).toBe('6:00 ago');
  });
});

describe('timelineRows', () => {
  it('shows each entry once, newest first, with the versions it replaced and the reason', () => {
    const original = row(10, bp(184, 90));
    const fix = row(11, bp(148, 90), { amendsId: original.id, amendReason: 'Typing error', at: original.at });
    const replaced = { ...original, supersededById: fix.id };
    const later = row(20, sedation(1));
    const rows = timelineRows([replaced, fix, later]);
    expect(rows.map((r) => r.head.id)).toEqual([later.id, fix.id]);
    expect(rows[1]!.earlier.map((e) => e.id)).toEqual([original.id]);
    expect(rows[1]!.struckOut).toBe(false);
  });

  it('keeps a struck-out entry visible with its last content', () => {
    const original = row(5, sedation(3));
    const strike = row(6, null, { amendsId: original.id, amendReason: 'Wrong patient' });
    const rows = timelineRows([{ ...original, supersededById: strike.id }, strike]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ struckOut: true, shown: sedation(3), at: original.at });
  });
});

describe('typeIntoReading', () => {
  const empty = { at: '', systolic: '', diastolic: '' };
  it('gives each pre-dose reading the time its first value was typed, so a repeat has its own time', () => {
    const first = typeIntoReading(empty, { systolic: '150' }, '08:50');
    expect(first.at).toBe('08:50');
    expect(typeIntoReading(first, { diastolic: '92' }, '08:51').at).toBe('08:50');
    const repeat = typeIntoReading(empty, { systolic: '146' }, '08:55');
    expect(repeat.at).toBe('08:55');
  });

  it('keeps a time the clinician typed or cleared, and does not stamp an empty box', () => {
    expect(typeIntoReading({ ...empty, at: '08:40' }, { systolic: '150' }, '08:50').at).toBe('08:40');
    expect(typeIntoReading({ ...empty, at: '08:40', systolic: '150' }, { at: '' }, '08:50').at).toBe('');
    expect(typeIntoReading(empty, { systolic: '' }, '08:50').at).toBe('');
  });
});

describe('timelineRowCount', () => {
  it('counts every row the timeline shows: pre-dose vitals, dosing started, the entries, a repeat and the discharge', () => {
    const open = { preDose: { repeatVitals: null }, discharge: null };
    // A session just started shows "Pre-dose vitals" and "Dosing started": 2 rows, not "0 entries".
    expect(timelineRowCount(open, [])).toBe(2);
    const rows = timelineRows([row(40, bp(150, 90))]);
    expect(timelineRowCount(open, rows)).toBe(3);
    expect(timelineRowCount({ preDose: { repeatVitals: {} }, discharge: {} }, rows)).toBe(5);
  });
});

describe('alertGroups', () => {
  const alert = (id: string, entryId: string, at: string, extra: Partial<SessionAlert> = {}): SessionAlert => ({
    id, sessionId: 's', entryId, at, recordedAt: at, code: 'systolic-high', message: 'x', value: 190, threshold: 180,
    settingKey: 'alertSystolicAbove', source: 'REFERENCE §4', entrySuperseded: false, acknowledgement: null, ...extra,
  });

  it('groups open alerts by the observation that raised them, oldest first, leaving out answered and corrected ones', () => {
    const groups = alertGroups([
      alert('a', 'e2', '2026-11-25T10:40:00.000Z'),
      alert('b', 'e1', '2026-11-25T10:20:00.000Z'),
      alert('c', 'e2', '2026-11-25T10:40:00.000Z'),
      alert('d', 'e3', '2026-11-25T10:50:00.000Z', { entrySuperseded: true }),
      alert('e', 'e4', '2026-11-25T10:55:00.000Z', { acknowledgement: { at: '2026-11-25T10:56:00.000Z', by: 'x', byName: 'X', actionNote: 'ok' } }),
    ]);
    expect(groups.map((g) => g.map((a) => a.id))).toEqual([['b'], ['a', 'c']]);
  });
});
