import { Group, Kbd, Text } from '@mantine/core';
import { Fragment } from 'react';

/** A quiet line of keyboard hints: [keys, what they do]. */
export function KeyHints({ hints, id }: { hints: Array<[string[], string]>; id?: string }) {
  return (
    <Group gap="md" id={id}>
      {hints.map(([keys, action]) => (
        <Text key={action} size="xs" c="dimmed">
          {keys.map((k, i) => (
            <Fragment key={k}>
              {i > 0 && ' '}
              <Kbd size="xs">{k}</Kbd>
            </Fragment>
          ))}{' '}
          {action}
        </Text>
      ))}
    </Group>
  );
}
