import { Button } from '@mantine/core';
import type { EligibilityReason, Route, SessionEligibility } from '../../../shared/session';
import { ROUTE_SHORT } from './model';
import classes from './Session.module.css';
import { SuicideRiskPanel } from './SuicideRiskPanel';

type Fix = { label: string; tab: string } | { label: string; openSession: true } | null;

/** The way to fix a reason; suicide-risk reasons are answered by the panel below the list (SuicideRiskPanel). */
function fixFor(code: EligibilityReason['code']): Fix {
  switch (code) {
    case 'consent-required':
      return { label: 'Go to Printouts', tab: 'printouts' };
    case 'rems-enrollment-required':
      return { label: 'Record the REMS enrolment', tab: 'record' };
    case 'no-active-course':
      return { label: 'Go to Course', tab: 'course' };
    case 'session-open':
      return { label: 'Open the session in progress', openSession: true };
    case 'asq-required':
    case 'asq-incomplete':
    case 'phq9-item9-asq':
    case 'phq9-required':
    case 'gad7-required':
      return { label: 'Go to Questionnaires', tab: 'questionnaires' };
    case 'screening-contraindicated':
      return { label: 'Review the screening', tab: 'screening' };
    case 'screening-amended':
    case 'screening-expired':
    case 'screening-other-treatment':
    case 'no-signed-screening':
      return { label: 'Go to Screening', tab: 'screening' };
    default:
      return null;
  }
}

interface Props {
  eligibility: SessionEligibility;
  route: Route | null;
  onOpenTab: (tab: string) => void;
  onOpenSession?: (id: string) => void;
  /** After a prescriber signs a suicide safety assessment here: check eligibility again. */
  onChanged?: () => void;
}

/** Why a session cannot start, each reason with the way to fix it. */
export function EligibilityReasons({ eligibility, route, onOpenTab, onOpenSession, onChanged }: Props) {
  if (eligibility.eligible) return null;
  return (
    <div className={classes.gate} data-testid="eligibility-reasons">
      <div className={classes.gateTitle}>
        <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={3} strokeLinecap="round" aria-hidden>
          <circle cx="12" cy="12" r="9" />
          <path d="M7.5 7.5l9 9" />
        </svg>
        A session {route ? `of ${ROUTE_SHORT[route]} ` : ''}cannot start yet
      </div>
      <ul className={classes.gateList}>
        {eligibility.reasons.map((r, i) => {
          const fix = fixFor(r.code);
          return (
            <li key={`${r.code}-${i}`} data-code={r.code} data-testid="eligibility-reason">
              <span>{r.message}</span>
              {fix === null ? null : 'tab' in fix ? (
                <Button size="compact-xs" variant="default" onClick={() => onOpenTab(fix.tab)} style={{ flex: 'none' }}>
                  {fix.label}
                </Button>
              ) : (
                eligibility.openSessionId && onOpenSession && (
                  <Button size="compact-xs" onClick={() => onOpenSession(eligibility.openSessionId!)} style={{ flex: 'none' }}>
                    {fix.label}
                  </Button>
                )
              )}
            </li>
          );
        })}
      </ul>
      <SuicideRiskPanel status={eligibility.suicideRisk} onChanged={onChanged} />
    </div>
  );
}

/** A contraindicated screening a prescriber overrode: the reason is shown wherever a session may start from it. */
export function OverrideNotice({ eligibility }: { eligibility: SessionEligibility }) {
  if (!eligibility.overrideReason) return null;
  const s = eligibility.screening?.signature;
  return (
    <div className={classes.overrideNotice} data-testid="override-reason">
      <strong>Contraindication overridden</strong>
      {s ? ` by ${s.signedByName}` : ''}: <q>{eligibility.overrideReason}</q>
    </div>
  );
}
