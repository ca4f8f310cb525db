import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../db/connection';
import { migrate, schemaVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { makeTempDir } from '../helpers/temp-dir';

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
    const db = openDatabase(tempDir());
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(expect.arrayContaining(['patients', 'clinicians', 'audit_log', 'patient_terms']));
    db.close();
  });

  it.each(MIGRATIONS.map((_, v) => v))('bring a database at version %i to the same schema as a fresh one', (from) => {
    const fresh = openDatabase(tempDir());
    const dir = tempDir();
    const old = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
    migrate(old, from);
    expect(schemaVersion(old)).toBe(from);
    old.close();

    const upgraded = openDatabase(dir);
    expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length);
    expect(tables(upgraded)).toEqual(tables(fresh));
    fresh.close();
    upgraded.close();
  });

  it('is a no-op on a database that is already current', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const again = openDatabase(dir);
    expect(schemaVersion(again)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('refuses a database written by a newer KetaDesk and leaves it untouched', () => {
    const dir = tempDir();
    const db = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openDatabase(dir)).toThrow(/newer KetaDesk/);
    const check = new BetterSqlite3(join(dir, DATABASE_FILE_NAME));
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
    const db = openDatabase(tempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });
});
