import type { Database } from 'better-sqlite3';
import type { Patient, PatientFields } from '../../shared/schemas/patient';
import { foldForSearch, searchTokens } from '../../shared/text';
import { parseDateQuery } from './date-query';

interface PatientRow {
  id: string;
  version: number;
  mrn: string;
  legal_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  sex: Patient['sex'];
  weight_kg: number | null;
  height_cm: number | null;
  allergies: string | null;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  notes: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const toPatient = (r: PatientRow): Patient => ({
  id: r.id,
  version: r.version,
  mrn: r.mrn,
  legalName: r.legal_name,
  preferredName: r.preferred_name,
  dateOfBirth: r.date_of_birth,
  sex: r.sex,
  weightKg: r.weight_kg,
  heightCm: r.height_cm,
  allergies: r.allergies,
  emergencyContactName: r.emergency_contact_name,
  emergencyContactPhone: r.emergency_contact_phone,
  notes: r.notes,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** MRNs compare without case or spaces, so "ab 123" and "AB123" are one record. */
export const mrnKey = (mrn: string) => mrn.toUpperCase().replace(/\s+/g, '');

/** The smallest string greater than every string that starts with `prefix`. */
const prefixEnd = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

const nameTokens = (p: PatientFields) => searchTokens(`${p.legalName} ${p.preferredName ?? ''}`);

function columns(p: PatientFields) {
  return {
    mrn: p.mrn,
    mrn_key: mrnKey(p.mrn),
    legal_name: p.legalName,
    preferred_name: p.preferredName,
    date_of_birth: p.dateOfBirth,
    sex: p.sex,
    weight_kg: p.weightKg,
    height_cm: p.heightCm,
    allergies: p.allergies,
    emergency_contact_name: p.emergencyContactName,
    emergency_contact_phone: p.emergencyContactPhone,
    notes: p.notes,
    search_text: ` ${nameTokens(p).join(' ')} `,
    sort_name: foldForSearch(p.legalName),
  };
}

export interface SearchPage {
  patients: Patient[];
  hasMore: boolean;
}

/** Current state of each patient; every change also goes to the audit log. */
export class PatientRepository {
  private readonly s;

  constructor(private readonly db: Database) {
    const cols = `mrn, mrn_key, legal_name, preferred_name, date_of_birth, sex, weight_kg, height_cm, allergies,
      emergency_contact_name, emergency_contact_phone, notes, search_text, sort_name`;
    const params = cols.split(',').map((c) => `@${c.trim()}`).join(', ');
    this.s = {
      insert: db.prepare(
        `INSERT INTO patients (id, version, ${cols}, created_at, created_by, updated_at, updated_by)
         VALUES (@id, 1, ${params}, @at, @by, @at, @by)`,
      ),
      update: db.prepare(
        `UPDATE patients SET version = version + 1, ${cols
          .split(',')
          .map((c) => `${c.trim()} = @${c.trim()}`)
          .join(', ')}, updated_at = @at, updated_by = @by
         WHERE id = @id AND version = @expectedVersion`,
      ),
      insertTerm: db.prepare('INSERT OR IGNORE INTO patient_terms (term, sort_name, patient_id) VALUES (?, ?, ?)'),
      deleteTerms: db.prepare('DELETE FROM patient_terms WHERE patient_id = ?'),
      byId: db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE id = ?'),
      idByMrnKey: db.prepare<[string], { id: string }>('SELECT id FROM patients WHERE mrn_key = ?'),
      firstPage: db.prepare<[number], PatientRow>('SELECT * FROM patients ORDER BY sort_name LIMIT ?'),
      byMrnPrefix: db.prepare<[string, string, number], PatientRow>(
        'SELECT * FROM patients WHERE mrn_key >= ? AND mrn_key < ? ORDER BY mrn_key LIMIT ?',
      ),
      byDobRange: db.prepare<[string, string, number], PatientRow>(
        'SELECT * FROM patients WHERE date_of_birth >= ? AND date_of_birth < ? ORDER BY date_of_birth, sort_name LIMIT ?',
      ),
      byTermPrefix: db.prepare<[string, string], PatientRow & { search_text: string }>(
        `SELECT p.* FROM patient_terms t JOIN patients p ON p.id = t.patient_id
         WHERE t.term >= ? AND t.term < ? ORDER BY t.term, t.sort_name`,
      ),
    };
  }

  insert(id: string, p: PatientFields, by: string, at: string): void {
    this.s.insert.run({ id, ...columns(p), at, by });
    this.writeTerms(id, p);
  }

  /** False when the stored version is not `expectedVersion` (someone else changed it). */
  update(id: string, expectedVersion: number, p: PatientFields, by: string, at: string): boolean {
    const changed = this.s.update.run({ id, expectedVersion, ...columns(p), at, by }).changes === 1;
    if (changed) {
      this.s.deleteTerms.run(id);
      this.writeTerms(id, p);
    }
    return changed;
  }

  private writeTerms(id: string, p: PatientFields): void {
    const sortName = foldForSearch(p.legalName);
    for (const term of nameTokens(p)) this.s.insertTerm.run(term, sortName, id);
  }

  get(id: string): Patient | null {
    const row = this.s.byId.get(id);
    return row ? toPatient(row) : null;
  }

  idForMrn(mrn: string): string | null {
    return this.s.idByMrnKey.get(mrnKey(mrn))?.id ?? null;
  }

  /**
   * Search as you type: an MRN prefix, a date of birth (full or partial), or
   * the start of every word of a name, ignoring case and accents. MRN hits
   * come first, then dates of birth, then names.
   */
  search(query: string, limit: number): SearchPage {
    const found = new Map<string, PatientRow>();
    const want = limit + 1;
    const add = (rows: PatientRow[]) => {
      for (const r of rows) if (found.size < want) found.set(r.id, r);
    };
    const q = query.trim();
    if (!q) {
      add(this.s.firstPage.all(want));
    } else {
      const key = mrnKey(q);
      if (/^[A-Z0-9]/.test(key)) add(this.s.byMrnPrefix.all(key, prefixEnd(key), want));
      for (const [from, to] of parseDateQuery(q)) add(this.s.byDobRange.all(from, to, want));
      if (/\p{L}/u.test(q)) add(this.searchNames(q, want));
    }
    const rows = [...found.values()];
    return { patients: rows.slice(0, limit).map(toPatient), hasMore: rows.length > limit };
  }

  /** Range-scans the longest word's prefix, then keeps rows that also have every other word. */
  private searchNames(q: string, want: number): PatientRow[] {
    const words = searchTokens(q).sort((a, b) => b.length - a.length);
    const [lead, ...rest] = words;
    if (!lead) return [];
    const out: PatientRow[] = [];
    const seen = new Set<string>();
    // Iterated rather than LIMITed: rows that miss another word or repeat a patient are skipped.
    for (const r of this.s.byTermPrefix.iterate(lead, prefixEnd(lead))) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      if (rest.every((w) => r.search_text.includes(` ${w}`))) out.push(r);
      if (out.length >= want) break;
    }
    return out;
  }
}
