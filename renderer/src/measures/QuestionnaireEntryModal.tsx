import { Alert, Group, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { FREQUENCY_INSTRUMENTS, INSTRUMENT_NAMES, type InstrumentId } from '../../../shared/measures';
import { questionnaireCorrectedMeaning } from '../../../shared/auth/meanings';
import type { Questionnaire, QuestionnaireMode } from '../../../shared/schemas/questionnaire';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { AppModal } from '../components/AppModal';
import { FormActions } from '../forms/FormActions';
import { submitOnModEnter } from '../forms/submitOnModEnter';
import { formatDateTime } from '../format/dates';
import { AnswerChoices, FollowUpField, optionForKey } from './AnswerChoices';
import { answersOf, askedQuestions, draftOf, emptyDraft, scoreActions, scoreLine, scoreOfDraft, type Answer, type Draft } from './model';
import classes from './Questionnaires.module.css';

/** What the form enters: a new questionnaire read aloud or typed in from paper, or a correction of one. */
export type EntryTarget =
  | { kind: 'new'; instrument: InstrumentId; mode: Exclude<QuestionnaireMode, 'patient-mode'> }
  | { kind: 'correct'; questionnaire: Questionnaire };

const TITLES = { 'read-aloud': 'read aloud', paper: 'typed in from a paper form' } as const;

/** "2026-12-02" and "14:30" as the local instant, in UTC; null when either is not a date or time. */
function instantOf(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const at = new Date(`${date}T${time}:00`);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * Enters a PHQ-9, GAD-7 or ASQ: each question with its answers (a digit key
 * picks one and moves to the next question), the score as it is given, and
 * Ctrl+Enter to save. A paper form asks for the time written on it; a
 * correction asks for the reason and is signed.
 */
export function QuestionnaireEntryModal({ target, patientId, onClose, onSaved }: {
  target: EntryTarget;
  patientId: string;
  onClose: () => void;
  onSaved: (saved: Questionnaire) => void;
}) {
  const original = target.kind === 'correct' ? target.questionnaire : null;
  const instrument = original ? original.instrument : (target as { instrument: InstrumentId }).instrument;
  const mode: QuestionnaireMode = original ? original.mode : (target as { mode: QuestionnaireMode }).mode;
  const [draft, setDraft] = useState<Draft>(() => (original ? draftOf(original.answers) : emptyDraft(instrument)));
  const [formDate, setFormDate] = useState(localIsoDate());
  const [formTime, setFormTime] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { sign, signing, dialog: signatureDialog } = useSignature();
  const questions = askedQuestions(draft);
  const score = scoreOfDraft(draft);
  const name = INSTRUMENT_NAMES[instrument];

  const set = (key: string, value: Answer) => setDraft((d) => ({ ...d, answers: { ...d.answers, [key]: value } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const next: Record<string, string> = {};
    const takenAt = original ? original.takenAt : mode === 'paper' ? instantOf(formDate, formTime) : new Date().toISOString();
    if (!takenAt) next.takenAt = 'Enter the date and time written on the form (HH:MM).';
    else if (takenAt > new Date().toISOString()) next.takenAt = 'The time on the form cannot be in the future.';
    if (original && !reason.trim()) next.reason = 'Reason for the correction is required';
    setErrors(next);
    if (Object.keys(next).length > 0 || !takenAt) return;
    setBusy(true);
    const answers = answersOf(draft);
    const result = original
      ? await sign([questionnaireCorrectedMeaning(reason.trim())], (signature) =>
          call('questionnaires.amend', { amendsId: original.id, answers, mode, takenAt, reason: reason.trim(), signature }))
      : await call('questionnaires.record', { patientId, answers, mode, takenAt });
    setBusy(false);
    if (!result) return;
    if (!result.ok) return setErrors({ [result.error.field === 'reason' ? 'reason' : 'form']: result.error.message });
    onSaved(result.data);
  };

  const title = original
    ? `Correct ${name} of ${formatDateTime(original.takenAt)}`
    : `${name}, ${TITLES[mode as keyof typeof TITLES]}`;
  const actions = scoreActions(score);

  return (
    <>
      <AppModal title={title} onClose={onClose} closeOnEscape={!signing} size={1100}>
        <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnModEnter} noValidate aria-label={title}>
          <Stack gap="sm">
            {instrument !== 'asq' && <Text fw={600}>{FREQUENCY_INSTRUMENTS[instrument].stem}</Text>}
            <div>
              {questions.map((q, i) => {
                const labelId = `q-${q.key}`;
                const value = draft.answers[q.key];
                return (
                  <div
                    key={q.key}
                    className={classes.question}
                    data-testid={`question-${q.key}`}
                    onKeyDown={(e) => {
                      const picked = optionForKey(q, e);
                      if (picked === undefined) return;
                      e.preventDefault();
                      set(q.key, picked);
                      // Straight on to the next question, so a form is typed in with the number keys alone.
                      const next = e.currentTarget.nextElementSibling?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
                      if (i < questions.length - 1) next?.focus();
                    }}
                  >
                    <Text size="sm" id={labelId}>
                      {q.number ? `${q.number}. ` : ''}
                      {q.text}
                    </Text>
                    <AnswerChoices question={q} value={value} onChange={(v) => set(q.key, v)} labelledBy={labelId} size="compact" />
                    <FollowUpField question={q} draft={draft} onChange={setDraft} size="compact" />
                  </div>
                );
              })}
            </div>
            <Paper withBorder p="xs" role="status" aria-live="polite" data-testid="live-score">
              <Text fw={600}>
                {name}: {scoreLine(score)}
              </Text>
              {actions.map((a) => (
                <Text key={a} size="sm" c="red.9">
                  {a}
                </Text>
              ))}
            </Paper>
            {mode === 'paper' && !original && (
              <Group gap="sm" align="flex-start">
                <TextInput type="date" label="Date on the form" value={formDate} onChange={(e) => setFormDate(e.currentTarget.value)} w={180} required />
                <TextInput
                  type="time"
                  label="Time on the form"
                  value={formTime}
                  onChange={(e) => setFormTime(e.currentTarget.value)}
                  error={errors.takenAt}
                  w={160}
                  required
                />
              </Group>
            )}
            {original && (
              <Textarea
                label="Reason for the correction"
                required
                autosize
                minRows={2}
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={errors.reason}
                placeholder="e.g. Question 3 was typed in wrongly from the paper form"
              />
            )}
            {(errors.form || (errors.takenAt && mode !== 'paper')) && (
              <Alert color="red" variant="light" role="alert">
                {errors.form ?? errors.takenAt}
              </Alert>
            )}
            <Text size="xs" c="dimmed">
              {instrument === 'asq' ? 'Keys 1 Yes, 2 No, 3 Refused.' : 'Keys 0–3 pick an answer.'} Unanswered questions are stored as not
              answered. {instrument === 'asq' ? '' : FREQUENCY_INSTRUMENTS[instrument].footer}
            </Text>
            <FormActions hint="Ctrl+Enter saves" onCancel={onClose} saving={busy} submitLabel={original ? 'Save correction' : `Save ${name}`} />
          </Stack>
        </form>
      </AppModal>
      {signatureDialog}
    </>
  );
}
