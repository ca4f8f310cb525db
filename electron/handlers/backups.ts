import { randomUUID } from 'node:crypto';
import { backupRestoredMeaning } from '../../shared/auth/meanings';
import { DomainError } from '../../shared/result';
import { backupIfDue, backupNow, backupStatus, folderProblem, inspectBackup, listInFolder, restoreBackup, summaryOf } from '../backups/service';
import { currentClinician, nowIso, type Handler } from './context';

// Backups and restore (issue #14). The work is in electron/backups/service.ts
// and db/backup.ts, db/restore.ts; these handlers check who asks and what.

type BackupChannel =
  | 'backups.status' | 'backups.runNow' | 'backups.configure' | 'backups.pickFolder' | 'backups.list' | 'backups.inspect'
  | 'backups.restore';

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
  'backups.inspect': ({ file }, ctx) => inspectBackup(ctx, file),
  'backups.restore': ({ file, reason }, ctx) => {
    const signer = ctx.signer;
    if (!signer) throw new DomainError('invalid-input', 'Sign with your passphrase or PIN.', 'signature');
    const { manifest, keptAsideIn } = restoreBackup(ctx, file, (store, restored, aside) => {
      ctx.gate.keepSignedInClinician();
      const at = nowIso(ctx);
      store.write(() => {
        store.audit.append({
          at, clinicianId: signer.clinician.id, entity: 'backup', entityId: file, action: 'restore', before: null,
          after: { restoredFrom: file, createdAt: restored.createdAt, counts: restored.counts, keptAsideIn: aside }, reason,
        });
        store.recordSignature({
          id: randomUUID(), at, clinicianId: signer.clinician.id, clinicianName: signer.clinician.name,
          clinicianCredentials: signer.clinician.credentials, role: signer.clinician.role,
          meaning: backupRestoredMeaning(file, reason), entity: 'backup', entityId: file, method: signer.method,
        });
      });
    });
    return { restoredFrom: file, keptAsideIn, summary: summaryOf(manifest) };
  },
};
