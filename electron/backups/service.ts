import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BACKUP_FAILED, BACKUP_WRITTEN, lastBackupEvent } from '../../db/backup-events';
import { BackupError, listBackups, pruneBackups, readManifest, verifyCopy, writeBackup, type BackupManifest } from '../../db/backup';
import {
  checkBackup, finishRestore, prepareRestore, RestoreRefused, rollBackRestore, swapInRestored, verifyRestored,
} from '../../db/restore';
import type { Store } from '../../db/store';
import type { BackupInspection, BackupStatus, BackupSummary } from '../../shared/backup/schemas';
import { DomainError } from '../../shared/result';
import type { HandlerContext } from '../handlers/context';
import { version as APP_VERSION } from '../../package.json';

// Backups and restores for both transports and the app's own schedule. The
// work is synchronous (VACUUM INTO, file copies), so no request can change the
// records halfway through one.

export type BackupTrigger = 'by hand' | 'daily' | 'on close';

/** Why backups cannot be written to `folder` now, in words for the clinic; null when they can. */
export function folderProblem(folder: string): string | null {
  if (!isAbsolute(folder)) return 'Give the full path of the folder, from the top of the disk.';
  try {
    if (!statSync(folder).isDirectory()) return 'This is a file, not a folder.';
  } catch {
    return 'The folder cannot be found: is the disk plugged in, or the network share connected?';
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    return 'KetaDesk may not write in this folder.';
  }
  return null;
}

export const summaryOf = (m: BackupManifest): BackupSummary => ({
  file: m.databaseFile, createdAt: m.createdAt, appVersion: m.appVersion, schemaVersion: m.schemaVersion,
  counts: m.counts, newestChangeAt: m.newestChangeAt,
});

const nowIso = (ctx: HandlerContext) => ctx.now().toISOString();

function openStoreOrRefuse(ctx: HandlerContext): NonNullable<ReturnType<HandlerContext['gate']['backupSource']>> {
  const source = ctx.gate.backupSource();
  if (!source) throw new DomainError('signed-out', 'Sign in to open the clinic’s records.');
  return source;
}

/** The chosen folder, usable now; a clear refusal otherwise. */
function requireFolder(store: Store): string {
  const folder = store.settings.read().backupFolder;
  if (!folder) throw new DomainError('conflict', 'No backup folder is chosen. An administrator chooses one in Settings → Backups.');
  const problem = folderProblem(folder);
  if (problem) throw new DomainError('conflict', `The backup folder ${folder} cannot be used: ${problem}`);
  return folder;
}

/**
 * Writes, verifies and records a backup, then prunes by the clinic's
 * retention. A failure is recorded as a security event (and shows in the
 * status) before it is reported.
 */
export function backupNow(ctx: HandlerContext, trigger: BackupTrigger, clinicianId: string | null): BackupSummary {
  const { store, key, keyFilePath } = openStoreOrRefuse(ctx);
  const at = nowIso(ctx);
  const event = (action: string, detail: string) => store.recordSecurityEvent({ at, clinicianId, action, detail });
  let folder: string;
  try {
    folder = requireFolder(store);
  } catch (err) {
    event(BACKUP_FAILED, `${trigger}: ${(err as Error).message}`);
    throw err;
  }
  let manifest: BackupManifest;
  try {
    manifest = writeBackup(store, { folder, at, appVersion: APP_VERSION, key, keyFilePath });
  } catch (err) {
    const why = err instanceof BackupError ? err.message : `The copy could not be written (${(err as NodeJS.ErrnoException).code ?? 'error'}).`;
    event(BACKUP_FAILED, `${trigger}: ${why}`);
    throw new DomainError('conflict', `The backup failed and nothing was kept: ${why}`);
  }
  event(BACKUP_WRITTEN, `${trigger}: ${manifest.databaseFile} in ${folder}`);
  const { backupKeepDaily, backupKeepMonthly } = store.settings.read();
  pruneBackups(folder, at, backupKeepDaily, backupKeepMonthly);
  return summaryOf(manifest);
}

const localDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA');

