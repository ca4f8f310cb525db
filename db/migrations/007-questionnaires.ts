// Questionnaires: PHQ-9, GAD-7 and ASQ answers for a patient, by item code,
// with how they were taken (read aloud, patient mode, paper), when, and who
// entered them. Append-only: a correction is a new row that amends the one it
// corrects, with a reason; each row can be corrected once, so corrections form
// a chain whose last row is current. Scores are computed on reading, from the
// answers, never stored.
export default `
CREATE TABLE questionnaires (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  instrument TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7', 'asq')),
  answers_json TEXT NOT NULL CHECK (json_valid(answers_json) AND json_extract(answers_json, '$.instrument') = instrument),
  mode TEXT NOT NULL CHECK (mode IN ('read-aloud', 'patient-mode', 'paper')),
  taken_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  entered_by TEXT NOT NULL REFERENCES clinicians(id),
  amends_id TEXT REFERENCES questionnaires(id),
  amendment_reason TEXT,
  CHECK ((amends_id IS NULL) = (amendment_reason IS NULL)),
  CHECK (taken_at <= recorded_at)
) STRICT;
CREATE INDEX questionnaires_patient ON questionnaires (patient_id, instrument, taken_at);
CREATE UNIQUE INDEX questionnaires_amends ON questionnaires (amends_id) WHERE amends_id IS NOT NULL;

CREATE TRIGGER questionnaires_no_update BEFORE UPDATE ON questionnaires
BEGIN SELECT RAISE(ABORT, 'questionnaires cannot be changed; amend instead'); END;
CREATE TRIGGER questionnaires_no_delete BEFORE DELETE ON questionnaires
BEGIN SELECT RAISE(ABORT, 'questionnaires are never deleted'); END;
`;
