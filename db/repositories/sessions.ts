import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Route } from '../../shared/session/reference';

// Rows of the session tables. Every statement is prepared once; the write path
// of an entry is a handful of indexed look-ups and inserts.

export interface SessionRow {
  id: string;
  patient_id: string;
  screening_id: string;
  route: Route;
  started_at: string;
  started_by: string;
  started_by_name: string;
  recorded_at: string;
  dose_json: string;
  pre_dose_json: string;
  concerns_json: string;
  decision_reason: string | null;
  settings_json: string;
  location: string | null;
  discharge_ticks_json: string | null;
  discharged_at: string | null;
  discharged_by: string | null;
  discharged_by_name: string | null;
  discharge_recorded_at: string | null;
  checklist_json: string | null;
  ready: number | null;
  unmet_json: string | null;
  override_reason: string | null;
}

export interface NewSessionRow {
  id: string;
  patientId: string;
  screeningId: string;
  route: Route;
  startedAt: string;
  startedBy: string;
  recordedAt: string;
  totalMg: number;
  deviceCount: number | null;
  mgPerKg: number | null;
  dose: unknown;
  preDose: unknown;
  concerns: unknown;
  decisionReason: string | null;
  settings: unknown;
  location: string | null;
}

export interface EntryRow {
  id: string;
  session_id: string;
  at: string;
  kind: string | null;
  entry_json: string | null;
  recorded_at: string;
  recorded_by: string;
  recorded_by_name: string;
  amends_id: string | null;
  amend_reason: string | null;
  superseded_by_id: string | null;
}

export interface NewEntryRow {
  id: string;
  sessionId: string;
  at: string;
  entry: { kind: string } | null;
  recordedAt: string;
  recordedBy: string;
  amendsId: string | null;
  amendReason: string | null;
}

export interface AlertRow {
  id: string;
  session_id: string;
  entry_id: string;
  code: string;
  message: string;
  value_json: string;
  threshold_json: string;
  setting_key: string;
  source: string;
  at: string;
  recorded_at: string;
  entry_superseded: number;
  ack_at: string | null;
  ack_by: string | null;
  ack_by_name: string | null;
  action_note: string | null;
}

export interface NewAlertRow {
  id: string;
  sessionId: string;
  entryId: string;
  code: string;
  message: string;
  value: unknown;
  threshold: unknown;
  settingKey: string;
  source: string;
  at: string;
  recordedAt: string;
}

export interface SummaryRow {
  id: string;
  route: Route;
  started_at: string;
  started_by_name: string;
  total_mg: number;
  device_count: number | null;
  mg_per_kg: number | null;
  discharged_at: string | null;
  discharged_by_name: string | null;
  override_reason: string | null;
  alert_count: number;
  open_alert_count: number;
}

export const SESSION_SELECT = `SELECT s.*, c.name AS started_by_name,
    d.at AS discharged_at, d.by_id AS discharged_by, dc.name AS discharged_by_name, d.recorded_at AS discharge_recorded_at,
    d.checklist_json, d.ready, d.unmet_json, d.override_reason
  FROM sessions s JOIN clinicians c ON c.id = s.started_by
  LEFT JOIN session_discharges d ON d.session_id = s.id LEFT JOIN clinicians dc ON dc.id = d.by_id`;

export const ENTRY_SELECT = `SELECT e.*, c.name AS recorded_by_name, x.id AS superseded_by_id
  FROM session_entries e JOIN clinicians c ON c.id = e.recorded_by
  LEFT JOIN session_entries x ON x.amends_id = e.id`;

const ALERT_SELECT = `SELECT a.*, EXISTS (SELECT 1 FROM session_entries x WHERE x.amends_id = a.entry_id) AS entry_superseded,
    k.at AS ack_at, k.by_id AS ack_by, kc.name AS ack_by_name, k.action_note
  FROM session_alerts a LEFT JOIN session_alert_acks k ON k.alert_id = a.id LEFT JOIN clinicians kc ON kc.id = k.by_id`;

