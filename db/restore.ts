import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { AuditHead } from './audit';
import { readManifest, recordCounts, verifyCopy, type BackupManifest } from './backup';
import { DATABASE_FILE_NAME, databasePath } from './connection';
import { fsyncPath } from './fsync';
import type { Store } from './store';
import {
  KEY_FILE_NAME, keyFileExists, keyFilePath, readKeyFile, writeKeyFile, type KeyFile,
} from './vault/key-file';

// Restoring a backup replaces the database file, so it is done in steps that
// a crash at any point can undo: the backup is copied into the data folder and
// verified there; a journal saying what is about to happen is synced; the
// store is closed; the current database is moved aside into a timestamped
// folder (kept, never deleted); the verified copy takes its name; the store
// reopens and is verified again; the restore is audited; the journal goes.
// If the app dies while the journal exists, the next start moves the old
// database back and puts the key file's audit head back: an unfinished
// restore leaves the clinic exactly where it was.
//
// A backup made under another database key (a new workstation, a rebuilt key
// file) keeps that key: its copy of the key file, whose wraps open it for its
// own clinicians and its recovery key, replaces the data folder's key file in
// the swap. Nothing is re-encrypted, so nothing is ever on disk unencrypted;
// the key file from before is kept aside with the database and put back if
// the restore does not finish.

export const RESTORE_JOURNAL = 'restore-journal.json';
const STAGED_FILE = 'restore-staged.sqlite';
const SIDE_FILES = ['', '-wal', '-shm'];

const restoreJournal = z.object({
  backupFile: z.string(),
  asideDir: z.string(),
  previousHead: z.object({ seq: z.number().int(), mac: z.string() }).nullable(),
  startedAt: z.string(),
  /** The backup's key file replaces the data folder's (a backup under another database key). */
  replacesKeyFile: z.boolean().default(false),
});
export type RestoreJournal = z.output<typeof restoreJournal>;

export class RestoreRefused extends Error {}

/**
 * The manifest of a backup that may be restored here, after checking the file
 * itself (it opens with this clinic's key, integrity_check, audit chain to the
 * manifest's head, counts). Refuses anything else with a clear message.
 */
export function checkBackup(path: string, key: Buffer): BackupManifest {
  if (!existsSync(path)) throw new RestoreRefused(`The backup ${basename(path)} is not in the backup folder any more.`);
  const manifest = readManifest(path);
  if (!manifest) throw new RestoreRefused(`${basename(path)} has no readable manifest beside it, so it is not a KetaDesk backup that can be restored.`);
  const problem = verifyCopy(path, key, manifest);
  if (problem) throw new RestoreRefused(`${basename(path)} cannot be restored: ${problem}`);
  return manifest;
}

/**
 * Copies the backup into the data folder (so the final step is a rename on one
 * disk), checks that copy again, and writes the journal. Nothing else changes yet.
 */
export function prepareRestore(
  dataDir: string, backupPath: string, key: Buffer, manifest: BackupManifest, previousHead: AuditHead | null, at: string,
  replacesKeyFile = false,
): RestoreJournal {
  const staged = join(dataDir, STAGED_FILE);
  copyFileSync(backupPath, staged);
  fsyncPath(staged);
  const problem = verifyCopy(staged, key, manifest);
  if (problem) {
    rmSync(staged, { force: true });
    throw new RestoreRefused(`The copy of ${basename(backupPath)} read back differently: ${problem}`);
  }
  const journal: RestoreJournal = {
    backupFile: basename(backupPath),
    asideDir: `before-restore-${at.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`,
    previousHead,
    startedAt: at,
    replacesKeyFile,
  };
  const path = join(dataDir, RESTORE_JOURNAL);
  writeFileSync(path, JSON.stringify(journal), { mode: 0o600 });
  fsyncPath(path);
  fsyncPath(dataDir);
  return journal;
}

/**
 * The backup's own key file as it is installed by a restore under its key:
 * its wraps, clinicians and sign-in policy, with the failed-attempt counters
 * cleared, no events waiting (they belong to the log the backup was made
 * from) and the backup's audit head.
 */
export function keysToInstall(backupKeys: KeyFile, manifest: BackupManifest): KeyFile {
  const holders = Object.fromEntries(
    Object.entries(backupKeys.holders).map(([id, h]) => [id, { ...h, failures: 0, retryAt: null }]),
  );
  return { ...backupKeys, holders, pendingEvents: [], auditHead: manifest.auditHead };
}

