import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate';

export const DATABASE_FILE_NAME = 'ketadesk.sqlite';
const PLAINTEXT_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  /** The random 256-bit database key (see db/vault); every page on disk is encrypted with it. */
  key: Buffer;
  /** A better-sqlite3 addon built for another runtime (the desktop app's Electron), if not the default. */
  nativeBinding?: string;
}

export const databasePath = (dataDir: string) => join(dataDir, DATABASE_FILE_NAME);

/**
 * The data folder is the clinic's records: only the account that runs
 * KetaDesk may list or read it (0700), and every file in it is 0600.
 */
export function prepareDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
}

/** Opens (creating if needed) the encrypted store in `dataDir` and migrates it. */
export function openDatabase(dataDir: string, options: OpenOptions): Database {
  prepareDataDir(dataDir);
  const path = databasePath(dataDir);
  // SQLite gives the -wal and -shm files the database file's mode, so create it 0600 first.
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
  if (isPlaintextDatabase(dataDir)) encryptInPlace(dataDir, options);
  const db = openKeyed(path, options);
  try {
    applyPragmas(db);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

function openKeyed(path: string, { key, nativeBinding }: OpenOptions): Database {
  const db = new BetterSqlite3(path, { nativeBinding });
  try {
    applyKey(db, key);
    // The key is only tried on first read: a wrong one fails here, not later.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/**
 * SQLCipher 4 compatible AES-256 (SQLite3 Multiple Ciphers), with the raw key: no second key derivation.
 * Exported for the benchmark's raw-engine reference, which must use the very same cipher settings.
 */
export function applyKey(db: Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('The database key must be 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** True when the database file exists and is an unencrypted SQLite file (written before encryption at rest). */
export function isPlaintextDatabase(dataDir: string): boolean {
  const path = databasePath(dataDir);
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(16);
    return readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === PLAINTEXT_HEADER;
  } finally {
    closeSync(fd);
  }
}

/** True when there is a database file with content (an empty file is what a first start leaves before setup). */
export function databaseHasContent(dataDir: string): boolean {
  const path = databasePath(dataDir);
  if (!existsSync(path)) return false;
  const fd = openSync(path, 'r');
  try {
    return readSync(fd, Buffer.alloc(1), 0, 1, 0) === 1;
  } finally {
    closeSync(fd);
  }
}

/**
 * Encrypts a database from before encryption at rest. SQLite refuses to
 * rekey in WAL mode, so the log is folded in and the journal switched to
 * DELETE first; rekey rewrites every page in one transaction (a crash rolls
 * it back), then WAL is turned on again by the normal pragmas.
 */
function encryptInPlace(dataDir: string, { key, nativeBinding }: OpenOptions): void {
  const db = new BetterSqlite3(databasePath(dataDir), { nativeBinding });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

/**
 * WAL lets reads run beside a write; synchronous=FULL makes every committed
 * record survive a crash or power cut, which matters more here than speed.
 */
export function applyPragmas(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
