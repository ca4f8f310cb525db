// Today's board (issue #12 point 6) shows where each session in progress is:
// `location` is the chair or room typed at the start (NULL for sessions from
// before, and when left blank); fixed once started, like the rest of the row.
// The board's REMS section reads only esketamine sessions, so they get their
// own partial index instead of a scan of every session the clinic ever ran.
export default `
ALTER TABLE sessions ADD COLUMN location TEXT CHECK (location IS NULL OR length(location) BETWEEN 1 AND 40);

DROP TRIGGER sessions_no_update;
CREATE TRIGGER sessions_no_update BEFORE UPDATE OF id, patient_id, screening_id, route, started_at, started_by,
  recorded_at, total_mg, device_count, mg_per_kg, dose_json, pre_dose_json, concerns_json, decision_reason, settings_json, location
  ON sessions
BEGIN SELECT RAISE(ABORT, 'sessions cannot be changed; add a correction instead'); END;

CREATE INDEX sessions_esketamine ON sessions (started_at) WHERE route = 'esketamine-nasal';
`;
