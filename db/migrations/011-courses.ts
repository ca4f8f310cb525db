// Treatment courses (issue #12, point 3): a course per patient and treatment,
// ordered by a prescriber; every session belongs to one.
//
// courses holds what never changes (patient, route); everything a prescriber
// decides is an append-only row of course_events: the phase (with the reason
// for a pause or an end), and the order (indication, plan and dose order).
// The current course is the newest phase and the newest order.
//
// Sessions recorded before this migration are gathered into one course per
// patient and route, marked "migrated", with no indication, plan or dose
// order, and paused: no prescriber ordered them, so the next session waits
// until a prescriber reviews the course, orders the dose and sets the phase.
// Nothing about the old sessions changes except the course they belong to.
// A random version-4 UUID, the form every record id has; each part from its own random bytes.
const RANDOM_UUID = "lower(hex(randomblob(4)))||'-'||lower(hex(randomblob(2)))||'-4'||substr(lower(hex(randomblob(2))),2)||'-8'||substr(lower(hex(randomblob(2))),2)||'-'||lower(hex(randomblob(6)))";

export default `
CREATE TABLE courses (
  id TEXT PRIMARY KEY,
  patient_id TEXT NOT NULL REFERENCES patients(id),
  route TEXT NOT NULL CHECK (route IN ('iv-ketamine', 'im-ketamine', 'esketamine-nasal')),
  created_at TEXT NOT NULL,
  -- NULL only on a course made from older sessions.
  created_by TEXT REFERENCES clinicians(id)
) STRICT;
CREATE INDEX courses_patient ON courses (patient_id, created_at);

CREATE TABLE course_events (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES courses(id),
  at TEXT NOT NULL,
  by_id TEXT REFERENCES clinicians(id),
  kind TEXT NOT NULL CHECK (kind IN ('created', 'phase', 'order', 'migrated')),
  phase TEXT CHECK (phase IS NULL OR phase IN ('induction', 'maintenance', 'paused', 'ended')),
  reason TEXT,
  indication TEXT CHECK (indication IS NULL OR indication IN ('trd', 'depression-suicidal', 'anxiety-off-label', 'other')),
  indication_other TEXT,
  plan_json TEXT CHECK (plan_json IS NULL OR json_valid(plan_json)),
  dose_json TEXT CHECK (dose_json IS NULL OR json_valid(dose_json)),
  CHECK (kind = 'migrated' OR by_id IS NOT NULL),
  -- An order carries all three: indication, plan and dose.
  CHECK ((indication IS NULL) = (plan_json IS NULL) AND (plan_json IS NULL) = (dose_json IS NULL)),
  CHECK (indication IS NULL OR (indication = 'other') = (indication_other IS NOT NULL))
) STRICT;
CREATE INDEX course_events_course ON course_events (course_id, at);

CREATE TRIGGER courses_no_update BEFORE UPDATE ON courses
BEGIN SELECT RAISE(ABORT, 'courses cannot be changed; add a course event instead'); END;
CREATE TRIGGER courses_no_delete BEFORE DELETE ON courses
BEGIN SELECT RAISE(ABORT, 'courses are never deleted'); END;
CREATE TRIGGER course_events_no_update BEFORE UPDATE ON course_events
BEGIN SELECT RAISE(ABORT, 'course events cannot be changed'); END;
CREATE TRIGGER course_events_no_delete BEFORE DELETE ON course_events
BEGIN SELECT RAISE(ABORT, 'course events are never deleted'); END;

ALTER TABLE sessions ADD COLUMN course_id TEXT REFERENCES courses(id);
CREATE INDEX sessions_course ON sessions (course_id, started_at);
-- A session is attached to its course once, when it starts, and never moved.
CREATE TRIGGER sessions_course_fixed BEFORE UPDATE OF course_id ON sessions WHEN OLD.course_id IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a session stays in the course it was given in'); END;

INSERT INTO courses (id, patient_id, route, created_at, created_by)
SELECT ${RANDOM_UUID}, patient_id, route, min(started_at), NULL FROM sessions GROUP BY patient_id, route;

INSERT INTO course_events (id, course_id, at, by_id, kind, phase, reason, indication, indication_other, plan_json, dose_json)
SELECT ${RANDOM_UUID}, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'migrated', 'paused',
  'Made from sessions recorded before treatment courses: a prescriber reviews it, orders the dose and sets the phase.', NULL, NULL, NULL, NULL
FROM courses;

UPDATE sessions SET course_id = (SELECT c.id FROM courses c WHERE c.patient_id = sessions.patient_id AND c.route = sessions.route);
`;