export class SessionRepository {
  private readonly s;

  constructor(db: Database) {
    this.s = {
      insertSession: db.prepare(
        `INSERT INTO sessions (id, patient_id, screening_id, route, started_at, started_by, recorded_at, total_mg, device_count,
           mg_per_kg, dose_json, pre_dose_json, concerns_json, decision_reason, settings_json, location)
         VALUES (@id, @patientId, @screeningId, @route, @startedAt, @startedBy, @recordedAt, @totalMg, @deviceCount,
           @mgPerKg, @dose, @preDose, @concerns, @decisionReason, @settings, @location)`,
      ),
      byId: db.prepare<[string], SessionRow>(`${SESSION_SELECT} WHERE s.id = ?`),
      openForPatient: db.prepare<[string], { id: string }>(
        `SELECT s.id FROM sessions s WHERE s.patient_id = ?
           AND NOT EXISTS (SELECT 1 FROM session_discharges d WHERE d.session_id = s.id) LIMIT 1`,
      ),
      // Open sessions started since a cut-off, by the sessions_started index (lock screen, today's board).
      openSince: db.prepare<[string], { id: string }>(
        `SELECT s.id FROM sessions s WHERE s.started_at >= ?
           AND NOT EXISTS (SELECT 1 FROM session_discharges d WHERE d.session_id = s.id) ORDER BY s.started_at`,
      ),
      latestSignedScreening: db.prepare<[string], { id: string }>(
        `SELECT id FROM screenings WHERE patient_id = ? AND status = 'signed' ORDER BY signed_at DESC, rowid DESC LIMIT 1`,
      ),
      insertEntry: db.prepare(
        `INSERT INTO session_entries (id, session_id, at, kind, entry_json, recorded_at, recorded_by, amends_id, amend_reason)
         VALUES (@id, @sessionId, @at, @kind, @entry, @recordedAt, @recordedBy, @amendsId, @amendReason)`,
      ),
      entries: db.prepare<[string], EntryRow>(`${ENTRY_SELECT} WHERE e.session_id = ? ORDER BY e.at, e.recorded_at, e.rowid`),
      entry: db.prepare<[string], EntryRow>(`${ENTRY_SELECT} WHERE e.id = ?`),
      effectiveOfKind: db.prepare<[string, string], { id: string }>(
        `SELECT e.id FROM session_entries e WHERE e.session_id = ? AND e.kind = ?
           AND NOT EXISTS (SELECT 1 FROM session_entries x WHERE x.amends_id = e.id)`,
      ),
      insertAlert: db.prepare(
        `INSERT INTO session_alerts (id, session_id, entry_id, code, message, value_json, threshold_json, setting_key, source, at, recorded_at)
         VALUES (@id, @sessionId, @entryId, @code, @message, @value, @threshold, @settingKey, @source, @at, @recordedAt)`,
      ),
      alerts: db.prepare<[string], AlertRow>(`${ALERT_SELECT} WHERE a.session_id = ? ORDER BY a.at, a.recorded_at, a.rowid`),
      alert: db.prepare<[string], AlertRow>(`${ALERT_SELECT} WHERE a.id = ?`),
      insertAck: db.prepare(
        'INSERT INTO session_alert_acks (alert_id, session_id, at, by_id, action_note) VALUES (@alertId, @sessionId, @at, @by, @actionNote)',
      ),
      saveTicks: db.prepare('UPDATE sessions SET discharge_ticks_json = @ticks WHERE id = @sessionId'),
      insertDischarge: db.prepare(
        `INSERT INTO session_discharges (session_id, at, by_id, recorded_at, checklist_json, ready, unmet_json, override_reason)
         VALUES (@sessionId, @at, @by, @recordedAt, @checklist, @ready, @unmet, @overrideReason)`,
      ),
      // One statement for the whole chart list: per-session counts come from
      // the session_alerts index, never from a query per session. Rows come in
      // sessions_patient order, so there is no sort step (a patient has one open
      // session at a time, so two never start at the same instant).
      summaries: db.prepare<[string], SummaryRow>(
        `SELECT s.id, s.route, s.started_at, c.name AS started_by_name, s.total_mg, s.device_count, s.mg_per_kg,
           d.at AS discharged_at, dc.name AS discharged_by_name, d.override_reason,
           (SELECT count(*) FROM session_alerts a WHERE a.session_id = s.id) AS alert_count,
           (SELECT count(*) FROM session_alerts a
              WHERE a.session_id = s.id
                AND NOT EXISTS (SELECT 1 FROM session_alert_acks k WHERE k.alert_id = a.id)
                AND NOT EXISTS (SELECT 1 FROM session_entries x WHERE x.amends_id = a.entry_id)) AS open_alert_count
         FROM sessions s JOIN clinicians c ON c.id = s.started_by
         LEFT JOIN session_discharges d ON d.session_id = s.id LEFT JOIN clinicians dc ON dc.id = d.by_id
         WHERE s.patient_id = ? ORDER BY s.started_at DESC`,
      ),
    };
  }

