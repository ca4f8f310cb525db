import { z } from 'zod';
import { id, isoInstant, requiredText } from './common';
import { passphrase } from '../auth/passphrase';

/**
 * A clinician's clinical role decides which clinical decisions they may make;
 * being an administrator (managing clinicians and clinic settings) is held
 * beside it, so a medical director can be a prescriber and an administrator.
 */
export const CLINICIAN_ROLES = ['prescriber', 'nurse', 'front-desk'] as const;
export type ClinicianRole = (typeof CLINICIAN_ROLES)[number];
export const CLINICIAN_ROLE_LABELS: Record<ClinicianRole, string> = {
  prescriber: 'Prescriber (physician, NP, PA)',
  nurse: 'Nurse',
  'front-desk': 'Front desk',
};

const clinicianFields = {
  name: requiredText('Name', 120),
  credentials: z.string().trim().max(60, { error: 'Credentials must be at most 60 characters' }).default(''),
  role: z.enum(CLINICIAN_ROLES, { error: 'Role must be prescriber, nurse or front desk' }),
};

export const clinicianInput = z.strictObject(clinicianFields);

export const clinician = z.object({
  ...clinicianFields,
  id,
  isAdmin: z.boolean(),
  active: z.boolean(),
  createdAt: isoInstant,
});

/** An administrator adds a clinician with a temporary passphrase, which they must change at first sign-in. */
export const clinicianCreate = z.strictObject({
  ...clinicianFields,
  isAdmin: z.boolean().default(false),
  temporaryPassphrase: passphrase('Temporary passphrase'),
});

export const clinicianUpdate = z.strictObject({
  id,
  ...clinicianFields,
  isAdmin: z.boolean(),
  reason: requiredText('Reason for the change', 500),
});

export const clinicianDeactivate = z.strictObject({ id, reason: requiredText('Reason', 500) });

export const passphraseReset = z.strictObject({
  id,
  temporaryPassphrase: passphrase('Temporary passphrase'),
  reason: requiredText('Reason', 500),
});

export type ClinicianInput = z.input<typeof clinicianInput>;
export type Clinician = z.output<typeof clinician>;
export type ClinicianCreate = z.output<typeof clinicianCreate>;
