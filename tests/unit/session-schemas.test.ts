import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { entryAdd, entryAmend, isIsoInstant, sessionDischarge, sessionStart } from '../../shared/session';
import { clinicalTimeProblem } from '../../shared/session/time';
import { toInvalidInput } from '../../shared/validation';
import { at, preDoseInput, START } from '../helpers/session-fixture';

const ID = '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
const firstError = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) return null;
  return toInvalidInput(r.error as never);
};

describe('session inputs name the field that is wrong', () => {
  it.each([
    [{ kind: 'vitals', systolic: 301, diastolic: 80 }, 'entry.systolic', 'Systolic must be at most 300 mmHg'],
    [{ kind: 'vitals', systolic: 120 }, 'entry.diastolic', 'Enter both systolic and diastolic'],
    [{ kind: 'vitals', systolic: 80, diastolic: 90 }, 'entry.diastolic', 'Diastolic must be lower than systolic'],
    [{ kind: 'vitals', note: 'x' }, 'entry.systolic', 'Enter at least one measurement'],
    [{ kind: 'vitals', spo2: 97.5 }, 'entry.spo2', 'SpO2 must be a whole number'],
    [{ kind: 'sedation', level: 5 }, 'entry.level', 'Sedation level must be 0, 1, 2, 3 or 4'],
    [{ kind: 'dissociation', level: 'extreme' }, 'entry.level', 'Dissociation must be none, mild, moderate or severe'],
    [{ kind: 'adverse-event', description: '  ' }, 'entry.description', 'Adverse event is required'],
    [{ kind: 'coffee' }, 'entry.kind', expect.stringMatching(/^Entry kind must be one of vitals, sedation/)],
  ])('%j → %s', (entry, field, message) => {
    expect(firstError(entryAdd, { sessionId: ID, entry })).toEqual({ code: 'invalid-input', field, message });
  });

  it('accepts blank optional measures as not measured, and keeps a dangerous value recordable', () => {
    const ok = entryAdd.parse({ sessionId: ID, entry: { kind: 'vitals', systolic: null, diastolic: null, spo2: 71, heartRate: 0 } });
    expect(ok.entry).toMatchObject({ kind: 'vitals', spo2: 71, heartRate: 0, systolic: undefined });
  });

  it('times must be real instants with a zone, and are stored in one UTC form', () => {
    expect(firstError(entryAdd, { sessionId: ID, at: '2026-02-30T10:00:00Z', entry: { kind: 'sedation', level: 0 } })).toMatchObject({ field: 'at' });
    expect(firstError(entryAdd, { sessionId: ID, at: '2026-11-25 10:00', entry: { kind: 'sedation', level: 0 } })).toMatchObject({ field: 'at' });
    expect(entryAdd.parse({ sessionId: ID, at: '2026-11-25T11:00:00+01:00', entry: { kind: 'sedation', level: 0 } }).at).toBe('2026-11-25T10:00:00.000Z');
    expect(isIsoInstant('2026-11-25T10:00:00.123Z')).toBe(true);
    expect(isIsoInstant('2026-11-25T24:00:00Z')).toBe(false);
  });

  it('a correction needs a reason; null strikes the entry out', () => {
    expect(firstError(entryAmend, { sessionId: ID, entryId: ID, entry: null })).toMatchObject({ field: 'reason', message: 'Reason for the change is required' });
    expect(entryAmend.parse({ sessionId: ID, entryId: ID, entry: null, reason: 'Wrong patient' }).entry).toBeNull();
  });

  it('start: dose plan and pre-dose checks are checked field by field', () => {
    const start = (plan: unknown, extra: Record<string, unknown> = {}) =>
      firstError(sessionStart, { patientId: ID, startedAt: START, plan, preDose: preDoseInput(extra) });
    expect(start({ route: 'esketamine-nasal', deviceCount: 4 })).toMatchObject({ field: 'plan.deviceCount', message: 'Device count must be 1, 2 or 3 (28, 56 or 84 mg)' });
    expect(start({ route: 'iv-ketamine', mgPerKg: 0 })).toMatchObject({ field: 'plan.mgPerKg', message: 'Dose must be more than 0 mg/kg' });
    expect(start({ route: 'im-ketamine', mgPerKg: 0.5, infusionMinutes: 40 })).toMatchObject({ field: 'plan.infusionMinutes' });
    expect(start({ route: 'oral', mgPerKg: 0.5 })).toMatchObject({ field: 'plan.route' });
    expect(start({ route: 'esketamine-nasal', deviceCount: 2 }, { pregnancy: 'not-tested' })).toMatchObject({ field: 'preDose.pregnancyNotTestedReason' });
    expect(start({ route: 'esketamine-nasal', deviceCount: 2 }, { newIllness: true })).toMatchObject({ field: 'preDose.changesDetails' });
    expect(start({ route: 'esketamine-nasal', deviceCount: 2 }, { vitals: { takenAt: at(-5), systolic: 120, diastolic: 80, heartRate: 70 } }))
      .toMatchObject({ field: 'preDose.vitals.spo2', message: 'SpO2 must be a number' });
    expect(start({ route: 'esketamine-nasal', deviceCount: 2 })).toBeNull();
  });

  it('discharge defaults every checklist item to not ticked', () => {
    expect(sessionDischarge.parse({ sessionId: ID, checklist: {} }).checklist).toEqual({
      oriented: false, walksSteadily: false, nauseaControlled: false, escortPresent: false, aftercareExplained: false,
    });
  });

  it('property: no input, however malformed, makes a session request schema throw', () => {
    const channels = Object.entries(contract).filter(([name]) => name.startsWith('sessions.'));
    expect(channels).toHaveLength(11);
    fc.assert(fc.property(fc.constantFrom(...channels), fc.anything(), ([, c], input) => {
      c.request.safeParse(input);
      c.request.safeParse({ entry: input, plan: input, preDose: input, checklist: input });
      return true;
    }), { numRuns: 2000 });
  });
});

describe('clinical times', () => {
  const bounds = { startedAt: at(0), now: at(30) };
  it.each([
    [new Date(Date.parse(at(0)) - 1).toISOString(), 'The time cannot be before dosing started'],
    [at(0), null],
    [at(32), null],
    [new Date(Date.parse(at(32)) + 1).toISOString(), 'The time cannot be in the future'],
  ])('%s → %s', (time, problem) => {
    expect(clinicalTimeProblem(time, bounds)).toBe(problem);
  });

  it('after discharge, a corrected time cannot be later than the discharge', () => {
    expect(clinicalTimeProblem(at(21), { ...bounds, dischargedAt: at(20) })).toBe('The time cannot be after discharge');
    expect(clinicalTimeProblem(at(20), { ...bounds, dischargedAt: at(20) })).toBeNull();
  });
});
