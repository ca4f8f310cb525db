// Work in progress that used to live only on the screen, now kept with its
// record so a tab switch or a restart loses nothing a clinician typed.
//
// screenings.signing_json: a draft's signing inputs as last saved (acknowledged
// cautions, override and amendment reasons). Only a draft can be updated, so
// the existing screenings_signed_immutable trigger still freezes it at signing.
//
// sessions.discharge_ticks_json: the discharge checklist as ticked so far. The
// session row stays append-only in every other column; this one column may
// change only while the session has no discharge row.
export default `
ALTER TABLE screenings ADD COLUMN signing_json TEXT CHECK (signing_json IS NULL OR json_valid(signing_json));

ALTER TABLE sessions ADD COLUMN discharge_ticks_json TEXT CHECK (discharge_ticks_json IS NULL OR json_valid(discharge_ticks_json));

DROP TRIGGER sessions_no_update;
CREATE TRIGGER sessions_no_update BEFORE UPDATE OF id, patient_id, screening_id, route, started_at, started_by,
  recorded_at, total_mg, device_count, mg_per_kg, dose_json, pre_dose_json, concerns_json, decision_reason, settings_json
  ON sessions
BEGIN SELECT RAISE(ABORT, 'sessions cannot be changed; add a correction instead'); END;
CREATE TRIGGER sessions_ticks_while_open BEFORE UPDATE OF discharge_ticks_json ON sessions
WHEN EXISTS (SELECT 1 FROM session_discharges d WHERE d.session_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'this session has ended; its discharge checklist cannot be changed'); END;
`;
