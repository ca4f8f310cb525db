// Pre-treatment screenings and clinic settings.
//
// A draft is the clinician's working copy and is saved as they answer. Signing
// freezes it with the verdict and rule-set version it was judged by; from then
// on a trigger refuses every change, and a correction is a new screening that
// points at the one it amends.
export default `
CREATE TABLE screenings (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  version INTEGER NOT NULL CHECK (version > 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'discarded')),
  amends_id TEXT REFERENCES screenings(id),
  answers_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES clinicians(id),
  updated_at TEXT NOT NULL,
  case_json TEXT,
  result_json TEXT,
  signed_at TEXT,
  signed_by TEXT REFERENCES clinicians(id),
  acknowledged_json TEXT,
  override_reason TEXT,
  amendment_reason TEXT,
  expires_at TEXT,
  CHECK (status <> 'signed' OR (case_json IS NOT NULL AND result_json IS NOT NULL AND signed_at IS NOT NULL
    AND signed_by IS NOT NULL AND expires_at IS NOT NULL))
) STRICT;
CREATE INDEX screenings_patient ON screenings (patient_id, created_at);
CREATE INDEX screenings_amends ON screenings (amends_id) WHERE amends_id IS NOT NULL;

CREATE TRIGGER screenings_signed_immutable BEFORE UPDATE ON screenings WHEN OLD.status <> 'draft'
BEGIN SELECT RAISE(ABORT, 'signed and discarded screenings cannot be changed; amend instead'); END;
CREATE TRIGGER screenings_no_delete BEFORE DELETE ON screenings
BEGIN SELECT RAISE(ABORT, 'screenings are never deleted'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT REFERENCES clinicians(id)
) STRICT;
`;
