import { Divider, Grid, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { isIsoDate, localIsoDate } from '../../../shared/dates';
import { ALLERGY_STATUS_LABELS, SEXES, SEX_LABELS } from '../../../shared/schemas/patient';
import { formatAge } from '../format/dates';
import type { PatientFormValues } from './patientFormModel';

interface Props {
  form: UseFormReturnType<PatientFormValues>;
  /** Prefix for input ids, so two forms on one page never share an id. */
  idPrefix: string;
  autoFocus?: boolean;
}

/**
 * The fields of a patient record in the order a clinician asks for them:
 * who (names, MRN, birth date, sex, size), allergies, then contact and notes.
 * Laid out to fit a 1366×768 screen without scrolling.
 */
export function PatientFormFields({ form, idPrefix, autoFocus }: Props) {
  const id = (field: keyof PatientFormValues) => `${idPrefix}-${field}`;
  const input = (field: keyof PatientFormValues) => ({ id: id(field), ...form.getInputProps(field) });
  const dob = form.values.dateOfBirth;
  const today = localIsoDate();
  const age = isIsoDate(dob) && dob <= today && dob >= '1900-01-01' ? formatAge(dob, today) : null;

  return (
    <Stack gap="sm">
      <Grid gap="sm">
        <Grid.Col span={4}>
          <TextInput label="Legal name" required autoComplete="off" data-autofocus={autoFocus || undefined} autoFocus={autoFocus} {...input('legalName')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label="Preferred name" autoComplete="off" {...input('preferredName')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label="MRN" title="Medical record number" required autoComplete="off" spellCheck={false} {...input('mrn')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput
            type="date"
            label={
              <>
                Date of birth
                {age && (
                  <Text span size="sm" c="dimmed" fw={400} ml={6} data-testid="age-preview">
                    · age {age}
                  </Text>
                )}
              </>
            }
            required
            min="1900-01-01"
            max={today}
            {...input('dateOfBirth')}
          />
        </Grid.Col>
        <Grid.Col span={6}>
          <Radio.Group label="Sex" required data-field={id('sex')} {...form.getInputProps('sex')}>
            <Group gap="lg" mt={8} mih={20}>
              {SEXES.map((sex, i) => (
                <Radio key={sex} value={sex} label={SEX_LABELS[sex]} id={i === 0 ? id('sex') : `${id('sex')}-${sex}`} />
              ))}
            </Group>
          </Radio.Group>
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label="Weight (kg)" inputMode="decimal" autoComplete="off" {...input('weightKg')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label="Height (cm)" inputMode="decimal" autoComplete="off" {...input('heightCm')} />
        </Grid.Col>
      </Grid>

      <Divider color="gray.2" />

      <Grid gap="sm" align="flex-start">
        <Grid.Col span={form.values.allergyStatus === 'recorded' ? 6 : 12}>
          <Radio.Group
            label="Allergies"
            data-field={id('allergyStatus')}
            {...form.getInputProps('allergyStatus')}
            onChange={(value) => {
              form.setFieldValue('allergyStatus', value as PatientFormValues['allergyStatus']);
              if (value !== 'recorded') form.clearFieldError('allergies');
            }}
          >
            <Group gap="lg" mt={8}>
              <Radio value="not-asked" label={ALLERGY_STATUS_LABELS['not-asked']} id={id('allergyStatus')} />
              <Radio value="none-known" label={ALLERGY_STATUS_LABELS['none-known']} id={`${id('allergyStatus')}-none`} />
              <Radio value="recorded" label={ALLERGY_STATUS_LABELS.recorded} id={`${id('allergyStatus')}-present`} />
            </Group>
          </Radio.Group>
        </Grid.Col>
        {form.values.allergyStatus === 'recorded' && (
          <Grid.Col span={6}>
            <TextInput
              label="Allergy details"
              required
              placeholder="Substance and reaction, e.g. Penicillin – rash"
              autoComplete="off"
              {...input('allergies')}
            />
          </Grid.Col>
        )}
      </Grid>

      <Divider color="gray.2" />

      <Grid gap="sm">
        <Grid.Col span={6}>
          <TextInput label="Emergency contact name" autoComplete="off" {...input('emergencyContactName')} />
        </Grid.Col>
        <Grid.Col span={6}>
          <TextInput label="Emergency contact phone" type="tel" autoComplete="off" {...input('emergencyContactPhone')} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Textarea label="Notes" autosize minRows={2} maxRows={5} {...input('notes')} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
