import { Paper, Title } from '@mantine/core';
import { CourseTrend } from './CourseTrend';

/** The chart's Progress tab: PHQ-9 and GAD-7 over the course of treatment. */
export function ProgressTab({ patientId }: { patientId: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
      <Title order={2} size="h3" id="progress-title" mb="xs">
        PHQ-9 and GAD-7 over time
      </Title>
      <CourseTrend patientId={patientId} />
    </Paper>
  );
}
