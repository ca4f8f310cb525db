import { consentDeclinedMeaning, consentSignedMeaning, consentWithdrawnMeaning } from '../../shared/auth/meanings';
import { currentClinician, nowIso, signedWrite, type Handler } from './context';

// The patient's answer to the consent form, and its withdrawal: each an
// electronic signature whose meaning names the form, the treatment and, for a
// withdrawal, the reason.

type ConsentChannel = 'consents.recordSigned' | 'consents.recordDeclined' | 'consents.withdraw' | 'consents.listForPatient';

export const consentHandlers: { [C in ConsentChannel]: Handler<C> } = {
  'consents.recordSigned': (input, ctx) =>
    signedWrite(ctx, 'consent', (c) => c.id, () => [consentSignedMeaning(input)], () =>
      ctx.store.consent.recordSigned(input, currentClinician(ctx).id, nowIso(ctx))),
  'consents.recordDeclined': (input, ctx) =>
    signedWrite(ctx, 'consent', (c) => c.id, () => [consentDeclinedMeaning(input)], () =>
      ctx.store.consent.recordDeclined(input, currentClinician(ctx).id, nowIso(ctx))),
  'consents.withdraw': (input, ctx) =>
    signedWrite(ctx, 'consent', (c) => c.id, (c) => [consentWithdrawnMeaning(c, input.reason)], () =>
      ctx.store.consent.withdraw(input, currentClinician(ctx).id, nowIso(ctx))),
  'consents.listForPatient': ({ patientId }, ctx) => ctx.store.consent.listForPatient(patientId),
};
