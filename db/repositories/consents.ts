import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { PlannedTreatment } from '../../shared/printouts/input';

export interface ConsentRow {
  id: string;
  patient_id: string;
  form_version: string;
  form_date: string;
  planned_treatment: PlannedTreatment;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
}

export const CONSENT_SELECT = `SELECT k.*, c.name AS recorded_by_name FROM consents k JOIN clinicians c ON c.id = k.recorded_by`;

/** Rows of the consents table, newest first. */
export class ConsentRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO consents (id, patient_id, form_version, form_date, planned_treatment, recorded_at, recorded_by)
         VALUES (@id, @patientId, @formVersion, @formDate, @plannedTreatment, @at, @by)`,
      ),
      byId: db.prepare<[string], ConsentRow>(`${CONSENT_SELECT} WHERE k.id = ?`),
      forPatient: db.prepare<[string], ConsentRow>(`${CONSENT_SELECT} WHERE k.patient_id = ? ORDER BY k.recorded_at DESC, k.rowid DESC`),
      countForVersion: db.prepare<[string, string, string | null, string | null], { n: number }>(
        `SELECT count(*) AS n FROM consents WHERE patient_id = ? AND form_version = ? AND (? IS NULL OR planned_treatment = ?)`,
      ),
    };
  }

  insert(r: { id: string; patientId: string; formVersion: string; formDate: string; plannedTreatment: PlannedTreatment; at: string; by: string }): void {
    this.s.insert.run(r);
  }

  get(id: string): ConsentRow | null {
    return this.s.byId.get(id) ?? null;
  }

  listForPatient(patientId: string): ConsentRow[] {
    return this.s.forPatient.all(patientId);
  }

  /** Whether the patient has an entry for this form version (and treatment, when given). */
  has(patientId: string, formVersion: string, treatment: PlannedTreatment | null): boolean {
    return (this.s.countForVersion.get(patientId, formVersion, treatment, treatment)?.n ?? 0) > 0;
  }
}
