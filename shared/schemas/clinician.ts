import { z } from 'zod';
import { id, isoInstant, requiredText } from './common';

export const CLINICIAN_ROLES = ['prescriber', 'nurse', 'other'] as const;
export const CLINICIAN_ROLE_LABELS: Record<(typeof CLINICIAN_ROLES)[number], string> = {
  prescriber: 'Prescriber (physician, NP, PA)',
  nurse: 'Nurse',
  other: 'Other staff',
};

export const clinicianInput = z.strictObject({
  name: requiredText('Name', 120),
  credentials: z.string().trim().max(60, { error: 'Credentials must be at most 60 characters' }).default(''),
  role: z.enum(CLINICIAN_ROLES, { error: 'Role must be prescriber, nurse or other' }),
});

export const clinician = clinicianInput.extend({
  id,
  createdAt: isoInstant,
});

export type ClinicianInput = z.input<typeof clinicianInput>;
export type Clinician = z.output<typeof clinician>;
export type ClinicianRole = Clinician['role'];
