import { Badge, Table, VisuallyHidden } from '@mantine/core';
import { BY_ANALOGY_NOTE, REMISSION_DEFINITION, RESPONSE_DEFINITION, bandLabel, trendSummary, type Trend } from '../../../../shared/measures';
import { formatDateTime } from '../../format/dates';
import classes from './Trend.module.css';

/** Baseline, latest, change, response and remission for each instrument, in words, beside the chart. */
export function TrendSummary({ trend, small = false }: { trend: Trend; small?: boolean }) {
  const summaries = trend.instruments.map(trendSummary);
  const anyByAnalogy = summaries.some((s) => s.byAnalogy && s.response);
  return (
    <>
      <ul className={small ? `${classes.summary} ${classes.small}` : classes.summary} style={{ listStyle: 'none', padding: 0 }} aria-label="Course summary">
        {summaries.map((s) => (
          <li key={s.instrument} className={classes.summaryItem} data-testid={`trend-summary-${s.instrument}`}>
            {s.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
            {s.response && s.remission && (
              <div className={classes.statuses}>
                <Badge size="sm" variant="light" color={s.response === 'Response' ? 'clinic' : 'gray'} c={s.response === 'Response' ? undefined : 'gray.8'}>
                  {s.response}{s.byAnalogy ? ' *' : ''}
                </Badge>
                <Badge size="sm" variant="light" color={s.remission === 'Remission' ? 'clinic' : 'gray'} c={s.remission === 'Remission' ? undefined : 'gray.8'}>
                  {s.remission}{s.byAnalogy ? ' *' : ''}
                </Badge>
              </div>
            )}
          </li>
        ))}
      </ul>
      <p className={classes.caption}>
        Change from the baseline, the first complete score of the current course of treatment; {RESPONSE_DEFINITION}; {REMISSION_DEFINITION}.
        {anyByAnalogy && <> * {BY_ANALOGY_NOTE}</>}
      </p>
    </>
  );
}

/** Every point of the chart as a table, for a screen reader. */
export function TrendTable({ trend }: { trend: Trend }) {
  const rows = trend.instruments.flatMap((i) => i.points.map((p) => ({ ...p, name: i.name })));
  if (rows.length === 0) return null;
  return (
    <VisuallyHidden>
      <Table>
        <caption>PHQ-9 and GAD-7 totals, oldest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Taken</Table.Th>
            <Table.Th scope="col">Questionnaire</Table.Th>
            <Table.Th scope="col">Total</Table.Th>
            <Table.Th scope="col">Band</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.sort((a, b) => a.t - b.t).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{formatDateTime(p.takenAt)}</Table.Td>
              <Table.Td>{p.name}{p.isBaseline ? ' (baseline)' : ''}</Table.Td>
              <Table.Td>{p.total}</Table.Td>
              <Table.Td>{bandLabel(p.band)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <p>{trend.sessionDays.length} session day{trend.sessionDays.length === 1 ? '' : 's'}: {trend.sessionDays.map((t) => formatDateTime(new Date(t).toISOString())).join('; ')}</p>
    </VisuallyHidden>
  );
}
