import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { NavigationProvider } from './app/navigation';
import { cssVariablesResolver, theme } from './app/theme';
import { WorkspaceGate } from './app/WorkspaceGate';
import { WorkspaceProvider } from './app/workspace';

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Notifications position="bottom-right" limit={3} autoClose={5000} />
      <WorkspaceProvider>
        <NavigationProvider>
          <WorkspaceGate />
        </NavigationProvider>
      </WorkspaceProvider>
    </MantineProvider>
  );
}
