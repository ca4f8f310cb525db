// Builds the demo clinic: the administrator sets the clinic up, adds the
// staff, who each sign in and choose their own passphrase; then a month of
// clinic days is played in order on a clock the builder controls: patients
// registered and consented at the front desk, screened by a prescriber, and
// treated by the day's nurse, every change through the app's own dispatch
// (so it is encrypted, audited and checked like any clinician's work), and
// one session still in the chair today.

import { existsSync, readdirSync } from 'node:fs';
import { ageInYears, localIsoDate } from '../../shared/dates';
import type { Screening } from '../../shared/schemas/screening';
import type { ScreeningResult } from '../../shared/screening';
import { CONSENT_FORM } from '../../shared/printouts/consent';
import { cautionRuleIds } from '../../shared/screening-signing';
import { ITEM_IDS } from '../../shared/screening/items';
import { storedAsqAnswers, storedFrequencyAnswers } from '../../shared/measures/stored-answers';
import type { EntryDataInput } from '../../shared/session';
import { Desk } from './desk';
import { CLINIC_SETTINGS, mrnOf, PATIENTS, STAFF, type DemoStaff } from './people';
import { STANDARD_COURSE_ORDERS } from '../session-needs';
import { planPatients, type PatientPlan } from './plan';

export const DEMO_PATIENT_COUNT = PATIENTS.length;
const MINUTE = 60_000;

export interface DemoOptions {
  dataDir: string;
  /** How many of the demo patients to create (the first six show every screening outcome). */
  patients?: number;
  /** The real time the demo is built at: today's session is in progress then. */
  now?: Date;
  progress?: (message: string) => void;
}

export interface DemoClinic {
  dataDir: string;
  recoveryKey: string;
  staff: Array<DemoStaff & { id: string }>;
  patients: number;
  finishedSessions: number;
  alertsFired: number;
  alertsAcknowledged: number;
  /** Sign-ins and electronic signatures, each one production-cost scrypt. */
  passphraseChecks: number;
}

type StaffKey = DemoStaff['key'];
interface Step {
  at: number;
  who: StaffKey;
  run: () => Promise<void>;
}

const staffOf = (key: StaffKey) => STAFF.find((s) => s.key === key)!;
const iso = (t: number) => new Date(t).toISOString();

