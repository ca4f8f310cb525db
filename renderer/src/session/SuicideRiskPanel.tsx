import { Alert, Button, Checkbox, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { safetyAssessmentMeaning } from '../../../shared/auth/meanings';
import {
  ASSESSMENT_OUTCOMES, KIND_LABELS, KIND_WORDS, OUTCOME_LABELS, safetyAssessmentRecord,
  type AssessmentOutcome, type SuicideRiskStatus,
} from '../../../shared/suicide-risk/schemas';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { NotAllowed, useCan } from '../app/useCan';
import { SignatureLines } from '../components/SignatureLines';
import { clockOf } from '../format/dates';
import classes from './SuicideRiskPanel.module.css';

const RESULT_WORDS: Record<string, string> = {
  'positive-acute': 'positive, acute',
  'positive-non-acute': 'positive, non-acute',
  negative: 'negative',
  incomplete: 'incomplete',
};

/**
 * The suicide-risk part of the start gate (issue #10 point 4): a positive
 * ASQ of today with what the ASQ asks for, the crisis resource list to give
 * the patient, today's assessments, and, for a prescriber, the signed
 * assessment form; anyone else is told that a prescriber must document it.
 */
export function SuicideRiskPanel({ status, onChanged }: { status: SuicideRiskStatus; onChanged?: (() => void) | undefined }) {
  const positive = status.awaiting !== null || status.assessments.length > 0;
  if (!positive && status.prompts.length === 0) return null;
  return (
    <section className={classes.panel} aria-labelledby="suicide-risk-title" data-testid="suicide-risk-panel">
      <h3 id="suicide-risk-title" className={classes.title}>
        Suicide-risk screen today
        {status.asq && (
          <span className={classes.meta}>
            {' '}
            · latest ASQ {clockOf(status.asq.takenAt)}, {RESULT_WORDS[status.asq.result] ?? status.asq.result}
          </span>
        )}
      </h3>
      {status.prompts.map((p) => (
        <Text key={p} size="sm" data-testid="suicide-risk-prompt">
          {p}
        </Text>
      ))}
      {status.awaiting && (
        <Text size="sm" fw={600} data-testid="asq-action">
          {status.awaiting.action}
        </Text>
      )}
      {positive && <CrisisResources status={status} />}
      {status.assessments.map((a) => (
        <div key={a.id} className={classes.assessment} data-testid="safety-assessment" data-outcome={a.outcome}>
          <Text size="sm">
            <strong>{KIND_LABELS[a.kind]}</strong> by {a.recordedByName}, {clockOf(a.recordedAt)}: {OUTCOME_LABELS[a.outcome]}.
            {a.resourcesGiven ? ' Resource list given.' : ''}
          </Text>
          <Text size="sm" className={classes.note}>
            {a.note}
          </Text>
          <SignatureLines signatures={a.signatures} title="Signed" />
        </div>
      ))}
      {status.awaiting && <AssessmentForm status={status} awaiting={status.awaiting} onChanged={onChanged} />}
    </section>
  );
}

/** The resource list the ASQ asks the patient be given: the clinic's crisis lines, or where to set them. */
function CrisisResources({ status }: { status: SuicideRiskStatus }) {
  const line = (label: string, value: string) => (
    <li>
      {label}: {value ? <strong>{value}</strong> : <em>not set — an administrator adds it in Settings</em>}
    </li>
  );
  return (
    <div className={classes.resources} data-testid="crisis-resources">
      <Text size="sm" fw={700}>
        Resource list for the patient
      </Text>
      <ul className={classes.resourceList}>
        {line('Clinic crisis line', status.clinicCrisisLine)}
        {line('National crisis line', status.nationalCrisisLine)}
      </ul>
    </div>
  );
}

function AssessmentForm({ status, awaiting, onChanged }: {
  status: SuicideRiskStatus;
  awaiting: NonNullable<SuicideRiskStatus['awaiting']>;
  onChanged?: (() => void) | undefined;
}) {
  const can = useCan('safetyAssessments.record');
  const { sign, dialog } = useSignature();
  const [outcome, setOutcome] = useState<AssessmentOutcome | null>(null);
  const [note, setNote] = useState('');
  const [resourcesGiven, setResourcesGiven] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string | undefined } | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = KIND_WORDS[awaiting.kind];

  if (!can.allowed) {
    return (
      <div data-testid="assessment-needs-prescriber">
        <Text size="sm" fw={600}>
          A prescriber must document the {kind} before this session can start.
        </Text>
        <NotAllowed permission={can} />
      </div>
    );
  }

  const submit = async () => {
    const parsed = safetyAssessmentRecord.safeParse({ questionnaireId: awaiting.questionnaireId, outcome, note, resourcesGiven });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      setError({ message: issue.message, field: String(issue.path[0] ?? '') });
      return;
    }
    setError(null);
    setBusy(true);
    const r = await sign([safetyAssessmentMeaning({ kind: awaiting.kind, outcome: parsed.data.outcome })], (signature) =>
      call('safetyAssessments.record', { ...parsed.data, signature }));
    setBusy(false);
    if (!r) return;
    if (!r.ok) {
      setError({ message: r.error.message, field: r.error.field });
      return;
    }
    notifications.show({ color: 'clinic', title: `${KIND_LABELS[awaiting.kind]} signed`, message: OUTCOME_LABELS[r.data.outcome] });
    onChanged?.();
  };
  // The schema's words name the stored codes; on screen the choices are the labels above.
  const fieldError = (field: string) => (error?.field === field ? error.message.replace(/ \(.*\)$/, '.') : undefined);

  // Not a <form>: this panel can sit inside the start-session form.
  return (
    <div className={classes.form} role="group" aria-labelledby="assessment-form-title" data-testid="assessment-form">
      <Text id="assessment-form-title" size="sm" fw={700}>
        Document the {kind} (prescriber, signed)
      </Text>
      <Stack gap="xs">
        <Radio.Group
          label="Outcome"
          value={outcome}
          onChange={(v) => {
            setOutcome(v as AssessmentOutcome);
            if (error?.field === 'outcome') setError(null);
          }}
          error={fieldError('outcome')}
          withAsterisk
        >
          <Stack gap={4} mt={4}>
            {ASSESSMENT_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={OUTCOME_LABELS[o]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Assessment note"
          description="What the assessment found: current thoughts, plan, protective factors, safety plan."
          autosize
          minRows={2}
          maxLength={4000}
          withAsterisk
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError('note')}
        />
        <Checkbox
          label={`Resource list given to the patient${status.clinicCrisisLine || status.nationalCrisisLine ? '' : ' (the clinic has not set its crisis lines)'}`}
          checked={resourcesGiven}
          onChange={(e) => setResourcesGiven(e.currentTarget.checked)}
          error={fieldError('resourcesGiven')}
        />
        {error && !['outcome', 'note', 'resourcesGiven'].includes(error.field ?? '') && (
          <Alert color="red" variant="light" role="alert">
            {error.message}
          </Alert>
        )}
        <div>
          <Button type="button" onClick={() => void submit()} loading={busy} data-testid="sign-assessment">
            Sign {kind}
          </Button>
        </div>
      </Stack>
      {dialog}
    </div>
  );
}
