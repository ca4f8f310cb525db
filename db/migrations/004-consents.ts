// Consent entries: which version of the consent form a patient was given, for
// which treatment, by whom and when. Append-only, like the audit log: a newer
// form version is a new entry, never an edit of an old one.
export default `
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  form_version TEXT NOT NULL,
  form_date TEXT NOT NULL,
  planned_treatment TEXT NOT NULL CHECK (planned_treatment IN ('iv-ketamine', 'im-ketamine', 'esketamine-nasal')),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES clinicians(id)
) STRICT;
CREATE INDEX consents_patient ON consents (patient_id, recorded_at);

CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN SELECT RAISE(ABORT, 'consent entries cannot be changed'); END;
CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN SELECT RAISE(ABORT, 'consent entries are never deleted'); END;
`;
