import { DISSOCIATION_LEVELS, SEDATION_LEVELS, SEDATION_LEVEL_LABELS, type DissociationLevel } from '../session/reference';
import { identifyingFacts, list, para, runningLines } from './common';
import { documentTitle } from './documents';
import type { PrintInput } from './input';
import type { Printout, RecordTable, Section } from './model';
import { remsSection, type RemsRecordStatus } from './rems-status';
import { cite, type Cite } from './sources';
import { TREATMENT_WORDS } from './treatment';

/** The pre-dose checks the record lists [REFERENCE §3]. */
export type BeforeCheckId = 'vitals' | 'fasting' | 'nasal' | 'pregnancy' | 'changes' | 'screening' | 'suicideRisk' | 'escort';

/** A check as recorded: met or not, and the values that show it. */
export interface RecordedCheck {
  met: boolean;
  detail: string;
}

/**
 * A recorded session as this record prints it (mapped from sessions.record
 * by session-record.ts). Without one, the record prints blank for staff to
 * fill in by hand.
 */
export interface SessionRecordData {
  /** As the clinician recorded it, e.g. "56 mg (2 devices)". */
  dose: string;
  clinicianName: string;
  /** Local clock time dosing started (the first device, the start of the infusion, the injection). */
  startedAt: string;
  /** "Last device used 09:05", "Infusion ended 09:40"; null where the route has no separate end (IM). */
  ended: { label: string; value: string } | null;
  /** Minutes from the observation's anchor to discharge, with both clock times; null until discharged. */
  observation: string | null;
  before: { checks: Record<BeforeCheckId, RecordedCheck>; by: string; at: string };
  vitals: Array<{
    /** Local time, "09:40". */
    time: string;
    label: string;
    systolic: number | null;
    diastolic: number | null;
    heartRate: number | null;
    spo2: number | null;
    respiratoryRate: number | null;
    /** KetaDesk's 0–4 sedation level. */
    sedation: number | null;
    dissociation: DissociationLevel | null;
    initials: string | null;
  }>;
  events: string[];
  /** Each readiness item as it stood at discharge; null while the session is open. */
  discharge: { at: string; items: Array<{ text: string; met: boolean }>; overrideReason: string | null } | null;
  /** "Signed electronically by …" lines: the decision to proceed, corrections, discharge. */
  signatures: string[];
}

/** The moments the reference asks for vital signs, per treatment, printed as the table's first column. */
const CHECKPOINTS: Record<PrintInput['treatment'], string[]> = {
  'esketamine-nasal': ['Before the dose', 'About 40 min after', 'As needed', 'As needed', 'Before discharge'],
  'iv-ketamine': ['Before the infusion', 'During (every 10–15 min)', 'During', 'During', 'End of infusion', 'Recovery', 'Recovery', 'Before discharge'],
  'im-ketamine': ['Before the injection', 'After (every 10–15 min)', 'After', 'After', 'Recovery', 'Before discharge'],
};

const COLUMNS: RecordTable['columns'] = [
  { label: 'When', width: 22 },
  { label: 'Time', width: 9 },
  { label: 'BP (mmHg)', width: 12 },
  { label: 'Heart rate (/min)', width: 10 },
  { label: 'SpO2 (%)', width: 8 },
  { label: 'Resp. rate (/min)', width: 10 },
  { label: 'Sedation (0–4)', width: 9 },
  { label: 'Dissociation', width: 11 },
  { label: 'Initials', width: 9 },
];

/** The key under the table, in the words of KetaDesk's own scales (session/reference.ts). */
const SCALES_KEY =
  `Sedation: ${SEDATION_LEVELS.map((l) => `${l} ${SEDATION_LEVEL_LABELS[l].toLowerCase()}`).join(' · ')}. ` +
  `Dissociation: ${DISSOCIATION_LEVELS.join(' · ')}.`;

