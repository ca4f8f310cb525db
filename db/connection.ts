import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate';

export const DATABASE_FILE_NAME = 'ketadesk.sqlite';

export interface OpenOptions {
  /** A better-sqlite3 addon built for another runtime (the desktop app's Electron), if not the default. */
  nativeBinding?: string;
}

/** Opens (creating if needed) the store in `dataDir` and migrates it. */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(join(dataDir, DATABASE_FILE_NAME), { nativeBinding: options.nativeBinding });
  try {
    applyPragmas(db);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
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
