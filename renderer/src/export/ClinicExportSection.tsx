import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { NotAllowed, useCan } from '../app/useCan';
import { ExportButton } from './ExportButton';

/** Settings → the whole clinic's records, for another system (FHIR) or a spreadsheet (CSV). Administrators only. */
export function ClinicExportSection() {
  const can = useCan('export.fhirClinic');
  return (
    <Paper withBorder p="md" maw={860} component="section" aria-labelledby="clinic-export-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="clinic-export-title">Export clinic data</Title>
        <Text size="sm">
          Every patient’s records as one FHIR R4 Bundle, for another clinical system; or the sessions and questionnaire
          scores as CSV tables for a spreadsheet. The files hold patient information: keep them as safe as the chart.
          Each export is recorded in the audit log.
        </Text>
        <NotAllowed permission={can} />
        <Group gap="sm">
          <ExportButton channel="export.fhirClinic" input={{}} label="All patients (FHIR)" />
          <ExportButton channel="export.csv" input={{ table: 'sessions' }} label="Sessions (CSV)" variant="default" />
          <ExportButton channel="export.csv" input={{ table: 'questionnaires' }} label="Questionnaire scores (CSV)" variant="default" />
        </Group>
      </Stack>
    </Paper>
  );
}
