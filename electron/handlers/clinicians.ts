import { DomainError } from '../../shared/result';
import type { Clinician } from '../../shared/schemas/clinician';
import type { Store } from '../../db/store';
import { currentClinician, nowIso, type Handler } from './context';

// Clinicians are managed by administrators (the dispatcher checks that). A
// clinician is deactivated, never deleted, and their copy of the database key
// goes with it; the last active administrator cannot be removed or demoted,
// so the clinic is never left without one.

type ClinicianChannel = 'clinicians.list' | 'clinicians.create' | 'clinicians.update' | 'clinicians.deactivate' | 'clinicians.resetPassphrase';

function requireClinician(store: Store, id: string): Clinician {
  const clinician = store.clinicians.get(id);
  if (!clinician) throw new DomainError('not-found', 'This clinician does not exist.', 'id');
  return clinician;
}

function keepAnAdministrator(store: Store, changed: Clinician, stillAdmin: boolean): void {
  if (!changed.isAdmin || stillAdmin) return;
  const others = store.clinicians.list().filter((c) => c.isAdmin && c.active && c.id !== changed.id);
  if (others.length === 0) {
    throw new DomainError('conflict', 'The clinic must keep at least one active administrator. Make someone else an administrator first.');
  }
}

export const clinicianHandlers: { [C in ClinicianChannel]: Handler<C> } = {
  'clinicians.list': (_, ctx) => ctx.store.clinicians.list(),
  'clinicians.create': async ({ temporaryPassphrase, ...fields }, ctx) => {
    const clinician = ctx.store.createClinician(fields, nowIso(ctx), currentClinician(ctx).id);
    await ctx.gate.grantAccess(clinician, temporaryPassphrase);
    return clinician;
  },
  'clinicians.update': ({ id, reason, ...fields }, ctx) => {
    const before = requireClinician(ctx.store, id);
    if (!before.active) throw new DomainError('conflict', 'This clinician is deactivated.', 'id');
    keepAnAdministrator(ctx.store, before, fields.isAdmin);
    const after = ctx.store.updateClinician(id, { ...fields, active: true }, reason, currentClinician(ctx).id, nowIso(ctx));
    ctx.gate.describeHolder(after);
    return after;
  },
  'clinicians.deactivate': ({ id, reason }, ctx) => {
    const before = requireClinician(ctx.store, id);
    if (id === currentClinician(ctx).id) throw new DomainError('conflict', 'Another administrator must deactivate you.', 'id');
    keepAnAdministrator(ctx.store, before, false);
    const after = ctx.store.updateClinician(id, { ...before, active: false }, reason, currentClinician(ctx).id, nowIso(ctx));
    ctx.gate.revokeAccess(id);
    return after;
  },
  'clinicians.resetPassphrase': async ({ id, temporaryPassphrase, reason }, ctx) => {
    const clinician = requireClinician(ctx.store, id);
    if (!clinician.active) throw new DomainError('conflict', 'This clinician is deactivated.', 'id');
    await ctx.gate.grantAccess(clinician, temporaryPassphrase);
    ctx.store.recordSecurityEvent({ at: nowIso(ctx), clinicianId: currentClinician(ctx).id, action: 'passphrase-reset', detail: `${clinician.name}: ${reason}` });
    return clinician;
  },
};
