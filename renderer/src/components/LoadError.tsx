import { Alert, Button, Group, Text } from '@mantine/core';
import type { ApiError } from '../../../shared/result';

/** A read that failed: says what happened and offers to try again. */
export function LoadError({ title, error, onRetry }: { title: string; error: ApiError; onRetry?: () => void }) {
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Text size="sm">{error.message}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="default" onClick={onRetry}>
            Try again
          </Button>
        </Group>
      )}
    </Alert>
  );
}
