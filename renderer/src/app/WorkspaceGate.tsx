import { Center } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { ChangePassphraseScreen } from '../auth/ChangePassphraseScreen';
import { GateOverlay } from '../auth/GateOverlay';
import { LockScreen } from '../auth/LockScreen';
import { RecoverySheet } from '../auth/RecoverySheet';
import { SetupScreen } from '../auth/SetupScreen';
import { SignInScreen } from '../auth/SignInScreen';
import { useIdleLock } from '../auth/useIdleLock';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { AppFrame } from './AppFrame';
import { Screens } from './Screens';
import { useWorkspace } from './workspace';

/**
 * Nothing clinical is shown until a clinician is signed in. Setup, the
 * recovery sheet, sign-in, the lock and a required passphrase change are
 * gates over the whole window; once the app has been open it stays mounted
 * underneath (hidden), so a lock or a restart of the server loses nothing typed.
 */
export function WorkspaceGate() {
  const { status, auth, appShown, switching, cancelSwitch, refresh, lockNow } = useWorkspace();
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  useIdleLock(auth?.phase === 'signed-in', auth?.idleLockMinutes ?? 5, lockNow);

  if (status.state === 'loading') return <CenteredLoader label="Opening KetaDesk" />;
  if (status.state === 'failed' || !auth) {
    return (
      <Center component="main" p="xl">
        {status.state === 'failed' && <LoadError title="KetaDesk could not open" error={status.error} onRetry={refresh} />}
      </Center>
    );
  }

  let gate: ReactNode = null;
  if (recoveryKey) gate = <RecoverySheet recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} />;
  else if (auth.phase === 'setup' || auth.phase === 'upgrade') gate = <SetupScreen phase={auth.phase} onDone={setRecoveryKey} />;
  else if (auth.phase === 'signed-out') gate = <SignInScreen />;
  else if (auth.phase === 'locked') gate = <LockScreen />;
  else if (auth.mustChangePassphrase) gate = <ChangePassphraseScreen />;
  else if (switching) {
    gate = (
      <SignInScreen
        title="Switch clinician"
        intro="The next clinician signs in; what is on screen stays as it is."
        onCancel={cancelSwitch}
      />
    );
  }

  return (
    <>
      {appShown && (
        <AppFrame>
          <Screens />
        </AppFrame>
      )}
      {gate && <GateOverlay>{gate}</GateOverlay>}
    </>
  );
}
