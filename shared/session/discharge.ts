// Discharge readiness (REFERENCE §4): each item met or not, with the reason in
// words. Assessments count only when made at the end of the minimum observation
// (from the check window before it), so an early "alert and oriented" cannot
// stand in for the discharge assessment.

import { IM_SETTING_INFO } from './im-settings';
import { DISCHARGE_MAX_SEDATION_LEVEL } from './reference';
import type { DischargeChecklist, Readiness, ReadinessItem, SessionAlert } from './schemas';
import { SESSION_SETTING_INFO, type SessionSettings } from './settings';
import type { ScheduleSession } from './schedule';
import { recoveryProblems } from './recovery';
import {
  OBSERVATION_ANCHOR, bpReadings, dosingEndedAt, effectiveEntries, latestFrom, minObservationMinutes, observationStart, ofKind,
  type TimelineRow,
} from './timeline';
import { addMinutes, minutesBetween, toMs } from './time';

type AlertState = Pick<SessionAlert, 'acknowledgement' | 'entrySuperseded'>;

const item = (id: string, label: string, met: boolean, reason: string, source: string, overridable = true): ReadinessItem =>
  ({ id, label, met, reason, source, overridable });

export function dischargeReadiness(
  session: ScheduleSession,
  entries: readonly TimelineRow[],
  checklist: DischargeChecklist,
  now: string,
  settings: SessionSettings,
  alerts: readonly AlertState[] = [],
): Readiness {
  const timeline = effectiveEntries(entries);
  const ended = dosingEndedAt(session, timeline);
  const minutes = minObservationMinutes(session.route, settings);
  const obsFrom = observationStart(session, timeline);
  const anchor = OBSERVATION_ANCHOR[session.route];
  const obsEnd = obsFrom ? addMinutes(obsFrom, minutes) : null;
  // Assessments made from the check window before the end of observation count for discharge.
  const from = obsEnd ? addMinutes(obsEnd, -settings.checkWindowMinutes) : null;
  const notYet = 'Not yet assessed at the end of observation';
  const items: ReadinessItem[] = [];

  if (session.route !== 'im-ketamine') {
    const what = session.route === 'esketamine-nasal' ? 'when the last device was used' : 'when the infusion ended';
    items.push(item('dosing-ended', 'End of dosing recorded', ended !== null, ended ? 'Recorded' : `Record ${what}`, 'REFERENCE §4'));
  }

  const observed = obsFrom ? Math.max(0, Math.floor(minutesBetween(obsFrom, now))) : 0;
  items.push(item('min-observation', `At least ${minutes} minutes of observation from ${anchor}`,
    obsEnd !== null && toMs(now) >= toMs(obsEnd),
    obsFrom ? `Observed ${observed} of ${minutes} minutes from ${anchor}` : `Observation starts at ${anchor}: record it`,
    session.route === 'esketamine-nasal' ? 'REFERENCE §4, S1'
      : session.route === 'im-ketamine' ? IM_SETTING_INFO.imMinObservationMinutes.source
        : SESSION_SETTING_INFO.ketamineMinObservationMinutes.source));

  const lastBp = from ? latestFrom(bpReadings(timeline), from) : undefined;
  const bpProblems = lastBp ? recoveryProblems(lastBp.entry, session.baseline, settings) : [notYet];
  items.push(item('vitals-near-baseline', `Vitals back near baseline (BP within ${settings.dischargeBpMarginPercent} % of pre-dose, below alert limits)`,
    bpProblems.length === 0, bpProblems.length === 0 ? 'Back near baseline' : bpProblems.join('; '), 'REFERENCE §4 (clinic setting)'));

  const sedation = from ? latestFrom(ofKind(timeline, 'sedation'), from) : undefined;
  const alertEnough = sedation !== undefined && sedation.entry.level <= DISCHARGE_MAX_SEDATION_LEVEL;
  const orientedReason = !sedation ? notYet
    : !alertEnough ? `Sedation level ${sedation.entry.level}; 0–${DISCHARGE_MAX_SEDATION_LEVEL} needed`
    : checklist.oriented ? `Sedation level ${sedation.entry.level}, oriented` : 'Confirm the patient is oriented';
  items.push(item('alert-oriented', `Alert and oriented (sedation level 0–${DISCHARGE_MAX_SEDATION_LEVEL})`,
    alertEnough && checklist.oriented, orientedReason, 'REFERENCE §4'));

  const dissociation = from ? latestFrom(ofKind(timeline, 'dissociation'), from) : undefined;
  const clear = dissociation !== undefined && dissociation.entry.level === 'none' && !dissociation.entry.distressNotSettling;
  items.push(item('no-dissociation', 'No ongoing dissociation or perceptual change', clear,
    !dissociation ? notYet : clear ? 'None' : `Dissociation ${dissociation.entry.level}${dissociation.entry.distressNotSettling ? ', distressed' : ''}`,
    'REFERENCE §4'));

  items.push(item('walks-steadily', 'Walks steadily', checklist.walksSteadily,
    checklist.walksSteadily ? 'Confirmed' : 'Confirm the patient walks steadily', 'REFERENCE §4'));

  const nausea = from ? latestFrom(ofKind(timeline, 'nausea-vomiting'), from) : undefined;
  const stillVomiting = nausea?.entry.vomiting === true;
  items.push(item('nausea-controlled', 'Nausea controlled', checklist.nauseaControlled && !stillVomiting,
    stillVomiting ? 'Vomiting at the last check' : checklist.nauseaControlled ? 'Confirmed' : 'Confirm nausea is controlled', 'REFERENCE §4'));

  items.push(item('escort-present', 'Escort present to take the patient home', checklist.escortPresent,
    checklist.escortPresent ? 'Confirmed' : 'Confirm the escort is here', 'REFERENCE §4, S1 §5.8'));
  items.push(item('aftercare-explained', 'Aftercare explained and sheet given', checklist.aftercareExplained,
    checklist.aftercareExplained ? 'Confirmed' : 'Explain aftercare and give the sheet', 'REFERENCE §4'));

  const open = alerts.filter((a) => !a.entrySuperseded && a.acknowledgement === null).length;
  // Not overridable: acknowledging takes a moment and documents what was done about it.
  items.push(item('alerts-acknowledged', 'Every alert acknowledged with the action taken', open === 0,
    open === 0 ? 'None open' : `${open} alert${open === 1 ? '' : 's'} not yet acknowledged`, 'KetaDesk', false));

  return {
    ready: items.every((i) => i.met),
    canOverride: items.every((i) => i.met || i.overridable),
    observationEndsAt: obsEnd,
    items,
  };
}
