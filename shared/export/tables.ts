// The two spreadsheet tables: one row per session, one row per questionnaire.
// Read from the same records as the FHIR export, one chunk of patients at a time.

import { localIsoDate } from '../dates';
import { INSTRUMENT_NAMES } from '../measures';
import type { Questionnaire } from '../schemas/questionnaire';
import { ROUTE_LABELS } from '../session/reference';
import { bpReadings, dosingEndedAt, effectiveEntries } from '../session/timeline';
import type { ExportPatient, ExportSession } from '../fhir/records';
import { csvText, type CsvCell } from './csv';

export const CSV_TABLES = ['sessions', 'questionnaires'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export const SESSION_COLUMNS = [
  'MRN', 'Date', 'Route', 'Dose (mg)', 'Devices', 'Dose (mg/kg)', 'Started (UTC)', 'Dosing ended (UTC)', 'Discharged (UTC)',
  'Max systolic (mmHg)', 'Diastolic at max (mmHg)', 'Alerts', 'Discharge',
] as const;

export const QUESTIONNAIRE_COLUMNS = [
  'MRN', 'Instrument', 'Taken (UTC)', 'Total', 'Band or result', 'Baseline', 'Change from baseline (points)', 'Entry',
] as const;

/** The highest systolic reading of the session (pre-dose and timeline), with its diastolic. */
function maxBp(x: ExportSession): { systolic: number; diastolic: number } | null {
  const s = x.session;
  const readings = [
    s.preDose.vitals,
    ...(s.preDose.repeatVitals ? [s.preDose.repeatVitals] : []),
    ...bpReadings(effectiveEntries(x.entries)).map((t) => ({ systolic: t.entry.systolic!, diastolic: t.entry.diastolic! })),
  ];
  return readings.reduce<{ systolic: number; diastolic: number } | null>(
    (max, r) => (max === null || r.systolic > max.systolic ? { systolic: r.systolic, diastolic: r.diastolic } : max), null,
  );
}

function dischargeText(s: ExportSession['session']): string {
  if (!s.discharge) return 'Open';
  return s.discharge.ready ? 'Discharged, all criteria met' : `Discharged with override: ${s.discharge.overrideReason ?? ''}`;
}

export function sessionCells(mrn: string, x: ExportSession): CsvCell[] {
  const s = x.session;
  const d = s.dose;
  const bp = maxBp(x);
  return [
    mrn, localIsoDate(new Date(s.startedAt)), ROUTE_LABELS[s.route], d.totalMg,
    d.route === 'esketamine-nasal' ? d.deviceCount : null,
    d.route === 'esketamine-nasal' ? null : d.mgPerKg,
    s.startedAt, dosingEndedAt(s, effectiveEntries(x.entries)), s.discharge?.at ?? null,
    bp?.systolic ?? null, bp?.diastolic ?? null, x.alertCount, dischargeText(s),
  ];
}

function entryText(q: Questionnaire): string {
  if (q.amendedById !== null) return 'Corrected later (does not count)';
  return q.amendsId !== null ? 'Correction' : 'Current';
}

export function questionnaireCells(mrn: string, q: Questionnaire): CsvCell[] {
  const change = q.score.change;
  return [
    mrn, INSTRUMENT_NAMES[q.instrument], q.takenAt, q.score.total, q.score.band ?? q.score.result ?? q.score.status,
    change?.baseline ?? null, change?.points ?? null, entryText(q),
  ];
}

/** A table's CSV text, piece by piece, over chunks of patients. */
export function* tableCsv(table: CsvTable, chunks: Iterable<readonly ExportPatient[]>): Generator<string> {
  function* rows(): Generator<CsvCell[]> {
    for (const chunk of chunks) {
      for (const p of chunk) {
        if (table === 'sessions') for (const x of p.sessions) yield sessionCells(p.patient.mrn, x);
        else for (const q of p.questionnaires) yield questionnaireCells(p.patient.mrn, q);
      }
    }
  }
  yield* csvText(table === 'sessions' ? SESSION_COLUMNS : QUESTIONNAIRE_COLUMNS, rows(), (cells) => cells);
}
