import { DISSOCIATION_LEVELS, SEDATION_LEVELS, SEDATION_LEVEL_LABELS, type DissociationLevel } from '../session/reference';
import { identifyingFacts, list, para, runningLines } from './common';
import { documentTitle } from './documents';
import type { PrintInput } from './input';
import type { Printout, RecordTable, Section } from './model';
import { cite } from './sources';
import { TREATMENT_WORDS } from './treatment';

/**
 * A recorded session, as far as this record prints it. The session feature
 * (sessions.* channels) is built separately; until it answers with a session,
 * the record prints blank for staff to fill in by hand, and this interface is
 * what a session must be mapped to.
 */
export interface SessionRecordData {
  startedAt: string | null;
  endedAt: string | null;
  /** As the clinician recorded it, e.g. "56 mg" or "0.5 mg/kg (34 mg)". */
  dose: string | null;
  clinicianName: string | null;
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
  dischargedAt: string | null;
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

/** Document (d): the session's checks, vital signs and discharge, for staff. */
export function monitoringRecord(input: PrintInput, session: SessionRecordData | null): Printout {
  const w = TREATMENT_WORDS[input.treatment];
  const esketamine = input.treatment === 'esketamine-nasal';
  const sections: Section[] = [
    {
      id: 'session',
      title: 'Session',
      blocks: [
        {
          kind: 'fields',
          fields: [
            { label: 'Dose', value: session?.dose ?? null },
            { label: 'Clinician', value: session?.clinicianName ?? null },
            { label: 'Start time', value: session?.startedAt ?? null },
            { label: 'End time', value: session?.endedAt ?? null },
          ],
        },
      ],
    },
    {
      id: 'before',
      title: 'Before dosing',
      keepTogether: true,
      blocks: [
        list(
          [
            { text: 'Blood pressure, heart rate and SpO2 taken; BP repeated if high. Above 140/90: decision to proceed documented.', cites: [cite('S1', '§5.5'), cite('S3')] },
            esketamine
              ? { text: 'No food for at least 2 hours and no drink for at least 30 minutes.', cites: [cite('S1', '§2')] }
              : { text: 'Fasting as the clinic’s rule requires.' },
            ...(esketamine ? [{ text: 'Nasal corticosteroid or decongestant, if used, at least 1 hour before.', cites: [cite('S1', '§2')] }] : []),
            { text: 'Pregnancy: result, or reason not tested.' },
            { text: 'New medicines, illness or substance use since the last visit asked about.' },
            { text: 'Signed screening still within the clinic’s validity period.' },
            { text: 'Escort home confirmed.', cites: [cite('S1', '§5.8')] },
          ],
          { tickBoxes: true },
        ),
      ],
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
        list(
          [
            esketamine
              ? { text: 'Observed for at least 2 hours after the dose and clinically stable.', cites: [cite('S1'), cite('S8')] }
              : { text: 'Observed for the clinic’s minimum time after the dose and clinically stable.' },
            { text: 'Blood pressure and heart rate back near baseline and below the alert thresholds.' },
            { text: 'Alert and oriented (sedation 0–1); no ongoing dissociation or perceptual change.' },
            { text: 'Walks steadily; nausea controlled.' },
            { text: 'Escort present; aftercare explained and sheet given.' },
            ...(esketamine ? [{ text: 'REMS Patient Monitoring Form completed for this session.', cites: [cite('S8')] }] : []),
          ],
          { tickBoxes: true },
        ),
        {
          kind: 'fields',
          fields: [
            { label: 'Discharge time', value: session?.dischargedAt ?? null },
            { label: 'Signature', value: null },
          ],
        },
        ...(session && session.signatures.length > 0 ? [list(session.signatures)] : []),
      ],
    },
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
