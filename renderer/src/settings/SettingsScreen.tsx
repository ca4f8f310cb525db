import { Alert, Button, Divider, Group, NumberInput, Paper, SegmentedControl, Input, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { PAPER } from '../../../shared/printouts/page-css';
import { clinicSettingsUpdate, PAPER_SIZES, SETTING_DEFAULTS, type ClinicSettings, type PaperSize } from '../../../shared/schemas/settings';
import { SESSION_SETTING_DEFAULTS } from '../../../shared/session/settings';
import { IM_SETTING_KEYS } from '../../../shared/session/im-settings';
import { call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useCan } from '../app/useCan';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { ScreenHeader } from '../components/ScreenHeader';
import { zodValidate } from '../forms/zodForm';
import { LogoField } from './LogoField';
import { ImSettingsFields } from './ImSettingsFields';
import { SessionSettingsFields } from './SessionSettingsFields';
import { ClinicExportSection } from '../export/ClinicExportSection';
import { BackupSection } from './BackupSection';
import { BACKUP_SETTING_KEYS } from '../../../shared/schemas/backup-settings';
import { SuicideRiskSettingsFields } from './SuicideRiskSettingsFields';
import { SUICIDE_RISK_GATE_KEYS } from '../../../shared/suicide-risk/settings';
import { COURSE_SETTING_DEFAULTS } from '../../../shared/course/settings';
import { CourseSettingsFields } from './CourseSettingsFields';
import { RemsSettingsFields } from './RemsSettingsFields';

type Values = ClinicSettings & { reason: string };

const KEYS = Object.keys(SETTING_DEFAULTS) as (keyof ClinicSettings)[];
const SESSION_KEYS = [
  ...Object.keys(SESSION_SETTING_DEFAULTS), ...IM_SETTING_KEYS, ...SUICIDE_RISK_GATE_KEYS, ...Object.keys(COURSE_SETTING_DEFAULTS),
] as (keyof ClinicSettings)[];
const REASON_NEEDED = 'Give a reason for changing a session threshold, timing or alert action';
const BLANK_DEFAULT = 'Default: blank, and the sheets print a line to write on.';

/** The backup settings have their own section and channel (BackupSection), so this form never sends them back stale. */
const withoutBackupSettings = (settings: ClinicSettings) =>
  Object.fromEntries(Object.entries(settings).filter(([k]) => !(BACKUP_SETTING_KEYS as string[]).includes(k)));
const toInput = ({ reason, ...settings }: Values) => ({ settings: withoutBackupSettings(settings), reason: reason || undefined });
/** Form paths are the settings' own names; the schema nests them under "settings.". */
const validate = (values: Values) =>
  Object.fromEntries(Object.entries(zodValidate<Values>(clinicSettingsUpdate, toInput)(values)).map(([k, v]) => [k.replace(/^settings\./, ''), v]));

/** Settings: the clinic's details that every printout carries, its paper, and the session thresholds and timings. */
export function SettingsScreen() {
  const settings = useLoad('settings.get', {}, 'settings');
  const canEdit = useCan('settings.update');
  return (
    <Stack gap="md">
      <ScreenHeader crumbs={[{ label: 'Settings' }]} title="Settings" />
      {!canEdit.allowed && (
        <Alert color="gray" variant="light" title="Read-only" maw={860} data-testid="settings-read-only">
          {canEdit.reason} You can read the clinic’s settings here.
        </Alert>
      )}
      {settings.loaded.state === 'loading' && <CenteredLoader label="Loading settings" />}
      {settings.loaded.state === 'failed' && (
        <LoadError title="Settings could not be loaded" error={settings.loaded.error} onRetry={settings.reload} />
      )}
      {settings.loaded.state === 'ready' && (
        // A disabled fieldset turns every field and the save button of the form read-only at once.
        <fieldset disabled={!canEdit.allowed} style={PLAIN_FIELDSET}>
          <ClinicDetailsForm saved={settings.loaded.data} onSaved={(s) => settings.setLoaded({ state: 'ready', data: s })} />
        </fieldset>
      )}
      <ClinicExportSection />
      <BackupSection />
    </Stack>
  );
}

function ClinicDetailsForm({ saved, onSaved }: { saved: ClinicSettings; onSaved: (s: ClinicSettings) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const initial: Values = { ...saved, reason: '' };
  const form = useForm<Values>({ mode: 'controlled', initialValues: initial, validate, validateInputOnChange: true });

  const submit = form.onSubmit(async (values) => {
    const parsed = clinicSettingsUpdate.safeParse(toInput(values));
    if (!parsed.success) return;
    if (SESSION_KEYS.some((k) => form.isDirty(k)) && !values.reason.trim()) {
      form.setFieldError('reason', REASON_NEEDED);
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await call('settings.update', parsed.data);
    setSaving(false);
    if (!result.ok) {
      const field = result.error.field?.replace(/^settings\./, '');
      if (field && (field === 'reason' || KEYS.includes(field as keyof ClinicSettings))) form.setFieldError(field, result.error.message);
      else setFormError(result.error.message);
      return;
    }
    onSaved(result.data);
    form.setValues({ ...values, reason: '' });
    form.resetDirty({ ...values, reason: '' });
    notifications.show({ color: 'clinic', title: 'Settings saved', message: 'Printouts and new sessions now use these settings.' });
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="clinic-details-title" maw={860}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="clinic-details-title">
              Clinic details for printouts
            </Title>
            <Text size="sm" c="dimmed">
              Printed on every patient sheet under “Who to call”. Changes are audited.
            </Text>
          </div>
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput id="settings-clinicName" label="Clinic name" description={BLANK_DEFAULT} maxLength={120} {...form.getInputProps('clinicName')} />
          <Textarea id="settings-clinicAddress" label="Address" description="Default: blank." autosize minRows={2} maxLength={300} {...form.getInputProps('clinicAddress')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput id="settings-clinicPhone" label="Clinic phone" description={BLANK_DEFAULT} inputMode="tel" {...form.getInputProps('clinicPhone')} />
            <TextInput id="settings-afterHoursPhone" label="After-hours phone" description={BLANK_DEFAULT} inputMode="tel" {...form.getInputProps('afterHoursPhone')} />
            <TextInput
              id="settings-emergencyNumber"
              label="Emergency number"
              description="Your country’s, e.g. 911, 999 or 112. No default fits everywhere, so blank."
              inputMode="tel"
              {...form.getInputProps('emergencyNumber')}
            />
          </SimpleGrid>
          <LogoField value={form.values.clinicLogo} onChange={(v) => form.setFieldValue('clinicLogo', v)} error={form.errors.clinicLogo as string | undefined} />
          <Input.Wrapper label="Paper size" description="Default: A4." id="settings-paperSize">
            <div>
              <SegmentedControl
                mt={6}
                aria-label="Paper size"
                data={PAPER_SIZES.map((p) => ({ value: p, label: PAPER[p].label }))}
                value={form.values.paperSize}
                onChange={(v) => form.setFieldValue('paperSize', v as PaperSize)}
              />
            </div>
          </Input.Wrapper>
          <NumberInput
            id="settings-screeningValidityDays"
            label="Screening validity (days)"
            description="How long a signed pre-treatment screening stays valid. Default: 30 days."
            w={260}
            min={1}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            {...form.getInputProps('screeningValidityDays')}
          />
          <Divider my="xs" />
          <SessionSettingsFields form={form} />
          <ImSettingsFields form={form} />
          <Divider my="xs" />
          <SuicideRiskSettingsFields form={form} />
          <Divider my="xs" />
          <CourseSettingsFields form={form} />
          <Divider my="xs" />
          <RemsSettingsFields form={form} />
          <Divider my="xs" />
          <TextInput
            id="settings-reason"
            label="Reason for the change"
            description="Kept in the audit log. Required when a session threshold, timing, alert action or course rule changes."
            withAsterisk={SESSION_KEYS.some((k) => form.isDirty(k))}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <Group>
            <Button type="submit" loading={saving} disabled={!form.isDirty()}>
              Save settings
            </Button>
            {form.isDirty() && (
              <Button variant="default" onClick={() => form.reset()}>
                Discard changes
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

const PLAIN_FIELDSET = { border: 0, padding: 0, margin: 0, minWidth: 0 };
