import { Table, Text } from '@mantine/core';
import type { FieldChange } from '../format/history';
import classes from './ChangeTable.module.css';

function Value({ value, kind }: { value: string | null; kind: 'before' | 'after' }) {
  if (value === null) {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        empty
      </Text>
    );
  }
  return <span className={kind === 'before' ? classes.before : classes.after}>{value}</span>;
}

/** What an amendment changed: one row per field, before → after. */
export function ChangeTable({ changes }: { changes: FieldChange[] }) {
  return (
    <Table className={classes.table} fz="sm" verticalSpacing={4} horizontalSpacing="sm" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field} data-field={c.field}>
            <Table.Td fw={600}>{c.label}</Table.Td>
            <Table.Td data-testid="before">
              <Value value={c.before} kind="before" />
            </Table.Td>
            <Table.Td data-testid="after">
              <span className={classes.arrow} aria-hidden>
                →
              </span>
              <Value value={c.after} kind="after" />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
