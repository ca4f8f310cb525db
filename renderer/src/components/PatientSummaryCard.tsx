import { Grid, Paper } from '@mantine/core';
import type { Patient } from '../../../shared/schemas/patient';
import { formatAge, formatDate } from '../format/dates';
import { formatMeasure, sexLabel } from '../format/patient';
import { AllergyStatusBlock } from './AllergyStatusBlock';
import { FactRow } from './FactRow';

const orDash = (v: string | null) => v ?? '—';

/** The facts a clinician checks before anything else: who, how old, how big, and allergies. */
export function PatientSummaryCard({ patient: p }: { patient: Patient }) {
  return (
    <Paper withBorder p="md" data-testid="patient-summary">
      <Grid gap="md" align="center">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <FactRow
            facts={[
              { label: 'Age', value: formatAge(p.dateOfBirth), testId: 'fact-age' },
              { label: 'Date of birth', value: formatDate(p.dateOfBirth), testId: 'fact-dob' },
              { label: 'Sex', value: sexLabel(p.sex), testId: 'fact-sex' },
              { label: 'MRN', value: p.mrn, testId: 'fact-mrn' },
              { label: 'Weight', value: orDash(formatMeasure(p.weightKg, 'kg')), testId: 'fact-weight' },
              { label: 'Height', value: orDash(formatMeasure(p.heightCm, 'cm')), testId: 'fact-height' },
            ]}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <AllergyStatusBlock patient={p} />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
