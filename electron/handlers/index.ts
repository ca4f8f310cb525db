import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { DomainError } from '../../shared/result';
import { currentClinician, nowIso, type HandlerContext } from './context';

type Handler<C extends Channel> = (input: ParsedRequestOf<C>, ctx: HandlerContext) => ResponseOf<C>;
export type HandlerTable = { [C in Channel]: Handler<C> };

function found<T>(value: T | null, what: string): T {
  if (value === null) throw new DomainError('not-found', `This ${what} does not exist.`, 'id');
  return value;
}

/** One function per channel of the contract; the type makes a missing one a compile error. */
export const handlers: HandlerTable = {
  'clinicians.list': (_, ctx) => ctx.store.clinicians.list(),
  'clinicians.create': (input, ctx) =>
    ctx.store.createClinician(input, nowIso(ctx), ctx.workspace.clinicianId),
  'workspace.current': (_, ctx) => ({
    clinician: ctx.workspace.clinicianId ? ctx.store.clinicians.get(ctx.workspace.clinicianId) : null,
    dataDir: ctx.dataDir,
  }),
  'workspace.selectClinician': ({ clinicianId }, ctx) => {
    const clinician = found(ctx.store.clinicians.get(clinicianId), 'clinician');
    ctx.workspace.clinicianId = clinician.id;
    return clinician;
  },
  'patients.create': (fields, ctx) => ctx.store.createPatient(fields, currentClinician(ctx).id, nowIso(ctx)),
  'patients.amend': (amendment, ctx) => ctx.store.amendPatient(amendment, currentClinician(ctx).id, nowIso(ctx)),
  'patients.get': ({ id }, ctx) => found(ctx.store.patients.get(id), 'patient'),
  'patients.search': ({ query, limit }, ctx) => ctx.store.patients.search(query, limit),
  'patients.history': ({ id }, ctx) => {
    found(ctx.store.patients.get(id), 'patient');
    return ctx.store.audit.history('patient', id);
  },
  'audit.verify': (_, ctx) => ctx.store.audit.verify(),
};
