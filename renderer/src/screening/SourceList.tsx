import { List, Text } from '@mantine/core';
import { sourceInWords } from '../../../shared/source-words';
import { citedSources } from './model';

/** A rule's citation in words, then each numbered source's id and title: the ids are the details line. */
export function SourceList({ source }: { source: string }) {
  const sources = citedSources(source);
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4}>
        Source: {sourceInWords(source)}
      </Text>
      <List size="xs" spacing={2} mt={2} listStyleType="none" ml={0} pl={0}>
        {sources.map((s) => (
          <List.Item key={s.code}>
            <Text span size="xs" fw={700}>
              {s.code}
            </Text>{' '}
            <Text span size="xs">
              {s.title}
            </Text>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
