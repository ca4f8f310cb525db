import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ExportClinician, ExportPatient, ExportSession } from '../shared/fhir/records';
import type { Questionnaire } from '../shared/schemas/questionnaire';
import { consentView } from './consent-store';
import { viewsInTakenOrder } from './questionnaire-store';
import { ClinicianRepository } from './repositories/clinicians';
import { CONSENT_SELECT, type ConsentRow } from './repositories/consents';
import { COURSE_ENDS } from './repositories/courses';
import { toPatient, type PatientRow } from './repositories/patients';
import { QUESTIONNAIRE_SELECT, type QuestionnaireRow } from './repositories/questionnaires';
import { ENTRY_SELECT, SESSION_SELECT, type EntryRow, type SessionRow } from './repositories/sessions';
import { toSignature, type SignatureRow } from './repositories/signatures';
import { toEntry, toSession } from './session-rows';

// Everything the FHIR and CSV exports need, read a chunk of patients at a
// time: one query per table per chunk (never one per patient or per session),
// and only one chunk's records in memory. A chunk's ids travel as one JSON
// array parameter, so the statements are prepared once whatever the chunk size.

/** Patients per chunk: a few hundred keeps each query short and memory small. */
export const EXPORT_CHUNK = 250;

const IDS = 'WITH ids AS (SELECT value AS id FROM json_each(?))';

export class ExportReader {
  private readonly s;
  private readonly clinicianRepo: ClinicianRepository;

  constructor(db: Database) {
    this.clinicianRepo = new ClinicianRepository(db);
    this.s = {
      // Keyset paging by id: each page starts where the last ended, without OFFSET's rescans.
      page: db.prepare<[string, number], PatientRow>('SELECT * FROM patients WHERE id > ? ORDER BY id LIMIT ?'),
      patients: db.prepare<[string], PatientRow>(`${IDS} SELECT * FROM patients WHERE id IN (SELECT id FROM ids) ORDER BY id`),
      sessions: db.prepare<[string], SessionRow>(
        `${IDS} ${SESSION_SELECT} WHERE s.patient_id IN (SELECT id FROM ids) ORDER BY s.patient_id, s.started_at`,
      ),
      entries: db.prepare<[string], EntryRow>(
        `${IDS} ${ENTRY_SELECT} WHERE e.session_id IN (SELECT id FROM sessions WHERE patient_id IN (SELECT id FROM ids))
         ORDER BY e.session_id, e.at, e.recorded_at, e.rowid`,
      ),
      // The devices' lot numbers from the session's REMS answers (esketamine).
      lots: db.prepare<[string], { session_id: string; lots_json: string }>(
        `${IDS} SELECT r.session_id, r.lots_json FROM session_rems r
         WHERE r.session_id IN (SELECT id FROM sessions WHERE patient_id IN (SELECT id FROM ids))`,
      ),
      alertCounts: db.prepare<[string], { session_id: string; n: number }>(
        `${IDS} SELECT a.session_id, count(*) AS n FROM session_alerts a
         WHERE a.session_id IN (SELECT id FROM sessions WHERE patient_id IN (SELECT id FROM ids)) GROUP BY a.session_id`,
      ),
      questionnaires: db.prepare<[string], QuestionnaireRow>(
        `${IDS} ${QUESTIONNAIRE_SELECT} WHERE q.patient_id IN (SELECT id FROM ids) ORDER BY q.patient_id, q.taken_at, q.recorded_at, q.rowid`,
      ),
      courseEnds: db.prepare<[string], { patient_id: string; at: string }>(`${IDS} ${COURSE_ENDS} AND c.patient_id IN (SELECT id FROM ids) ORDER BY e.at`),
      consents: db.prepare<[string], ConsentRow>(
        `${IDS} ${CONSENT_SELECT} WHERE k.patient_id IN (SELECT id FROM ids) ORDER BY k.patient_id, k.recorded_at, k.rowid`,
      ),
      // Signatures name their record (entity, id), not the patient: the records of
      // the chunk's patients are listed once and joined on the signatures_entity index.
      signatures: db.prepare<[string], SignatureRow & { patient_id: string }>(
        `${IDS}, records (entity, entity_id, patient_id) AS (
           SELECT 'patient', id, id FROM ids
           UNION ALL SELECT 'screening', id, patient_id FROM screenings WHERE patient_id IN (SELECT id FROM ids)
           UNION ALL SELECT 'session', id, patient_id FROM sessions WHERE patient_id IN (SELECT id FROM ids)
           UNION ALL SELECT 'consent', id, patient_id FROM consents WHERE patient_id IN (SELECT id FROM ids)
           UNION ALL SELECT 'questionnaire', id, patient_id FROM questionnaires WHERE patient_id IN (SELECT id FROM ids))
         SELECT g.*, r.patient_id FROM records r JOIN signatures g ON g.entity = r.entity AND g.entity_id = r.entity_id
         ORDER BY g.at, g.rowid`,
      ),
    };
  }

  clinicians(): ExportClinician[] {
    return this.clinicianRepo.list();
  }

  /** One patient's records, or null when there is no such patient. */
  patient(id: string): ExportPatient | null {
    return this.gather([id])[0] ?? null;
  }

  /** Every patient, in chunks of `size`, each read when the previous one has been used. */
  *chunks(size = EXPORT_CHUNK): Generator<ExportPatient[]> {
    let after = '';
    for (;;) {
      const ids = this.s.page.all(after, size).map((r) => r.id);
      if (ids.length === 0) return;
      yield this.gather(ids);
      after = ids.at(-1)!;
    }
  }

  private gather(ids: readonly string[]): ExportPatient[] {
    const param = JSON.stringify(ids);
    const entries = groupBy(this.s.entries.all(param), (r) => r.session_id);
    const alertCounts = new Map(this.s.alertCounts.all(param).map((r) => [r.session_id, r.n]));
    const lots = new Map(this.s.lots.all(param).map((r) => [r.session_id, lotNumberOf(r.lots_json)]));
    const sessions = groupBy(this.s.sessions.all(param), (r) => r.patient_id);
    const questionnaires = groupBy(this.s.questionnaires.all(param), (r) => r.patient_id);
    const consents = groupBy(this.s.consents.all(param), (r) => r.patient_id);
    const courseEnds = groupBy(this.s.courseEnds.all(param), (r) => r.patient_id);
    const signatures = groupBy(this.s.signatures.all(param), (r) => r.patient_id);

    return this.s.patients.all(param).map((row) => ({
      patient: toPatient(row),
      sessions: (sessions.get(row.id) ?? []).map((r): ExportSession => ({
        session: toSession(r),
        entries: (entries.get(r.id) ?? []).map(toEntry),
        alertCount: alertCounts.get(r.id) ?? 0,
        lotNumber: lots.get(r.id) ?? null,
      })),
      questionnaires: viewsInTakenOrder(questionnaires.get(row.id) ?? [], (courseEnds.get(row.id) ?? []).map((r) => r.at)) satisfies Questionnaire[],
      consents: (consents.get(row.id) ?? []).map(consentView),
      signatures: (signatures.get(row.id) ?? []).map(toSignature),
    }));
  }
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** One batch number for the dose: the devices' distinct lots, in the order recorded (two devices usually share one). */
function lotNumberOf(lotsJson: string): string | null {
  const distinct = [...new Set((JSON.parse(lotsJson) as Array<{ lot: string }>).map((l) => l.lot))];
  return distinct.length ? distinct.join(', ') : null;
}
