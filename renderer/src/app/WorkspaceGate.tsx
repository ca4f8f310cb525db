import { Center } from '@mantine/core';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { ClinicianPickerScreen } from '../screens/ClinicianPickerScreen';
import { WelcomeScreen } from '../screens/WelcomeScreen';
import { AppFrame } from './AppFrame';
import { ReselectClinicianModal } from './ReselectClinicianModal';
import { Screens } from './Screens';
import { useWorkspace } from './workspace';

/** Nothing clinical is shown until someone is working: welcome, then "who is working", then the app. */
export function WorkspaceGate() {
  const { status, clinicians, current, switching, needsReselect, reload } = useWorkspace();
  if (status.state === 'loading') return <CenteredLoader label="Opening KetaDesk" />;
  if (status.state === 'failed') {
    return (
      <Center component="main" p="xl">
        <LoadError title="KetaDesk could not open" error={status.error} onRetry={reload} />
      </Center>
    );
  }
  if (clinicians.length === 0) return <WelcomeScreen />;
  if (!current || switching) return <ClinicianPickerScreen />;
  return (
    <AppFrame>
      <Screens />
      {needsReselect && <ReselectClinicianModal />}
    </AppFrame>
  );
}