/**
 * With the store closed: the current database goes aside (with a copy of the
 * key file), the staged copy takes its place and, for a backup under another
 * key, the backup's key file (`keys`) replaces the data folder's.
 */
export function swapInRestored(dataDir: string, journal: RestoreJournal, keys?: KeyFile): void {
  if (journal.replacesKeyFile !== Boolean(keys)) throw new Error('The journal and the restore disagree about the key file.');
  const aside = join(dataDir, journal.asideDir);
  mkdirSync(aside, { recursive: true, mode: 0o700 });
  if (keyFileExists(dataDir)) {
    copyFileSync(keyFilePath(dataDir), join(aside, KEY_FILE_NAME));
    fsyncPath(join(aside, KEY_FILE_NAME));
  }
  for (const suffix of SIDE_FILES) {
    const from = databasePath(dataDir) + suffix;
    if (existsSync(from)) renameSync(from, join(aside, DATABASE_FILE_NAME + suffix));
  }
  fsyncPath(aside);
  renameSync(join(dataDir, STAGED_FILE), databasePath(dataDir));
  fsyncPath(dataDir);
  if (keys) writeKeyFile(dataDir, keys);
}

/** Why the reopened store is not the backup it should be, or null. */
export function verifyRestored(store: Store, manifest: BackupManifest): string | null {
  if (store.db.pragma('integrity_check', { simple: true }) !== 'ok') return 'The restored database failed SQLite’s integrity check.';
  const chain = store.audit.verify(manifest.auditHead);
  if (!chain.ok) return `The restored database’s audit log does not verify: ${chain.problem}`;
  const counts = recordCounts(store);
  const differs = Object.keys(manifest.counts).find((t) => counts[t] !== manifest.counts[t]);
  return differs ? `The restored database holds ${counts[differs] ?? 0} rows of ${differs}, not ${manifest.counts[differs]}.` : null;
}

/** The restore is complete and audited: the journal goes, and with it the way back. */
export function finishRestore(dataDir: string): void {
  rmSync(join(dataDir, RESTORE_JOURNAL), { force: true });
  fsyncPath(dataDir);
}

/**
 * Undoes an unfinished restore (the store must be closed): the database from
 * before goes back in place, the staged copy is removed, the key file's audit
 * head is put back and a security event waits there to be audited. Returns the
 * journal it undid, or null when no restore was under way.
 */
export function rollBackRestore(dataDir: string, at: string): RestoreJournal | null {
  const journalPath = join(dataDir, RESTORE_JOURNAL);
  if (!existsSync(journalPath)) return null;
  const journal = restoreJournal.parse(JSON.parse(readFileSync(journalPath, 'utf8')));
  const aside = join(dataDir, journal.asideDir);
  if (existsSync(join(aside, DATABASE_FILE_NAME))) {
    for (const suffix of SIDE_FILES) rmSync(databasePath(dataDir) + suffix, { force: true });
    for (const suffix of SIDE_FILES) {
      const from = join(aside, DATABASE_FILE_NAME + suffix);
      if (existsSync(from)) renameSync(from, databasePath(dataDir) + suffix);
    }
  }
  if (journal.replacesKeyFile) putKeyFileBack(dataDir, aside);
  rmSync(aside, { recursive: true, force: true });
  rmSync(join(dataDir, STAGED_FILE), { force: true });
  if (keyFileExists(dataDir)) {
    const keys = readKeyFile(dataDir);
    const event = { at, clinicianId: null, action: 'restore-undone', detail: `The restore from ${journal.backupFile} did not finish; the records from before it are back in place.` };
    writeKeyFile(dataDir, { ...keys, auditHead: journal.previousHead, pendingEvents: [...keys.pendingEvents, event] });
  }
  finishRestore(dataDir);
  return journal;
}

/** The key file from before a restore under another key goes back, byte for byte; on a new installation there was none. */
function putKeyFileBack(dataDir: string, aside: string): void {
  const before = join(aside, KEY_FILE_NAME);
  const path = keyFilePath(dataDir);
  if (existsSync(before)) {
    copyFileSync(before, `${path}.tmp`);
    fsyncPath(`${path}.tmp`);
    renameSync(`${path}.tmp`, path);
  } else {
    rmSync(path, { force: true });
    rmSync(`${path}.prev`, { force: true });
  }
  fsyncPath(dataDir);
}
