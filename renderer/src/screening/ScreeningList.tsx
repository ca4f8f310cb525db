import { Group, Table, Text } from '@mantine/core';
import type { Screening } from '../../../shared/schemas/screening';
import { RowLink } from '../components/RowLink';
import { formatDateTime } from '../format/dates';
import { StateBadge, VerdictBadge } from './badges';
import { PLANNED_TREATMENT_LABELS, currentScreening, isExpired, screeningDate } from './model';
import classes from './Screening.module.css';

interface Props {
  screenings: Screening[];
  onOpen: (s: Screening) => void;
}

/** Every screening of the patient, newest first, with what a clinician must see at a glance. */
export function ScreeningList({ screenings, onOpen }: Props) {
  const current = currentScreening(screenings);
  const byId = new Map(screenings.map((s) => [s.id, s]));
  const when = (id: string | null) => {
    const s = id ? byId.get(id) : undefined;
    return s ? formatDateTime(screeningDate(s)) : 'another screening';
  };
  return (
    <Table className={classes.listTable} fz="sm" verticalSpacing={6} horizontalSpacing="sm" highlightOnHover withTableBorder aria-label="Screenings">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={160}>Date</Table.Th>
          <Table.Th w={170}>Verdict</Table.Th>
          <Table.Th>Details</Table.Th>
          <Table.Th w={160}>Signed by</Table.Th>
          <Table.Th w={160}>Valid until</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {screenings.map((s) => {
          const draft = s.status === 'draft';
          const expired = isExpired(s);
          const amended = s.amendedById !== null;
          const sig = s.signature;
          return (
            <Table.Tr
              key={s.id}
              className={classes.listRow}
              data-faded={expired || amended || undefined}
              data-screening={s.id}
              data-status={s.status}
              onClick={() => onOpen(s)}
            >
              <Table.Td>
                <RowLink
                  onOpen={() => onOpen(s)}
                  aria-label={`${draft ? 'Resume draft' : 'Open screening'} of ${formatDateTime(screeningDate(s))}`}
                >
                  {formatDateTime(screeningDate(s))}
                </RowLink>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="wrap">
                  {draft ? <StateBadge kind="draft">Draft</StateBadge> : <VerdictBadge verdict={s.result.verdict} />}
                  {sig?.overrideReason && <StateBadge kind="override">Overridden</StateBadge>}
                  {s === current && <StateBadge kind="current">Current</StateBadge>}
                  {expired && <StateBadge kind="expired">Expired</StateBadge>}
                  {amended && <StateBadge kind="amended">Amended</StateBadge>}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {PLANNED_TREATMENT_LABELS[s.case.plannedTreatment]}
                  {draft && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      · in progress, now {s.result.verdict}, started by {s.createdByName}
                    </Text>
                  )}
                </Text>
                {amended && (
                  <span className={classes.note} data-testid="amended-by">
                    Amended by the screening of {when(s.amendedById)}
                  </span>
                )}
                {s.amendsId && sig?.amendmentReason && (
                  <span className={classes.note} data-testid="amends">
                    Corrects the screening of {when(s.amendsId)}: {sig.amendmentReason}
                  </span>
                )}
                {s.amendsId && draft && (
                  <span className={classes.note}>Corrects the screening of {when(s.amendsId)}</span>
                )}
                {sig?.overrideReason && (
                  <div className={classes.override} data-testid="override-reason">
                    <strong>Contraindication overridden:</strong> {sig.overrideReason}
                  </div>
                )}
              </Table.Td>
              <Table.Td>{sig ? sig.signedByName : <Text span size="sm" c="dimmed">Not signed</Text>}</Table.Td>
              <Table.Td>
                {sig ? (
                  <Text span size="sm" c={expired ? 'dimmed' : undefined} td={expired ? 'line-through' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(sig.expiresAt)}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
