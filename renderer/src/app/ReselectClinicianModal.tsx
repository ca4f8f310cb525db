import { Stack, Text } from '@mantine/core';
import { AppModal } from '../components/AppModal';
import { ClinicianChoice, useClinicianChoice } from './ClinicianChoice';

/** Asks again who is working, over the screen as it is, so a form in progress keeps what was typed. */
export function ReselectClinicianModal() {
  const choice = useClinicianChoice();

  return (
    <AppModal
      title="Who is working?"
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      size={460}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">
          KetaDesk was restarted and needs to know again who is working. Nothing you typed has been lost; if you
          were saving, save again after choosing.
        </Text>
        <ClinicianChoice choice={choice} />
      </Stack>
    </AppModal>
  );
}
