import { z } from 'zod';
import { PLANNED_TREATMENTS } from '../screening/case-schema';
import { instant } from '../session/schemas';
import { id, isoInstant, optionalText, requiredText } from './common';

// A consent entry: the patient's answer to this version of the consent form for
// this treatment: signed (with a witness) or declined, and when. A signed consent
// may later be withdrawn (when, why, recorded by whom). Printing the form records
// nothing. Entries and withdrawals are never changed or removed.

export const CONSENT_ANSWERS = ['signed', 'declined'] as const;
/** What an entry stands for now: a signed consent that was withdrawn reads as withdrawn. */
export const CONSENT_STATUSES = ['signed', 'declined', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

const formVersion = z.string().trim().min(1, { error: 'Form version is required' }).max(20, { error: 'Form version must be at most 20 characters' });
const plannedTreatment = z.enum(PLANNED_TREATMENTS, { error: `Planned treatment must be one of ${PLANNED_TREATMENTS.join(', ')}` });

/** The patient signed the printed form in front of a witness. */
export const consentSigned = z.strictObject({
  patientId: id,
  formVersion,
  plannedTreatment,
  witnessName: requiredText('Witness', 120),
  signedAt: instant('Time signed'),
});

/** The patient was given the form and declined to sign it. */
export const consentDeclined = z.strictObject({
  patientId: id,
  formVersion,
  plannedTreatment,
  witnessName: optionalText('Witness', 120),
  declinedAt: instant('Time declined'),
});

/** The patient withdrew a consent they had signed. */
export const consentWithdraw = z.strictObject({
  consentId: id,
  withdrawnAt: instant('Time withdrawn'),
  reason: requiredText('Reason', 500),
});

export const consentWithdrawal = z.object({
  withdrawnAt: isoInstant,
  reason: z.string(),
  recordedAt: isoInstant,
  recordedBy: id,
  recordedByName: z.string(),
});

export const consent = z.object({
  id,
  patientId: id,
  formVersion: z.string(),
  /** The date printed on that version of the form. */
  formDate: z.string(),
  plannedTreatment: z.enum(PLANNED_TREATMENTS),
  answer: z.enum(CONSENT_ANSWERS),
  /** When the patient signed or declined. */
  answeredAt: isoInstant,
  witnessName: z.string().nullable(),
  /** Entries from before answers were recorded: made when the form was printed, counted as signed. */
  recordedOnPrinting: z.boolean(),
  withdrawal: consentWithdrawal.nullable(),
  status: z.enum(CONSENT_STATUSES),
  recordedAt: isoInstant,
  recordedBy: id,
  recordedByName: z.string(),
  /** True while this entry's form version is the one in force. */
  current: z.boolean(),
});

export type ConsentSignedInput = z.output<typeof consentSigned>;
export type ConsentDeclinedInput = z.output<typeof consentDeclined>;
export type ConsentWithdrawInput = z.output<typeof consentWithdraw>;
export type Consent = z.output<typeof consent>;
