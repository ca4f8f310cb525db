import { signatureLine } from '../auth/meanings';
import { localIsoDate, spelledDate } from '../dates';
import { vitalsText } from '../session/entry-words';
import { PRE_DOSE_BP_ELEVATED, PRE_DOSE_BP_SEVERE } from '../session/reference';
import type { SessionRecord } from '../session/record';
import { MINUTE_MS, clockMinutesBetween, minutesBetween, toMs } from '../session/time';
import { longDate } from './input';
import { safetyChecksText } from '../suicide-risk/record-words';
import type { BeforeCheckId, RecordedCheck, SessionRecordData } from './monitoring-record';

// The session feature's printable record (sessions.record) as the monitoring
// record prints it: every pre-dose check with its value, one row per moment
// something was measured, every event, alert and correction as a line, and
// each discharge item as it stood when the patient left.

type Row = SessionRecordData['vitals'][number];
type Route = SessionRecord['session']['route'];

const TITLES = /^(dr|mr|mrs|ms|mx|nurse|prof)\.?$/i;

/** "Dr Amira Haddad" → "AH". */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => w && !TITLES.test(w))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

const minuteOf = (at: string) => Math.floor(toMs(at) / MINUTE_MS);

/** What "N min after …" counts from on the record's rows: the start of dosing, named for the route. */
const DOSING_START: Record<Route, string> = {
  'esketamine-nasal': 'first device',
  'iv-ketamine': 'infusion start',
  'im-ketamine': 'injection',
};

/** The moment dosing ended, as the record names it; IM has none apart from the injection. */
const DOSING_END: Record<Route, string | null> = {
  'esketamine-nasal': 'Last device used',
  'iv-ketamine': 'Infusion ended',
  'im-ketamine': null,
};

function doseText(dose: SessionRecord['dose']): string {
  if (dose.route === 'esketamine-nasal') return `${dose.totalMg} mg (${dose.deviceCount} devices)`;
  const infusion = dose.infusionMinutes ? ` over ${dose.infusionMinutes} min` : '';
  return `${dose.mgPerKg} mg/kg × ${dose.weightKg} kg (${dose.weightBasis} weight) = ${dose.totalMg} mg, ${dose.volumeMl} mL of ${dose.concentrationMgPerMl} mg/mL${infusion}`;
}

const PREGNANCY_WORDS: Record<SessionRecord['preDose']['checks']['pregnancy'], string> = {
  'not-applicable': 'Not applicable',
  'test-negative': 'Test negative',
  'test-positive': 'Test positive',
  'not-tested': 'Not tested',
};

/** A concern code is `code`, or `code-…` for a family such as "fasting-food". */
const isOneOf = (concern: string, codes: readonly string[]) => codes.some((code) => concern === code || concern.startsWith(`${code}-`));

/** Concern codes (or code prefixes) a pre-dose check prints beside its value. */
const PRINTED_WITH_A_CHECK = [PRE_DOSE_BP_ELEVATED.ruleId, PRE_DOSE_BP_SEVERE.ruleId, 'pre-dose', 'fasting', 'nasal-medication', 'CI-PREGNANCY', 'CA-NO-ESCORT'];

