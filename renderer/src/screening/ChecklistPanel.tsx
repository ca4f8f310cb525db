import { ActionIcon, Paper, Popover, Stack, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { Patient } from '../../../shared/schemas/patient';
import type { ScreeningAnswers } from '../../../shared/schemas/screening';
import { ruleForItem, type ItemId } from '../../../shared/screening';
import {
  CHECKLIST, ITEMS_IN_SCREEN_ORDER, SEVERITY_LABELS, answerOf, isRequiredFor, questionText, severityIfYes, type Answer,
} from './model';
import { SourceList } from './SourceList';
import classes from './Checklist.module.css';

const OPTIONS: Array<{ value: Answer; label: string }> = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unasked', label: 'Not asked' },
];

export const rowId = (id: ItemId) => `screening-item-${id}`;

/** Focuses a question's checked option (its one tab stop) and brings it into view. */
export function focusItem(id: ItemId, flash = false) {
  const row = document.getElementById(rowId(id));
  const input = row?.querySelector<HTMLInputElement>('input:checked');
  input?.focus({ preventScroll: true });
  row?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  if (row && flash) {
    row.removeAttribute('data-flash');
    void row.offsetWidth;
    row.setAttribute('data-flash', '');
  }
}

interface Props {
  patient: Patient;
  answers: ScreeningAnswers;
  onAnswer: (id: ItemId, answer: Answer) => void;
  whyOpen: ItemId | null;
  onWhy: (id: ItemId | null) => void;
  /** Y or N on the last question: go on to whatever is still missing. */
  onPastLast: () => void;
}

/**
 * The checklist, grouped. Each question is a radio group (Yes / No / Not asked)
 * with one tab stop. On a question: Y or N answers and moves to the next, 0
 * sets "Not asked", ←/→ change the answer, ↑/↓ move between questions,
 * Home/End jump to the first/last, ? opens "why we ask". Clicking a question
 * selects its row, so Y and N work from there; answering Yes or No by click
 * moves on like the keys do.
 */
