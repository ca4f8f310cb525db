import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CLINICIAN_ROLE_LABELS, type Clinician } from '../../../shared/schemas/clinician';
import { useLoad } from '../api/useLoad';
import { useCan } from '../app/useCan';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { ScreenHeader } from '../components/ScreenHeader';
import { formatDate } from '../format/dates';
import { AddClinicianModal, ChangeClinicianModal, DeactivateClinicianModal, ResetPassphraseModal } from './ClinicianActions';
import { RowActionButton } from '../components/RowActionButton';

type Action = { kind: 'add' } | { kind: 'change' | 'deactivate' | 'reset'; clinician: Clinician };

const DONE: Record<Action['kind'], (c: Clinician) => string> = {
  add: (c) => `${c.name} is added. They sign in with the temporary passphrase and choose their own.`,
  change: (c) => `${c.name} is saved.`,
  deactivate: (c) => `${c.name} is deactivated and can no longer sign in.`,
  reset: (c) => `${c.name} signs in with the temporary passphrase and must choose a new one.`,
};

/**
 * Clinicians, for administrators: who works here, their role, whether they
 * are an administrator, active, and able to sign in; adding one with a
 * temporary passphrase, changing one, deactivating (never deleting) and
 * resetting a passphrase, each with a reason kept in the audit log.
 */
export function CliniciansScreen() {
  const canManage = useCan('clinicians.create');
  const list = useLoad('clinicians.list', {}, 'clinicians');
  const status = useLoad('auth.status', {}, 'clinicians-status');
  const [action, setAction] = useState<Action | null>(null);

  const done = (kind: Action['kind']) => (clinician: Clinician) => {
    setAction(null);
    list.reload();
    status.reload();
    notifications.show({ color: 'clinic', title: 'Clinicians', message: DONE[kind](clinician) });
  };

  const header = (
    <ScreenHeader
      crumbs={[{ label: 'Clinicians' }]}
      title="Clinicians"
      actions={canManage.allowed && <Button onClick={() => setAction({ kind: 'add' })}>Add clinician</Button>}
    />
  );
  if (!canManage.allowed) {
    return (
      <Stack gap="md">
        {header}
        <Alert color="gray" variant="light" title="For administrators">
          {canManage.reason}
        </Alert>
      </Stack>
    );
  }

  const canSignIn = new Set(status.loaded.state === 'ready' ? status.loaded.data.signInChoices.map((c) => c.id) : []);
  return (
    <Stack gap="md">
      {header}
      {list.loaded.state === 'loading' && <CenteredLoader label="Loading clinicians" />}
      {list.loaded.state === 'failed' && <LoadError title="Clinicians could not be loaded" error={list.loaded.error} onRetry={list.reload} />}
      {list.loaded.state === 'ready' && (
        <Paper withBorder>
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Clinicians" data-testid="clinicians-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Administrator</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Sign-in</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.loaded.data.map((c) => (
                <Table.Tr key={c.id} data-testid="clinician-row" data-name={c.name} data-active={c.active}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {c.name}
                      {c.credentials ? `, ${c.credentials}` : ''}
                    </Text>
                    <Text size="xs" c="dimmed">
                      Added {formatDate(c.createdAt.slice(0, 10))}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{CLINICIAN_ROLE_LABELS[c.role]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.isAdmin ? 'Yes' : 'No'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {c.active ? (
                      <Badge variant="light" color="clinic">
                        Active
                      </Badge>
                    ) : (
                      <Badge variant="light" color="gray.8">
                        Deactivated
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="can-sign-in">
                      {!c.active ? 'No' : canSignIn.has(c.id) ? 'Yes' : 'No passphrase'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.active && (
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <RowActionButton label="Change" row={c.name} onClick={() => setAction({ kind: 'change', clinician: c })} />
                        <RowActionButton label="Reset passphrase" row={`of ${c.name}`} onClick={() => setAction({ kind: 'reset', clinician: c })} />
                        <RowActionButton label="Deactivate" row={c.name} color="red.8" onClick={() => setAction({ kind: 'deactivate', clinician: c })} />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Text size="xs" c="dimmed">
        A clinician is never deleted: a deactivated one keeps their name on every record and signature they made.
      </Text>

      {action?.kind === 'add' && <AddClinicianModal onClose={() => setAction(null)} onDone={done('add')} />}
      {action?.kind === 'change' && <ChangeClinicianModal clinician={action.clinician} onClose={() => setAction(null)} onDone={done('change')} />}
      {action?.kind === 'deactivate' && (
        <DeactivateClinicianModal clinician={action.clinician} onClose={() => setAction(null)} onDone={done('deactivate')} />
      )}
      {action?.kind === 'reset' && <ResetPassphraseModal clinician={action.clinician} onClose={() => setAction(null)} onDone={done('reset')} />}
    </Stack>
  );
}
