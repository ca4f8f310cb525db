import { Group, Text } from '@mantine/core';
import type { FieldChange } from '../format/history';

/** The amendment about to be saved, in one glance: "Weight 64.5 kg → 66 kg". */
export function ChangeSummary({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="pending-changes">
        No changes yet.
      </Text>
    );
  }
  return (
    <Group gap="xs" data-testid="pending-changes" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {changes.map((c) => (
        <Text key={c.field} component="li" size="sm" px={8} py={2} bg="white" bd="1px solid var(--mantine-color-gray-3)" style={{ borderRadius: 4 }}>
          <Text span fw={600}>
            {c.label}
          </Text>{' '}
          <Text span c="dimmed">
            {c.before ?? 'empty'}
          </Text>{' '}
          →{' '}
          <Text span fw={600}>
            {c.after ?? 'empty'}
          </Text>
        </Text>
      ))}
    </Group>
  );
}
