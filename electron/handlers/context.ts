import { DomainError } from '../../shared/result';
import type { Clinician } from '../../shared/schemas/clinician';
import type { Store } from '../../db/store';

/** What every handler may use. Nothing here knows about Electron or HTTP. */
export interface HandlerContext {
  store: Store;
  dataDir: string;
  /** The clinician working in this window; chosen at start. */
  workspace: { clinicianId: string | null };
  /** Injected so tests can run on a fake clock. */
  now: () => Date;
}

export const nowIso = (ctx: HandlerContext) => ctx.now().toISOString();

export function currentClinician(ctx: HandlerContext): Clinician {
  const id = ctx.workspace.clinicianId;
  const clinician = id ? ctx.store.clinicians.get(id) : null;
  if (!clinician) throw new DomainError('no-clinician', 'Choose who is working before making changes.');
  return clinician;
}
