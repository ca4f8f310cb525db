import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dischargeReadiness, EMPTY_CHECKLIST, type DischargeChecklist, type SessionEntry } from '../../shared/session';
import { at, bp, dissociation, doseComplete, row, sedation, sessionFor, SETTINGS, vitals } from '../helpers/session-fixture';

const ALL: DischargeChecklist = { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true };
const ms = (minutes: number, extraMs = 0) => new Date(Date.parse(at(minutes)) + extraMs).toISOString();
const esk = sessionFor('esketamine-nasal');
/** The first device at 0 and the last at 5: the 2 hours count from the first device [S8], so observation ends at 120 and assessments count from 115. */
const good = (): SessionEntry[] => [row(5, doseComplete), row(121, bp(125, 82)), row(121, sedation(0)), row(121, dissociation('none'))];
const item = (entries: SessionEntry[], now = at(125), checklist = ALL, alerts: Parameters<typeof dischargeReadiness>[5] = []) => {
  const r = dischargeReadiness(esk, entries, checklist, now, SETTINGS, alerts);
  return (id: string) => r.items.find((i) => i.id === id)!;
};

describe('discharge readiness [REFERENCE §4]', () => {
  it('is ready when every item is met', () => {
    const r = dischargeReadiness(esk, good(), ALL, at(125), SETTINGS);
    expect(r).toMatchObject({ ready: true, canOverride: true, observationEndsAt: at(120) });
    expect(r.items.map((i) => i.id)).toEqual([
      'dosing-ended', 'min-observation', 'vitals-near-baseline', 'alert-oriented', 'no-dissociation', 'walks-steadily',
      'nausea-controlled', 'escort-present', 'aftercare-explained', 'alerts-acknowledged',
    ]);
  });

  it.each([
    [ms(120, -1), false, 'Observed 119 of 120 minutes from the first device'],
    [at(120), true, 'Observed 120 of 120 minutes from the first device'],
    [at(121), true, 'Observed 121 of 120 minutes from the first device'],
  ])('minimum observation of 2 hours from the first device [S1, S8]: at %s met=%s', (now, met, reason) => {
    const got = item(good(), now)('min-observation');
    expect(got).toMatchObject({ met, reason });
    expect(got.label).toBe('At least 120 minutes of observation from the first device');
  });

  it('asks for the last device to be recorded, but counts esketamine observation from the first device [S8]', () => {
    const get = item(good().slice(1), at(300));
    expect(get('dosing-ended')).toMatchObject({ met: false, reason: 'Record when the last device was used' });
    expect(get('min-observation')).toMatchObject({ met: true, reason: 'Observed 300 of 120 minutes from the first device' });
  });

  it('counts IV observation from the end of the infusion, and says so', () => {
    const iv = sessionFor('iv-ketamine');
    const r = (entries: SessionEntry[]) => dischargeReadiness(iv, entries, ALL, at(100), SETTINGS).items.find((i) => i.id === 'min-observation')!;
    expect(r([])).toMatchObject({ met: false, label: 'At least 60 minutes of observation from the end of the infusion', reason: 'Observation starts at the end of the infusion: record it' });
    expect(r([row(40, doseComplete)])).toMatchObject({ met: true, reason: 'Observed 60 of 60 minutes from the end of the infusion' });
  });

  it.each([
    [144, 82, true], [145, 82, false], [96, 82, true], [95, 82, false], // systolic within 20 % of 120
    [125, 96, true], [125, 97, false], [125, 64, true], [125, 63, false], // diastolic within 20 % of 80
  ])('vitals near baseline: %i/%i met=%s (20 % margin, clinic default)', (s, d, met) => {
    const entries = [row(5, doseComplete), row(121, bp(s, d)), row(121, sedation(0)), row(121, dissociation('none'))];
    expect(item(entries)('vitals-near-baseline').met).toBe(met);
  });

  it('vitals must also be below the alert limits, and taken at the end of observation', () => {
    const lowSpo2 = [row(5, doseComplete), row(121, vitals({ systolic: 125, diastolic: 80, spo2: 92 })), row(121, sedation(0)), row(121, dissociation('none'))];
    expect(item(lowSpo2)('vitals-near-baseline')).toMatchObject({ met: false, reason: 'SpO2 92 % is below the alert limit of 93 %' });
    const early = [row(5, doseComplete), { ...row(0, bp(125, 80)), at: ms(115, -1) }, row(121, sedation(0)), row(121, dissociation('none'))];
    expect(item(early)('vitals-near-baseline')).toMatchObject({ met: false, reason: 'Not yet assessed at the end of observation' });
    expect(item([...good().slice(0, 1), { ...row(0, bp(125, 80)), at: at(115) }, ...good().slice(2)])('vitals-near-baseline').met).toBe(true);
  });

  it('alert and oriented: sedation 0–1 on the timeline and oriented ticked', () => {
    const at1 = [...good().slice(0, 2), row(122, sedation(1)), row(121, dissociation('none'))];
    const at2 = [...good().slice(0, 2), row(122, sedation(2)), row(121, dissociation('none'))];
    expect(item(at1)('alert-oriented').met).toBe(true);
    expect(item(at2)('alert-oriented')).toMatchObject({ met: false, reason: 'Sedation level 2; 0–1 needed' });
    expect(item(at1, at(125), { ...ALL, oriented: false })('alert-oriented')).toMatchObject({ met: false, reason: 'Confirm the patient is oriented' });
  });

  it('no ongoing dissociation: only "none" without distress counts', () => {
    expect(item([...good().slice(0, 3), row(122, dissociation('mild'))])('no-dissociation')).toMatchObject({ met: false, reason: 'Dissociation mild' });
    expect(item([...good().slice(0, 3), row(122, dissociation('none', true))])('no-dissociation').met).toBe(false);
  });

  it('the clinician’s checklist: walking, nausea, escort, aftercare', () => {
    const r = dischargeReadiness(esk, good(), EMPTY_CHECKLIST, at(125), SETTINGS);
    expect(r.items.filter((i) => !i.met).map((i) => i.id)).toEqual([
      'alert-oriented', 'walks-steadily', 'nausea-controlled', 'escort-present', 'aftercare-explained',
    ]);
    expect(r).toMatchObject({ ready: false, canOverride: true });
    const vomiting = [...good(), row(122, { kind: 'nausea-vomiting', nausea: true, vomiting: true, note: null })];
    expect(item(vomiting)('nausea-controlled')).toMatchObject({ met: false, reason: 'Vomiting at the last check' });
  });

  it('every alert of a current entry must be acknowledged, and no override can skip that', () => {
    const open = { acknowledgement: null, entrySuperseded: false };
    const acked = { acknowledgement: { at: at(60), by: 'x', byName: 'Nurse Kim', actionNote: 'Rechecked' }, entrySuperseded: false };
    const corrected = { acknowledgement: null, entrySuperseded: true };
    const r = dischargeReadiness(esk, good(), ALL, at(125), SETTINGS, [open, acked, corrected]);
    expect(r.items.find((i) => i.id === 'alerts-acknowledged')).toMatchObject({ met: false, overridable: false, reason: '1 alert not yet acknowledged' });
    expect(r).toMatchObject({ ready: false, canOverride: false });
    expect(dischargeReadiness(esk, good(), ALL, at(125), SETTINGS, [acked, corrected]).ready).toBe(true);
  });

  it('goes by the corrected version of an entry', () => {
    const wrong = row(121, sedation(3));
    const fixed = row(121, sedation(0), { amendsId: wrong.id, amendReason: 'Wrong level' });
    expect(item([...good().slice(0, 2), wrong, fixed, row(121, dissociation('none'))])('alert-oriented').met).toBe(true);
  });

  it('IV and IM use the clinic’s ketamine observation (default 60 minutes, unverified)', () => {
    const im = sessionFor('im-ketamine');
    const entries = [row(56, bp(125, 80)), row(56, sedation(0)), row(56, dissociation('none'))];
    const r = (now: string) => dischargeReadiness(im, entries, ALL, now, SETTINGS);
    expect(r(ms(60, -1)).ready).toBe(false);
    expect(r(at(60))).toMatchObject({ ready: true, observationEndsAt: at(60) });
    expect(r(at(60)).items.some((i) => i.id === 'dosing-ended')).toBe(false);
  });

  it('property: ticking more of the checklist never unmeets an item, and ready implies an override is possible', () => {
    const checklist = fc.record({
      oriented: fc.boolean(), walksSteadily: fc.boolean(), nauseaControlled: fc.boolean(), escortPresent: fc.boolean(), aftercareExplained: fc.boolean(),
    });
    fc.assert(fc.property(checklist, checklist, fc.integer({ min: 0, max: 300 }), (a, b, minutes) => {
      const more = Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof DischargeChecklist] || b[k as keyof DischargeChecklist]])) as DischargeChecklist;
      const before = dischargeReadiness(esk, good(), a, at(minutes), SETTINGS);
      const after = dischargeReadiness(esk, good(), more, at(minutes), SETTINGS);
      const stillMet = before.items.every((i, n) => !i.met || after.items[n]!.met);
      return stillMet && (!after.ready || after.canOverride);
    }));
  });

  it('property: waiting longer never unmeets the observation item', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (m, extra) => {
      const met = (n: number) => item(good(), at(n))('min-observation').met;
      return !met(m) || met(m + extra);
    }));
  });
});
