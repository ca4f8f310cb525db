// The esketamine REMS record [REFERENCE §4, S8].
//
// rems_enrollments: one row per patient, the enrolment as it stands; every
// change is an audit row with before, after and (after the first) a reason.
// session_rems: the answers a session adds for the Patient Monitoring Form,
// saved while the session is open; a change after discharge is an amendment
// with a reason, audited the same way.
// rems_submissions: append-only; a correction is a new row pointing at the
// one it replaces, with why.
export default `
CREATE TABLE rems_enrollments (
  patient_id TEXT PRIMARY KEY REFERENCES patients(id),
  enrolled INTEGER NOT NULL CHECK (enrolled IN (0, 1)),
  enrolled_on TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES clinicians(id),
  CHECK (enrolled = 0 OR enrolled_on IS NOT NULL)
) STRICT;

CREATE TABLE session_rems (
  session_id TEXT PRIMARY KEY REFERENCES sessions(id),
  lots_json TEXT NOT NULL CHECK (json_valid(lots_json) AND json_type(lots_json) = 'array'),
  concomitant_json TEXT NOT NULL CHECK (json_valid(concomitant_json)),
  prefill_json TEXT NOT NULL CHECK (json_valid(prefill_json)),
  vitals_ok_before_dose INTEGER CHECK (vitals_ok_before_dose IN (0, 1)),
  vitals_ok_before_end INTEGER CHECK (vitals_ok_before_end IN (0, 1)),
  ready_to_leave_minutes INTEGER,
  saved_at TEXT NOT NULL,
  saved_by TEXT NOT NULL REFERENCES clinicians(id)
) STRICT;
CREATE TRIGGER session_rems_no_delete BEFORE DELETE ON session_rems
BEGIN SELECT RAISE(ABORT, 'REMS answers are never deleted'); END;

CREATE TABLE rems_submissions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  submitted_on TEXT NOT NULL,
  submitted_by TEXT NOT NULL,
  confirmation TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES clinicians(id),
  amends_id TEXT REFERENCES rems_submissions(id),
  amend_reason TEXT,
  CHECK ((amends_id IS NULL) = (amend_reason IS NULL))
) STRICT;
CREATE INDEX rems_submissions_session ON rems_submissions (session_id);
CREATE UNIQUE INDEX rems_submissions_amends ON rems_submissions (amends_id) WHERE amends_id IS NOT NULL;
CREATE TRIGGER rems_submissions_no_update BEFORE UPDATE ON rems_submissions
BEGIN SELECT RAISE(ABORT, 'a REMS submission cannot be changed; add a correction instead'); END;
CREATE TRIGGER rems_submissions_no_delete BEFORE DELETE ON rems_submissions
BEGIN SELECT RAISE(ABORT, 'a REMS submission is never deleted'); END;
`;
