import { Alert, Anchor, Button, DataList, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ApiError } from '../../../shared/result';
import type { Screening } from '../../../shared/schemas/screening';
import { MEDICATION_CLASS_LABELS, isItemRequired } from '../../../shared/screening';
import { SignatureLines } from '../components/SignatureLines';
import { formatDateTime } from '../format/dates';
import { StateBadge, VerdictBadge } from './badges';
import { CHECKLIST, PLANNED_TREATMENT_LABELS, answerOf, answersFromCase, isExpired, questionText, severityIfYes } from './model';
import { VerdictBanner } from './VerdictBanner';
import classes from './Screening.module.css';

const ANSWER_TEXT = { yes: 'Yes', no: 'No', unasked: 'Not asked' } as const;

interface Props {
  screening: Screening;
  /** The other screenings of the patient, to name what this one amends or was amended by. */
  others: Screening[];
  onBack: () => void;
  onOpen: (s: Screening) => void;
  /** Null when the clinician may not amend (front desk). */
  onAmend: (() => void) | null;
  onExport: () => void;
  busy: 'amend' | 'export' | null;
  error: ApiError | null;
}

/** A signed screening, read-only: its answers and the verdict, signature and reasons it was frozen with. */
export function SignedScreeningView({ screening: s, others, onBack, onOpen, onAmend, onExport, busy, error }: Props) {
  const sig = s.signature!;
  const answers = answersFromCase(s.case);
  const vitals = s.case.baselineVitals;
  const expired = isExpired(s);
  const amendedBy = s.amendedById ? others.find((o) => o.id === s.amendedById) : undefined;
  const amends = s.amendsId ? others.find((o) => o.id === s.amendsId) : undefined;
  const acknowledged = sig.acknowledgedRuleIds.map((id) => ({
    id,
    messages: s.result.findings.filter((f) => f.ruleId === id).map((f) => f.message),
  }));
  const meds = s.case.medications ?? [];

  return (
    <Stack gap="sm" data-testid="signed-screening">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            ‹ All screenings
          </Anchor>
          <Group gap="xs" align="center">
            <Title order={2} size="h3">
              Screening signed {formatDateTime(sig.signedAt)}
            </Title>
            <VerdictBadge verdict={s.result.verdict} />
            {sig.overrideReason && <StateBadge kind="override">Overridden</StateBadge>}
            {expired && <StateBadge kind="expired">Expired</StateBadge>}
            {amendedBy && <StateBadge kind="amended">Amended</StateBadge>}
          </Group>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" onClick={onExport} loading={busy === 'export'}>
            Export JSON
          </Button>
          {!s.amendedById && onAmend && (
            <Button size="xs" onClick={onAmend} loading={busy === 'amend'}>
              Amend
            </Button>
          )}
        </Group>
      </Group>

      {error && (
        <Alert color="red" variant="light" role="alert" title="That did not work">
          <Text size="sm">{error.message}</Text>
        </Alert>
      )}
      {s.amendedById && (
        <Alert color="gray" variant="light" data-testid="amended-notice">
          <Text size="sm">
            This screening was corrected and is no longer current.{' '}
            {amendedBy && (
              <Anchor component="button" type="button" size="sm" onClick={() => onOpen(amendedBy)}>
                Open the amendment of {formatDateTime(amendedBy.signature?.signedAt ?? amendedBy.createdAt)}
              </Anchor>
            )}
          </Text>
        </Alert>
      )}

      <div className={classes.layout}>
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }} component="section" aria-label="Answers as signed">
          {CHECKLIST.map((group) => (
            <div key={group.id}>
              <Text size="xs" fw={700} tt="uppercase" lts={0.5} c="gray.8" px={12} pt={8} pb={4} bg="gray.0" component="h3" m={0}>
                {group.label}
              </Text>
              {group.items.map((item) => {
                const answer = answerOf(answers, item.id);
                const notRequired = answer === 'unasked' && !isItemRequired(item, s.case.patient.sex);
                return (
                  <div
                    key={item.id}
                    className={classes.answerRow}
                    data-answer={answer}
                    data-severity={severityIfYes(item.id)}
                    data-item={item.id}
                  >
                    <span>{questionText(item)}</span>
                    <span className={classes.answerValue} data-answer={answer}>
                      {notRequired ? 'Not required' : ANSWER_TEXT[answer]}
                    </span>
                  </div>
                );
              })}
            </div>
          ))}
        </Paper>

        <div className={classes.right}>
          <VerdictBanner result={s.result} live={false} headingId="signed-verdict" />
          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="signed-signature-title">
            <h3 id="signed-signature-title" className={classes.sectionTitle}>
              Signature
            </h3>
            <DataList labelWidth={130} gap={4} size="sm" withDivider>
              <DataList.Item>
                <DataList.ItemLabel>Signed by</DataList.ItemLabel>
                <DataList.ItemValue data-testid="signed-by">{sig.signedByName}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Signed</DataList.ItemLabel>
                <DataList.ItemValue>{formatDateTime(sig.signedAt)}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Valid until</DataList.ItemLabel>
                <DataList.ItemValue data-testid="valid-until">
                  {formatDateTime(sig.expiresAt)}
                  {expired && (
                    <Text span size="sm" fw={700} ml={6}>
                      (expired)
                    </Text>
                  )}
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Rule set</DataList.ItemLabel>
                <DataList.ItemValue data-testid="rule-set">{s.result.ruleSetVersion}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Treatment</DataList.ItemLabel>
                <DataList.ItemValue>{PLANNED_TREATMENT_LABELS[s.case.plannedTreatment]}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Baseline</DataList.ItemLabel>
                <DataList.ItemValue data-testid="baseline">
                  BP {vitals?.systolic ?? '—'}/{vitals?.diastolic ?? '—'} mmHg · HR {vitals?.heartRate ?? '—'}/min · SpO₂{' '}
                  {vitals?.spo2 ?? '—'}%
                </DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Patient then</DataList.ItemLabel>
                <DataList.ItemValue>
                  {s.case.patient.ageYears} y, {s.case.patient.sex}
                  {s.case.patient.weightKg !== undefined ? `, ${s.case.patient.weightKg} kg` : ''}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>

            <div style={{ marginTop: 8 }}>
              <SignatureLines signatures={s.signatures} />
            </div>
            {acknowledged.length > 0 && (
              <div style={{ marginTop: 8 }} data-testid="acknowledged">
                <Text size="sm" fw={700}>
                  Cautions acknowledged
                </Text>
                <List size="sm" spacing={2}>
                  {acknowledged.map((a) => (
                    <List.Item key={a.id}>{a.messages.length > 0 ? a.messages.join(' ') : a.id}</List.Item>
                  ))}
                </List>
              </div>
            )}
            {sig.overrideReason && (
              <div style={{ marginTop: 8 }}>
                <Text size="sm" fw={700}>
                  Contraindication overridden — reason
                </Text>
                <div className={classes.reasonBox} data-kind="override" data-testid="override-reason">
                  {sig.overrideReason}
                </div>
              </div>
            )}
            {sig.amendmentReason && (
              <div style={{ marginTop: 8 }}>
                <Text size="sm" fw={700}>
                  Amendment reason
                  {amends?.signature && (
                    <Text span size="sm" fw={400} c="dimmed">
                      {' '}
                      (corrects{' '}
                      <Anchor component="button" type="button" size="sm" onClick={() => onOpen(amends)}>
                        the screening of {formatDateTime(amends.signature.signedAt)}
                      </Anchor>
                      )
                    </Text>
                  )}
                </Text>
                <div className={classes.reasonBox} data-testid="amendment-reason">
                  {sig.amendmentReason}
                </div>
              </div>
            )}
          </Paper>

          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="signed-meds-title">
            <h3 id="signed-meds-title" className={classes.sectionTitle}>
              Medications
            </h3>
            {meds.length === 0 ? (
              <Text size="sm" c="dimmed">
                None listed.
              </Text>
            ) : (
              <Table fz="sm" verticalSpacing={3} horizontalSpacing={6} aria-label="Medications as signed">
                <Table.Tbody>
                  {meds.map((m, i) => (
                    <Table.Tr key={`${m.name}-${i}`}>
                      <Table.Td fw={600}>{m.name}</Table.Td>
                      <Table.Td>{MEDICATION_CLASS_LABELS[m.class]}</Table.Td>
                      <Table.Td ta="right">{m.dailyDoseMg !== undefined ? `${m.dailyDoseMg} mg/day` : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </div>
      </div>
    </Stack>
  );
}
