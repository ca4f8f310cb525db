import { KIND_WORDS, OUTCOME_LABELS, type SessionSafetyChecks } from './schemas';

// The suicide-risk checks a session started on, in the words its record and
// printed monitoring record use. `time` formats an instant as local clock time.

const RESULT_WORDS: Record<string, string> = {
  'positive-acute': 'positive (acute)',
  'positive-non-acute': 'positive (non-acute)',
  negative: 'negative',
  incomplete: 'incomplete',
};

export function safetyChecksText(c: SessionSafetyChecks | null, time: (iso: string) => string): string {
  if (!c) return 'Not recorded: the session started before KetaDesk checked the suicide-risk screen';
  const parts: string[] = [];
  if (c.asq) {
    parts.push(`ASQ ${time(c.asq.takenAt)} ${RESULT_WORDS[c.asq.result] ?? c.asq.result}`);
  } else {
    parts.push(c.requireAsq ? 'No ASQ' : 'No ASQ (not required by the clinic’s settings)');
  }
  const a = c.assessment;
  if (a) {
    parts.push(`${KIND_WORDS[a.kind]} by ${a.recordedByName} at ${time(a.recordedAt)}: ${OUTCOME_LABELS[a.outcome]}` +
      `${a.resourcesGiven ? ', resource list given' : ''}; note: “${a.note}”`);
  }
  const score = (name: string, q: { takenAt: string; total: number | null; band: string | null } | null) =>
    q ? `${name} ${time(q.takenAt)} ${q.total ?? '—'}${q.band ? ` (${q.band})` : ''}` : `${name} none today`;
  if (c.phq9 || c.requirePhqGad) parts.push(`${score('PHQ-9', c.phq9)}${c.phq9?.item9Positive ? ', item 9 above 0' : ''}`);
  if (c.gad7 || c.requirePhqGad) parts.push(score('GAD-7', c.gad7));
  return parts.join('; ');
}
