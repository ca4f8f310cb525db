import '@mantine/core/styles.css';
import { MantineProvider, Text } from '@mantine/core';

export function App() {
  return (
    <MantineProvider>
      <Text>KetaDesk</Text>
    </MantineProvider>
  );
}
