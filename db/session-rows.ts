// Session table rows → the objects the contract answers with. JSON columns
// were written by this store from validated input, so they are read back as is.

import { EMPTY_CHECKLIST } from '../shared/session/schemas';
import type {
  DischargeChecklist, DoseRecord, EntryData, PreDoseChecks, PreDoseConcern, Session, SessionAlert, SessionEntry,
  SessionSummary,
} from '../shared/session/schemas';
import type { SessionSettings } from '../shared/session/settings';
import { baselineOf } from '../shared/session/pre-dose';
import type { AlertRow, EntryRow, SessionRow, SummaryRow } from './repositories/sessions';

export function toSession(r: SessionRow): Session {
  const preDose = JSON.parse(r.pre_dose_json) as PreDoseChecks;
  return {
    id: r.id,
    patientId: r.patient_id,
    screeningId: r.screening_id,
    route: r.route,
    status: r.discharged_at ? 'discharged' : 'open',
    startedAt: r.started_at,
    startedBy: r.started_by,
    startedByName: r.started_by_name,
    recordedAt: r.recorded_at,
    dose: JSON.parse(r.dose_json) as DoseRecord,
    preDose,
    baseline: baselineOf(preDose),
    concerns: JSON.parse(r.concerns_json) as PreDoseConcern[],
    decisionReason: r.decision_reason,
    location: r.location,
    settings: JSON.parse(r.settings_json) as SessionSettings,
    discharge: r.discharged_at
      ? {
          at: r.discharged_at,
          by: r.discharged_by!,
          byName: r.discharged_by_name ?? '',
          recordedAt: r.discharge_recorded_at!,
          checklist: JSON.parse(r.checklist_json!) as DischargeChecklist,
          ready: r.ready === 1,
          unmet: JSON.parse(r.unmet_json!) as string[],
          overrideReason: r.override_reason,
        }
      : null,
  };
}

/** The discharge checklist as ticked so far on an open session, or null when nothing was ticked yet. */
export function savedTicksOf(r: SessionRow): DischargeChecklist | null {
  return r.discharge_ticks_json
    ? { ...EMPTY_CHECKLIST, ...(JSON.parse(r.discharge_ticks_json) as Partial<DischargeChecklist>) }
    : null;
}

export const toEntry = (r: EntryRow): SessionEntry => ({
  id: r.id,
  sessionId: r.session_id,
  at: r.at,
  recordedAt: r.recorded_at,
  recordedBy: r.recorded_by,
  recordedByName: r.recorded_by_name,
  entry: r.entry_json === null ? null : (JSON.parse(r.entry_json) as EntryData),
  amendsId: r.amends_id,
  amendReason: r.amend_reason,
  supersededById: r.superseded_by_id,
});

export const toAlert = (r: AlertRow): SessionAlert => ({
  id: r.id,
  sessionId: r.session_id,
  entryId: r.entry_id,
  code: r.code,
  message: r.message,
  value: JSON.parse(r.value_json) as SessionAlert['value'],
  threshold: JSON.parse(r.threshold_json) as SessionAlert['threshold'],
  settingKey: r.setting_key,
  source: r.source,
  at: r.at,
  recordedAt: r.recorded_at,
  entrySuperseded: r.entry_superseded === 1,
  acknowledgement: r.ack_at
    ? { at: r.ack_at, by: r.ack_by!, byName: r.ack_by_name ?? '', actionNote: r.action_note ?? '' }
    : null,
});

export const toSummary = (r: SummaryRow): SessionSummary => ({
  id: r.id,
  route: r.route,
  status: r.discharged_at ? 'discharged' : 'open',
  startedAt: r.started_at,
  startedByName: r.started_by_name,
  totalMg: r.total_mg,
  deviceCount: r.device_count,
  mgPerKg: r.mg_per_kg,
  dischargedAt: r.discharged_at,
  dischargedByName: r.discharged_by_name,
  dischargeOverridden: r.override_reason !== null,
  alertCount: r.alert_count,
  openAlertCount: r.open_alert_count,
});
