import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../db/connection';
import { migrate, schemaVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { makeTempDir } from '../helpers/temp-dir';
import { TEST_DATABASE_KEY } from '../helpers/store-fixture';

const key = TEST_DATABASE_KEY;

const dirs: Array<() => void> = [];
afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));
function tempDir() {
  const { dir, cleanup } = makeTempDir();
  dirs.push(cleanup);
  return dir;
}

const tables = (db: BetterSqlite3.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','index','trigger') ORDER BY name").pluck().all();

describe('migrations', () => {
  it('bring an empty database to the newest version', () => {
    const db = openDatabase(tempDir(), { key });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(expect.arrayContaining(['patients', 'clinicians', 'audit_log', 'patient_terms']));
    db.close();
  });

  it.each(MIGRATIONS.map((_, v) => v))('bring a database at version %i to the same schema as a fresh one', (from) => {
    const fresh = openDatabase(tempDir(), { key });
    const dir = tempDir();
    const old = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
    migrate(old, from);
    expect(schemaVersion(old)).toBe(from);
    old.close();

    const upgraded = openDatabase(dir, { key });
    expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length);
    expect(tables(upgraded)).toEqual(tables(fresh));
    fresh.close();
    upgraded.close();
  });

  it('encrypts an older, unencrypted database with nothing lost', () => {
    const dir = tempDir();
    const old = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
    migrate(old, 5);
    old.prepare("INSERT INTO clinicians (id, name, credentials, role, created_at) VALUES ('c1', 'Pat Front', '', 'other', '2026-01-01T00:00:00.000Z')").run();
    old.close();
    const upgraded = openDatabase(dir, { key });
    expect(upgraded.prepare('SELECT name, role, is_admin, active FROM clinicians').get())
      .toEqual({ name: 'Pat Front', role: 'front-desk', is_admin: 0, active: 1 });
    upgraded.close();
    expect(() => new BetterSqlite3(join(dir, DATABASE_FILE_NAME)).prepare('SELECT 1 FROM clinicians').get()).toThrow(/not a database/);
  });

  it('is a no-op on a database that is already current', () => {
    const dir = tempDir();
    openDatabase(dir, { key }).close();
    const again = openDatabase(dir, { key });
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a database written by a newer KetaDesk and leaves it untouched', () => {
    const dir = tempDir();
    openDatabase(dir, { key }).close();
    const db = openDatabase(dir, { key });
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(dir, { key })).toThrow(/newer KetaDesk/);
    const check = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
    check.pragma(`cipher = 'sqlcipher'`);
    check.pragma('legacy = 4');
    check.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(schemaVersion(check)).toBe(MIGRATIONS.length + 1);
    check.close();
  });

  it('rolls back a failing migration and keeps the last good version', () => {
    const db = new BetterSqlite3(join(tempDir(), DATABASE_FILE_NAME));
    db.exec('CREATE TABLE clinicians (x)'); // collides with migration 1
    expect(() => migrate(db)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual(['clinicians']);
    db.close();
  });

  it('opens with the durability pragmas the clinic relies on', () => {
    const db = openDatabase(tempDir(), { key });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });
});
