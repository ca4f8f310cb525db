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
  for (let v = current; v < target; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return schemaVersion(db);
}
