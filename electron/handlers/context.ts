import { randomUUID } from 'node:crypto';
import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { DomainError } from '../../shared/result';
import type { Clinician } from '../../shared/schemas/clinician';
import type { Store } from '../../db/store';
import type { Gatekeeper, Signer } from '../auth/gatekeeper';

/** What lives as long as the process. Nothing here knows about Electron or HTTP. */
export interface HandlerContext {
  /** Sign-in, the screen lock and the key that opens the store. */
  gate: Gatekeeper;
  dataDir: string;
  /** Injected so tests can run on a fake clock. */
  now: () => Date;
}

/** What one request may use, built by the dispatcher after its access check. */
export interface RequestContext extends HandlerContext {
  /** The open store; handlers of public channels reach it through the gate instead. */
  readonly store: Store;
  /** The signed-in clinician (null only on public channels). */
  readonly clinician: Clinician | null;
  /** The clinician who re-entered their passphrase or PIN for this request, when it carried a signature. */
  readonly signer: Signer | null;
}

/** A channel's handler: the validated request in, the contract's response out (or a promise of it). */
export type Handler<C extends Channel> = (input: ParsedRequestOf<C>, ctx: RequestContext) => ResponseOf<C> | Promise<ResponseOf<C>>;

export const nowIso = (ctx: HandlerContext) => ctx.now().toISOString();

export function currentClinician(ctx: RequestContext): Clinician {
  if (!ctx.clinician) throw new DomainError('signed-out', 'Sign in to continue.');
  return ctx.clinician;
}

/**
 * Runs a signed change and stores its signatures (who, when, what it meant)
 * in the same transaction, so the record and its signature stand or fall together.
 */
export function signedWrite<T>(
  ctx: RequestContext,
  entity: string,
  entityIdOf: (result: T) => string,
  meaningsOf: (result: T) => string[],
  change: () => T,
): T {
  const signer = ctx.signer;
  if (!signer) throw new DomainError('invalid-input', 'Sign with your passphrase or PIN.', 'signature');
  const at = nowIso(ctx);
  return ctx.store.write(() => {
    const result = change();
    for (const meaning of meaningsOf(result)) {
      ctx.store.recordSignature({
        id: randomUUID(), at, clinicianId: signer.clinician.id, clinicianName: signer.clinician.name,
        clinicianCredentials: signer.clinician.credentials, role: signer.clinician.role, meaning,
        entity, entityId: entityIdOf(result), method: signer.method,
      });
    }
    return result;
  });
}
