import { AppShell, Box, Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { CLINICIAN_ROLE_LABELS } from '../../../shared/schemas/clinician';
import { Brand } from '../components/Brand';
import { useNavigation } from './navigation';
import { permission } from './useCan';
import { useWorkspace } from './workspace';

/** The screens the header's Main navigation goes to. */
const MAIN_NAVIGATION = [
  { name: 'patients', label: 'Patients' },
  { name: 'settings', label: 'Settings' },
  // Only administrators manage clinicians: the link shows for them alone.
  { name: 'clinicians', label: 'Clinicians', onlyFor: 'clinicians.create' },
] as const;

/**
 * The working frame: brand, who is working (always visible, with Switch), and
 * the app-wide shortcuts. "/" and Ctrl+K go to patient search; Alt+N starts a
 * new patient.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  const { current, startSwitch } = useWorkspace();
  const { route, navigate, requestSearchFocus } = useNavigation();

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
          {current && (
            <Group gap="sm" wrap="nowrap" aria-label="Who is working" role="group">
              <Text size="sm" c="dimmed">
                Working:
              </Text>
              <div>
                <Text size="sm" fw={600} lh={1.2} data-testid="working-clinician">
                  {current.name}
                  {current.credentials ? `, ${current.credentials}` : ''}
                </Text>
                <Text size="xs" c="dimmed" lh={1.2}>
                  {CLINICIAN_ROLE_LABELS[current.role]}
                </Text>
              </div>
              <Button variant="default" size="compact-sm" onClick={startSwitch}>
                Switch
              </Button>
            </Group>
          )}
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
