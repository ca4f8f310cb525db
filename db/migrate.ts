import type { Database } from 'better-sqlite3-multiple-ciphers';
import { MIGRATIONS } from './migrations';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to `target` (default: the newest), one transaction per
 * migration, so a failure leaves the database at the last good version.
 */
export function migrate(db: Database, target = MIGRATIONS.length): number {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new Error(
      `This database was written by a newer KetaDesk (schema ${current}, this version knows ${MIGRATIONS.length}). Update KetaDesk to open it.`,
    );
  }
  if (current >= target) return current;
  // A migration may rebuild a table others refer to, which SQLite allows only
  // with foreign keys off (and that cannot change inside a transaction); each
  // migration checks every reference before it commits instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (let v = current; v < target; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v]!);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`Migration ${v + 1} left ${broken.length} broken references`);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
  return schemaVersion(db);
}
