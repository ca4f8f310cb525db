// Treatment sessions and their monitoring timeline.
//
// Everything here is append-only, enforced by triggers as for signed
// screenings: a session row is written once when dosing starts; each timeline
// entry is its own row, and a correction is a new row that points at the one
// it replaces (amends_id), with who, when and why. Alerts are stored with the
// entry that fired them; an acknowledgement and the discharge are rows of
// their own. Once a session has a discharge row, only corrections may be added.
export default `
CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  screening_id TEXT NOT NULL REFERENCES screenings(id),
  route TEXT NOT NULL CHECK (route IN ('iv-ketamine', 'im-ketamine', 'esketamine-nasal')),
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL REFERENCES clinicians(id),
  recorded_at TEXT NOT NULL,
  total_mg REAL NOT NULL,
  device_count INTEGER,
  mg_per_kg REAL,
  dose_json TEXT NOT NULL,
  pre_dose_json TEXT NOT NULL,
  concerns_json TEXT NOT NULL,
  decision_reason TEXT,
  settings_json TEXT NOT NULL
) STRICT;
-- The chart lists a patient's sessions newest first.
CREATE INDEX sessions_patient ON sessions (patient_id, started_at DESC);

CREATE TABLE session_entries (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  at TEXT NOT NULL,
  kind TEXT,
  entry_json TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES clinicians(id),
  amends_id TEXT REFERENCES session_entries(id),
  amend_reason TEXT,
  CHECK ((amends_id IS NULL) = (amend_reason IS NULL)),
  -- Only a correction may strike an entry out (no content).
  CHECK (entry_json IS NOT NULL OR amends_id IS NOT NULL),
  CHECK ((kind IS NULL) = (entry_json IS NULL))
) STRICT;
CREATE INDEX session_entries_session ON session_entries (session_id, at);
-- A version is corrected at most once: corrections form a chain, never a fork.
CREATE UNIQUE INDEX session_entries_amends ON session_entries (amends_id) WHERE amends_id IS NOT NULL;

CREATE TABLE session_alerts (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions(id),
  entry_id TEXT NOT NULL REFERENCES session_entries(id),
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  value_json TEXT NOT NULL,
  threshold_json TEXT NOT NULL,
  setting_key TEXT NOT NULL,
  source TEXT NOT NULL,
  at TEXT NOT NULL,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX session_alerts_session ON session_alerts (session_id, at);

CREATE TABLE session_alert_acks (
  alert_id TEXT PRIMARY KEY REFERENCES session_alerts(id),
  session_id TEXT NOT NULL REFERENCES sessions(id),
  at TEXT NOT NULL,
  by_id TEXT NOT NULL REFERENCES clinicians(id),
  action_note TEXT NOT NULL
) STRICT;
CREATE INDEX session_alert_acks_session ON session_alert_acks (session_id);

CREATE TABLE session_discharges (
  session_id TEXT PRIMARY KEY REFERENCES sessions(id),
  at TEXT NOT NULL,
  by_id TEXT NOT NULL REFERENCES clinicians(id),
  recorded_at TEXT NOT NULL,
  checklist_json TEXT NOT NULL,
  ready INTEGER NOT NULL CHECK (ready IN (0, 1)),
  unmet_json TEXT NOT NULL,
  override_reason TEXT,
  CHECK (ready = 1 OR override_reason IS NOT NULL)
) STRICT;

CREATE TRIGGER sessions_no_update BEFORE UPDATE ON sessions
BEGIN SELECT RAISE(ABORT, 'sessions cannot be changed; add a correction instead'); END;
CREATE TRIGGER sessions_no_delete BEFORE DELETE ON sessions
BEGIN SELECT RAISE(ABORT, 'sessions are never deleted'); END;
CREATE TRIGGER session_entries_no_update BEFORE UPDATE ON session_entries
BEGIN SELECT RAISE(ABORT, 'session entries cannot be changed; add a correction instead'); END;
CREATE TRIGGER session_entries_no_delete BEFORE DELETE ON session_entries
BEGIN SELECT RAISE(ABORT, 'session entries are never deleted'); END;
CREATE TRIGGER session_entries_after_discharge BEFORE INSERT ON session_entries
WHEN NEW.amends_id IS NULL AND EXISTS (SELECT 1 FROM session_discharges d WHERE d.session_id = NEW.session_id)
BEGIN SELECT RAISE(ABORT, 'this session has ended; only corrections can be added'); END;
CREATE TRIGGER session_entries_amend_same_session BEFORE INSERT ON session_entries
WHEN NEW.amends_id IS NOT NULL
  AND (SELECT e.session_id FROM session_entries e WHERE e.id = NEW.amends_id) IS NOT NEW.session_id
BEGIN SELECT RAISE(ABORT, 'a correction must belong to the same session as the entry it corrects'); END;
CREATE TRIGGER session_alerts_no_update BEFORE UPDATE ON session_alerts
BEGIN SELECT RAISE(ABORT, 'alerts cannot be changed'); END;
CREATE TRIGGER session_alerts_no_delete BEFORE DELETE ON session_alerts
BEGIN SELECT RAISE(ABORT, 'alerts are never deleted'); END;
CREATE TRIGGER session_alert_acks_no_update BEFORE UPDATE ON session_alert_acks
BEGIN SELECT RAISE(ABORT, 'acknowledgements cannot be changed'); END;
CREATE TRIGGER session_alert_acks_no_delete BEFORE DELETE ON session_alert_acks
BEGIN SELECT RAISE(ABORT, 'acknowledgements are never deleted'); END;
CREATE TRIGGER session_discharges_no_update BEFORE UPDATE ON session_discharges
BEGIN SELECT RAISE(ABORT, 'a discharge cannot be changed'); END;
CREATE TRIGGER session_discharges_no_delete BEFORE DELETE ON session_discharges
BEGIN SELECT RAISE(ABORT, 'a discharge is never deleted'); END;
`;
