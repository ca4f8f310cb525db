// The raw engine the store is compared with: a bare better-sqlite3-multiple-ciphers
// connection in its own file, with the store's pragmas, encrypted with the
// store's own cipher settings (db/connection.ts applyKey) or left plain, so
// a figure shows both the cost of the store over the engine and the cost of
// encryption itself.

import BetterSqlite3, { type Database } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { applyKey, applyPragmas } from '../../db/connection';
import { BENCH_KEY } from './setup';

export type RawKind = 'encrypted' | 'plain';

export function openRaw(scratchDir: string, name: string, kind: RawKind): Database {
  const db = new BetterSqlite3(join(scratchDir, `${name}-${kind}.sqlite`));
  if (kind === 'encrypted') applyKey(db, BENCH_KEY);
  applyPragmas(db);
  return db;
}
