import type { ReactNode } from 'react';
import classes from './FactRow.module.css';

/** Label-over-value facts in one row, as a description list. */
export function FactRow({ facts }: { facts: Array<{ label: string; value: ReactNode; testId?: string }> }) {
  return (
    <dl className={classes.row}>
      {facts.map((f) => (
        <div key={f.label} className={classes.fact}>
          <dt className={classes.label}>{f.label}</dt>
          <dd className={classes.value} data-testid={f.testId}>
            {f.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
