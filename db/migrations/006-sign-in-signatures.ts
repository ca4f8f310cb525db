// Sign-in, roles and electronic signatures (issue #9).
//
// clinicians: the roles become prescriber, nurse and front desk (the old
// "other" staff are front desk); being an administrator is held beside the
// role; a clinician is deactivated, never deleted. SQLite cannot change a
// CHECK constraint, so the table is rebuilt (the migration runner turns
// foreign keys off around it and checks them before committing).
//
// signatures: who signed what, when, and what it meant in words; append-only.
//
// audit_log.alg: rows written from now on are chained with HMAC-SHA-256 under
// a key derived from the database key, so only a key holder can extend the
// chain; earlier rows keep their SHA-256 links and are verified as before.
export default `
CREATE TABLE clinicians_new (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  credentials TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('prescriber', 'nurse', 'front-desk')),
  is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
INSERT INTO clinicians_new (id, name, credentials, role, created_at)
  SELECT id, name, credentials, CASE role WHEN 'other' THEN 'front-desk' ELSE role END, created_at FROM clinicians;
DROP TABLE clinicians;
ALTER TABLE clinicians_new RENAME TO clinicians;
CREATE TRIGGER clinicians_no_delete BEFORE DELETE ON clinicians
BEGIN SELECT RAISE(ABORT, 'clinicians are deactivated, never deleted'); END;

CREATE TABLE signatures (
  id TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  clinician_id TEXT NOT NULL REFERENCES clinicians(id),
  clinician_name TEXT NOT NULL,
  clinician_credentials TEXT NOT NULL,
  role TEXT NOT NULL,
  meaning TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('passphrase', 'pin'))
) STRICT;
CREATE INDEX signatures_entity ON signatures(entity, entity_id, at);
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures cannot be changed'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures cannot be removed'); END;

-- The lock screen and the day's board look for open sessions among recent ones.
CREATE INDEX sessions_started ON sessions(started_at);

ALTER TABLE audit_log ADD COLUMN alg TEXT NOT NULL DEFAULT 'sha256' CHECK (alg IN ('sha256', 'hmac-sha256'));
`;