const dash = (v: number | string | null) => (v === null ? '' : String(v));

function vitalsTable(input: PrintInput, session: SessionRecordData | null): RecordTable {
  const rows = session
    ? session.vitals.map((v) => [
        v.label, v.time, v.systolic !== null && v.diastolic !== null ? `${v.systolic}/${v.diastolic}` : '',
        dash(v.heartRate), dash(v.spo2), dash(v.respiratoryRate), dash(v.sedation), dash(v.dissociation), dash(v.initials),
      ])
    : CHECKPOINTS[input.treatment].map((label) => [label, '', '', '', '', '', '', '', '']);
  return { kind: 'table', caption: 'Vital signs', columns: COLUMNS, rows, blankRows: session ? 3 : 1 };
}

/** What the observation and the "N min after" rows count from, said on the paper [REFERENCE §4, S8]. */
const TIMING_NOTE: Record<PrintInput['treatment'], string> = {
  'esketamine-nasal': 'Times count from the first device: the BP check about 40 minutes after it, and the at least 2 hours of observation (the REMS form’s total minutes, from the first device to the end of monitoring).',
  'iv-ketamine': 'Rows count minutes from the start of the infusion; the minimum observation counts from the end of the infusion.',
  'im-ketamine': 'Rows and the minimum observation count minutes from the injection.',
};

const DOSING_FIELDS: Record<PrintInput['treatment'], { start: string; end: string | null }> = {
  'esketamine-nasal': { start: 'Dosing started (first device)', end: 'Last device used' },
  'iv-ketamine': { start: 'Infusion started', end: 'Infusion ended' },
  'im-ketamine': { start: 'Injection given', end: null },
};

/** The pre-dose checks, as printed; a recorded session adds its values after each and ticks or crosses its box. */
function beforeDosing(input: PrintInput, session: SessionRecordData | null): Section['blocks'] {
  const esketamine = input.treatment === 'esketamine-nasal';
  const checks: Array<{ id: BeforeCheckId; text: string; cites?: Cite[] }> = [
    { id: 'vitals', text: 'Blood pressure, heart rate and SpO2 taken; BP repeated if high. Above 140/90: decision to proceed documented.', cites: [cite('S1', '§5.5'), cite('S3')] },
    esketamine
      ? { id: 'fasting', text: 'No food for at least 2 hours and no drink for at least 30 minutes.', cites: [cite('S1', '§2')] }
      : { id: 'fasting', text: 'Fasting as the clinic’s rule requires.' },
    ...(esketamine ? [{ id: 'nasal' as const, text: 'Nasal corticosteroid or decongestant, if used, at least 1 hour before.', cites: [cite('S1', '§2')] }] : []),
    { id: 'pregnancy', text: 'Pregnancy: result, or reason not tested.' },
    { id: 'changes', text: 'New medicines, illness or substance use since the last visit asked about.' },
    { id: 'screening', text: 'Signed screening still within the clinic’s validity period.' },
    { id: 'suicideRisk', text: 'Suicide-risk screen (ASQ) today; a positive screen assessed and signed by a prescriber before dosing.' },
    { id: 'escort', text: 'Escort home confirmed.', cites: [cite('S1', '§5.8')] },
  ];
  if (!session) return [list(checks, { tickBoxes: true })];
  const recorded = session.before;
  return [
    list(
      checks.map(({ id, text, cites }) => {
        const c = recorded.checks[id];
        return { text: `${text} Recorded: ${c.detail}.`.replace(/\.\.$/, '.'), ...(cites ? { cites } : {}), state: c.met ? 'met' as const : 'not-met' as const };
      }),
      { tickBoxes: true },
    ),
    { kind: 'fields', fields: [{ label: 'Checked and recorded by', value: `${recorded.by} at ${recorded.at}`, wide: true }] },
  ];
}

