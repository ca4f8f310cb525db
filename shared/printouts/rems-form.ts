import { CONCOMITANT_CLASSES, CONCOMITANT_LABELS } from '../rems/schemas';
import type { RemsFormData } from '../rems/form-data';
import { SEX_LABELS } from '../schemas/sex';
import { identifyingFacts, para, runningLines } from './common';
import { documentTitle } from './documents';
import { longDate, orBlank, type PrintInput } from './input';
import type { Fields, Printout } from './model';
import { cite } from './sources';

// The esketamine REMS Patient Monitoring Form's answers for one session, in
// the form's order [REFERENCE §4, S8], on one page: what the clinic types
// into the REMS portal or faxes as is. Every value comes from the session,
// its REMS answers and the clinic settings; a blank is a line to write on.

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'Yes' : 'No');
const fields = (...list: Fields['fields']): Fields => ({ kind: 'fields', fields: list });

export function remsFormPrintout(input: PrintInput, form: RemsFormData, clock: (iso: string) => string): Printout {
  // No-break spaces: a reading is copied onto the form in one piece, never wrapped over three lines.
  const bp = (r: RemsFormData['bp']['beforeDose']) => (r ? `${r.systolic}/${r.diastolic}\u00a0mmHg\u00a0at\u00a0${clock(r.at)}` : null);
  const minutes = (n: number | null) => (n === null ? null : `${n} minutes`);
  const doseBoxes = { '56': '56 mg', '84': '84 mg', other: `Other: ${form.dose.totalMg} mg` }[form.dose.box];
  const s = form.submission;
  return {
    document: 'rems-form',
    audience: 'staff',
    title: documentTitle('rems-form'),
    facts: identifyingFacts(input),
    sections: [
      {
        id: 'patient',
        title: '1. Patient',
        blocks: [fields(
          { label: 'First name', value: form.patient.firstName },
          { label: 'Last name', value: orBlank(form.patient.lastName) },
          { label: 'Date of birth', value: longDate(form.patient.dateOfBirth) },
          { label: 'Sex', value: SEX_LABELS[form.patient.sex as keyof typeof SEX_LABELS] ?? form.patient.sex },
        )],
      },
      {
        id: 'medicines',
        title: '2. Concomitant medicines that may cause sedation or blood pressure changes',
        blocks: [fields(...CONCOMITANT_CLASSES.map((c) => ({ label: CONCOMITANT_LABELS[c], value: yesNo(form.concomitant[c]) })))],
      },
      {
        id: 'clinician',
        title: '3. Monitoring clinician and healthcare setting',
        blocks: [fields(
          { label: 'Clinician name', value: orBlank(form.clinician.name) },
          { label: 'Phone', value: orBlank(form.clinician.phone) },
          { label: 'Email', value: orBlank(form.clinician.email) },
          { label: 'Healthcare setting name', value: orBlank(form.setting.name) },
          { label: 'Address', value: orBlank(form.setting.address), wide: true },
        )],
      },
      {
        id: 'treatment',
        title: '4. Treatment session',
        blocks: [fields(
          { label: 'Treatment date', value: longDate(form.treatmentDate) },
          { label: 'Dose', value: doseBoxes },
          { label: 'Lot number(s)', value: form.lots.length ? form.lots.map((l) => l.lot).join(', ') : null, wide: true },
          { label: 'Total minutes from the first device to the end of monitoring', value: form.totalMinutes === null ? null : `${form.totalMinutes} minutes (${clock(form.firstDeviceAt)} to ${form.endOfMonitoringAt ? clock(form.endOfMonitoringAt) : '…'})`, wide: true },
          { label: 'If there were no 2-hour minimum, ready to leave after', value: minutes(form.readyToLeaveMinutes), wide: true },
        )],
      },
      {
        id: 'vitals',
        title: '5. Vital signs',
        blocks: [fields(
          { label: 'Acceptable before the dose', value: yesNo(form.vitalsAcceptableBeforeDose) },
          { label: 'Acceptable before the end of the session', value: yesNo(form.vitalsAcceptableBeforeEnd) },
          { label: 'BP before the dose', value: bp(form.bp.beforeDose) },
          { label: 'BP about 40 minutes after the first device', value: bp(form.bp.about40Minutes) },
          { label: 'BP before the end of the session', value: bp(form.bp.beforeEnd) },
        )],
      },
      {
        id: 'events',
        title: '6. During the session',
        blocks: [
          fields(
            { label: 'Sedation', value: yesNo(form.sedation) },
            { label: 'Dissociation', value: yesNo(form.dissociation) },
            { label: 'Respiratory depression', value: yesNo(form.respiratoryDepression) },
            { label: 'Adverse events', value: form.adverseEvents.length ? form.adverseEvents.join('; ') : 'None recorded', wide: true },
          ),
          para(`${form.formNote} Sedation and dissociation are "Yes" when any level above none was recorded.`, [cite('S8')]),
        ],
      },
      {
        id: 'submission',
        title: 'Submitted to the REMS (within 7 days of the session)',
        keepTogether: true,
        blocks: [fields(
          { label: 'Submitted on', value: s ? longDate(s.submittedOn) : null },
          { label: 'By', value: s?.submittedBy ?? null },
          { label: 'Confirmation', value: s ? (s.confirmation ?? '—') : null },
        )],
      },
    ],
    running: runningLines(input, documentTitle('rems-form')),
  };
}