/** Refuses a folder with anything in it: the demo never writes over a clinic's records. */
export function assertEmptyFolder(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty. The demo clinic is only built in a new or empty folder.`);
  }
}

export async function buildDemoClinic(options: DemoOptions): Promise<DemoClinic> {
  const count = options.patients ?? DEMO_PATIENT_COUNT;
  if (!Number.isInteger(count) || count < 6 || count > DEMO_PATIENT_COUNT) {
    throw new Error(`The demo has 6 to ${DEMO_PATIENT_COUNT} patients (the first six show every screening outcome).`);
  }
  assertEmptyFolder(options.dataDir);
  const progress = options.progress ?? (() => {});
  const now = (options.now ?? new Date()).getTime();
  const clock = clinicDays(now);
  const desk = new Desk(options.dataDir, clock.at(-30, 8, 0));
  try {
    progress('setting up the clinic and its staff');
    const { ids, recoveryKey } = await setUpStaff(desk, clock.at(-30, 8, 0));
    const clinic = new ClinicDays(desk, ids, clock, now);
    for (const plan of planPatients(count)) clinic.admit(plan);
    clinic.scheduleSessions(planPatients(count));
    await clinic.play(progress);
    return {
      dataDir: options.dataDir,
      recoveryKey,
      staff: STAFF.map((s) => ({ ...s, id: ids[s.key] })),
      patients: count,
      finishedSessions: clinic.finishedSessions,
      alertsFired: clinic.alertsFired,
      alertsAcknowledged: clinic.alertsAcknowledged,
      passphraseChecks: desk.passphraseChecks,
    };
  } finally {
    desk.close();
  }
}

/** Local clock times on days counted back from today; today's steps are set back from the real time instead. */
function clinicDays(now: number) {
  return {
    at(day: number, hours: number, minutes: number): number {
      const d = new Date(now);
      d.setDate(d.getDate() + day);
      d.setHours(hours, minutes, 0, 0);
      return d.getTime();
    },
    /** Intake on a past day starts at 8:00; today's three hours before now. */
    intakeStart(day: number): number {
      return day === 0 ? now - 180 * MINUTE : this.at(day, 8, 0);
    },
  };
}

/** What the administrator gives each new clinician to sign in once and choose their own. */
const temporaryOf = (s: DemoStaff) => `first day ${s.key} temporary`;

async function setUpStaff(desk: Desk, start: number): Promise<{ ids: Record<StaffKey, string>; recoveryKey: string }> {
  const [admin, ...others] = STAFF;
  const { status, recoveryKey } = await desk.call('auth.setup', {
    name: admin!.name, credentials: admin!.credentials, role: admin!.role, passphrase: admin!.passphrase,
  });
  desk.passphraseChecks += 2; // the administrator's wrap and the recovery key's
  const ids = { admin: status.clinician!.id } as Record<StaffKey, string>;
  desk.signedInAs(ids.admin);
  desk.moveTo(start + 2 * MINUTE);
  await desk.call('settings.update', { settings: CLINIC_SETTINGS, reason: 'Clinic details for the demo clinic' });
  for (const [k, s] of others.entries()) {
    desk.moveTo(start + (5 + k) * MINUTE);
    const temporaryPassphrase = temporaryOf(s);
    const created = await desk.call('clinicians.create', {
      name: s.name, credentials: s.credentials, role: s.role, isAdmin: s.isAdmin, temporaryPassphrase,
    });
    ids[s.key] = created.id;
    desk.passphraseChecks += 1;
  }
  // Each one signs in with the temporary passphrase and chooses their own, as the app makes them.
  for (const [k, s] of others.entries()) {
    desk.moveTo(start + (30 + 3 * k) * MINUTE);
    const temporary = temporaryOf(s);
    await desk.call('auth.signIn', { clinicianId: ids[s.key], passphrase: temporary });
    await desk.call('auth.changePassphrase', { current: temporary, next: s.passphrase });
    desk.passphraseChecks += 3;
    desk.signedInAs(ids[s.key]);
  }
  return { ids, recoveryKey };
}

/** A negative ASQ and a mild PHQ-9 and GAD-7 (item 9 "Not at all"), taken before each demo session. */
const DAY_MEASURES = [
  storedAsqAnswers(['no', 'no', 'no', 'no', null]),
  storedFrequencyAnswers('phq9', [1, 1, 1, 1, 0, 1, 0, 0, 0], 1),
  storedFrequencyAnswers('gad7', [1, 1, 1, 0, 0, 1, 0], 1),
];

/** The clinic's month as steps in time order, then played on the desk. */
class ClinicDays {
  private readonly steps: Step[] = [];
  private readonly patientIds = new Map<number, string>();
  private readonly intakesByDay = new Map<number, number>();
  finishedSessions = 0;
  alertsFired = 0;
  alertsAcknowledged = 0;
  private sessionCount = 0;

  constructor(
    private readonly desk: Desk,
    private readonly ids: Record<StaffKey, string>,
    private readonly clock: ReturnType<typeof clinicDays>,
    private readonly now: number,
  ) {}

  private step(at: number, who: StaffKey, run: () => Promise<void>): void {
    this.steps.push({ at, who, run });
  }

  private patientId(plan: PatientPlan): string {
    return this.patientIds.get(plan.index)!;
  }

  /** Front desk registers the patient (and records consent once treatment is planned); then the screening. */
  admit(plan: PatientPlan): void {
    const k = this.intakesByDay.get(plan.intakeDay) ?? 0;
    this.intakesByDay.set(plan.intakeDay, k + 1);
    const start = this.clock.intakeStart(plan.intakeDay);
    const registered = start + 3 * k * MINUTE;
    const fields = { ...PATIENTS[plan.index]!, mrn: mrnOf(plan.index) };
    this.step(registered, 'frontDesk', async () => {
      this.patientIds.set(plan.index, (await this.desk.call('patients.create', fields)).id);
    });
    if (plan.outcome !== 'incomplete') {
      this.step(registered + MINUTE, 'frontDesk', async () => {
        await this.desk.call('consents.recordSigned', {
          patientId: this.patientId(plan), formVersion: CONSENT_FORM.version, plannedTreatment: plan.route,
          witnessName: 'Sam Reyes', signedAt: new Date(registered + MINUTE).toISOString(),
          ...await this.desk.pinSignature(staffOf('frontDesk'), this.ids.frontDesk),
        });
      });
    }
    // Today's new patients are started by the nurse and not finished; others are screened by the day's prescriber.
    const screener: StaffKey = plan.intakeDay === 0 ? 'nurseA' : plan.intakeDay % 2 === 0 ? 'prescriberA' : 'prescriberB';
    const screened = start + (45 + 10 * k) * MINUTE;
    this.screen(plan, screener, screened);
    if (plan.sessionDays.length > 0 || plan.inProgressToday) this.orderCourse(plan, screened + 12 * MINUTE);
  }

  /**
   * A treated patient's course, ordered by the prescriber after the screening (the
   * label's esketamine schedule, or the clinic's IV induction), and for esketamine the
   * REMS enrolment the front desk records that day.
   */
  private orderCourse(plan: PatientPlan, at: number): void {
    this.step(at, 'prescriberA', async () => {
      await this.desk.call('courses.create', {
        patientId: this.patientId(plan), route: plan.route, indication: 'trd', ...STANDARD_COURSE_ORDERS[plan.route],
        ...await this.desk.pinSignature(staffOf('prescriberA'), this.ids.prescriberA),
      });
    });
    if (plan.route !== 'esketamine-nasal') return;
    this.step(at + MINUTE, 'frontDesk', async () => {
      await this.desk.call('rems.recordEnrollment', { patientId: this.patientId(plan), enrolled: true, enrolledOn: localIsoDate(new Date(at)) });
    });
  }

  private screen(plan: PatientPlan, who: StaffKey, at: number): void {
    let draft: Pick<Screening, 'id' | 'version' | 'result'>;
    this.step(at, who, async () => {
      draft = await this.desk.call('screenings.create', { patientId: this.patientId(plan), plannedTreatment: plan.route });
    });
    this.step(at + 6 * MINUTE, who, async () => {
      draft = await this.desk.call('screenings.save', { id: draft.id, expectedVersion: draft.version, answers: screeningAnswers(plan) });
    });
    if (plan.outcome === 'incomplete' || plan.outcome === 'awaiting-prescriber') return;
    this.step(at + 8 * MINUTE, who, async () => {
      // A draft's result is the engine's, judged live on the saved answers.
      const cautions = cautionRuleIds(draft.result as ScreeningResult);
      await this.desk.call('screenings.sign', {
        id: draft.id, expectedVersion: draft.version, acknowledgedRuleIds: cautions,
        // Overriding a contraindication is signed with the passphrase; routine signatures with the day's PIN.
        ...(plan.finding.overrideReason
          ? { overrideReason: plan.finding.overrideReason, ...this.desk.signature(staffOf(who)) }
          : await this.desk.pinSignature(staffOf(who), this.ids[who])),
      });
    });
  }

  /** Each treatment day the day's nurse runs the chairs, a session every 45 minutes from 10:30. */
  scheduleSessions(plans: PatientPlan[]): void {
    const byDay = new Map<number, PatientPlan[]>();
    for (const plan of plans) for (const day of plan.sessionDays) byDay.set(day, [...(byDay.get(day) ?? []), plan]);
    for (const [day, list] of byDay) {
      const nurse: StaffKey = day % 2 === 0 ? 'nurseA' : 'nurseB';
      list.forEach((plan, slot) => this.session(plan, nurse, this.clock.at(day, 10, 30) + slot * 45 * MINUTE, true));
    }
    const today = plans.find((p) => p.inProgressToday);
    if (today) this.session(today, 'nurseA', this.now - 55 * MINUTE, false);
  }

  private session(plan: PatientPlan, nurse: StaffKey, start: number, finish: boolean): void {
    const alert = this.sessionCount++ % 3 === 1 || !finish;
    const b = plan.baseline;
    const female = PATIENTS[plan.index]!.sex === 'female';
    const young = ageInYears(PATIENTS[plan.index]!.dateOfBirth, localIsoDate(new Date(start))) < 55;
    let sessionId = '';
    const at = (minutes: number) => start + minutes * MINUTE;
    // The suicide-risk gate's questionnaires of the day, answered by the patient in patient mode.
    this.step(at(-25), nurse, async () => {
      for (const answers of DAY_MEASURES) {
        await this.desk.call('questionnaires.record', { patientId: this.patientId(plan), answers, mode: 'patient-mode', takenAt: iso(at(-25)) });
      }
    });
    this.step(start, nurse, async () => {
      const view = await this.desk.call('sessions.start', {
        patientId: this.patientId(plan),
        plan: plan.route === 'esketamine-nasal' ? { route: 'esketamine-nasal', deviceCount: 2 } : { route: 'iv-ketamine', mgPerKg: 0.5 },
        preDose: {
          vitals: { takenAt: iso(at(-10)), systolic: b.systolic, diastolic: b.diastolic, heartRate: b.heartRate, spo2: b.spo2 },
          lastFoodAt: iso(eveningBefore(start)),
          lastDrinkAt: iso(at(-90)),
          ...(!female ? { pregnancy: 'not-applicable' as const }
            : young ? { pregnancy: 'test-negative' as const }
            : { pregnancy: 'not-tested' as const, pregnancyNotTestedReason: 'Post-menopausal' }),
          escortArranged: true,
          newMedicines: false, newIllness: false, substanceUse: false,
        },
      });
      sessionId = view.session.id;
    });
    const entry = (minutes: number, data: EntryDataInput) => this.step(at(minutes), nurse, async () => {
      const written = await this.desk.call('sessions.addEntry', { sessionId, entry: data });
      this.alertsFired += written.alerts.length;
      if (!finish) return; // today's alert is still open on the screen
      for (const a of written.alerts) {
        this.step(at(minutes + 2), nurse, async () => {
          await this.desk.call('sessions.acknowledgeAlert', { alertId: a.id, actionNote: ACK_NOTE });
          this.alertsAcknowledged += 1;
        });
        this.steps.sort(byTime);
      }
    });
    const vitals = (minutes: number, rise: number) =>
      entry(minutes, { kind: 'vitals', systolic: b.systolic + rise, diastolic: b.diastolic + Math.round(rise / 3), heartRate: b.heartRate + Math.round(rise / 3), spo2: b.spo2 });
    const peak = alert ? 44 : 16;
    if (plan.route === 'esketamine-nasal') {
      entry(10, { kind: 'dose-complete', note: 'Second device 5 minutes after the first' });
      vitals(50, peak);
      entry(50, { kind: 'sedation', level: 1 });
      entry(50, { kind: 'dissociation', level: finish ? 'mild' : 'moderate' });
      this.remsAnswers(() => sessionId, nurse, start, finish);
      if (!finish) return;
      if (alert) vitals(65, 10);
      vitals(90, 8);
      entry(90, { kind: 'dissociation', level: 'none' });
      this.finalChecks(entry, vitals, 128);
      this.discharge(() => sessionId, nurse, at(132));
    } else {
      vitals(15, 10);
      vitals(30, peak);
      entry(30, { kind: 'dissociation', level: 'mild' });
      entry(40, { kind: 'dose-complete', note: 'Infusion finished' });
      entry(45, { kind: 'sedation', level: 1 });
      vitals(55, 9);
      vitals(70, 6);
      entry(70, { kind: 'dissociation', level: 'none' });
      this.finalChecks(entry, vitals, 97);
      this.discharge(() => sessionId, nurse, at(102));
    }
  }

  /** The REMS form's answers, recorded at the chair: both devices' lots, then the rest before the end. */
  private remsAnswers(sessionId: () => string, nurse: StaffKey, start: number, finish: boolean): void {
    const lots = [{ lot: 'DEMO24A17', at: iso(start) }, { lot: 'DEMO24A17', at: iso(start + 5 * MINUTE) }];
    const none = { benzodiazepines: false, nonBenzodiazepineSedativeHypnotics: false, psychostimulants: false, maois: false };
    this.step(start + 6 * MINUTE, nurse, async () => {
      await this.desk.call('rems.saveSession', {
        sessionId: sessionId(), lots, concomitant: none, vitalsAcceptableBeforeDose: true,
        vitalsAcceptableBeforeEnd: finish ? true : null, readyToLeaveMinutes: finish ? 95 : null,
      });
    });
  }

  /** The discharge assessment, made in the check window at the end of the observation time. */
  private finalChecks(entry: (m: number, d: EntryDataInput) => void, vitals: (m: number, rise: number) => void, minutes: number): void {
    vitals(minutes, 3);
    entry(minutes, { kind: 'sedation', level: 0 });
    entry(minutes, { kind: 'dissociation', level: 'none' });
  }

  private discharge(sessionId: () => string, nurse: StaffKey, at: number): void {
    this.step(at, nurse, async () => {
      await this.desk.call('sessions.discharge', {
        sessionId: sessionId(),
        checklist: { oriented: true, walksSteadily: true, nauseaControlled: true, escortPresent: true, aftercareExplained: true },
        ...await this.desk.pinSignature(staffOf(nurse), this.ids[nurse]),
      });
      this.finishedSessions += 1;
    });
  }

  async play(progress: (message: string) => void): Promise<void> {
    this.steps.sort(byTime);
    let day = '';
    // Steps may add steps (an alert's acknowledgement): they always land later, and the list is kept sorted.
    for (let i = 0; i < this.steps.length; i++) {
      const s = this.steps[i]!;
      const date = new Date(s.at).toDateString();
      if (date !== day) progress(`${(day = date)}`);
      this.desk.moveTo(s.at);
      await this.desk.as(staffOf(s.who), this.ids[s.who]);
      await s.run();
    }
  }
}

const ACK_NOTE = 'Patient calm, no headache or chest pain; BP rechecked 15 minutes later per protocol.';

/** Nothing to eat since 19:30 the evening before. */
function eveningBefore(t: number): number {
  const d = new Date(t);
  d.setDate(d.getDate() - 1);
  d.setHours(19, 30, 0, 0);
  return d.getTime();
}

const byTime = (a: Step, b: Step) => a.at - b.at;

/** The checklist as the screener filled it in; today's new patients are only part-way through. */
function screeningAnswers(plan: PatientPlan) {
  const partial = plan.outcome === 'incomplete';
  return {
    plannedTreatment: plan.route,
    baselineVitals: { systolic: plan.baseline.systolic, diastolic: plan.baseline.diastolic },
    answers: Object.fromEntries(ITEM_IDS.map((id, k) => [id, partial && k >= 8 ? null : (plan.finding.answers?.[id] ?? false)])),
    medications: plan.finding.medications ?? [],
  };
}
