import { NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { SETTING_DEFAULTS } from '../../../shared/schemas/settings';
import { REMS_SETTING_INFO, type RemsSettingKey } from '../../../shared/rems/settings';
import { sourceInWords } from '../../../shared/source-words';
import { describeSetting } from './SessionSettingsFields';

const ON_THE_FORM = `Printed in the form’s section 3. Default: blank, and the form prints a line to write on. Source: ${sourceInWords(REMS_SETTING_INFO.remsClinicianPhone.source)}.`;

/**
 * The esketamine REMS Patient Monitoring Form (issue #12 points 1–2): the
 * monitoring clinician's phone and email the form prints, and when a form
 * due 7 days after its session [REFERENCE §4, S8] shows as "due soon".
 */
export function RemsSettingsFields<V extends Record<RemsSettingKey, unknown>>({ form }: { form: UseFormReturnType<V> }) {
  const info = REMS_SETTING_INFO;
  return (
    <Stack gap="sm" component="section" aria-labelledby="rems-settings-title" data-testid="rems-settings">
      <div>
        <Title order={2} size="h3" id="rems-settings-title">
          Esketamine REMS forms
        </Title>
        <Text size="sm" c="dimmed">
          Each esketamine session’s Patient Monitoring Form is due 7 days after the session. The clinic’s name and address above are
          printed as the healthcare setting.
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput id="settings-remsClinicianPhone" label={info.remsClinicianPhone.label} description={ON_THE_FORM} inputMode="tel" {...form.getInputProps('remsClinicianPhone')} />
        <TextInput
          id="settings-remsClinicianEmail"
          label={info.remsClinicianEmail.label}
          description={ON_THE_FORM}
          inputMode="email"
          maxLength={200}
          {...form.getInputProps('remsClinicianEmail')}
        />
      </SimpleGrid>
      <NumberInput
        id="settings-remsDueSoonDays"
        label={`${info.remsDueSoonDays.label} (${info.remsDueSoonDays.unit})`}
        description={describeSetting('remsDueSoonDays', SETTING_DEFAULTS.remsDueSoonDays, info.remsDueSoonDays)}
        w={{ base: '100%', sm: 'calc(50% - 8px)' }}
        allowNegative={false}
        allowDecimal={false}
        clampBehavior="none"
        {...form.getInputProps('remsDueSoonDays')}
      />
    </Stack>
  );
}