export function ChecklistPanel({ patient, answers, onAnswer, whyOpen, onWhy, onPastLast }: Props) {
  const focusAfterRender = useRef<ItemId | 'past-last' | null>(null);
  /** The row whose option the pointer just pressed: that change is a click, not ←/→. */
  const pointerOn = useRef<ItemId | null>(null);

  // Runs after the answer is on screen, so "what is missing" already counts it.
  useLayoutEffect(() => {
    const target = focusAfterRender.current;
    focusAfterRender.current = null;
    if (target === 'past-last') onPastLast();
    else if (target) focusItem(target);
  });

  const move = (from: ItemId, by: number | 'first' | 'last') => {
    const i = ITEMS_IN_SCREEN_ORDER.indexOf(from);
    const last = ITEMS_IN_SCREEN_ORDER.length - 1;
    const to = by === 'first' ? 0 : by === 'last' ? last : Math.max(0, Math.min(last, i + by));
    focusItem(ITEMS_IN_SCREEN_ORDER[to]!);
  };

  const answerAndGoOn = (id: ItemId, answer: Answer) => {
    onAnswer(id, answer);
    const next = ITEMS_IN_SCREEN_ORDER[ITEMS_IN_SCREEN_ORDER.indexOf(id) + 1];
    // Yes and No answer and move on (past the last question, to what is missing); "not asked" stays, on the newly checked option.
    focusAfterRender.current = answer === 'unasked' ? id : (next ?? 'past-last');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, id: ItemId) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const answerKey: Record<string, Answer> = { y: 'yes', n: 'no', '0': 'unasked' };
    if (key in answerKey) {
      e.preventDefault();
      const answer = answerKey[key]!;
      answerAndGoOn(id, answer);
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      e.preventDefault();
      move(id, key === 'ArrowDown' ? 1 : -1);
    } else if (key === 'Home' || key === 'End') {
      e.preventDefault();
      move(id, key === 'Home' ? 'first' : 'last');
    } else if (key === '?') {
      e.preventDefault();
      onWhy(whyOpen === id ? null : id);
    }
  };

  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="checklist">
      {CHECKLIST.map((group) => {
        const answered = group.items.filter((i) => answerOf(answers, i.id) !== 'unasked').length;
        const headingId = `screening-group-${group.id}`;
        return (
          <section key={group.id} className={classes.group} aria-labelledby={headingId}>
            <div className={classes.groupHeader}>
              <h3 id={headingId} className={classes.groupTitle}>
                {group.label}
              </h3>
              <Text size="xs" c="dimmed">
                {answered} of {group.items.length} answered
              </Text>
            </div>
            <ul className={classes.rows}>
              {group.items.map((item) => {
                const answer = answerOf(answers, item.id);
                const severity = severityIfYes(item.id);
                const required = isRequiredFor(item.id, patient);
                const questionId = `${rowId(item.id)}-q`;
                return (
                  <li
                    key={item.id}
                    id={rowId(item.id)}
                    className={classes.row}
                    data-answer={answer}
                    data-severity={severity}
                    data-item={item.id}
                  >
                    {/* A click on the question selects the row (its checked option), so Y and N answer it. */}
                    <div className={classes.question} onClick={() => focusItem(item.id)} data-testid="question">
                      <span id={questionId}>{questionText(item)}</span>
                      {!required && (
                        <span className={classes.notRequired} data-testid="not-required">
                          Not required
                        </span>
                      )}
                      {answer === 'yes' && severity && severity !== 'note' && (
                        <span className={classes.consequence} data-severity={severity}>
                          {severity === 'contraindicated' ? 'Contraindication: do not treat' : 'Caution: prescriber review'}
                        </span>
                      )}
                    </div>
                    <WhyPopover
                      itemId={item.id}
                      question={questionText(item)}
                      why={item.why}
                      opened={whyOpen === item.id}
                      onChange={(open) => onWhy(open ? item.id : null)}
                    />
                    <div
                      role="radiogroup"
                      aria-labelledby={questionId}
                      aria-describedby={whyOpen === item.id ? `${rowId(item.id)}-why` : undefined}
                      className={classes.segments}
                      onKeyDown={(e) => onKeyDown(e, item.id)}
                    >
                      {OPTIONS.map((o) => {
                        const inputId = `${rowId(item.id)}-${o.value}`;
                        return (
                          <span key={o.value} style={{ position: 'relative' }} onPointerDown={() => (pointerOn.current = item.id)}>
                            <input
                              className={classes.input}
                              type="radio"
                              id={inputId}
                              name={rowId(item.id)}
                              value={o.value}
                              checked={answer === o.value}
                              onChange={() => {
                                const clicked = pointerOn.current === item.id;
                                pointerOn.current = null;
                                if (clicked) answerAndGoOn(item.id, o.value);
                                else onAnswer(item.id, o.value);
                              }}
                            />
                            <label
                              htmlFor={inputId}
                              className={classes.option}
                              data-value={o.value}
                              data-severity={o.value === 'yes' ? severity : undefined}
                            >
                              {o.label}
                            </label>
                          </span>
                        );
                      })}
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </Paper>
  );
}

function WhyPopover({
  itemId, question, why, opened, onChange,
}: { itemId: ItemId; question: string; why: string; opened: boolean; onChange: (open: boolean) => void }) {
  const rule = ruleForItem(itemId);
  // Escape closes it wherever focus is (the row's options keep focus while it is open).
  useEffect(() => {
    if (!opened) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onChange(false);
      focusItem(itemId);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [opened, onChange, itemId]);
  return (
    // Below the app header (z-index 100), so it scrolls under the header instead of floating over it.
    <Popover opened={opened} onChange={onChange} position="left" withArrow shadow="md" width={340} returnFocus zIndex={90} hideDetached>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          radius="xl"
          aria-label={`Why we ask: ${question}`}
          aria-expanded={opened}
          onClick={() => onChange(!opened)}
          tabIndex={-1}
        >
          <Text span fw={700} size="sm" c="gray.7" aria-hidden>
            ?
          </Text>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label={`Why we ask: ${question}`}>
        <Stack gap={6} id={`${rowId(itemId)}-why`}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.4}>
            Why we ask
          </Text>
          <Text size="sm">{why}</Text>
          {rule && (
            <Text size="sm">
              <Text span fw={700}>
                If yes — {SEVERITY_LABELS[rule.severity].toLowerCase()}:
              </Text>{' '}
              {rule.message}
            </Text>
          )}
          {rule && <SourceList source={rule.source} />}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
