import { Alert, List } from '@mantine/core';
import type { LockedSessionHint } from '../../../shared/auth/status';
import { clockOf } from '../format/dates';

/** "A session is in progress — next check: …": what the lock must never hide, without naming the patient. */
export function hintText(hint: LockedSessionHint, now: string): string {
  const started = `started ${clockOf(hint.startedAt)}`;
  if (!hint.nextCheckDueAt) return `A session is in progress (${started}).`;
  const label = hint.nextCheckLabel ?? 'check';
  if (!hint.overdue) return `A session is in progress (${started}) — next check: ${label}, due ${clockOf(hint.nextCheckDueAt)}.`;
  const late = Math.max(1, Math.round((Date.parse(now) - Date.parse(hint.nextCheckDueAt)) / 60_000));
  return `A session is in progress (${started}) — next check: ${label}, overdue by ${late} min.`;
}

export function SessionHints({ hints, now }: { hints: LockedSessionHint[]; now: string }) {
  if (hints.length === 0) return null;
  const overdue = hints.some((h) => h.overdue);
  return (
    <Alert
      color={overdue ? 'red' : 'orange'}
      variant="light"
      title={overdue ? 'A check is overdue' : 'Sessions in progress'}
      data-testid="session-hints"
    >
      <List size="sm" spacing={2}>
        {hints.map((hint, i) => (
          <List.Item key={i}>{hintText(hint, now)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
