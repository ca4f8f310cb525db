import { randomUUID } from 'node:crypto';
import { backupRestoredMeaning } from '../../shared/auth/meanings';
import { DomainError } from '../../shared/result';
import type { BackupManifest } from '../../db/backup';
import type { Store } from '../../db/store';
import {
  backupIfDue, backupNow, backupStatus, folderProblem, inspectBackup, inspectForSetup, listForSetup, listInFolder, restoreBackup,
  restoreForSetup, summaryOf, type OpenedBy,
} from '../backups/service';
import { currentClinician, nowIso, type Handler } from './context';

// Backups and restore (issue #14). The work is in electron/backups/service.ts
// and db/backup.ts, db/restore.ts; these handlers check who asks and what.

type BackupChannel =
  | 'backups.status' | 'backups.runNow' | 'backups.configure' | 'backups.pickFolder' | 'backups.list' | 'backups.inspect'
  | 'backups.restore' | 'backups.listForSetup' | 'backups.inspectForSetup' | 'backups.restoreForSetup';

/**
 * The audit row of a restore under the backup's own key, in the restored log.
 * Whoever asked is not one of the restored records' clinicians, so the row
 * names them and is the act of the backup's clinician whose passphrase opened
 * it (no one for the recovery key).
 */
function auditUnderBackupKey(
  store: Store, at: string, file: string, after: Record<string, unknown>, openedBy: OpenedBy, requestedBy: string, reason: string,
): void {
  const clinicianId = openedBy.clinicianId && store.clinicians.get(openedBy.clinicianId) ? openedBy.clinicianId : null;
  store.write(() => store.audit.append({
    at, clinicianId, entity: 'backup', entityId: file, action: 'restore', before: null,
    after: { ...after, keyFileRestored: true, openedWith: openedBy.with, requestedBy }, reason,
  }));
}

const afterOf = (file: string, restored: BackupManifest, keptAsideIn: string) =>
  ({ restoredFrom: file, createdAt: restored.createdAt, counts: restored.counts, keptAsideIn });

export const backupHandlers: { [C in BackupChannel]: Handler<C> } = {
  'backups.status': (_, ctx) => backupStatus(ctx.store, nowIso(ctx)),
  'backups.runNow': (_, ctx) => backupNow(ctx, 'by hand', currentClinician(ctx).id),
  'backups.configure': (input, ctx) => {
    if (input.backupFolder) {
      const problem = folderProblem(input.backupFolder);
      if (problem) throw new DomainError('invalid-input', problem, 'backupFolder');
    }
    const before = ctx.store.settings.read();
    const changed = Object.entries(input).some(([k, v]) => before[k as keyof typeof before] !== v);
    if (changed) ctx.store.updateSettings(input, null, currentClinician(ctx).id, nowIso(ctx));
    // A newly chosen folder gets its first backup now rather than at the next check.
    backupIfDue(ctx);
    return backupStatus(ctx.store, nowIso(ctx));
  },
  // The desktop app answers this with a native folder dialog (electron/main.ts); browser mode types the path.
  'backups.pickFolder': () => ({ path: null, native: false }),
  'backups.list': (_, ctx) => listInFolder(ctx.store),
  'backups.inspect': ({ file, unlock }, ctx) => inspectBackup(ctx, file, unlock),
  'backups.restore': async ({ file, reason, unlock }, ctx) => {
    const signer = ctx.signer;
    if (!signer) throw new DomainError('invalid-input', 'Sign with your passphrase or PIN.', 'signature');
    const { manifest, keptAsideIn, keyFileRestored } = await restoreBackup(ctx, file, unlock, (store, restored, aside, openedBy) => {
      const at = nowIso(ctx);
      const after = afterOf(file, restored, aside);
      if (openedBy) {
        const requestedBy = `${signer.clinician.name}, ${signer.clinician.credentials} (signed with their ${signer.method} of the replaced records)`;
        return auditUnderBackupKey(store, at, file, after, openedBy, requestedBy, reason);
      }
      ctx.gate.keepSignedInClinician();
      store.write(() => {
        store.audit.append({ at, clinicianId: signer.clinician.id, entity: 'backup', entityId: file, action: 'restore', before: null, after, reason });
        store.recordSignature({
          id: randomUUID(), at, clinicianId: signer.clinician.id, clinicianName: signer.clinician.name,
          clinicianCredentials: signer.clinician.credentials, role: signer.clinician.role,
          meaning: backupRestoredMeaning(file, reason), entity: 'backup', entityId: file, method: signer.method,
        });
      });
    });
    return { restoredFrom: file, keptAsideIn, summary: summaryOf(manifest), keyFileRestored };
  },
  'backups.listForSetup': ({ folder }, ctx) => listForSetup(ctx, folder),
  'backups.inspectForSetup': ({ folder, file, unlock }, ctx) => inspectForSetup(ctx, folder, file, unlock),
  'backups.restoreForSetup': async ({ folder, file, unlock, reason }, ctx) => {
    const { manifest, keptAsideIn, keyFileRestored } = await restoreForSetup(ctx, folder, file, unlock, (store, restored, aside, openedBy) =>
      auditUnderBackupKey(store, nowIso(ctx), file, afterOf(file, restored, aside), openedBy!, 'the setup screen of a new installation', reason));
    return { restoredFrom: file, keptAsideIn, summary: summaryOf(manifest), keyFileRestored };
  },
};
