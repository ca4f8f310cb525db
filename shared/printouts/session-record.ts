import { signatureLine } from '../auth/meanings';
import { localIsoDate, spelledDate } from '../dates';
import type { SessionRecord } from '../session/record';
import { MINUTE_MS, minutesBetween, toMs } from '../session/time';
import type { SessionRecordData } from './monitoring-record';

// The session feature's printable record (sessions.record) as the monitoring
// record prints it: one row per moment something was measured, in time order,
// and every event, alert and correction as a line.

type Row = SessionRecordData['vitals'][number];

const TITLES = /^(dr|mr|mrs|ms|mx|nurse|prof)\.?$/i;

/** "Dr Amira Haddad" → "AH". */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !TITLES.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

const minuteOf = (at: string) => Math.floor(toMs(at) / MINUTE_MS);

function doseText(dose: SessionRecord['dose']): string {
  if (dose.route === 'esketamine-nasal') return `${dose.totalMg} mg (${dose.deviceCount} devices)`;
  const infusion = dose.infusionMinutes ? ` over ${dose.infusionMinutes} min` : '';
  return `${dose.mgPerKg} mg/kg × ${dose.weightKg} kg (${dose.weightBasis} weight) = ${dose.totalMg} mg, ${dose.volumeMl} mL of ${dose.concentrationMgPerMl} mg/mL${infusion}`;
}

/**
 * Maps a session record to the monitoring record's rows. `time` formats an
 * instant as the clinic's local clock time ("09:40"); it is passed in so this
 * stays pure.
 */
export function fromSessionRecord(r: SessionRecord, time: (iso: string) => string): SessionRecordData {
  const start = r.session.startedAt;
  // Measurements of the same minute share a row, as they would on paper, but a
  // row never holds two readings of one kind: a second one gets its own row.
  const rows: Array<{ minute: number; before: boolean; row: Row }> = [];
  const newRow = (at: string, label: string, before: boolean): Row => {
    const row: Row = {
      time: time(at), label,
      systolic: null, diastolic: null, heartRate: null, spo2: null, respiratoryRate: null, sedation: null, dissociation: null, initials: null,
    };
    rows.push({ minute: minuteOf(at), before, row });
    return row;
  };
  const has = {
    vitals: (row: Row) => row.systolic !== null || row.heartRate !== null || row.spo2 !== null,
    sedation: (row: Row) => row.sedation !== null,
    dissociation: (row: Row) => row.dissociation !== null,
  };
  const rowAt = (at: string, kind: keyof typeof has): Row => {
    const minute = minuteOf(at);
    const before = toMs(at) < toMs(start);
    const found = rows.find((r) => r.minute === minute && r.before === before && !has[kind](r.row));
    return found?.row ?? newRow(at, before ? 'Before the dose' : `${Math.floor(minutesBetween(start, at))} min after start`, before);
  };
  const setVitals = (row: Row, v: { systolic: number | null; diastolic: number | null; heartRate: number | null; spo2: number | null; respiratoryRate?: number | null | undefined }) => {
    Object.assign(row, { systolic: v.systolic, diastolic: v.diastolic, heartRate: v.heartRate, spo2: v.spo2, respiratoryRate: v.respiratoryRate ?? null });
  };
  const sign = (row: Row, name: string) => {
    const initials = initialsOf(name);
    if (!row.initials?.split('/').includes(initials)) row.initials = row.initials ? `${row.initials}/${initials}` : initials;
  };

  // Pre-dose readings are before the dose whatever their clock time.
  const preDose = (v: NonNullable<SessionRecord['preDose']['repeatVitals']>, label: string) => {
    const row = newRow(v.takenAt, label, true);
    setVitals(row, v);
    sign(row, r.session.startedByName);
  };
  preDose(r.preDose.vitals, 'Before the dose');
  if (r.preDose.repeatVitals) preDose(r.preDose.repeatVitals, 'Before the dose (repeat)');
  for (const v of r.postDoseVitals) {
    const row = rowAt(v.at, 'vitals');
    setVitals(row, v);
    sign(row, v.recordedByName);
  }
  for (const a of r.sedation.assessments) {
    const row = rowAt(a.at, 'sedation');
    row.sedation = a.level;
    sign(row, a.recordedByName);
  }
  for (const d of r.dissociation.assessments) {
    const row = rowAt(d.at, 'dissociation');
    row.dissociation = d.level;
    sign(row, d.recordedByName);
  }
  if (r.discharge) newRow(r.discharge.at, 'At discharge', false);

  const events = [
    ...r.preDose.concerns.map((c) => ({ at: start, text: `Before the dose: ${c.message}` })),
    ...(r.preDose.decisionReason ? [{ at: start, text: `Decision to proceed: ${r.preDose.decisionReason}` }] : []),
    ...r.nauseaVomiting.map((n) => ({ at: n.at, text: `${[n.nausea && 'Nausea', n.vomiting && 'Vomiting'].filter(Boolean).join(' and ')} (${n.recordedByName})` })),
    ...r.adverseEvents.map((e) => ({ at: e.at, text: `${e.description}${e.respiratoryDepression ? ' (respiratory depression)' : ''} (${e.recordedByName})` })),
    ...r.interventions.map((i) => ({ at: i.at, text: `Action: ${i.description} (${i.recordedByName})` })),
    ...r.alerts.map((a) => ({
      at: a.at,
      text: `Alert: ${a.message}${a.acknowledgedAt ? `; acknowledged ${time(a.acknowledgedAt)} by ${a.acknowledgedByName ?? 'unknown'}${a.actionNote ? `: ${a.actionNote}` : ''}` : '; not acknowledged'}${a.entrySuperseded ? ' (entry corrected since)' : ''}`,
    })),
    ...r.corrections.map((c) => ({ at: c.recordedAt, text: `Correction by ${c.byName}: ${c.reason}${c.struckOut ? ' (entry struck out)' : ''}` })),
  ]
    .sort((a, b) => toMs(a.at) - toMs(b.at))
    .map((e) => `${time(e.at)} ${e.text}`);

  const discharge = r.discharge;
  return {
    startedAt: time(start),
    endedAt: r.dosingEndedAt ? time(r.dosingEndedAt) : null,
    dose: doseText(r.dose),
    clinicianName: r.session.startedByName,
    vitals: rows
      .map((r, i) => ({ ...r, i }))
      .sort((a, b) => Number(b.before) - Number(a.before) || a.minute - b.minute || a.i - b.i)
      .map((r) => r.row),
    events,
    dischargedAt: discharge
      ? `${time(discharge.at)} by ${discharge.byName}${discharge.stableAtDischarge ? '' : `; not met: ${discharge.unmet.join(', ')}${discharge.overrideReason ? `; reason: ${discharge.overrideReason}` : ''}`}`
      : null,
    signatures: r.signatures.map((s) => signatureLine(s, (iso) => `${spelledDate(localIsoDate(new Date(iso)))} ${time(iso)}`)),
  };
}
