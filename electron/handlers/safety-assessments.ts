import { safetyAssessmentMeaning } from '../../shared/auth/meanings';
import { ASSESSMENT_ENTITY } from '../../db/suicide-risk-store';
import { currentClinician, nowIso, signedWrite, type Handler } from './context';

// A prescriber's suicide safety assessment of a positive ASQ is an electronic
// signature (issue #10 point 4): stored with its meaning in the same
// transaction, then read again so the answer carries it.

type SafetyAssessmentChannel = 'safetyAssessments.record' | 'safetyAssessments.listForPatient';

export const safetyAssessmentHandlers: { [C in SafetyAssessmentChannel]: Handler<C> } = {
  'safetyAssessments.record': (input, ctx) => {
    const created = signedWrite(ctx, ASSESSMENT_ENTITY, (a) => a.id, (a) => [safetyAssessmentMeaning(a)], () =>
      ctx.store.suicideRisk.record(input, currentClinician(ctx), nowIso(ctx)));
    return ctx.store.suicideRisk.get(created.id);
  },
  'safetyAssessments.listForPatient': ({ patientId }, ctx) => ctx.store.suicideRisk.listForPatient(patientId),
};
