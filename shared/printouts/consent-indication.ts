// What the consent form says the treatment is for: the indication of the
// patient's active course for that treatment, as the prescriber ordered it
// (issue #12 point 3), in words a patient reads.

import { INDICATION_LABELS, isActivePhase, type Indication, type Phase } from '../course/reference';
import type { Route } from '../session/reference';

export interface ConsentIndication {
  /** For the patient, after "to treat …". */
  plain: string;
  /** For the form's heading facts, as the chart names it. */
  label: string;
}

/** Plain words for each indication; "other" is the prescriber's own words. */
const PLAIN: Record<Exclude<Indication, 'other'>, string> = {
  trd: 'depression that has not got better with other medicines',
  'depression-suicidal': 'depression with thoughts of suicide',
  'anxiety-off-label': 'anxiety',
};

interface CourseLike {
  route: Route;
  phase: Phase;
  createdAt: string;
  indication: Indication | null;
  indicationOther: string | null;
}

/**
 * The indication of the newest active course (induction or maintenance) for
 * `treatment`; null when there is none, or its indication is not yet ordered,
 * and the form reads as it does without a course.
 */
export function consentIndicationOf(courses: readonly CourseLike[], treatment: Route): ConsentIndication | null {
  const course = courses
    .filter((c) => c.route === treatment && isActivePhase(c.phase))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!course?.indication) return null;
  if (course.indication === 'other') {
    const own = course.indicationOther?.trim();
    return own ? { plain: own, label: own } : null;
  }
  return { plain: PLAIN[course.indication], label: INDICATION_LABELS[course.indication] };
}
