import { Input, NumberInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import {
  DISSOCIATION_ALERT_LEVELS, SESSION_SETTING_DEFAULTS, SESSION_SETTING_INFO, type SessionSettingKey, type SettingBasis, type SettingInfo,
} from '../../../shared/session/settings';
import { sourceInWords } from '../../../shared/source-words';
import { capitalize } from '../../../shared/text';

/** The session settings in the order a clinic reviews them, each group under its own heading. */
export const SESSION_SETTING_GROUPS: ReadonlyArray<{ id: string; title: string; keys: readonly SessionSettingKey[] }> = [
  {
    id: 'alerts',
    title: 'Alert limits',
    keys: [
      'alertSystolicAbove', 'alertDiastolicAbove', 'alertSystolicRise', 'alertDiastolicRise', 'alertHeartRateAbove', 'alertHeartRateBelow',
      'alertSpo2Below', 'alertRespiratoryRateBelow', 'alertSedationLevelAtLeast', 'alertDissociationAtLeast', 'alertOnVomiting',
    ],
  },
  {
    id: 'actions',
    title: 'What to do when an alert fires (shown with the alert)',
    keys: ['alertActionBloodPressure', 'alertActionHeartRate', 'alertActionBreathing', 'alertActionSedation', 'alertActionDissociation', 'alertActionVomiting'],
  },
  { id: 'timing', title: 'Timing of checks', keys: ['esketaminePostDoseBpMinutes', 'vitalsIntervalMinutes', 'checkWindowMinutes', 'preDoseVitalsMaxAgeMinutes'] },
  { id: 'discharge', title: 'Observation and discharge', keys: ['esketamineMinObservationMinutes', 'ketamineMinObservationMinutes', 'dischargeBpMarginPercent'] },
  {
    id: 'ketamine',
    title: 'IV and IM ketamine',
    keys: ['ketamineInfusionMinutes', 'ketamineDoseCeilingMgPerKg', 'ketamineConcentrationMgPerMl', 'ketamineFastingFoodHours', 'ketamineFastingDrinkMinutes'],
  },
];

const BASIS_WORDS: Record<SettingBasis, string> = {
  reference: 'From the source',
  'clinic-default': 'Clinic default',
  unverified: 'Common value, not confirmed: clinic to confirm',
  unset: 'No default',
};

function defaultText(key: string, value: unknown, unit: string): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number') return unit ? `${value} ${unit}` : String(value);
  return key === 'alertDissociationAtLeast' ? String(value) : `“${String(value)}”`;
}

/** "Default: 180 mmHg. Clinic default. Source: consensus practice." under every field. */
export function settingDescription(key: SessionSettingKey): string {
  return describeSetting(key, SESSION_SETTING_DEFAULTS[key], SESSION_SETTING_INFO[key]);
}

/** The same line for any labelled setting: its default, how that default was chosen and its source. */
export function describeSetting(key: string, value: unknown, info: SettingInfo): string {
  return `Default: ${defaultText(key, value, info.unit)}. ${BASIS_WORDS[info.basis]}. Source: ${sourceInWords(info.source)}.`;
}

/** Form values: each session setting as the form holds it (numbers may be '' while typed). */
export type SessionSettingValues = Record<SessionSettingKey, unknown>;

/**
 * Every session threshold, timing and alert action, each with its default, how
 * that default was chosen and its source. A change needs a reason (the store
 * refuses one without) and is audited with the rest of the settings.
 */
export function SessionSettingsFields<V extends SessionSettingValues>({ form }: { form: UseFormReturnType<V> }) {
  const field = (key: SessionSettingKey): ReactNode => {
    const info = SESSION_SETTING_INFO[key];
    const id = `settings-${key}`;
    const props = form.getInputProps(key);
    const common = { id, label: info.unit && !['', 'level (0–4)'].includes(info.unit) ? `${info.label} (${info.unit})` : info.label, description: settingDescription(key) };
    const value = SESSION_SETTING_DEFAULTS[key];
    if (typeof value === 'string' && key.startsWith('alertAction')) {
      return <Textarea key={key} {...common} autosize minRows={1} maxLength={200} {...props} />;
    }
    if (key === 'alertDissociationAtLeast') {
      return (
        <Input.Wrapper key={key} {...common} error={props.error as ReactNode}>
          <div>
            <SegmentedControl
              mt={6}
              size="xs"
              aria-label={info.label}
              data={DISSOCIATION_ALERT_LEVELS.map((l) => ({ value: l, label: capitalize(l) }))}
              value={String(form.getValues()[key])}
              onChange={(v) => form.setFieldValue(key, v as never)}
            />
          </div>
        </Input.Wrapper>
      );
    }
    if (typeof value === 'boolean') {
      return (
        <Switch key={key} {...common} mt="xs" checked={Boolean(form.getValues()[key])} onChange={(e) => form.setFieldValue(key, e.currentTarget.checked as never)} error={props.error as ReactNode} />
      );
    }
    const nullable = key === 'ketamineConcentrationMgPerMl';
    return (
      <NumberInput
        key={key}
        {...common}
        allowNegative={false}
        allowDecimal={key === 'ketamineDoseCeilingMgPerKg' || nullable}
        clampBehavior="none"
        {...props}
        value={(props.value as number | string | null) ?? ''}
        onChange={(v) => form.setFieldValue(key, (nullable && v === '' ? null : v) as never)}
      />
    );
  };

  return (
    <Stack gap="lg">
      <div>
        <Title order={2} size="h3" id="session-settings-title">
          Session thresholds and timings
        </Title>
        <Text size="sm" c="dimmed">
          Each value is shown with its default and where that default comes from. A change needs a reason and is audited; a session
          in progress keeps the values it started with.
        </Text>
      </div>
      {SESSION_SETTING_GROUPS.map((group) => (
        <section key={group.id} aria-labelledby={`session-settings-${group.id}`}>
          <Title order={3} size="h5" id={`session-settings-${group.id}`} mb="xs">
            {group.title}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: group.id === 'actions' ? 1 : 2 }} spacing="md" verticalSpacing="sm">
            {group.keys.map(field)}
          </SimpleGrid>
        </section>
      ))}
    </Stack>
  );
}
