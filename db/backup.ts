import {
  copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fsyncPath } from './fsync';
import { z } from 'zod';
import type { AuditHead } from './audit';
import { DATABASE_FILE_NAME } from './connection';
import { schemaVersion } from './migrate';
import { Store } from './store';

// Backups: a consistent copy of the encrypted database made while the app
// runs (VACUUM INTO writes it under the same key; SQLite's backup API refuses
// between encrypted databases), verified before it counts, with a manifest
// saying what it holds and a copy of the key file so any current passphrase
// or the recovery key opens it.

export const BACKUP_FORMAT = 'ketadesk-backup/1';

export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.number().int()),
  auditHead: z.object({ seq: z.number().int(), mac: z.string() }).nullable(),
  /** The newest clinical change in it (the newest audit row's time). */
  newestChangeAt: z.string().nullable(),
  databaseFile: z.string(),
  keyFile: z.string(),
});
export type BackupManifest = z.output<typeof backupManifest>;

export class BackupError extends Error {}

/** Rows per table: the figure a backup's verification and the restore preview compare. */
export function recordCounts(store: Store): Record<string, number> {
  const tables = store.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'patient_terms' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, store.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

const newestChangeAt = (store: Store) => store.db.prepare('SELECT max(at) FROM audit_log').pluck().get() as string | null;

const stampOf = (at: string) => at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

export interface BackupOptions {
  folder: string;
  at: string;
  appVersion: string;
  key: Buffer;
  /** The key file beside the database, copied with the backup. */
  keyFilePath: string;
}

/**
 * Writes a verified backup into `folder`: the copy is made under a temporary
 * name and only takes its final name after it opened with the key, passed
 * `integrity_check`, its audit chain verified to the same head and its
 * record counts matched. A failed backup leaves nothing that looks like one.
 */
export function writeBackup(store: Store, options: BackupOptions): BackupManifest {
  const name = `ketadesk-${stampOf(options.at)}`;
  const partial = join(options.folder, `${name}.sqlite.partial`);
  const databaseFile = `${name}.sqlite`;
  const keyFile = `${name}.keys`;
  rmSync(partial, { force: true });
  // One synchronous call: no write of this process can fall between the counts and the copy.
  const counts = recordCounts(store);
  const auditHead: AuditHead | null = store.audit.head();
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT, appVersion: options.appVersion, schemaVersion: schemaVersion(store.db), createdAt: options.at,
    counts, auditHead, newestChangeAt: newestChangeAt(store), databaseFile, keyFile,
  };
  try {
    store.db.prepare('VACUUM INTO ?').run(partial);
    fsyncPath(partial);
    const problem = verifyCopy(partial, options.key, manifest);
    if (problem) throw new BackupError(problem);
    copyFileSync(options.keyFilePath, join(options.folder, keyFile));
    fsyncPath(join(options.folder, keyFile));
    writeFileSync(join(options.folder, `${name}.json`), JSON.stringify(manifest, null, 2), { mode: 0o600 });
    fsyncPath(join(options.folder, `${name}.json`));
    renameSync(partial, join(options.folder, databaseFile));
    return manifest;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * Why a copy is not a good backup of what the manifest says, or null when it
 * is. The copy is opened in a scratch folder beside it, so checking a backup
 * never changes it (opening runs pragmas and, for an older one, migrations).
 */
export function verifyCopy(file: string, key: Buffer, manifest: BackupManifest): string | null {
  const scratch = `${file}.verify`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { mode: 0o700 });
  try {
    copyFileSync(file, join(scratch, DATABASE_FILE_NAME));
    let store: Store;
    try {
      store = Store.open(scratch, { key });
    } catch {
      return 'The file is not a KetaDesk backup of this clinic, or it is damaged.';
    }
    try {
      if (store.db.pragma('integrity_check', { simple: true }) !== 'ok') return 'The copy failed SQLite’s integrity check.';
      const chain = store.audit.verify(manifest.auditHead);
      if (!chain.ok) return `The copy’s audit log does not verify: ${chain.problem}`;
      const counts = recordCounts(store);
      const differs = Object.keys({ ...counts, ...manifest.counts }).find((t) => counts[t] !== manifest.counts[t]);
      if (differs) return `The copy holds ${counts[differs] ?? 0} rows of ${differs}, not ${manifest.counts[differs] ?? 0}.`;
      return null;
    } finally {
      store.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The manifest beside a backup file; null when there is none or it does not read. */
export function readManifest(databaseFile: string): BackupManifest | null {
  try {
    return backupManifest.parse(JSON.parse(readFileSync(databaseFile.replace(/\.sqlite$/, '.json'), 'utf8')));
  } catch {
    return null;
  }
}

/** The backups in a folder, newest first, by their manifests. */
export function listBackups(folder: string): BackupManifest[] {
  return readdirSync(folder)
    .filter((f) => /^ketadesk-\d{8}T\d{6}Z\.sqlite$/.test(f))
    .map((f) => readManifest(join(folder, f)))
    .filter((m): m is BackupManifest => m !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Which backups to keep at `now`: the newest of each day within the last
 * `daily` days, and the newest of each month within the last `monthly` months.
 */
export function backupsToKeep(manifests: readonly BackupManifest[], now: string, daily: number, monthly: number): Set<string> {
  const newestFirst = [...manifests].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const dayCutoff = new Date(Date.parse(now) - (daily - 1) * 86_400_000).toISOString().slice(0, 10);
  const nowDate = new Date(now);
  const monthCutoff = new Date(Date.UTC(nowDate.getUTCFullYear(), nowDate.getUTCMonth() - (monthly - 1), 1)).toISOString().slice(0, 7);
  const keep = new Set<string>();
  const newestPer = (period: (m: BackupManifest) => string, cutoff: string) => {
    const seen = new Set<string>();
    for (const m of newestFirst) {
      const p = period(m);
      if (p < cutoff || seen.has(p)) continue;
      seen.add(p);
      keep.add(m.databaseFile);
    }
  };
  newestPer((m) => m.createdAt.slice(0, 10), dayCutoff);
  newestPer((m) => m.createdAt.slice(0, 7), monthCutoff);
  return keep;
}

/** Removes the backups (database, manifest and key copy) the retention rule does not keep. */
export function pruneBackups(folder: string, now: string, daily: number, monthly: number): string[] {
  const manifests = listBackups(folder);
  const keep = backupsToKeep(manifests, now, daily, monthly);
  const removed = manifests.filter((m) => !keep.has(m.databaseFile));
  for (const m of removed) {
    for (const f of [m.databaseFile, m.keyFile, m.databaseFile.replace(/\.sqlite$/, '.json')]) rmSync(join(folder, f), { force: true });
  }
  return removed.map((m) => m.databaseFile);
}
