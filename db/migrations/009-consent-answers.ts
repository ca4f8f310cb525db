// Consent as the patient's answer, not as printing. Before this, printing the
// consent form (a signed action: "recorded consent …") made an entry that the
// session gate counted as consent given; those rows keep that meaning: they
// read as signed, at the time they were recorded, with no witness recorded and
// marked as recorded on printing.
//
// consents.answer: signed or declined. consents.answered_at: when the patient
// signed or declined. consents.witness_name: who witnessed. recorded_how: on
// printing (rows from before this migration) or the patient's answer.
// consent_withdrawals: a signed consent withdrawn (when, why, recorded by whom);
// append-only like the entries, so nothing is edited in place.
export default `
ALTER TABLE consents ADD COLUMN answer TEXT NOT NULL DEFAULT 'signed' CHECK (answer IN ('signed', 'declined'));
ALTER TABLE consents ADD COLUMN answered_at TEXT;
ALTER TABLE consents ADD COLUMN witness_name TEXT;
ALTER TABLE consents ADD COLUMN recorded_how TEXT NOT NULL DEFAULT 'on-printing'
  CHECK (recorded_how IN ('on-printing', 'patient-answer'));

-- The one change to old rows: their answer time is the time they were recorded.
DROP TRIGGER consents_no_update;
UPDATE consents SET answered_at = recorded_at;
CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN SELECT RAISE(ABORT, 'consent entries cannot be changed'); END;
CREATE TRIGGER consents_answered_at BEFORE INSERT ON consents WHEN NEW.answered_at IS NULL
BEGIN SELECT RAISE(ABORT, 'a consent entry needs the time of the answer'); END;

CREATE TABLE consent_withdrawals (
  consent_id TEXT PRIMARY KEY REFERENCES consents(id),
  withdrawn_at TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES clinicians(id)
) STRICT;

CREATE TRIGGER consent_withdrawals_no_update BEFORE UPDATE ON consent_withdrawals
BEGIN SELECT RAISE(ABORT, 'consent withdrawals cannot be changed'); END;
CREATE TRIGGER consent_withdrawals_no_delete BEFORE DELETE ON consent_withdrawals
BEGIN SELECT RAISE(ABORT, 'consent withdrawals are never deleted'); END;
`;
