import { Alert } from '@mantine/core';
import type { ApiError } from '../../../shared/result';

/** A refusal about the whole form, read out as it appears. */
export function FormErrorAlert({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {error.message}
    </Alert>
  );
}
