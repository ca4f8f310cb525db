import { Alert, Button, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ASQ, FREQUENCY_INSTRUMENTS, type InstrumentId } from '../../../shared/measures';
import { call } from '../api/client';
import { useWorkspace } from '../app/workspace';
import { concealAllBut, GateOverlay } from '../auth/GateOverlay';
import { AnswerChoices, FollowUpField, optionForKey } from './AnswerChoices';
import { answersOf, askedQuestions, emptyDraft, type Answer, type Draft } from './model';
import classes from './Questionnaires.module.css';

type Step = { kind: 'question'; index: number } | { kind: 'saving' } | { kind: 'thanks' } | { kind: 'failed'; message: string };

/**
 * The workstation handed to the patient: one question at a time in large
 * type, over a full-window overlay that conceals the chart and everything
 * else (the patient's name included). Digits pick an answer, the arrows and
 * Enter move on. Every way out locks the app, so only a clinician's sign-in
 * leads back to the chart: finishing (after the answers are saved), "End",
 * and the overlay going away for any other reason (Back in the browser).
 */
export function PatientMode({ instrument, patientId, onEnded }: {
  instrument: InstrumentId;
  patientId: string;
  /** After the lock; `saved` says whether the answers were stored. */
  onEnded: (saved: boolean) => void;
}) {
  const { lockNow, apply } = useWorkspace();
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(instrument));
  const [step, setStep] = useState<Step>({ kind: 'question', index: 0 });
  const heading = useRef<HTMLHeadingElement>(null);
  const questions = askedQuestions(draft);
  const locked = useRef(false);

  // However the overlay goes, the app is locked first and stays concealed until the lock screen is up.
  useEffect(() => {
    return () => {
      const hold = concealAllBut(null);
      const done = locked.current ? Promise.resolve() : lockNow();
      void done.finally(() => requestAnimationFrame(hold));
    };
  }, [lockNow]);

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  // Keys are heard on the whole page: focus may be left on the page itself when the chart's dialog closes.
  const keyHandler = useRef<(e: globalThis.KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    const listener = (e: globalThis.KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  const lockAndEnd = async () => {
    locked.current = true;
    // Already locked on the server after saving, the lock is refused: then the server's status shows the lock screen.
    if (!(await lockNow()).ok) {
      const status = await call('auth.status', {});
      if (status.ok) apply(status.data);
    }
    onEnded(step.kind === 'thanks');
  };

  // Every way out locks first; `locked` tells the unmount that it is done.
  const finish = async () => {
    setStep({ kind: 'saving' });
    const result = await call('questionnaires.record', {
      patientId, answers: answersOf(draft), mode: 'patient-mode', takenAt: new Date().toISOString(),
    });
    if (!result.ok) return setStep({ kind: 'failed', message: result.error.message });
    // Locked on the server at once (a reload shows the lock screen); the thanks stays up until staff take the device.
    await call('auth.lock', {});
    setStep({ kind: 'thanks' });
  };

  const go = (index: number) => {
    if (index < 0) return;
    if (index >= questions.length) return void finish();
    setStep({ kind: 'question', index });
  };

  let body;
  if (step.kind === 'question') {
    const question = questions[step.index]!;
    const value = draft.answers[question.key];
    const set = (v: Answer) => setDraft((d) => ({ ...d, answers: { ...d.answers, [question.key]: v } }));
    const last = step.index === questions.length - 1;
    keyHandler.current = (e) => {
      if (e.defaultPrevented) return;
      const picked = optionForKey(question, e);
      if (picked !== undefined) return set(picked);
      if ((e.target as HTMLElement | null)?.closest?.('textarea, button:not([role="radio"])')) return;
      if (e.key === 'Enter' || e.key === 'ArrowRight') {
        e.preventDefault();
        go(step.index + 1);
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        go(step.index - 1);
      }
    };
    const stem = instrument !== 'asq' && question.number ? FREQUENCY_INSTRUMENTS[instrument].stem : null;
    body = (
      <div className={classes.patient} data-testid="patient-mode-question">
        <p style={{ margin: 0 }}>
          Question {step.index + 1} of {questions.length}
        </p>
        {stem && <p style={{ margin: 0 }}>{stem}</p>}
        <h1 className={classes.patientQuestion} id="patient-question" tabIndex={-1} ref={heading}>
          {question.number ? `${question.number}. ` : ''}
          {question.text}
        </h1>
        <AnswerChoices question={question} value={value} onChange={set} labelledBy="patient-question" size="large" />
        <FollowUpField question={question} draft={draft} onChange={setDraft} size="large" />
        <p style={{ margin: 0, fontSize: '1rem' }}>Press a number key or tap an answer. Enter goes on; you may leave a question blank.</p>
        <div className={classes.patientNav}>
          <Button size="xl" variant="default" onClick={() => go(step.index - 1)} disabled={step.index === 0}>
            Back
          </Button>
          <Button size="xl" onClick={() => go(step.index + 1)}>
            {last ? 'Finish' : value === undefined ? 'Skip' : 'Next'}
          </Button>
        </div>
        <p className={classes.footer}>{instrument === 'asq' ? ASQ.title : FREQUENCY_INSTRUMENTS[instrument].footer}</p>
        <Button variant="subtle" color="gray" c="gray.8" onClick={() => void lockAndEnd()} w="fit-content">
          End without saving (locks the screen)
        </Button>
      </div>
    );
  } else if (step.kind === 'failed') {
    keyHandler.current = () => undefined;
    body = (
      <div className={classes.patient}>
        <h1 className={classes.patientQuestion} tabIndex={-1} ref={heading}>
          Please hand the device back
        </h1>
        <Alert color="red" role="alert" title="Your answers were not saved">
          {step.message}
        </Alert>
        <div className={classes.patientNav}>
          <Button size="xl" variant="default" onClick={() => void lockAndEnd()}>
            Lock without saving
          </Button>
          <Button size="xl" onClick={() => void finish()}>
            Try again
          </Button>
        </div>
      </div>
    );
  } else {
    keyHandler.current = () => undefined;
    body = (
      <div className={classes.patient} data-testid="patient-mode-thanks">
        <h1 className={classes.patientQuestion} tabIndex={-1} ref={heading}>
          {step.kind === 'saving' ? 'Saving your answers…' : 'Thank you — please hand the device back'}
        </h1>
        {step.kind === 'thanks' && (
          <>
            <p style={{ margin: 0 }}>Your answers are saved and the screen is locked.</p>
            <Button size="xl" onClick={() => void lockAndEnd()} w="fit-content">
              Staff: sign in to go on
            </Button>
          </>
        )}
      </div>
    );
  }

  return (
    <GateOverlay testId="patient-mode">
      <main aria-label="Questionnaire">
        <VisuallyHidden>{instrument === 'asq' ? ASQ.title : FREQUENCY_INSTRUMENTS[instrument].title}</VisuallyHidden>
        {body}
      </main>
    </GateOverlay>
  );
}