function blankDischarge(esketamine: boolean): Section['blocks'] {
  return [
    list(
      [
        esketamine
          ? { text: 'Observed for at least 2 hours from the first device and clinically stable.', cites: [cite('S1'), cite('S8')] }
          : { text: 'Observed for the clinic’s minimum time after dosing and clinically stable.' },
        { text: 'Blood pressure and heart rate back near baseline and below the alert thresholds.' },
        { text: 'Alert and oriented (sedation 0–1); no ongoing dissociation or perceptual change.' },
        { text: 'Walks steadily; nausea controlled.' },
        { text: 'Escort present; aftercare explained and sheet given.' },
      ],
      { tickBoxes: true },
    ),
    { kind: 'fields', fields: [{ label: 'Discharge time', value: null }, { label: 'Signature', value: null }] },
  ];
}

/** The readiness items as judged when the patient left, each ticked or crossed, and who discharged when. */
function recordedDischarge(d: NonNullable<SessionRecordData['discharge']>): Section['blocks'] {
  return [
    list(d.items.map((i) => ({ text: `${i.text}.`, state: i.met ? 'met' as const : 'not-met' as const })), { tickBoxes: true }),
    {
      kind: 'fields',
      fields: [
        { label: 'Discharged', value: d.at },
        ...(d.overrideReason ? [{ label: 'Discharged before every item was met, because', value: `“${d.overrideReason}”`, wide: true }] : []),
        { label: 'Signature', value: null },
      ],
    },
  ];
}

/**
 * Document (d): the session's checks, vital signs and discharge, for staff.
 * An esketamine record ends with its REMS form's status (`rems`, from what was
 * recorded); the blank form leaves lines for it.
 */
export function monitoringRecord(input: PrintInput, session: SessionRecordData | null, rems: RemsRecordStatus | null = null): Printout {
  const w = TREATMENT_WORDS[input.treatment];
  const esketamine = input.treatment === 'esketamine-nasal';
  const dosing = DOSING_FIELDS[input.treatment];
  const sections: Section[] = [
    {
      id: 'session',
      title: 'Session',
      blocks: [
        {
          kind: 'fields',
          fields: [
            { label: 'Dose', value: session?.dose ?? null },
            { label: 'Started by', value: session?.clinicianName ?? null },
            { label: dosing.start, value: session?.startedAt ?? null },
            ...(dosing.end ? [{ label: dosing.end, value: session ? (session.ended?.value ?? null) : null }] : []),
            { label: 'Observation', value: session?.observation ?? null, wide: true },
          ],
        },
        para(TIMING_NOTE[input.treatment], esketamine ? [cite('S1', '§5.5'), cite('S8')] : undefined),
      ],
    },
    {
      id: 'before',
      title: 'Before dosing',
      keepTogether: true,
      blocks: beforeDosing(input, session),
    },
    {
      id: 'vitals',
      title: 'During and after the dose',
      blocks: [
        vitalsTable(input, session),
        para(SCALES_KEY),
      ],
    },
    {
      id: 'events',
      title: 'Events and actions',
      keepTogether: true,
      blocks: [
        session && session.events.length > 0
          ? list(session.events)
          : { kind: 'fields', fields: [{ label: 'Side effects, alerts and what was done', value: null, wide: true }] },
      ],
    },
    {
      id: 'discharge',
      title: 'Discharge',
      keepTogether: true,
      blocks: [
        ...(session?.discharge ? recordedDischarge(session.discharge) : blankDischarge(esketamine)),
        ...(session && session.signatures.length > 0 ? [list(session.signatures)] : []),
      ],
    },
    ...(esketamine ? [remsSection(session ? rems : null)] : []),
  ];
  return {
    document: 'monitoring-record',
    audience: 'staff',
    title: 'Session monitoring record',
    facts: [
      ...identifyingFacts(input),
      { label: 'Treatment', value: w.label },
    ],
    sections,
    running: runningLines(input, documentTitle('monitoring-record')),
  };
}