  /** Ids of sessions started at or after `since` that have not ended. */
  openSince(since: string): string[] {
    return this.s.openSince.all(since).map((r) => r.id);
  }

  insertSession(r: NewSessionRow): void {
    this.s.insertSession.run({
      ...r,
      dose: JSON.stringify(r.dose),
      preDose: JSON.stringify(r.preDose),
      concerns: JSON.stringify(r.concerns),
      settings: JSON.stringify(r.settings),
    });
  }

  get(id: string): SessionRow | null {
    return this.s.byId.get(id) ?? null;
  }

  openSessionId(patientId: string): string | null {
    return this.s.openForPatient.get(patientId)?.id ?? null;
  }

  /** The patient's most recently signed screening, whatever its state. */
  latestSignedScreeningId(patientId: string): string | null {
    return this.s.latestSignedScreening.get(patientId)?.id ?? null;
  }

  insertEntry(r: NewEntryRow): void {
    this.s.insertEntry.run({
      id: r.id, sessionId: r.sessionId, at: r.at, kind: r.entry?.kind ?? null,
      entry: r.entry ? JSON.stringify(r.entry) : null, recordedAt: r.recordedAt, recordedBy: r.recordedBy,
      amendsId: r.amendsId, amendReason: r.amendReason,
    });
  }

  entries(sessionId: string): EntryRow[] {
    return this.s.entries.all(sessionId);
  }

  entry(id: string): EntryRow | null {
    return this.s.entry.get(id) ?? null;
  }

  /** Ids of the rows of a kind that still count (not corrected). */
  effectiveIdsOfKind(sessionId: string, kind: string): string[] {
    return this.s.effectiveOfKind.all(sessionId, kind).map((r) => r.id);
  }

  insertAlert(r: NewAlertRow): void {
    this.s.insertAlert.run({ ...r, value: JSON.stringify(r.value), threshold: JSON.stringify(r.threshold) });
  }

  alerts(sessionId: string): AlertRow[] {
    return this.s.alerts.all(sessionId);
  }

  alert(id: string): AlertRow | null {
    return this.s.alert.get(id) ?? null;
  }

  insertAck(r: { alertId: string; sessionId: string; at: string; by: string; actionNote: string }): void {
    this.s.insertAck.run(r);
  }

  /** The discharge checklist as ticked so far; the database refuses it once the session is discharged. */
  saveTicks(sessionId: string, ticks: unknown): void {
    this.s.saveTicks.run({ sessionId, ticks: JSON.stringify(ticks) });
  }

  insertDischarge(r: {
    sessionId: string; at: string; by: string; recordedAt: string; checklist: unknown; ready: boolean; unmet: string[];
    overrideReason: string | null;
  }): void {
    this.s.insertDischarge.run({
      ...r, checklist: JSON.stringify(r.checklist), ready: r.ready ? 1 : 0, unmet: JSON.stringify(r.unmet),
    });
  }

  summaries(patientId: string): SummaryRow[] {
    return this.s.summaries.all(patientId);
  }
}
