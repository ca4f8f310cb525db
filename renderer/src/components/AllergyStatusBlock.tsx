import { Badge, Box, Text } from '@mantine/core';
import type { Patient } from '../../../shared/schemas/patient';
import classes from './AllergyStatusBlock.module.css';

/**
 * Allergies, impossible to miss: red when there are any, a neutral badge for
 * "No known allergies", and an amber prompt when nobody has asked yet.
 */
export function AllergyStatusBlock({ patient }: { patient: Pick<Patient, 'allergyStatus' | 'allergies'> }) {
  if (patient.allergyStatus === 'recorded') {
    return (
      <Box className={classes.present} role="note" aria-label="Allergies" data-testid="allergies">
        <Badge color="red" variant="filled" size="md" radius="sm">
          Allergies
        </Badge>
        <Text fw={700} size="sm" c="red.9" className={classes.text}>
          {patient.allergies}
        </Text>
      </Box>
    );
  }
  if (patient.allergyStatus === 'none-known') {
    return (
      <Box className={classes.none} data-testid="allergies">
        <Badge color="gray" variant="light" size="md" radius="sm">
          No known allergies
        </Badge>
      </Box>
    );
  }
  return (
    <Box className={classes.unknown} data-testid="allergies">
      <Badge color="yellow" variant="light" size="md" radius="sm">
        Allergies not recorded
      </Badge>
      <Text size="xs" c="dimmed">
        Ask and record before treatment.
      </Text>
    </Box>
  );
}
