import { z } from 'zod';
import { PLANNED_TREATMENTS } from '../screening/case-schema';
import { id, isoInstant } from './common';

// A consent entry: this patient was given this version of the consent form for
// this treatment, by this clinician, at this time. Printing the form records
// one; entries are never changed or removed.

export const consentRecord = z.strictObject({
  patientId: id,
  formVersion: z.string().trim().min(1, { error: 'Form version is required' }).max(20),
  plannedTreatment: z.enum(PLANNED_TREATMENTS, { error: `Planned treatment must be one of ${PLANNED_TREATMENTS.join(', ')}` }),
});

export const consent = z.object({
  id,
  patientId: id,
  formVersion: z.string(),
  /** The date printed on that version of the form. */
  formDate: z.string(),
  plannedTreatment: z.enum(PLANNED_TREATMENTS),
  recordedAt: isoInstant,
  recordedBy: id,
  recordedByName: z.string(),
  /** True while this entry's form version is the one in force. */
  current: z.boolean(),
});

export type ConsentRecordInput = z.output<typeof consentRecord>;
export type Consent = z.output<typeof consent>;