/** Each pre-dose check with the values recorded, met unless a concern was raised about it at the start. */
function beforeChecks(r: SessionRecord, time: (iso: string) => string): Record<BeforeCheckId, RecordedCheck> {
  const { checks: c, concerns, decisionReason } = r.preDose;
  const start = r.session.startedAt;
  const raised = (...codes: string[]) => concerns.filter((x) => isOneOf(x.code, codes));
  const before = (at: string) => `${time(at)} (${clockMinutesBetween(at, start)} min before dosing)`;
  const decided = (found: { message: string }[]) =>
    found.length ? `Not met: ${found.map((f) => f.message).join('; ')}. Decision to proceed: “${decisionReason ?? ''}”` : null;
  const check = (found: { message: string }[], detail: string): RecordedCheck =>
    ({ met: found.length === 0, detail: found.length ? `${detail}. ${decided(found)}` : detail });

  const reading = (v: SessionRecord['preDose']['vitals']) => `${time(v.takenAt)} ${vitalsText(v)}`;
  const vitals = `${reading(r.preDose.vitals)}${r.preDose.repeatVitals ? `; repeat ${reading(r.preDose.repeatVitals)}` : ''}`;
  const bp = raised(PRE_DOSE_BP_ELEVATED.ruleId, PRE_DOSE_BP_SEVERE.ruleId, 'pre-dose');
  const changes = [c.newMedicines && 'new medicines', c.newIllness && 'new illness', c.substanceUse && 'substance use'].filter(Boolean);
  const screening = r.screening;

  return {
    // Taken and, where above 140/90, proceeded on a documented decision: the check was done as the form asks.
    vitals: { met: true, detail: bp.length ? `${vitals}. ${decided(bp)}` : vitals },
    fasting: check(raised('fasting'),
      `Last food ${c.lastFoodAt ? before(c.lastFoodAt) : 'not known'}; last drink ${c.lastDrinkAt ? before(c.lastDrinkAt) : 'not known'}`),
    nasal: check(raised('nasal-medication'), c.nasalMedicationAt ? `Used ${before(c.nasalMedicationAt)}` : 'None used'),
    pregnancy: check(raised('CI-PREGNANCY'),
      `${PREGNANCY_WORDS[c.pregnancy]}${c.pregnancy === 'not-tested' && c.pregnancyNotTestedReason ? `: ${c.pregnancyNotTestedReason}` : ''}`),
    // Asked is what the check asks; what was found is printed with it.
    changes: { met: true, detail: changes.length ? `${changes.join(', ')}: ${c.changesDetails ?? ''}` : 'None reported' },
    screening: {
      met: true,
      detail: `Signed ${screening.signedAt ? longDate(localIsoDate(new Date(screening.signedAt))) : '(date not recorded)'}, ${screening.verdict}` +
        `${screening.overrideReason ? `; contraindication overridden: “${screening.overrideReason}”` : ''}`,
    },
    // The start gate refuses an unassessed positive ASQ, so a started session met this check; the values say how.
    suicideRisk: { met: true, detail: safetyChecksText(r.safetyChecks, time) },
    escort: check(raised('CA-NO-ESCORT'), c.escortArranged ? `Escort: ${c.escortName ?? 'name not recorded'}` : 'No escort arranged'),
  };
}

function correctionText(c: SessionRecord['corrections'][number], time: (iso: string) => string): string {
  const what = `the ${c.kind.toLowerCase()} entry of ${time(c.entryAt)}`;
  return c.now === null
    ? `${c.byName} struck out ${what} (was: ${c.was}). Reason: ${c.reason}`
    : `Correction by ${c.byName} to ${what}: was ${c.was}; now ${c.now}. Reason: ${c.reason}`;
}

/**
 * Maps a session record to the monitoring record's content. `time` formats an
 * instant as the clinic's local clock time ("09:40"); it is passed in so this
 * stays pure.
 */
