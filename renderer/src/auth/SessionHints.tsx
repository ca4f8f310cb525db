import { Alert, List } from '@mantine/core';
import type { LockedSessionHint } from '../../../shared/auth/status';
import { hintText } from './sessionHint';

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
