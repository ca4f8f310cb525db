import { describe, expect, it } from 'vitest';
import { ExportReader } from '../../db/export-reader';
import { tableCsv } from '../../shared/export/tables';
import { seedExportClinic } from '../helpers/export-clinic';
import { useTempStore } from '../helpers/store-fixture';

const open = useTempStore();

function tables() {
  const { store, clinician } = open();
  seedExportClinic(store, clinician);
  const reader = new ExportReader(store.db);
  return (table: 'sessions' | 'questionnaires') => [...tableCsv(table, reader.chunks())].join('').split('\r\n').slice(0, -1);
}

describe('CSV tables', () => {
  it('sessions: one row per session, the corrected reading counted, not the wrong one', () => {
    const rows = tables()('sessions');
    expect(rows[0]).toBe('MRN,Date,Route,Dose (mg),Devices,Dose (mg/kg),Started (UTC),Dosing ended (UTC),Discharged (UTC),Max systolic (mmHg),Diastolic at max (mmHg),Alerts,Discharge');
    expect(rows.slice(1).sort()).toEqual([
      expect.stringMatching(/^MRN-1001,2026-11-25,Esketamine nasal spray,56,2,,2026-11-25T10:00:00.000Z,2026-11-25T10:05:00.000Z,2026-11-25T12:00:00.000Z,150,92,\d+,"Discharged, all criteria met"$/),
      expect.stringMatching(/^MRN-2002,2026-11-25,IV ketamine,40,,0.5,2026-11-25T10:00:00.000Z,,,138,86,\d+,Open$/),
    ]);
  });

  it('questionnaires: one row per entry with total, band or result, and change from baseline', () => {
    const rows = tables()('questionnaires');
    expect(rows[0]).toBe('MRN,Instrument,Taken (UTC),Total,Band or result,Baseline,Change from baseline (points),Entry');
    // Patients come in id order; each patient's entries in the order taken.
    const byPatient = (mrn: string) => rows.slice(1).filter((r) => r.startsWith(`${mrn},`));
    // The 09:00 ASQ, PHQ-9 and GAD-7 are the day's clear ones the session's start gate asked for: the PHQ-9 and GAD-7 are the baselines.
    expect([...byPatient('MRN-1001'), ...byPatient('MRN-2002')]).toEqual([
      'MRN-1001,ASQ,2026-11-25T09:00:00.000Z,,negative,,,Current',
      'MRN-1001,PHQ-9,2026-11-25T09:00:00.000Z,3,minimal,3,0,Current',
      'MRN-1001,GAD-7,2026-11-25T09:00:00.000Z,2,minimal,2,0,Current',
      'MRN-1001,PHQ-9,2026-11-25T09:30:00.000Z,18,moderately-severe,3,15,Current',
      'MRN-1001,GAD-7,2026-11-25T09:30:00.000Z,12,moderate,2,10,Current',
      'MRN-1001,PHQ-9,2026-11-25T12:10:00.000Z,9,mild,,,Corrected later (does not count)',
      'MRN-1001,PHQ-9,2026-11-25T12:10:00.000Z,10,moderate,3,7,Correction',
      'MRN-2002,ASQ,2026-11-25T09:00:00.000Z,,negative,,,Current',
      'MRN-2002,PHQ-9,2026-11-25T09:00:00.000Z,3,minimal,3,0,Current',
      'MRN-2002,GAD-7,2026-11-25T09:00:00.000Z,2,minimal,2,0,Current',
      'MRN-2002,ASQ,2026-11-25T09:40:00.000Z,,positive-non-acute,,,Current',
    ]);
  });
});
