import { AppShell, Box, Button, Group } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { UserMenu } from '../auth/UserMenu';
import { Brand } from '../components/Brand';
import { HeaderBackupWarning } from '../components/BackupWarning';
import { useNavigation } from './navigation';
import { permission } from './useCan';
import { useWorkspace } from './workspace';

/** The screens the header's Main navigation goes to. */
const MAIN_NAVIGATION = [
  { name: 'today', label: 'Today' },
  { name: 'patients', label: 'Patients' },
  { name: 'rems-forms', label: 'REMS forms' },
  { name: 'settings', label: 'Settings' },
  // Only administrators manage clinicians: the link shows for them alone.
  { name: 'clinicians', label: 'Clinicians', onlyFor: 'clinicians.create' },
] as const;

/**
 * The working frame: brand, who is signed in (always visible, with their menu), and
 * the app-wide shortcuts. "/" and Ctrl+K go to patient search; Alt+N starts a
 * new patient.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  const { route, navigate, requestSearchFocus } = useNavigation();
  const { current } = useWorkspace();

  useHotkeys(
    [
      ['mod+K', requestSearchFocus],
      ['alt+N', () => navigate({ name: 'patient-new' }), { usePhysicalKeys: true }],
    ],
    [],
  );
  useHotkeys([['/', requestSearchFocus]]);

  return (
    <AppShell header={{ height: 52 }} padding={0}>
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xl" wrap="nowrap">
            <Brand />
            <Box component="nav" aria-label="Main">
              {MAIN_NAVIGATION.filter((n) => !('onlyFor' in n) || permission(n.onlyFor, current).allowed).map(({ name, label }) => (
                <Button
                  key={name}
                  variant="subtle"
                  size="compact-sm"
                  aria-current={route.name === name ? 'page' : undefined}
                  onClick={() => navigate({ name })}
                >
                  {label}
                </Button>
              ))}
            </Box>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {permission('backups.configure', current).allowed && (
              <HeaderBackupWarning refresh={route.name} onOpen={() => navigate({ name: 'settings' })} />
            )}
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="gray.0">
        <Box px="lg" py="md" maw={1280} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
