import { Button, Collapse, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { Screening } from '../../../shared/schemas/screening';
import type { Verdict } from '../../../shared/screening';
import { sourceInWords } from '../../../shared/source-words';
import { SEVERITY_LABELS, VERDICT_META, missingWhy, ruleById } from './model';
import { SourceList } from './SourceList';
import classes from './VerdictBanner.module.css';

function VerdictIcon({ verdict }: { verdict: Verdict }) {
  const common = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 3, strokeLinecap: 'round' as const, 'aria-hidden': true };
  switch (verdict) {
    case 'contraindicated':
      return <svg {...common}><path d="M6 6l12 12M18 6L6 18" /></svg>;
    case 'caution':
      return <svg {...common}><path d="M12 5v9" /><path d="M12 19h.01" /></svg>;
    case 'incomplete':
      return <svg {...common}><path d="M5 12h.01M12 12h.01M19 12h.01" /></svg>;
    case 'clear':
      return <svg {...common}><path d="M5 12.5l4.5 4.5L19 7" strokeLinejoin="round" /></svg>;
  }
}

/** A live engine result or one frozen at signing (stored results name rules as plain strings). */
type ShownResult = Screening['result'];

interface Props {
  result: ShownResult;
  /** "Live" while answering; the frozen verdict of a signed screening otherwise. */
  live: boolean;
  onJumpToMissing?: () => void;
  headingId?: string;
}

/** The verdict in words and colour, every finding with its message and source, and what is still missing. */
export function VerdictBanner({ result, live, onJumpToMissing, headingId = 'screening-verdict' }: Props) {
  const meta = VERDICT_META[result.verdict];
  const missing = result.missing.length;
  const headline = meta.headline;
  return (
    <section
      className={classes.banner}
      data-verdict={result.verdict}
      data-testid="verdict-banner"
      aria-labelledby={headingId}
    >
      <div className={classes.head}>
        <span className={classes.icon}>
          <VerdictIcon verdict={result.verdict} />
        </span>
        {/* Read out when the verdict changes, not on every answer. */}
        <div style={{ flex: 1, minWidth: 0 }} aria-live={live ? 'polite' : undefined} aria-atomic="true">
          <h2 id={headingId} className={classes.verdict} style={{ margin: 0 }} data-testid="verdict">
            {meta.label}
          </h2>
          <div className={classes.headline}>{headline}</div>
        </div>
        <Text size="xs" c="dimmed" ta="right" style={{ alignSelf: 'flex-start' }}>
          {live ? 'Live check' : 'As signed'}
          <br />
          rule set {result.ruleSetVersion}
        </Text>
      </div>
      {result.findings.length > 0 && (
        <ul className={classes.findings} aria-label="Findings" data-testid="findings">
          {result.findings.map((f, i) => (
            <FindingRow key={`${f.ruleId}-${i}`} finding={f} detailsId={`${headingId}-finding-${i}`} />
          ))}
        </ul>
      )}
      {missing > 0 && onJumpToMissing && (
        <div className={classes.missing}>
          <span>
            <span data-testid="missing-count">
              {missing} required {missing === 1 ? 'answer' : 'answers'} missing
            </span>
            <span className={classes.missingWhy} data-testid="missing-why">
              ({missingWhy(result.missing)})
            </span>
          </span>
          <Button size="compact-xs" variant="white" color="dark" onClick={onJumpToMissing} aria-keyshortcuts="Alt+M">
            Go to first missing
          </Button>
        </div>
      )}
    </section>
  );
}

function FindingRow({ finding: f, detailsId }: { finding: ShownResult['findings'][number]; detailsId: string }) {
  const [open, setOpen] = useState(false);
  const rule = ruleById(f.ruleId);
  return (
    <li className={classes.finding} data-rule={f.ruleId} data-severity={f.severity}>
      <span className={classes.tag} data-severity={f.severity}>
        {f.severity === 'contraindicated' ? 'Do not treat' : SEVERITY_LABELS[f.severity]}
      </span>
      <span>
        {f.message}{' '}
        <UnstyledButton
          className={classes.sourceButton}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={detailsId}
        >
          {sourceInWords(f.source)}
        </UnstyledButton>
      </span>
      <Collapse expanded={open} className={classes.details} id={detailsId}>
        {rule && (
          <Text size="xs" mb={4}>
            {rule.rationale}
          </Text>
        )}
        <SourceList source={f.source} />
      </Collapse>
    </li>
  );
}
