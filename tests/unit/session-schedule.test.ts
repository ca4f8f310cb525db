import { describe, expect, it } from 'vitest';
import { schedule, type ScheduleItem } from '../../shared/session';
import { at, bp, dissociation, doseComplete, row, sedation, sessionFor, SETTINGS } from '../helpers/session-fixture';

const ms = (minutes: number, extraMs = 0) => new Date(Date.parse(at(minutes)) + extraMs).toISOString();
const byId = (items: ScheduleItem[]) => Object.fromEntries(items.map((i) => [i.id, i]));

describe('esketamine schedule [REFERENCE §4, S1 §5.5]', () => {
  const esk = sessionFor('esketamine-nasal');

  it('lists pre-dose BP as done, the end of dosing, BP at 40 minutes, the discharge assessment and the end of observation', () => {
    const items = schedule(esk, [], at(1), SETTINGS);
    expect(items.map((i) => [i.id, i.status, i.dueAt])).toEqual([
      ['pre-dose-vitals', 'done', at(0)],
      ['record-dose-end', 'due', at(5)], // 2 devices, 5 minutes apart
      ['post-dose-bp', 'upcoming', at(40)],
      ['discharge-assessment', 'upcoming', at(120)],
      ['observation-end', 'upcoming', at(120)],
    ]);
    // Both timed rules count from the first device, one anchor [S1 §5.5, S8], and say so.
    expect(byId(items)['discharge-assessment']?.estimated).toBe(false);
    expect(byId(items)['post-dose-bp']?.label).toBe('BP about 40 minutes after the first device');
    expect(byId(items)['observation-end']?.label).toBe('Minimum observation ends (counted from the first device)');
  });

  it.each([
    [ms(35, -1), 'upcoming', false],
    [ms(35), 'due', false],
    [ms(40), 'due', false],
    [ms(45), 'due', false],
    [ms(45, 1), 'overdue', true],
  ])('the 40-minute BP at %s is %s', (now, status, overdue) => {
    const item = byId(schedule(esk, [], now, SETTINGS))['post-dose-bp']!;
    expect([item.status, item.overdue]).toEqual([status, overdue]);
    expect(item.countdownMs).toBe(Date.parse(at(40)) - Date.parse(now));
  });

  it('counts a BP reading from the window before it (default 5 minutes), not earlier', () => {
    const early = { ...row(0, bp(130, 85)), at: ms(35, -1) };
    const inWindow = { ...row(0, bp(130, 85)), at: ms(35) };
    expect(byId(schedule(esk, [early], at(50), SETTINGS))['post-dose-bp']?.status).toBe('overdue');
    expect(byId(schedule(esk, [inWindow], at(50), SETTINGS))['post-dose-bp']).toMatchObject({ status: 'done', doneAt: ms(35) });
  });

  it('a reading with no blood pressure does not count as the BP check', () => {
    const spo2Only = row(40, { kind: 'vitals', spo2: 97, systolic: undefined, diastolic: undefined, heartRate: undefined, respiratoryRate: undefined, note: null });
    expect(byId(schedule(esk, [spo2Only], at(41), SETTINGS))['post-dose-bp']?.status).toBe('due');
  });

  it('asks for BP again at the clinic interval while it stays raised, and stops once it is back near baseline', () => {
    const raised = row(40, bp(165, 90)); // +45 from 120/80
    expect(byId(schedule(esk, [raised], at(41), SETTINGS))['repeat-bp']).toMatchObject({ dueAt: at(55), status: 'upcoming' });
    const settled = row(55, bp(128, 82));
    expect(byId(schedule(esk, [raised, settled], at(56), SETTINGS))['repeat-bp']).toBeUndefined();
  });

  it('reckons observation from the first device, not the last, and marks the assessment done when vitals, sedation and dissociation are all in', () => {
    const entries = [row(7, doseComplete), row(117, bp(125, 80)), row(118, sedation(0)), row(119, dissociation('none'))];
    const items = byId(schedule(esk, entries, at(121), SETTINGS));
    expect(items['record-dose-end']).toMatchObject({ status: 'done', doneAt: at(7) });
    expect(items['observation-end']).toMatchObject({ dueAt: at(120), status: 'done', estimated: false });
    expect(items['discharge-assessment']).toMatchObject({ dueAt: at(120), status: 'done', doneAt: at(119) });
  });

  it('the end of observation is reached, never overdue', () => {
    const entries = [row(5, doseComplete)];
    expect(byId(schedule(esk, entries, ms(120, -1), SETTINGS))['observation-end']?.status).toBe('upcoming');
    expect(byId(schedule(esk, entries, at(120), SETTINGS))['observation-end']?.status).toBe('done');
    expect(byId(schedule(esk, entries, at(400), SETTINGS))['observation-end']?.status).toBe('done');
    expect(byId(schedule(esk, entries, at(400), SETTINGS))['discharge-assessment']?.status).toBe('overdue');
  });

  it('ignores a reading that was struck out, and counts its correction', () => {
    const wrong = row(40, bp(130, 85));
    const struck = row(41, null, { amendsId: wrong.id, amendReason: 'Wrong patient' });
    expect(byId(schedule(esk, [wrong, struck], at(50), SETTINGS))['post-dose-bp']?.status).toBe('overdue');
    const fixed = { ...row(41, bp(131, 85), { amendsId: wrong.id, amendReason: 'Typo' }), at: at(40) };
    expect(byId(schedule(esk, [wrong, fixed], at(50), SETTINGS))['post-dose-bp']?.status).toBe('done');
  });

  it('is empty once the session is discharged', () => {
    expect(schedule({ ...esk, status: 'discharged' }, [], at(200), SETTINGS)).toEqual([]);
  });
});

