import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { Medication } from '../../shared/screening/case-schema';
import type { Patient, StoredPatientFields } from '../../shared/schemas/patient';
import { foldForSearch, searchTokens } from '../../shared/text';
import { parseDateQuery } from './date-query';

export interface PatientRow {
  id: string;
  version: number;
  mrn: string;
  legal_name: string;
  preferred_name: string | null;
  date_of_birth: string;
  sex: Patient['sex'];
  weight_kg: number | null;
  height_cm: number | null;
  allergy_status: Patient['allergyStatus'];
  allergies: string | null;
  medicines_json: string;
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  notes: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export const toPatient = (r: PatientRow): Patient => ({
  id: r.id,
  version: r.version,
  mrn: r.mrn,
  legalName: r.legal_name,
  preferredName: r.preferred_name,
  dateOfBirth: r.date_of_birth,
  sex: r.sex,
  weightKg: r.weight_kg,
  heightCm: r.height_cm,
  allergyStatus: r.allergy_status,
  allergies: r.allergies,
  medicines: JSON.parse(r.medicines_json) as Medication[],
  emergencyContactName: r.emergency_contact_name,
  emergencyContactPhone: r.emergency_contact_phone,
  notes: r.notes,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** MRNs compare without case or spaces, so "ab 123" and "AB123" are one record. */
const mrnKey = (mrn: string) => mrn.toUpperCase().replace(/\s+/g, '');

/** The smallest string greater than every string that starts with `prefix`. */
const prefixEnd = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** True when prefixEnd(w) bounds exactly the strings that start with `w` in SQLite's (UTF-8 byte) order. */
function hasExactPrefixEnd(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return !(c === 0xd7ff || (c >= 0xd800 && c <= 0xdbff) || c === 0xdfff || c === 0xffff);
}

/** Orders strings as SQLite's BINARY collation orders their UTF-8: by code point, not UTF-16 unit. */
function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    return xs === ys ? x - y : xs ? 1 : -1; // a surrogate starts a code point above every BMP one
  }
  return a.length - b.length;
}

/**
 * A name word whose term range has at least this many rows is "common": a
 * search led by it walks another, rarer word's rows instead (see searchNames).
 */
const COMMON_TERM_ROWS = 2000;

const nameTokens = (p: StoredPatientFields) => searchTokens(`${p.legalName} ${p.preferredName ?? ''}`);

/** The stored columns a patient's fields become, derived search and sort keys included. */
export function patientColumns(p: StoredPatientFields) {
  return {
    mrn: p.mrn,
    mrn_key: mrnKey(p.mrn),
    legal_name: p.legalName,
    preferred_name: p.preferredName,
    date_of_birth: p.dateOfBirth,
    sex: p.sex,
    weight_kg: p.weightKg,
    height_cm: p.heightCm,
    allergy_status: p.allergyStatus,
    allergies: p.allergies,
    medicines_json: JSON.stringify(p.medicines),
    emergency_contact_name: p.emergencyContactName,
    emergency_contact_phone: p.emergencyContactPhone,
    notes: p.notes,
    search_text: ` ${nameTokens(p).join(' ')} `,
    sort_name: foldForSearch(p.legalName),
  };
}

interface TermRow {
  patient_id: string;
  sort_name: string;
  search_text: string;
}

export interface SearchPage {
  patients: Patient[];
  hasMore: boolean;
}

/** Current state of each patient; every change also goes to the audit log. */
export class PatientRepository {
  private readonly s;
  /** Prepared name scans, by how many other words they filter on. */
  private readonly termScans = new Map<number, Statement<string[], PatientRow>>();
  private readonly termCandidates = new Map<number, Statement<string[], TermRow>>();

  constructor(private readonly db: Database) {
    const cols = `mrn, mrn_key, legal_name, preferred_name, date_of_birth, sex, weight_kg, height_cm, allergy_status, allergies,
      medicines_json, emergency_contact_name, emergency_contact_phone, notes, search_text, sort_name`;
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
      insertTerm: db.prepare(
        'INSERT OR IGNORE INTO patient_terms (term, sort_name, patient_id, search_text) VALUES (?, ?, ?, ?)',
      ),
      deleteTerm: db.prepare('DELETE FROM patient_terms WHERE term = ? AND sort_name = ? AND patient_id = ?'),
      termKeys: db.prepare<[string], { search_text: string; sort_name: string }>(
        'SELECT search_text, sort_name FROM patients WHERE id = ?',
      ),
      byId: db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE id = ?'),
      idByMrnKey: db.prepare<[string], { id: string }>('SELECT id FROM patients WHERE mrn_key = ?'),
      firstPage: db.prepare<[number], PatientRow>('SELECT * FROM patients ORDER BY sort_name LIMIT ?'),
      byMrnPrefix: db.prepare<[string, string, number], PatientRow>(
        'SELECT * FROM patients WHERE mrn_key >= ? AND mrn_key < ? ORDER BY mrn_key LIMIT ?',
      ),
      byDobRange: db.prepare<[string, string, number], PatientRow>(
        'SELECT * FROM patients WHERE date_of_birth >= ? AND date_of_birth < ? ORDER BY date_of_birth, sort_name LIMIT ?',
      ),
      countTerms: db
        .prepare<[string, string, number], number>(
          'SELECT count(*) FROM (SELECT 1 FROM patient_terms WHERE term >= ? AND term < ? LIMIT ?)',
        )
        .pluck(),
    };
  }

