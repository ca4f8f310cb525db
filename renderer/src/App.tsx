import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { NavigationProvider } from './app/navigation';
import { cssVariablesResolver, theme } from './app/theme';
import { WorkspaceGate } from './app/WorkspaceGate';
import { WorkspaceProvider } from './app/workspace';

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {/* In the header's empty middle: never over the search box or a screen's or dialog's action buttons. */}
      <Notifications position="top-center" limit={3} autoClose={5000} containerWidth={420} />
      <WorkspaceProvider>
        <NavigationProvider>
          <WorkspaceGate />
        </NavigationProvider>
      </WorkspaceProvider>
    </MantineProvider>
  );
}
