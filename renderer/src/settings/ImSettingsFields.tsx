import { NumberInput, SimpleGrid, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IM_SETTING_DEFAULTS, IM_SETTING_INFO, IM_SETTING_KEYS, type ImSettingKey } from '../../../shared/session/im-settings';
import { describeSetting } from './SessionSettingsFields';

/**
 * IM ketamine's own check interval, minimum observation and alert limits,
 * used for IM sessions in place of the shared ones. REFERENCE gives no IM
 * figure, so every default is the IV value, labelled a clinic default.
 */
export function ImSettingsFields<V extends Record<ImSettingKey, unknown>>({ form }: { form: UseFormReturnType<V> }) {
  return (
    <section aria-labelledby="im-settings-title" data-testid="im-settings">
      <Title order={3} size="h5" id="im-settings-title">
        IM ketamine monitoring
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Used for IM ketamine sessions instead of the values above. The clinical reference gives no figure for IM ketamine, so each
        default is the IV value: a clinic default for the clinic to confirm.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
        {IM_SETTING_KEYS.map((key) => {
          const info = IM_SETTING_INFO[key];
          const unit = info.unit && info.unit !== 'level (0–4)' ? ` (${info.unit})` : '';
          return (
            <NumberInput
              key={key}
              id={`settings-${key}`}
              // Said with the treatment, as the shared limits above carry the same words.
              label={`IM ketamine, ${info.label.charAt(0).toLowerCase()}${info.label.slice(1)}${unit}`}
              description={describeSetting(key, IM_SETTING_DEFAULTS[key], info)}
              allowNegative={false}
              allowDecimal={false}
              clampBehavior="none"
              {...form.getInputProps(key)}
            />
          );
        })}
      </SimpleGrid>
    </section>
  );
}
