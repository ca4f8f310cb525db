// The suicide-risk part of the session start gate (issue #10 point 4), as a
// pure function of the patient's questionnaires, the assessments of their
// ASQs and the clinic's settings, so the chart's panel and the store's refusal
// always agree.
//
// "Today" is the clinic day of the session start: the workstation's local
// calendar date, as the screening uses for age. "Before each session" means
// taken on that day. Only current entries count (a corrected entry does not).

import { localIsoDate } from '../dates';
import { ASQ_RESULT_ACTIONS, INSTRUMENT_NAMES } from '../measures';
import type { Questionnaire } from '../schemas/questionnaire';
import {
  allowsDosing, KIND_FOR_RESULT, KIND_WORDS, OUTCOME_LABELS,
  type PositiveAsqResult, type SafetyAssessment, type SuicideRiskReasonCode, type SuicideRiskStatus,
} from './schemas';
import type { SuicideRiskSettings } from './settings';


export interface SuicideRiskReason {
  code: SuicideRiskReasonCode;
  message: string;
}

export interface SuicideRiskGate {
  reasons: SuicideRiskReason[];
  status: SuicideRiskStatus;
}

const isPositive = (result: string | null): result is PositiveAsqResult => result === 'positive-acute' || result === 'positive-non-acute';

const ITEM9_WORDS = 'PHQ-9 item 9 (thoughts of being better off dead or of self-harm) was answered above “Not at all” today';

export function suicideRiskGate(input: {
  questionnaires: readonly Questionnaire[];
  /** Every assessment of the patient's ASQs. */
  assessments: readonly SafetyAssessment[];
  settings: SuicideRiskSettings;
  at: string;
}): SuicideRiskGate {
  const { settings } = input;
  const day = localIsoDate(new Date(input.at));
  const today = input.questionnaires
    .filter((q) => q.amendedById === null && localIsoDate(new Date(q.takenAt)) === day)
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const latest = (instrument: Questionnaire['instrument']) => today.find((q) => q.instrument === instrument) ?? null;
  const asqs = today.filter((q) => q.instrument === 'asq');
  const asqIds = new Set(asqs.map((q) => q.id));
  const assessments = input.assessments
    .filter((a) => asqIds.has(a.questionnaireId))
    .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const reasons: SuicideRiskReason[] = [];
  const prompts: string[] = [];

  const asq = latest('asq');
  const item9 = today.some((q) => q.instrument === 'phq9' && q.score.flags.includes('phq9-item9-positive'));
  if (!asq && item9) {
    const text = `${ITEM9_WORDS}. Ask the ASQ the same day.`;
    if (settings.requireAsqEachSession) reasons.push({ code: 'phq9-item9-asq', message: text });
    else prompts.push(text);
  } else if (!asq && settings.requireAsqEachSession) {
    reasons.push({ code: 'asq-required', message: 'The clinic requires an ASQ on the day of every session. Ask the ASQ today before dosing.' });
  }
  // An unfinished ASQ blocks where the clinic requires one, or where an answer already screens positive.
  if (asq?.score.result === 'incomplete' && (settings.requireAsqEachSession || asq.score.flags.includes('asq-positive'))) {
    reasons.push({ code: 'asq-incomplete', message: 'Today’s ASQ is incomplete. Finish it (question 5 when any of 1–4 is yes or refused) before dosing.' });
  }

  // Every positive ASQ of the day needs its assessment: a later negative screen never overrides a positive one (measures.md).
  let awaiting: SuicideRiskStatus['awaiting'] = null;
  for (const q of asqs) {
    const result = q.score.result;
    if (!isPositive(result)) continue;
    const kind = KIND_FOR_RESULT[result];
    const last = assessments.find((a) => a.questionnaireId === q.id);
    if (last && allowsDosing(last.outcome)) continue;
    if (last) {
      reasons.push({
        code: 'asq-assessed-not-today',
        message: `The ${KIND_WORDS[last.kind]} by ${last.recordedByName} decided: ${OUTCOME_LABELS[last.outcome]}. No session today.`,
      });
      continue;
    }
    awaiting ??= { questionnaireId: q.id, takenAt: q.takenAt, result, kind, action: ASQ_RESULT_ACTIONS[result]! };
    reasons.push(result === 'positive-acute'
      ? { code: 'asq-positive-acute', message: 'Today’s ASQ is positive (acute). Keep the patient in sight: a prescriber must document a STAT safety evaluation, with an outcome that allows dosing, before the session can start.' }
      : { code: 'asq-positive-non-acute', message: 'Today’s ASQ is positive (non-acute). A prescriber must document a brief suicide safety assessment, with an outcome that allows dosing, before the session can start.' });
  }

  const phq9 = latest('phq9');
  const gad7 = latest('gad7');
  if (settings.requirePhqGadEachSession) {
    for (const [q, code] of [[phq9, 'phq9-required'], [gad7, 'gad7-required']] as const) {
      const name = INSTRUMENT_NAMES[code === 'phq9-required' ? 'phq9' : 'gad7'];
      if (!q) reasons.push({ code, message: `The clinic requires a ${name} before each session (at baseline and on the day of every session). None was taken today.` });
      else if (q.score.status !== 'complete') reasons.push({ code, message: `Today’s ${name} is incomplete. Complete it before dosing.` });
    }
  }

  return {
    reasons,
    status: {
      day,
      requireAsq: settings.requireAsqEachSession,
      requirePhqGad: settings.requirePhqGadEachSession,
      asq: asq ? { id: asq.id, takenAt: asq.takenAt, result: asq.score.result ?? 'incomplete' } : null,
      awaiting,
      assessments: [...assessments],
      phq9Id: phq9?.score.status === 'complete' ? phq9.id : null,
      gad7Id: gad7?.score.status === 'complete' ? gad7.id : null,
      prompts,
      clinicCrisisLine: settings.clinicCrisisLine,
      nationalCrisisLine: settings.nationalCrisisLine,
    },
  };
}
