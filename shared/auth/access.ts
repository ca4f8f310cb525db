import type { Clinician } from '../schemas/clinician';

/**
 * Who may use a channel, checked by the dispatcher against the signed-in
 * clinician (never against anything in the request):
 * - `public`: before sign-in (status, setup, sign-in, unlock, recovery);
 * - `self`: any signed-in clinician, even one who must first change their passphrase;
 * - `any-role`: any signed-in clinician;
 * - `clinical`: prescribers and nurses (clinical decisions and chair-side records);
 * - `prescriber`: prescribers only;
 * - `admin`: administrators (clinicians and clinic settings).
 */
export const ACCESS_LEVELS = ['public', 'self', 'any-role', 'clinical', 'prescriber', 'admin'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

/** Whether an electronic signature (passphrase or PIN re-entered at that moment) comes with the request. */
export type SignatureNeed = 'required' | 'when-needed';

export function allows(access: Access, clinician: Pick<Clinician, 'role' | 'isAdmin'>): boolean {
  switch (access) {
    case 'public':
    case 'self':
    case 'any-role':
      return true;
    case 'clinical':
      return clinician.role === 'prescriber' || clinician.role === 'nurse';
    case 'prescriber':
      return clinician.role === 'prescriber';
    case 'admin':
      return clinician.isAdmin;
  }
}

/** The refusal a clinician sees, naming who may do it. */
export const ACCESS_REFUSALS: Record<Exclude<Access, 'public' | 'self' | 'any-role'>, string> = {
  clinical: 'Only a prescriber or a nurse may do this.',
  prescriber: 'Only a prescriber may do this.',
  admin: 'Only an administrator may do this.',
};
