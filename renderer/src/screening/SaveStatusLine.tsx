import { Anchor, Group, Loader, Text } from '@mantine/core';
import { clockWithSeconds } from '../format/dates';
import type { SaveStatus } from './useDraftAutosave';

/** "Saved 14:02", "Saving…", or why it is not saved (with Retry); the answers on screen are never dropped. */
export function SaveStatusLine({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return (
    <Group gap={6} wrap="nowrap" role="status" aria-live="polite" data-testid="save-status" data-state={status.kind}>
      {status.kind === 'saved' && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          ✓ Saved {clockWithSeconds(status.at)}
        </Text>
      )}
      {(status.kind === 'pending' || status.kind === 'saving') && (
        <>
          <Loader size={12} aria-hidden />
          <Text size="xs" c="dimmed">
            Saving…
          </Text>
        </>
      )}
      {status.kind === 'failed' && (
        <Text size="xs" c="red.9" fw={600} ta="right">
          Not saved: {status.error.message} Your answers are kept here
          {status.retryInMs ? ` and saved again in ${Math.round(status.retryInMs / 1000)} s` : ''}.{' '}
          <Anchor component="button" type="button" size="xs" fw={700} c="red.9" onClick={onRetry}>
            Retry now
          </Anchor>
        </Text>
      )}
      {status.kind === 'conflict' && (
        <Text size="xs" c="orange.9" fw={600}>
          Not saved: changed elsewhere
        </Text>
      )}
    </Group>
  );
}
