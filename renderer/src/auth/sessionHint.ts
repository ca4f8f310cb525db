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
