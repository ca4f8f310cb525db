import { Badge, Group, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { Patient } from '../../../shared/schemas/patient';
import { formatAge, formatDate } from '../format/dates';
import { sexLabel } from '../format/patient';
import classes from './PatientResultsTable.module.css';
import { RowLink } from './RowLink';

interface Props {
  id: string;
  patients: Patient[];
  activeIndex: number;
  onOpen: (patient: Patient) => void;
}

/** Dense list of patients; the active row (moved with the arrow keys) is highlighted and kept in view. */
export function PatientResultsTable({ id, patients, activeIndex, onOpen }: Props) {
  const activeRow = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    activeRow.current?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  return (
    <div className={classes.scroll}>
      <Table
        id={id}
        className={classes.table}
        highlightOnHover
        verticalSpacing={6}
        horizontalSpacing="md"
        fz="sm"
        aria-label="Patients"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th w={150}>MRN</Table.Th>
            <Table.Th w={140}>Date of birth</Table.Th>
            <Table.Th w={80}>Age</Table.Th>
            <Table.Th w={110}>Sex</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((p, i) => {
            const active = i === activeIndex;
            const hasAllergies = p.allergyStatus === 'recorded';
            return (
              <Table.Tr
                key={p.id}
                ref={active ? activeRow : undefined}
                className={classes.row}
                data-active={active || undefined}
                aria-current={active ? 'true' : undefined}
                onClick={() => onOpen(p)}
              >
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <RowLink onOpen={() => onOpen(p)}>{p.legalName}</RowLink>
                    {p.preferredName && (
                      <Text span size="sm" c="dimmed">
                        “{p.preferredName}”
                      </Text>
                    )}
                    {hasAllergies && (
                      <Badge color="red" variant="filled" size="xs" radius="sm">
                        Allergies
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td className={classes.mono}>{p.mrn}</Table.Td>
                <Table.Td>{formatDate(p.dateOfBirth)}</Table.Td>
                <Table.Td>{formatAge(p.dateOfBirth)}</Table.Td>
                <Table.Td>{sexLabel(p.sex)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
}
