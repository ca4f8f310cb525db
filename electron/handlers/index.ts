import type { Channel } from '../../shared/contract';
import { DomainError } from '../../shared/result';
import { currentClinician, nowIso, signedWrite, type Handler } from './context';
import { printPlan } from '../print/plan';
import { authHandlers } from './auth';
import { clinicianHandlers } from './clinicians';
import { exportHandlers } from './exports';
import { backupHandlers } from './backups';
import { safetyAssessmentHandlers } from './safety-assessments';
import { consentHandlers } from './consents';
import { remsHandlers } from './rems';
import { courseHandlers } from './courses';
import { boardHandlers } from './board';
import {
  dischargedMeaning, doseChangedMeaning, entryCorrectedMeaning, patientAmendedMeaning, proceedDespiteConcernsMeaning,
  questionnaireCorrectedMeaning,
  screeningSignedMeanings,
} from '../../shared/auth/meanings';

export type HandlerTable = { [C in Channel]: Handler<C> };

function found<T>(value: T | null, what: string): T {
  if (value === null) throw new DomainError('not-found', `This ${what} does not exist.`, 'id');
  return value;
}

/** One function per channel of the contract; the type makes a missing one a compile error. */
export const handlers: HandlerTable = {
  ...authHandlers,
  ...clinicianHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...safetyAssessmentHandlers,
  ...consentHandlers,
  ...remsHandlers,
  ...courseHandlers,
  ...boardHandlers,
  'patients.create': (fields, ctx) => ctx.store.createPatient(fields, currentClinician(ctx).id, nowIso(ctx)),
  'patients.amend': (amendment, ctx) =>
    signedWrite(ctx, 'patient', (p) => p.id, () => [patientAmendedMeaning(amendment.reason)], () =>
      ctx.store.amendPatient(amendment, currentClinician(ctx).id, nowIso(ctx))),
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
  'screenings.sign': (input, ctx) => {
    const signed = signedWrite(ctx, 'screening', (s) => s.id, screeningSignedMeanings, () =>
      ctx.store.screening.sign(input, currentClinician(ctx), nowIso(ctx), ctx.store.settings.read().screeningValidityDays));
    // Read again so the answer carries the signatures stored after the change.
    return ctx.store.screening.get(signed.id, nowIso(ctx));
  },
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
  'settings.update': ({ settings, reason }, ctx) => {
    const updated = ctx.store.updateSettings(settings, reason ?? null, currentClinician(ctx).id, nowIso(ctx));
    ctx.gate.syncPolicy(updated);
    return updated;
  },
  'print.document': (request, ctx) =>
    printPlan(request, found(ctx.store.patients.get(request.patientId), 'patient').mrn, ctx.store.settings.read().paperSize),
  'sessions.eligibility': ({ patientId, route }, ctx) => ctx.store.session.eligibility(patientId, nowIso(ctx), route ?? null),
  'sessions.start': (input, ctx) => {
    const now = nowIso(ctx);
    const start = () => ctx.store.session.start(input, currentClinician(ctx), now);
    // Proceeding despite a pre-dose concern, and a dose other than the course's order, are decisions: signed.
    const meanings = [
      ...(input.decisionReason ? [proceedDespiteConcernsMeaning(input.decisionReason)] : []),
      ...(input.doseChangeReason ? [doseChangedMeaning(input.doseChangeReason)] : []),
    ];
    const session = meanings.length > 0 ? signedWrite(ctx, 'session', (s) => s.id, () => meanings, start) : start();
    return ctx.store.session.view(session.id, now);
  },
  'sessions.get': ({ id, checklist }, ctx) => ctx.store.session.view(id, nowIso(ctx), checklist),
  'sessions.addEntry': (input, ctx) => {
    const now = nowIso(ctx);
    const written = ctx.store.session.addEntry(input, currentClinician(ctx), now);
    return { ...written, view: ctx.store.session.view(input.sessionId, now) };
  },
  'sessions.amendEntry': (input, ctx) => {
    const now = nowIso(ctx);
    const written = signedWrite(ctx, 'session', () => input.sessionId, () => [entryCorrectedMeaning(input.reason)], () =>
      ctx.store.session.amendEntry(input, currentClinician(ctx), now));
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
    return signedWrite(ctx, 'session', (v) => v.session.id, (v) => [dischargedMeaning(v)], () =>
      ctx.store.session.view(ctx.store.session.discharge(input, currentClinician(ctx), now).id, now));
  },
  'sessions.listForPatient': ({ patientId }, ctx) => ctx.store.session.listForPatient(patientId),
  'sessions.record': ({ id }, ctx) => ctx.store.session.record(id, nowIso(ctx)),
  'sessions.history': ({ id }, ctx) => ctx.store.session.history(id),
  'questionnaires.record': (input, ctx) => ctx.store.questionnaire.record(input, currentClinician(ctx).id, nowIso(ctx)),
  'questionnaires.amend': (input, ctx) =>
    signedWrite(ctx, 'questionnaire', (q) => q.id, () => [questionnaireCorrectedMeaning(input.reason)], () =>
      ctx.store.questionnaire.amend(input, currentClinician(ctx).id, nowIso(ctx))),
  'questionnaires.get': ({ id }, ctx) => ctx.store.questionnaire.get(id),
  'questionnaires.listForPatient': ({ patientId }, ctx) => ctx.store.questionnaire.listForPatient(patientId),
  'audit.verify': (_, ctx) => ctx.store.audit.verify(ctx.gate.auditHead()),
};