/** The daily backup, if daily backups are on, a usable folder is chosen and it holds none from today yet. Never throws. */
export function backupIfDue(ctx: HandlerContext): BackupSummary | null {
  const source = ctx.gate.backupSource();
  if (!source) return null;
  const { backupDaily, backupFolder } = source.store.settings.read();
  if (!backupDaily || !backupFolder) return null;
  const today = localDay(nowIso(ctx));
  if (!folderProblem(backupFolder) && listBackups(backupFolder).some((m) => localDay(m.createdAt) === today)) return null;
  return backupQuietly(ctx, 'daily');
}

/** The backup when the app closes, if the clinic wants one and the records are open. Never throws. */
export function backupOnClose(ctx: HandlerContext): BackupSummary | null {
  const source = ctx.gate.backupSource();
  if (!source || !source.store.settings.read().backupOnClose || !source.store.settings.read().backupFolder) return null;
  return backupQuietly(ctx, 'on close');
}

/** Automatic backups report failures through the status and the audit log, not by throwing into a timer. */
function backupQuietly(ctx: HandlerContext, trigger: BackupTrigger): BackupSummary | null {
  try {
    return backupNow(ctx, trigger, null);
  } catch (err) {
    if (!(err instanceof DomainError)) console.error(`[ketadesk] ${trigger} backup failed:`, err);
    return null;
  }
}

export function backupStatus(store: Store, now: string): BackupStatus {
  const s = store.settings.read();
  return {
    folder: s.backupFolder,
    folderProblem: s.backupFolder ? folderProblem(s.backupFolder) : null,
    lastGood: lastBackupEvent(store, BACKUP_WRITTEN),
    lastFailure: lastBackupEvent(store, BACKUP_FAILED),
    daily: s.backupDaily,
    onClose: s.backupOnClose,
    keepDaily: s.backupKeepDaily,
    keepMonthly: s.backupKeepMonthly,
    now,
  };
}

export function listInFolder(store: Store): BackupSummary[] {
  return listBackups(requireFolder(store)).map(summaryOf);
}

/** What a backup holds and whether it would restore here, before anything changes. */
export function inspectBackup(ctx: HandlerContext, file: string): BackupInspection {
  const { store, key } = openStoreOrRefuse(ctx);
  const path = join(requireFolder(store), file);
  const manifest = readManifest(path);
  if (!manifest) throw new DomainError('not-found', `${file} has no readable manifest beside it, so it is not a KetaDesk backup.`, 'file');
  return { ...summaryOf(manifest), problem: verifyCopy(path, key, manifest) };
}

/**
 * Restores a backup (see db/restore.ts for the steps and how a crash is
 * undone). A refused file changes nothing; a restored database that does not
 * verify is swapped back out before this returns.
 */
export function restoreBackup(
  ctx: HandlerContext, file: string, audit: (store: Store, manifest: BackupManifest, keptAsideIn: string) => void,
): { manifest: BackupManifest; keptAsideIn: string } {
  const { store, key } = openStoreOrRefuse(ctx);
  const path = join(requireFolder(store), file);
  const at = nowIso(ctx);
  let manifest: BackupManifest;
  let journal;
  try {
    manifest = checkBackup(path, key);
    journal = prepareRestore(ctx.dataDir, path, key, manifest, ctx.gate.auditHead(), at);
  } catch (err) {
    if (err instanceof RestoreRefused) throw new DomainError('invalid-input', err.message, 'file');
    throw err;
  }
  try {
    const restored = ctx.gate.reopenAfter(() => swapInRestored(ctx.dataDir, journal), manifest.auditHead);
    const problem = verifyRestored(restored, manifest);
    if (problem) throw new RestoreRefused(problem);
    audit(restored, manifest, journal.asideDir);
    finishRestore(ctx.dataDir);
  } catch (err) {
    // Put the records from before back, whatever failed after the swap.
    const back = ctx.gate.reopenAfter(() => rollBackRestore(ctx.dataDir, at), journal.previousHead);
    back.recordSecurityEvent({ at, clinicianId: null, action: 'restore-failed', detail: `${file}: ${(err as Error).message}` });
    if (err instanceof RestoreRefused) throw new DomainError('conflict', `The restore was undone and nothing changed: ${err.message}`, 'file');
    throw err;
  }
  return { manifest, keptAsideIn: journal.asideDir };
}
