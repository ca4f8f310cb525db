import { Text } from '@mantine/core';
import { ACCESS_REFUSALS, allows } from '../../../shared/auth/access';
import { contract, type Channel } from '../../../shared/contract';
import type { Clinician } from '../../../shared/schemas/clinician';
import { useWorkspace } from './workspace';

export type Permission = { allowed: true; reason: null } | { allowed: false; reason: string };

/**
 * Whether a clinician may use a channel, by the same rule the server applies
 * (the contract's access level and shared/auth/access.ts). The UI hides or
 * disables what is refused and says who may do it; the server still checks.
 */
export function permission(channel: Channel, clinician: Pick<Clinician, 'role' | 'isAdmin'> | null): Permission {
  const access = contract[channel].access;
  if (!clinician) return { allowed: false, reason: 'Sign in to continue.' };
  if (allows(access, clinician)) return { allowed: true, reason: null };
  return { allowed: false, reason: ACCESS_REFUSALS[access as keyof typeof ACCESS_REFUSALS] };
}

/** The signed-in clinician's permission for a channel. */
export function useCan(channel: Channel): Permission {
  return permission(channel, useWorkspace().current);
}

/** Why an action is not offered, where its button would be. */
export function NotAllowed({ permission: p }: { permission: Permission }) {
  if (p.allowed) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="not-allowed">
      {p.reason}
    </Text>
  );
}
