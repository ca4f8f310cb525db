// Clinicians, patients and the hash-chained audit log.
//
// `patients` holds each patient's current state; its full history lives in
// `audit_log` (before/after of every change), which triggers keep append-only.
// `patient_terms` holds one folded name token per row, keyed in display order,
// so search-as-you-type is one index range scan whatever the table size. Each
// row carries the patient's search_text too, so a query of several words is
// filtered inside that scan instead of by a look-up of the patient per row.
// A patient's term rows are exactly the words of its search_text, so an amend
// deletes them by primary key and no index on patient_id is kept (one B-tree
// fewer to write per patient; patients are never deleted or re-keyed, so the
// foreign key never has to search this table by patient_id).
export default `
CREATE TABLE clinicians (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  credentials TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('prescriber', 'nurse', 'other')),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE patients (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version > 0),
  mrn TEXT NOT NULL,
  mrn_key TEXT NOT NULL UNIQUE,
  legal_name TEXT NOT NULL,
  preferred_name TEXT,
  date_of_birth TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'intersex', 'unknown')),
  weight_kg REAL,
  height_cm REAL,
  allergies TEXT,
  emergency_contact_name TEXT,
  emergency_contact_phone TEXT,
  notes TEXT,
  search_text TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES clinicians(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES clinicians(id)
) STRICT;
CREATE INDEX patients_dob ON patients(date_of_birth, sort_name);
CREATE INDEX patients_sort ON patients(sort_name);

CREATE TABLE patient_terms (
  term TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  search_text TEXT NOT NULL,
  PRIMARY KEY (term, sort_name, patient_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  clinician_id TEXT REFERENCES clinicians(id),
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  reason TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_entity ON audit_log(entity, entity_id, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;
