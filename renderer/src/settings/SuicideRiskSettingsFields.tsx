import { SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import type { SuicideRiskSettings } from '../../../shared/suicide-risk/settings';

/**
 * The suicide-risk gate before dosing (issue #10 point 4): whether an ASQ, a
 * PHQ-9 and a GAD-7 are required on the day of every session, and the crisis
 * lines given with the ASQ's resource list. Switching a requirement off needs
 * a reason, like a session threshold; a positive ASQ always needs its
 * prescriber's assessment, whatever these say.
 */
export function SuicideRiskSettingsFields<V extends SuicideRiskSettings>({ form }: { form: UseFormReturnType<V> }) {
  const toggle = (key: 'requireAsqEachSession' | 'requirePhqGadEachSession', label: string, description: string): ReactNode => (
    <Switch
      id={`settings-${key}`}
      label={label}
      description={description}
      checked={Boolean(form.getValues()[key])}
      onChange={(e) => form.setFieldValue(key, e.currentTarget.checked as never)}
      error={form.getInputProps(key).error as ReactNode}
    />
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby="suicide-risk-settings-title">
      <div>
        <Title order={2} size="h3" id="suicide-risk-settings-title">
          Suicide-risk screening before dosing
        </Title>
        <Text size="sm" c="dimmed">
          “Today” is the workstation’s calendar day of the session. A positive ASQ always needs a prescriber’s signed assessment before
          dosing, whatever these switches say.
        </Text>
      </div>
      {toggle(
        'requireAsqEachSession',
        'ASQ required on the day of every session',
        'Default: on (clinic default, issue #10). PHQ-9 item 9 above “Not at all” always prompts for the ASQ the same day.',
      )}
      {toggle(
        'requirePhqGadEachSession',
        'PHQ-9 and GAD-7 required at baseline and before each session',
        'Default: on (clinic default, issue #10). Counts a complete questionnaire taken on the day of the session.',
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          id="settings-clinicCrisisLine"
          label="Clinic crisis line"
          description="Given to the patient with a positive ASQ. Default: blank."
          maxLength={120}
          {...form.getInputProps('clinicCrisisLine')}
        />
        <TextInput
          id="settings-nationalCrisisLine"
          label="National crisis line"
          description="Your country’s suicide and crisis line. Our sources give none, so blank."
          maxLength={120}
          {...form.getInputProps('nationalCrisisLine')}
        />
      </SimpleGrid>
    </Stack>
  );
}
