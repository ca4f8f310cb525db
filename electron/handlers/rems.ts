import { buildRemsFormData } from '../../shared/rems/form-data';
import { currentClinician, nowIso, type Handler } from './context';

// The esketamine REMS: enrolment on the chart, the session's form answers,
// the forms due and their submission, and the form's data for printing.

type RemsChannel =
  | 'rems.enrollment' | 'rems.recordEnrollment' | 'rems.session' | 'rems.saveSession' | 'rems.formsDue' | 'rems.markSubmitted'
  | 'rems.form';

export const remsHandlers: { [C in RemsChannel]: Handler<C> } = {
  'rems.enrollment': ({ patientId }, ctx) => ctx.store.rems.enrollment(patientId),
  'rems.recordEnrollment': (input, ctx) => ctx.store.rems.recordEnrollment(input, currentClinician(ctx), nowIso(ctx)),
  'rems.session': ({ sessionId }, ctx) => ctx.store.rems.view(sessionId, nowIso(ctx)),
  'rems.saveSession': (input, ctx) => ctx.store.rems.save(input, currentClinician(ctx), nowIso(ctx)),
  'rems.formsDue': (_, ctx) => ctx.store.rems.formsDue(nowIso(ctx)),
  'rems.markSubmitted': (input, ctx) => ctx.store.rems.markSubmitted(input, currentClinician(ctx), nowIso(ctx)),
  'rems.form': ({ sessionId }, ctx) => {
    const now = nowIso(ctx);
    ctx.store.rems.view(sessionId, now);
    return buildRemsFormData(
      ctx.store.session.record(sessionId, now), ctx.store.rems.answers(sessionId), ctx.store.settings.read(),
      ctx.store.rems.submission(sessionId),
    );
  },
};