export function fromSessionRecord(r: SessionRecord, time: (iso: string) => string): SessionRecordData {
  const start = r.session.startedAt;
  const route = r.session.route;
  // Measurements of the same minute share a row, as they would on paper, but a
  // row never holds two readings of one kind: a second one gets its own row.
  const rows: Array<{ minute: number; before: boolean; row: Row }> = [];
  const newRow = (at: string, label: string, before: boolean): Row => {
    const row: Row = {
      time: time(at), label,
      systolic: null, diastolic: null, heartRate: null, spo2: null, respiratoryRate: null, sedation: null, dissociation: null, initials: null,
    };
    rows.push({ minute: minuteOf(at), before, row });
    return row;
  };
  const has = {
    vitals: (row: Row) => row.systolic !== null || row.heartRate !== null || row.spo2 !== null,
    sedation: (row: Row) => row.sedation !== null,
    dissociation: (row: Row) => row.dissociation !== null,
  };
  const rowAt = (at: string, kind: keyof typeof has): Row => {
    const minute = minuteOf(at);
    const before = toMs(at) < toMs(start);
    const found = rows.find((r) => r.minute === minute && r.before === before && !has[kind](r.row));
    return found?.row ?? newRow(at, before ? 'Before the dose' : `${Math.floor(minutesBetween(start, at))} min after ${DOSING_START[route]}`, before);
  };
  const setVitals = (row: Row, v: { systolic: number | null; diastolic: number | null; heartRate: number | null; spo2: number | null; respiratoryRate?: number | null | undefined }) => {
    Object.assign(row, { systolic: v.systolic, diastolic: v.diastolic, heartRate: v.heartRate, spo2: v.spo2, respiratoryRate: v.respiratoryRate ?? null });
  };
  const sign = (row: Row, name: string) => {
    const initials = initialsOf(name);
    if (!row.initials?.split('/').includes(initials)) row.initials = row.initials ? `${row.initials}/${initials}` : initials;
  };

  // Pre-dose readings are before the dose whatever their clock time.
  const preDose = (v: NonNullable<SessionRecord['preDose']['repeatVitals']>, label: string) => {
    const row = newRow(v.takenAt, label, true);
    setVitals(row, v);
    sign(row, r.session.startedByName);
  };
  preDose(r.preDose.vitals, 'Before the dose');
  if (r.preDose.repeatVitals) preDose(r.preDose.repeatVitals, 'Before the dose (repeat)');
  for (const v of r.postDoseVitals) {
    const row = rowAt(v.at, 'vitals');
    setVitals(row, v);
    sign(row, v.recordedByName);
  }
  for (const a of r.sedation.assessments) {
    const row = rowAt(a.at, 'sedation');
    row.sedation = a.level;
    sign(row, a.recordedByName);
  }
  for (const d of r.dissociation.assessments) {
    const row = rowAt(d.at, 'dissociation');
    row.dissociation = d.level;
    sign(row, d.recordedByName);
  }
  // The rows from the check window before the end of observation are the discharge assessment.
  const discharge = r.discharge;
  if (discharge) {
    const from = discharge.assessedFrom ? minuteOf(discharge.assessedFrom) : null;
    const assessed = rows.filter((x) => !x.before && from !== null && x.minute >= from && x.minute <= minuteOf(discharge.at));
    for (const x of assessed) x.row.label = `Before discharge (${x.row.label})`;
    if (assessed.length === 0) newRow(discharge.at, 'At discharge: not assessed', false);
  }

  // Concerns that no pre-dose check prints (a dose above the ceiling, changes since screening) go with the decision.
  const unprinted = r.preDose.concerns.filter((c) => !isOneOf(c.code, PRINTED_WITH_A_CHECK));
  const events = [
    ...(unprinted.length ? [{ at: start, text: `Before the dose: ${unprinted.map((c) => c.message).join('; ')}. Decision to proceed: “${r.preDose.decisionReason ?? ''}”` }] : []),
    ...r.nauseaVomiting.map((n) => ({ at: n.at, text: `${[n.nausea && 'Nausea', n.vomiting && 'Vomiting'].filter(Boolean).join(' and ') || 'No nausea or vomiting'} (${n.recordedByName})` })),
    ...r.adverseEvents.map((e) => ({ at: e.at, text: `${e.description}${e.respiratoryDepression ? ' (respiratory depression)' : ''} (${e.recordedByName})` })),
    ...r.interventions.map((i) => ({ at: i.at, text: `Action: ${i.description} (${i.recordedByName})` })),
    ...r.alerts.map((a) => ({
      at: a.at,
      text: `Alert: ${a.message}${a.acknowledgedAt ? `; acknowledged ${time(a.acknowledgedAt)} by ${a.acknowledgedByName ?? 'unknown'}${a.actionNote ? `: ${a.actionNote}` : ''}` : '; not acknowledged'}${a.entrySuperseded ? ' (entry corrected since)' : ''}`,
    })),
    ...r.corrections.map((c) => ({ at: c.recordedAt, text: correctionText(c, time) })),
  ]
    .sort((a, b) => toMs(a.at) - toMs(b.at))
    .map((e) => `${time(e.at)} ${e.text}`);

  const obs = r.observation;
  const endLabel = DOSING_END[route];
  return {
    dose: doseText(r.dose),
    clinicianName: r.session.startedByName,
    startedAt: time(start),
    ended: endLabel ? { label: endLabel, value: r.dosingEndedAt ? time(r.dosingEndedAt) : 'Not recorded' } : null,
    observation: obs.from && obs.until && obs.minutes !== null
      ? `${obs.minutes} min, from ${obs.countsFrom} (${time(obs.from)}) to discharge (${time(obs.until)})`
      : null,
    before: { checks: beforeChecks(r, time), by: r.session.startedByName, at: time(r.session.recordedAt) },
    vitals: rows
      .map((x, i) => ({ ...x, i }))
      .sort((a, b) => Number(b.before) - Number(a.before) || a.minute - b.minute || a.i - b.i)
      .map((x) => x.row),
    events,
    discharge: discharge
      ? {
          at: `${time(discharge.at)} by ${discharge.byName}`,
          items: discharge.items.map((i) => ({ text: i.reason ? `${i.label}: ${i.reason}` : i.label, met: i.met })),
          overrideReason: discharge.stableAtDischarge ? null : discharge.overrideReason,
        }
      : null,
    // The prescriber's suicide safety assessment came before the start, so its signature prints first.
    signatures: [...(r.safetyChecks?.assessment?.signatures ?? []), ...r.signatures].map((s) => signatureLine(s, (iso) => `${spelledDate(localIsoDate(new Date(iso)))} ${time(iso)}`)),
  };
}
