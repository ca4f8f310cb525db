import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { VITAL_FIELDS, type RawVitals, type VitalKey } from './model';

export const vitalInputId = (key: VitalKey) => `screening-vital-${key}`;

interface Props {
  raw: RawVitals;
  errors: Partial<Record<VitalKey, string>>;
  onChange: (key: VitalKey, value: string) => void;
}

/**
 * Baseline vitals as typed. A value outside the case format's bounds shows its
 * error here and is not saved (the verdict then reads it as missing); it is
 * never clamped to a different number.
 */
export function VitalsFields({ raw, errors, onChange }: Props) {
  return (
    <div>
      <SimpleGrid cols={4} spacing="xs" verticalSpacing={4}>
        {VITAL_FIELDS.map((f) => (
          <TextInput
            key={f.key}
            id={vitalInputId(f.key)}
            label={f.label}
            size="xs"
            inputMode="numeric"
            autoComplete="off"
            value={raw[f.key]}
            onChange={(e) => onChange(f.key, e.currentTarget.value)}
            error={errors[f.key]}
            rightSection={
              <Text size="xs" c="dimmed" aria-hidden>
                {f.unit}
              </Text>
            }
            rightSectionWidth={f.unit.length > 2 ? 44 : 28}
            required={f.key === 'systolic' || f.key === 'diastolic'}
            withAsterisk={f.key === 'systolic' || f.key === 'diastolic'}
            description={`${f.min}–${f.max} ${f.unit}`}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            styles={{ label: { fontSize: 'var(--mantine-font-size-xs)', fontWeight: 600 }, description: { fontSize: 11 } }}
          />
        ))}
      </SimpleGrid>
    </div>
  );
}
