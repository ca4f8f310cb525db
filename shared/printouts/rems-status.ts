// The esketamine REMS Patient Monitoring Form as the monitoring record states
// it: read from what was recorded (the session's REMS answers and the forms
// store), so nobody ticks "form completed" by hand and writes it all twice
// [REFERENCE §4, S8].

import { remsMissing } from '../rems/completeness';
import { REMS_SUBMIT_WITHIN_DAYS, remsDueOn } from '../rems/due';
import type { RemsFormData } from '../rems/form-data';
import { list } from './common';
import { longDate } from './input';
import type { Section } from './model';
import { cite } from './sources';

/** What the record prints about the session's REMS form. */
export interface RemsRecordStatus {
  /** What the form's answers still lack, in words; empty when complete. */
  missing: string[];
  /** The day the form is due, YYYY-MM-DD. */
  dueOn: string;
  submission: { submittedOn: string; submittedBy: string; confirmation: string | null } | null;
}

/** The status from the form's data (rems.form): the same answers and submission the REMS form prints. */
export function remsStatusOf(form: RemsFormData): RemsRecordStatus {
  return { missing: remsMissing(form), dueOn: remsDueOn(form.treatmentDate), submission: form.submission };
}

function submittedText(s: NonNullable<RemsRecordStatus['submission']>): string {
  return `Submitted on ${longDate(s.submittedOn)} by ${s.submittedBy}, confirmation ${s.confirmation ?? 'not recorded'}`;
}

/**
 * The record's REMS section: with a recorded session, the answers' state and
 * the due day or the submission; on the blank form, lines to write the
 * submission on.
 */
export function remsSection(status: RemsRecordStatus | null): Section {
  const note = {
    kind: 'paragraph' as const,
    text: `The REMS Patient Monitoring Form is submitted within ${REMS_SUBMIT_WITHIN_DAYS} days of the session.`,
    cites: [cite('S8')],
  };
  const section = (blocks: Section['blocks']): Section => ({ id: 'rems', title: 'REMS Patient Monitoring Form', keepTogether: true, blocks });
  if (!status) return section([{ kind: 'fields', fields: [{ label: 'REMS form submitted on, by, confirmation', value: null, wide: true }] }, note]);
  const complete = status.missing.length === 0;
  return section([
    { kind: 'fields', fields: [{ label: 'REMS form answers', value: complete ? 'Complete' : 'Not complete; still to record:', wide: true }] },
    ...(complete ? [] : [list(status.missing)]),
    { kind: 'fields', fields: [{ label: 'REMS form', value: status.submission ? submittedText(status.submission) : `Due by ${longDate(status.dueOn)}; not yet submitted`, wide: true }] },
    note,
  ]);
}
