import { Textarea, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import classes from './Questionnaires.module.css';
import type { Answer, Draft, Question } from './model';

/** The key that picks an option: its score for the PHQ-9 and GAD-7 (0–3), its place for the ASQ (1 yes, 2 no, 3 refused). */
export const optionKey = (question: Question, index: number) =>
  typeof question.options[0]?.value === 'number' ? String(question.options[index]!.value) : String(index + 1);

/** The option a digit key picks, if any; typing in a text field never picks one. */
export function optionForKey(
  question: Question,
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null },
): Answer | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement | null)?.closest?.('textarea, input')) return undefined;
  const index = question.options.findIndex((_, i) => optionKey(question, i) === e.key);
  return index >= 0 ? question.options[index]!.value : undefined;
}

/**
 * One question's answers as a radio group of buttons, each showing the key
 * that picks it. Arrow keys move the choice, as in any radio group.
 */
export function AnswerChoices({ question, value, onChange, labelledBy, size }: {
  question: Question;
  value: Answer | undefined;
  onChange: (value: Answer) => void;
  labelledBy: string;
  size: 'compact' | 'large';
}) {
  const index = question.options.findIndex((o) => o.value === value);
  const move = (e: KeyboardEvent, step: number) => {
    e.preventDefault();
    const next = (Math.max(index, 0) + step + question.options.length) % question.options.length;
    onChange(question.options[next]!.value);
    (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
  };
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className={size === 'large' ? classes.choicesLarge : classes.choices}>
      {question.options.map((o, i) => (
        <UnstyledButton
          key={String(o.value)}
          role="radio"
          aria-checked={o.value === value}
          // One tab stop per group: the chosen answer, or the first.
          tabIndex={i === (index >= 0 ? index : 0) ? 0 : -1}
          className={classes.choice}
          data-checked={o.value === value || undefined}
          onClick={() => onChange(o.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || (size === 'compact' && e.key === 'ArrowRight')) move(e, 1);
            if (e.key === 'ArrowUp' || (size === 'compact' && e.key === 'ArrowLeft')) move(e, -1);
          }}
        >
          <span className={classes.key} aria-hidden="true">
            {optionKey(question, i)}
          </span>
          <span>{o.label}</span>
        </UnstyledButton>
      ))}
    </div>
  );
}

/** ASQ 4 and 5 after a yes: the free text the question asks for (how and when; please describe). */
export function FollowUpField({ question, draft, onChange, size }: {
  question: Question;
  draft: Draft;
  onChange: (update: (d: Draft) => Draft) => void;
  size: 'compact' | 'large';
}) {
  if (!question.followUp || draft.answers[question.key] !== 'yes') return null;
  return (
    <Textarea
      label={question.followUp}
      size={size === 'large' ? 'lg' : 'sm'}
      autosize
      minRows={size === 'large' ? 2 : 1}
      maxLength={1000}
      value={draft.details[question.key] ?? ''}
      onChange={(e) => {
        const text = e.currentTarget.value;
        onChange((d) => ({ ...d, details: { ...d.details, [question.key]: text } }));
      }}
      style={{ gridColumn: '1 / -1' }}
    />
  );
}
