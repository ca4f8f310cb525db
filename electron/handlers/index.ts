import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract';
import { DomainError } from '../../shared/result';
import { currentClinician, nowIso, type HandlerContext } from './context';
import { printPlan } from '../print/plan';

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
  'screenings.create': (input, ctx) => ctx.store.screening.create(input, currentClinician(ctx).id, nowIso(ctx)),
  'screenings.save': (input, ctx) => {
    currentClinician(ctx);
    return ctx.store.screening.save(input, nowIso(ctx));
  },
  'screenings.sign': (input, ctx) =>
    ctx.store.screening.sign(input, currentClinician(ctx), nowIso(ctx), ctx.store.settings.read().screeningValidityDays),
  'screenings.discard': (input, ctx) => ctx.store.screening.discard(input, currentClinician(ctx).id, nowIso(ctx)),
  'screenings.get': ({ id }, ctx) => ctx.store.screening.get(id, nowIso(ctx)),
  'screenings.listForPatient': ({ patientId }, ctx) => ctx.store.screening.listForPatient(patientId, nowIso(ctx)),
  'screenings.history': ({ id }, ctx) => {
    ctx.store.screening.get(id);
    return ctx.store.audit.history('screening', id);
  },
  'screenings.import': (input, ctx) => ctx.store.screening.importCase(input, currentClinician(ctx).id, nowIso(ctx)),
  'screenings.export': ({ id }, ctx) => ctx.store.screening.exportCase(id, nowIso(ctx)),
  'settings.get': (_, ctx) => ctx.store.settings.read(),
  'settings.update': ({ settings, reason }, ctx) =>
    ctx.store.updateSettings(settings, reason ?? null, currentClinician(ctx).id, nowIso(ctx)),
  'consents.record': (input, ctx) => ctx.store.consent.record(input, currentClinician(ctx).id, nowIso(ctx)),
  'consents.listForPatient': ({ patientId }, ctx) => ctx.store.consent.listForPatient(patientId),
  'print.document': (request, ctx) =>
    printPlan(request, found(ctx.store.patients.get(request.patientId), 'patient').mrn, ctx.store.settings.read().paperSize),
  'sessions.eligibility': ({ patientId, route }, ctx) => ctx.store.session.eligibility(patientId, nowIso(ctx), route ?? null),
  'sessions.start': (input, ctx) => {
    const now = nowIso(ctx);
    return ctx.store.session.view(ctx.store.session.start(input, currentClinician(ctx), now).id, now);
  },
  'sessions.get': ({ id, checklist }, ctx) => ctx.store.session.view(id, nowIso(ctx), checklist),
  'sessions.addEntry': (input, ctx) => {
    const now = nowIso(ctx);
    const written = ctx.store.session.addEntry(input, currentClinician(ctx), now);
    return { ...written, view: ctx.store.session.view(input.sessionId, now) };
  },
  'sessions.amendEntry': (input, ctx) => {
    const now = nowIso(ctx);
    const written = ctx.store.session.amendEntry(input, currentClinician(ctx), now);
    return { ...written, view: ctx.store.session.view(input.sessionId, now) };
  },
  'sessions.acknowledgeAlert': (input, ctx) => {
    const now = nowIso(ctx);
    return ctx.store.session.view(ctx.store.session.acknowledgeAlert(input, currentClinician(ctx), now).sessionId, now);
  },
  'sessions.saveChecklist': (input, ctx) => {
    const now = nowIso(ctx);
    ctx.store.session.saveChecklist(input, currentClinician(ctx), now);
    return ctx.store.session.view(input.sessionId, now);
  },
  'sessions.discharge': (input, ctx) => {
    const now = nowIso(ctx);
    return ctx.store.session.view(ctx.store.session.discharge(input, currentClinician(ctx), now).id, now);
  },
  'sessions.listForPatient': ({ patientId }, ctx) => ctx.store.session.listForPatient(patientId),
  'sessions.record': ({ id }, ctx) => ctx.store.session.record(id, nowIso(ctx)),
  'sessions.history': ({ id }, ctx) => ctx.store.session.history(id),
  'audit.verify': (_, ctx) => ctx.store.audit.verify(),
};
