import {
  courseOrderChangedMeaning, courseOrderedMeaning, coursePhaseMeaning,
} from '../../shared/auth/meanings';
import { currentClinician, nowIso, signedWrite, type Handler } from './context';

// Treatment courses: ordered and changed by prescribers only, each change an
// electronic signature; anyone signed in may read a course and its status.

type CourseChannel =
  | 'courses.create' | 'courses.changePhase' | 'courses.changeOrder' | 'courses.get' | 'courses.listForPatient'
  | 'courses.dueToday' | 'courses.history';

export const courseHandlers: { [C in CourseChannel]: Handler<C> } = {
  'courses.create': (input, ctx) =>
    signedWrite(ctx, 'course', (c) => c.id, (c) => [courseOrderedMeaning(c)], () =>
      ctx.store.course.create(input, currentClinician(ctx), nowIso(ctx))),
  'courses.changePhase': (input, ctx) =>
    signedWrite(ctx, 'course', (c) => c.id, () => [coursePhaseMeaning(input.phase, input.reason)], () =>
      ctx.store.course.changePhase(input, currentClinician(ctx), nowIso(ctx))),
  'courses.changeOrder': (input, ctx) =>
    signedWrite(ctx, 'course', (c) => c.id, (c) => [courseOrderChangedMeaning(c, input.reason)], () =>
      ctx.store.course.changeOrder(input, currentClinician(ctx), nowIso(ctx))),
  'courses.get': ({ id, on }, ctx) => ctx.store.course.get(id, nowIso(ctx), on),
  'courses.listForPatient': ({ patientId }, ctx) => ctx.store.course.listForPatient(patientId, nowIso(ctx)),
  'courses.dueToday': (_, ctx) => ctx.store.course.dueToday(nowIso(ctx)),
  'courses.history': ({ id }, ctx) => ctx.store.course.history(id),
};