describe('IV and IM ketamine schedules [REFERENCE §4, S3]', () => {
  const iv = sessionFor('iv-ketamine');

  it('IV: vitals every 15 minutes from the last reading, at the end of the infusion, and the end of observation', () => {
    const items = byId(schedule(iv, [], at(1), SETTINGS));
    expect(items['next-vitals']).toMatchObject({ dueAt: at(15), status: 'upcoming' });
    expect(items['end-of-infusion-vitals']).toMatchObject({ dueAt: at(40), estimated: true });
    expect(items['record-dose-end']).toMatchObject({ dueAt: at(40), label: 'Record when the infusion ended' });
    expect(items['observation-end']).toMatchObject({ dueAt: at(100), estimated: true }); // 40 + 60 (clinic default)
    const later = byId(schedule(iv, [row(14, bp(130, 85))], at(20), SETTINGS));
    expect(later['next-vitals']).toMatchObject({ dueAt: at(29), status: 'upcoming' });
    expect(byId(schedule(iv, [row(14, bp(130, 85))], ms(34, 1), SETTINGS))['next-vitals']?.status).toBe('overdue');
  });

  it('IV: once the infusion end is recorded, its vitals and the observation are timed from it', () => {
    const items = byId(schedule(iv, [row(42, doseComplete), row(43, bp(135, 85))], at(44), SETTINGS));
    expect(items['end-of-infusion-vitals']).toMatchObject({ dueAt: at(42), estimated: false, status: 'done', doneAt: at(43) });
    expect(items['observation-end']).toMatchObject({ dueAt: at(102), estimated: false });
  });

  it('follows the clinic’s interval and observation settings', () => {
    const settings = { ...SETTINGS, vitalsIntervalMinutes: 10, ketamineMinObservationMinutes: 30 };
    const items = byId(schedule(iv, [], at(1), settings));
    expect(items['next-vitals']?.dueAt).toBe(at(10));
    expect(items['observation-end']?.dueAt).toBe(at(70));
  });

  it('IM: nothing to record at the end of dosing; observation runs from the injection', () => {
    const items = schedule(sessionFor('im-ketamine'), [], at(1), SETTINGS);
    expect(items.map((i) => i.id)).toEqual(['pre-dose-vitals', 'next-vitals', 'discharge-assessment', 'observation-end']);
    expect(byId(items)['observation-end']).toMatchObject({ dueAt: at(60), estimated: false });
  });
});
