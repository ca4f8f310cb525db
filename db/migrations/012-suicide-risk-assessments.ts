// Suicide-risk gate before dosing (issue #10 point 4). suicide_risk_assessments:
// a prescriber's STAT safety evaluation or brief suicide safety assessment of a
// positive ASQ, with its outcome and note; its electronic signature is in
// `signatures`. session_safety_checks: the ASQ, assessment, PHQ-9 and GAD-7 a
// session started on, frozen at the start so the record shows what the gate saw.
// Both append-only.
export default `
CREATE TABLE suicide_risk_assessments (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  questionnaire_id TEXT NOT NULL REFERENCES questionnaires(id),
  kind TEXT NOT NULL CHECK (kind IN ('stat-safety-evaluation', 'brief-suicide-safety-assessment')),
  outcome TEXT NOT NULL CHECK (outcome IN ('proceed-today', 'not-today-emergency-evaluation', 'not-today-follow-up')),
  note TEXT NOT NULL CHECK (length(note) > 0),
  resources_given INTEGER NOT NULL CHECK (resources_given IN (0, 1)),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES clinicians(id)
) STRICT;
CREATE INDEX suicide_risk_assessments_patient ON suicide_risk_assessments (patient_id, recorded_at);
CREATE TRIGGER suicide_risk_assessments_no_update BEFORE UPDATE ON suicide_risk_assessments
BEGIN SELECT RAISE(ABORT, 'suicide-risk assessments cannot be changed; document a new one'); END;
CREATE TRIGGER suicide_risk_assessments_no_delete BEFORE DELETE ON suicide_risk_assessments
BEGIN SELECT RAISE(ABORT, 'suicide-risk assessments are never deleted'); END;

CREATE TABLE session_safety_checks (
  session_id TEXT PRIMARY KEY REFERENCES sessions(id),
  asq_id TEXT REFERENCES questionnaires(id),
  asq_result TEXT,
  assessment_id TEXT REFERENCES suicide_risk_assessments(id),
  phq9_id TEXT REFERENCES questionnaires(id),
  gad7_id TEXT REFERENCES questionnaires(id),
  require_asq INTEGER NOT NULL CHECK (require_asq IN (0, 1)),
  require_phq_gad INTEGER NOT NULL CHECK (require_phq_gad IN (0, 1))
) STRICT;
CREATE TRIGGER session_safety_checks_no_update BEFORE UPDATE ON session_safety_checks
BEGIN SELECT RAISE(ABORT, 'a session''s safety checks cannot be changed'); END;
CREATE TRIGGER session_safety_checks_no_delete BEFORE DELETE ON session_safety_checks
BEGIN SELECT RAISE(ABORT, 'a session''s safety checks are never deleted'); END;
`;
