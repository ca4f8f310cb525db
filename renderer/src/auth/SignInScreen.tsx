import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SignInChoice } from '../../../shared/auth/status';
import { useWorkspace } from '../app/workspace';
import { ClinicianList } from '../components/ClinicianList';
import { GateLayout } from '../screens/GateLayout';
import { ForgotPassphrase } from './ForgotPassphrase';
import { SignInForm } from './SignInForm';

interface Props {
  title?: string;
  intro?: string;
  /** Offered when the sign-in is over a working app (switch clinician, someone else at a locked screen). */
  onCancel?: () => void;
  cancelLabel?: string;
}

/** Sign-in in two steps at most: pick your name, type your passphrase and press Enter. */
export function SignInScreen({ title = 'Sign in', intro = 'Choose your name, then type your passphrase.', onCancel, cancelLabel = 'Cancel' }: Props) {
  const { auth, current } = useWorkspace();
  const choices = auth?.signInChoices ?? [];
  const [chosen, setChosen] = useState<SignInChoice | null>(() => (choices.length === 1 ? choices[0]! : null));
  const [forgot, setForgot] = useState(false);

  return (
    <GateLayout>
      <Stack gap="md">
        {chosen && forgot ? (
          <ForgotPassphrase who={chosen} onBack={() => setForgot(false)} />
        ) : (
          <>
            <div>
              <Title order={1}>{title}</Title>
              <Text size="sm" c="dimmed" mt={6}>
                {intro}
              </Text>
            </div>
            {chosen ? (
              <SignInForm
                who={chosen}
                onChooseAnother={choices.length > 1 ? () => setChosen(null) : undefined}
                onForgot={() => setForgot(true)}
              />
            ) : (
              <ClinicianList clinicians={choices} currentId={current?.id ?? null} onPick={setChosen} busyId={null} />
            )}
          </>
        )}
        {onCancel && (
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onCancel}>
              {cancelLabel}
            </Button>
          </Group>
        )}
      </Stack>
    </GateLayout>
  );
}