  insert(id: string, p: StoredPatientFields, by: string, at: string): void {
    const row = patientColumns(p);
    this.s.insert.run({ id, ...row, at, by });
    this.writeTerms(id, row);
  }

  /** False when the stored version is not `expectedVersion` (someone else changed it). */
  update(id: string, expectedVersion: number, p: StoredPatientFields, by: string, at: string): boolean {
    const row = patientColumns(p);
    const old = this.s.termKeys.get(id);
    const changed = this.s.update.run({ id, expectedVersion, ...row, at, by }).changes === 1;
    if (changed && old) {
      // A patient's term rows are exactly the words of its stored search_text, under its stored sort_name.
      for (const term of old.search_text.split(' ')) if (term) this.s.deleteTerm.run(term, old.sort_name, id);
      this.writeTerms(id, row);
    }
    return changed;
  }

  /** One row per word of search_text (the name's distinct folded words), each carrying search_text. */
  private writeTerms(id: string, { search_text, sort_name }: { search_text: string; sort_name: string }): void {
    for (const term of search_text.split(' ')) if (term) this.s.insertTerm.run(term, sort_name, id, search_text);
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

  /**
   * Patients with a word starting with each query word, in the order of their
   * first term that starts with the longest query word (then sort name, id).
   * The plain plan walks that word's term range in order and filters on the
   * row's copy of the patient's words, stopping at `want`; it is one index
   * range scan. When that range is long and another word's range is short
   * (typing "maria wo", or an MRN like "H-7" whose "7" no name has), walking
   * the long range to find few matches costs milliseconds, so the short range
   * is walked instead and its matches sorted into the same order.
   */
  private searchNames(q: string, want: number): PatientRow[] {
    const words = searchTokens(q).sort((a, b) => b.length - a.length);
    const [lead, ...rest] = words;
    if (!lead) return [];
    const driver = this.rarerWord(lead, rest);
    if (driver) return this.namesFromRareWord(lead, driver, words, want);
    const out: PatientRow[] = [];
    const seen = new Set<string>();
    // Iterated rather than LIMITed: a patient with two terms matching the word comes twice.
    for (const r of this.termScan(rest.length).iterate(lead, prefixEnd(lead), ...rest.map((w) => ` ${w}`))) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
      if (out.length >= want) break;
    }
    return out;
  }

  /** A word of `rest` with fewer than COMMON_TERM_ROWS term rows, when `lead` has at least that many. */
  private rarerWord(lead: string, rest: string[]): string | null {
    if (rest.length === 0 || !hasExactPrefixEnd(lead)) return null;
    const rows = (w: string) => this.s.countTerms.get(w, prefixEnd(w), COMMON_TERM_ROWS)!;
    if (rows(lead) < COMMON_TERM_ROWS) return null;
    let rarest: string | null = null;
    let fewest = COMMON_TERM_ROWS;
    for (const w of rest) {
      if (!hasExactPrefixEnd(w)) continue;
      const n = rows(w);
      if (n < fewest) [rarest, fewest] = [w, n];
    }
    return rarest;
  }

  /** Same result as the ordered walk of `lead`'s range, found from `rare`'s few rows. */
  private namesFromRareWord(lead: string, rare: string, words: string[], want: number): PatientRow[] {
    const others = words.filter((w) => w !== rare).map((w) => ` ${w}`);
    const found = new Map<string, { id: string; sortName: string; leadTerm: string }>();
    for (const r of this.termCandidateScan(others.length).all(rare, prefixEnd(rare), ...others)) {
      if (found.has(r.patient_id)) continue;
      // The first of this patient's rows in lead's range: its smallest term starting with lead.
      let leadTerm: string | null = null;
      for (const t of r.search_text.split(' ')) {
        if (t.startsWith(lead) && (leadTerm === null || compareCodePoints(t, leadTerm) < 0)) leadTerm = t;
      }
      if (leadTerm !== null) found.set(r.patient_id, { id: r.patient_id, sortName: r.sort_name, leadTerm });
    }
    return [...found.values()]
      .sort((a, b) => compareCodePoints(a.leadTerm, b.leadTerm) || compareCodePoints(a.sortName, b.sortName) || compareCodePoints(a.id, b.id))
      .slice(0, want)
      .flatMap((c) => this.s.byId.get(c.id) ?? []);
  }

  /** Walks one word's term range in display order, joined to patients, keeping rows whose name has `n` more words. */
  private termScan(n: number) {
    let s = this.termScans.get(n);
    if (!s) {
      s = this.db.prepare<string[], PatientRow>(
        `SELECT p.* FROM patient_terms t JOIN patients p ON p.id = t.patient_id
         WHERE t.term >= ? AND t.term < ?${' AND instr(t.search_text, ?) > 0'.repeat(n)}
         ORDER BY t.term, t.sort_name, t.patient_id`,
      );
      this.termScans.set(n, s);
    }
    return s;
  }

  /** Like termScan but index-only and unordered: the candidates of one word that also have `n` more words. */
  private termCandidateScan(n: number) {
    let s = this.termCandidates.get(n);
    if (!s) {
      s = this.db.prepare<string[], TermRow>(
        `SELECT patient_id, sort_name, search_text FROM patient_terms
         WHERE term >= ? AND term < ?${' AND instr(search_text, ?) > 0'.repeat(n)}`,
      );
      this.termCandidates.set(n, s);
    }
    return s;
  }
}
