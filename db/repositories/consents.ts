import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PlannedTreatment } from '../../shared/printouts/input';

export interface ConsentRow {
  id: string;
  patient_id: string;
  form_version: string;
  form_date: string;
  planned_treatment: PlannedTreatment;
  answer: 'signed' | 'declined';
  answered_at: string;
  witness_name: string | null;
  recorded_how: 'on-printing' | 'patient-answer';
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
  withdrawal_recorded_at: string | null;
  withdrawal_recorded_by: string | null;
  withdrawal_recorded_by_name: string | null;
}

export const CONSENT_SELECT = `SELECT k.*, c.name AS recorded_by_name,
  w.withdrawn_at, w.reason AS withdrawal_reason, w.recorded_at AS withdrawal_recorded_at,
  w.recorded_by AS withdrawal_recorded_by, wc.name AS withdrawal_recorded_by_name
  FROM consents k JOIN clinicians c ON c.id = k.recorded_by
  LEFT JOIN consent_withdrawals w ON w.consent_id = k.id
  LEFT JOIN clinicians wc ON wc.id = w.recorded_by`;

/** The order answers happened in: the latest answer for a treatment decides. */
const NEWEST_FIRST = 'ORDER BY k.answered_at DESC, k.recorded_at DESC, k.rowid DESC';

export interface ConsentInsert {
  id: string;
  patientId: string;
  formVersion: string;
  formDate: string;
  plannedTreatment: PlannedTreatment;
  answer: 'signed' | 'declined';
  answeredAt: string;
  witnessName: string | null;
  at: string;
  by: string;
}

/** Rows of the consents table with their withdrawal, newest answer first. */
export class ConsentRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO consents (id, patient_id, form_version, form_date, planned_treatment, answer, answered_at, witness_name, recorded_how, recorded_at, recorded_by)
         VALUES (@id, @patientId, @formVersion, @formDate, @plannedTreatment, @answer, @answeredAt, @witnessName, 'patient-answer', @at, @by)`,
      ),
      withdraw: db.prepare(
        `INSERT INTO consent_withdrawals (consent_id, withdrawn_at, reason, recorded_at, recorded_by)
         VALUES (@consentId, @withdrawnAt, @reason, @at, @by)`,
      ),
      byId: db.prepare<[string], ConsentRow>(`${CONSENT_SELECT} WHERE k.id = ?`),
      forPatient: db.prepare<[string], ConsentRow>(`${CONSENT_SELECT} WHERE k.patient_id = ? ${NEWEST_FIRST}`),
    };
  }

  insert(r: ConsentInsert): void {
    this.s.insert.run(r);
  }

  insertWithdrawal(r: { consentId: string; withdrawnAt: string; reason: string; at: string; by: string }): void {
    this.s.withdraw.run(r);
  }

  get(id: string): ConsentRow | null {
    return this.s.byId.get(id) ?? null;
  }

  listForPatient(patientId: string): ConsentRow[] {
    return this.s.forPatient.all(patientId);
  }
}
