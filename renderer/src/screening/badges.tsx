import type { Verdict } from '../../../shared/screening';
import { VERDICT_META } from './model';
import classes from './Screening.module.css';

/** The verdict as a word on its colour, so it never depends on colour alone. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return (
    <span className={classes.badge} data-verdict={verdict} data-testid="verdict-badge">
      {VERDICT_META[verdict].label}
    </span>
  );
}

export function StateBadge({ kind, children }: { kind: 'draft' | 'expired' | 'current' | 'amended' | 'override'; children: string }) {
  return (
    <span className={classes.badge} data-kind={kind}>
      {children}
    </span>
  );
}
