import { Alert, Anchor, Button, Checkbox, Group, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { RequestOf } from '../../../shared/contract';
import type { Clinician } from '../../../shared/schemas/clinician';
import { CLINICIAN_ROLE_LABELS } from '../../../shared/schemas/clinician';
import type { Patient } from '../../../shared/schemas/patient';
import type { ClinicSettings } from '../../../shared/schemas/settings';
import {
  ESKETAMINE_MG_PER_DEVICE, PRE_DOSE_BP_ELEVATED, PREGNANCY_STATUSES, ROUTES,
  WEIGHT_BASES, decisionProblems, dosePlan, preDoseConcerns, preDoseProblems, resolveDose, sessionStart,
  type DoseRecord, type PreDoseConcern, type Route, type SessionView,
} from '../../../shared/session';
import { capitalize } from '../../../shared/text';
import { doseChangedMeaning, proceedDespiteConcernsMeaning } from '../../../shared/auth/meanings';
import { ageInYears, localIsoDate } from '../../../shared/dates';
import { doseOrderWords, esketamineDeviceChoices, planAsOrder, sameDose, type Course, type DoseOrder } from '../../../shared/course';
import { CourseStartPanel, courseConcerns, useActiveCourse } from '../course/course-start';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { useLoad } from '../api/useLoad';
import { sourceInWords } from '../../../shared/source-words';
import { useKeptState } from '../app/useKeptState';
import { useWorkspace } from '../app/workspace';
import { clockOf, dayClock } from '../format/dates';
import { ChoiceGroup } from './ChoiceGroup';
import { EligibilityReasons } from './EligibilityPanel';
import { sessionSettingsFor } from '../../../shared/session/im-settings';
import { doseText, parseClock, ROUTE_SHORT, typeIntoReading, VITAL_INPUTS } from './model';
import { UnitInput } from './UnitInput';
import classes from './Session.module.css';

const WEIGHT_BASIS_CHOICES = WEIGHT_BASES.map((b) => ({ value: b, label: capitalize(b) }));

interface Vitals {
  at: string;
  systolic: string;
  diastolic: string;
  heartRate: string;
  spo2: string;
  respiratoryRate: string;
}
const EMPTY_VITALS: Vitals = { at: '', systolic: '', diastolic: '', heartRate: '', spo2: '', respiratoryRate: '' };

interface Draft {
  route: Route;
  deviceCount: string | null;
  mgPerKg: string;
  weightKg: string;
  weightBasis: (typeof WEIGHT_BASES)[number];
  concentration: string;
  infusionMinutes: string;
  startTime: string;
  vitals: Vitals;
  repeat: Vitals | null;
  lastFood: string;
  lastDrink: string;
  nasal: string;
  pregnancy: (typeof PREGNANCY_STATUSES)[number] | null;
  pregnancyReason: string;
  escort: 'yes' | 'no' | null;
  escortName: string;
  newMedicines: boolean;
  newIllness: boolean;
  substanceUse: boolean;
  changesDetails: string;
  decisionReason: string;
  doseChangeReason: string;
  location: string;
}

/** A form left half-filled (a tab switch, "Switch" clinician) comes back as it was. */
const drafts = new Map<string, Draft>();

const blankDraft = (route: Route, patient: Patient): Draft => ({
  route,
  deviceCount: null,
  mgPerKg: '',
  weightKg: '',
  weightBasis: 'actual',
  concentration: '',
  infusionMinutes: '',
  startTime: '',
  vitals: EMPTY_VITALS,
  repeat: null,
  lastFood: '',
  lastDrink: '',
  nasal: '',
  pregnancy: patient.sex === 'male' ? 'not-applicable' : null,
  pregnancyReason: '',
  escort: null,
  escortName: '',
  newMedicines: false,
  newIllness: false,
  substanceUse: false,
  changesDetails: '',
  decisionReason: '',
  doseChangeReason: '',
  location: '',
});

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));
const numOrNull = (s: string) => (s.trim() === '' ? null : Number(s.trim().replace(',', '.')));

const PREGNANCY_CHOICES = [
  { value: 'test-negative', label: 'Test negative' },
  { value: 'test-positive', label: 'Test positive' },
  { value: 'not-tested', label: 'Not tested' },
  { value: 'not-applicable', label: 'Not applicable' },
] as const;

type Errors = Record<string, string>;

/** Builds the request exactly as sent; times typed as HH:MM become instants before `ref`. */
function buildRequest(d: Draft, patientId: string, now: string) {
  const errors: Errors = {};
  const clock = (text: string, ref: string, field: string, label: string) => {
    const p = parseClock(text, ref, label);
    if (!p.ok) errors[field] = p.message;
    return p.ok ? p.at : undefined;
  };
  const startedAt = clock(d.startTime, now, 'startedAt', 'Start time');
  const start = startedAt ?? now;
  const reading = (v: Vitals, field: string) => ({
    takenAt: clock(v.at, start, `${field}.takenAt`, 'Time of the reading') ?? now,
    systolic: num(v.systolic),
    diastolic: num(v.diastolic),
    heartRate: num(v.heartRate),
    spo2: num(v.spo2),
    respiratoryRate: num(v.respiratoryRate),
  });
  const ketamine = {
    mgPerKg: num(d.mgPerKg),
    weightKg: numOrNull(d.weightKg),
    weightBasis: d.weightBasis,
    concentrationMgPerMl: numOrNull(d.concentration),
  };
  const plan =
    d.route === 'esketamine-nasal'
      ? { route: d.route, deviceCount: d.deviceCount === null ? undefined : Number(d.deviceCount) }
      : d.route === 'iv-ketamine'
        ? { route: d.route, ...ketamine, infusionMinutes: numOrNull(d.infusionMinutes) }
        : { route: d.route, ...ketamine };
  const request = {
    patientId,
    ...(startedAt ? { startedAt } : {}),
    plan,
    preDose: {
      vitals: reading(d.vitals, 'preDose.vitals'),
      repeatVitals: d.repeat ? reading(d.repeat, 'preDose.repeatVitals') : null,
      lastFoodAt: clock(d.lastFood, start, 'preDose.lastFoodAt', 'Last food') ?? null,
      lastDrinkAt: clock(d.lastDrink, start, 'preDose.lastDrinkAt', 'Last drink') ?? null,
      nasalMedicationAt: d.route === 'esketamine-nasal' ? (clock(d.nasal, start, 'preDose.nasalMedicationAt', 'Nasal medication') ?? null) : null,
      pregnancy: d.pregnancy ?? undefined,
      pregnancyNotTestedReason: d.pregnancy === 'not-tested' ? d.pregnancyReason : null,
      escortArranged: d.escort === null ? undefined : d.escort === 'yes',
      escortName: d.escort === 'yes' ? d.escortName : null,
      newMedicines: d.newMedicines,
      newIllness: d.newIllness,
      substanceUse: d.substanceUse,
      changesDetails: d.newMedicines || d.newIllness || d.substanceUse ? d.changesDetails : null,
    },
    decisionReason: d.decisionReason,
    doseChangeReason: d.doseChangeReason,
    location: d.location,
  };
  return { request: request as unknown as RequestOf<'sessions.start'>, errors, start };
}

interface Assessment {
  errors: Errors;
  dose: DoseRecord | null;
  doseProblem: string | null;
  concerns: PreDoseConcern[];
  /** Refusals the store would give: field → message. */
  blocking: Errors;
}

/** What the store will decide about this request, computed with the same shared functions. */
function assess(d: Draft, patient: Patient, clinician: Clinician, settings: ClinicSettings, now: string, course: Course | null | undefined): Assessment {
  const { request, errors, start } = buildRequest(d, patient.id, now);
  const s = sessionSettingsFor(d.route, settings);
  const out: Assessment = { errors: { ...errors }, dose: null, doseProblem: null, concerns: [], blocking: {} };
  const plan = dosePlan.safeParse(request.plan);
  if (plan.success) {
    const resolved = resolveDose(plan.data, patient.weightKg, s);
    if ('dose' in resolved) out.dose = resolved.dose;
    else {
      out.doseProblem = resolved.problem.message;
      out.errors[resolved.problem.field] ??= resolved.problem.message;
    }
  }
  const parsed = sessionStart.safeParse(request);
  if (!parsed.success) for (const i of parsed.error.issues) out.errors[i.path.join('.')] ??= i.message;
  // While pregnancy or escort is still unanswered, concerns are shown from the rest; the unanswered
  // choice stays an error (and would add its own concern once answered).
  const preview = parsed.success
    ? parsed
    : sessionStart.safeParse({
        ...request,
        preDose: {
          ...request.preDose,
          pregnancy: request.preDose.pregnancy ?? (patient.sex === 'male' ? 'not-applicable' : 'test-negative'),
          escortArranged: request.preDose.escortArranged ?? true,
        },
      });
  if (!preview.success || !out.dose) return out;
  const ctx = { route: preview.data.plan.route, sex: patient.sex, startedAt: preview.data.startedAt ?? start, dose: out.dose, settings: s };
  for (const p of preDoseProblems(preview.data.preDose, ctx)) out.errors[p.field] ??= p.message;
  out.concerns = [...preDoseConcerns(preview.data.preDose, ctx), ...courseConcerns(course)];
  if (!parsed.success) return out;
  const given = planAsOrder(parsed.data.plan, s.ketamineInfusionMinutes);
  if (course?.dose && !sameDose(given, course.dose)) {
    if (clinician.role !== 'prescriber') out.blocking.plan = `The course orders ${doseOrderWords(course.dose)}: a different dose needs a prescriber’s signature.`;
    else if (!parsed.data.doseChangeReason) out.blocking.doseChangeReason = 'Give the reason for a dose other than the order.';
  }
  for (const p of decisionProblems(out.concerns, parsed.data.decisionReason, clinician.role, settings.nursesDecideMilderConcerns)) {
    // The store's message repeats every concern, which the form already lists above the box.
    const message = p.message.startsWith('Proceeding needs a documented decision')
      ? 'Write the decision to proceed, and why (the concerns are listed above).'
      : p.message;
    out.blocking[p.field] = out.blocking[p.field] ? `${out.blocking[p.field]} ${message}` : message;
  }
  return out;
}

interface Props {
  patient: Patient;
  /** The route the latest signed screening was for. */
  screenedRoute: Route | null;
  onCancel: () => void;
  onStarted: (view: SessionView) => void;
  onOpenTab: (tab: string) => void;
}

/**
 * Starting a session (REFERENCE §3): route and dose, who is dosing, when, and
 * the treatment-day checks. Concerns appear as they are typed, from the same
 * pre-dose functions the store runs; proceeding past one needs a written
 * decision, from a prescriber where the screening rules would say "do not
 * treat today".
 */
export function StartSessionForm({ patient, screenedRoute, onCancel, onStarted, onOpenTab }: Props) {
  const { current, startSwitch } = useWorkspace();
  const settings = useLoad('settings.get', {}, 'settings');
  const [draft, setDraftState] = useKeptState(drafts, patient.id, () => blankDraft(screenedRoute ?? 'esketamine-nasal', patient));
  const eligibility = useLoad('sessions.eligibility', { patientId: patient.id, route: draft.route }, `${patient.id}:${draft.route}`);
  const course = useActiveCourse(patient.id, draft.route);
  const [showErrors, setShowErrors] = useState(false);
  const [serverError, setServerError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const { sign, dialog: signatureDialog } = useSignature();

  if (!current) return null;
  if (settings.loaded.state !== 'ready') return null;
  const clinic = settings.loaded.data;
  const s = sessionSettingsFor(draft.route, clinic);
  const now = new Date().toISOString();

  const setDraft = (patch: Partial<Draft>) => setDraftState((d) => ({ ...d, ...patch }));
  const setVitals = (which: 'vitals' | 'repeat', patch: Partial<Vitals>) =>
    setDraftState((d) => ({ ...d, [which]: typeIntoReading(d[which] ?? EMPTY_VITALS, patch, clockOf(new Date().toISOString())) }));

  const a = assess(draft, patient, current, clinic, now, course);
  const typedPlan = dosePlan.safeParse(buildRequest(draft, patient.id, now).request.plan);
  const givenDose = typedPlan.success ? planAsOrder(typedPlan.data, s.ketamineInfusionMinutes) : null;
  const fillFromOrder = (dose: DoseOrder) => setDraftState((d) => (d.route !== dose.route || d.deviceCount !== null || d.mgPerKg !== '' ? d : {
    ...d,
    deviceCount: dose.route === 'esketamine-nasal' ? String(dose.deviceCount) : null,
    mgPerKg: dose.route === 'esketamine-nasal' ? '' : String(dose.mgPerKg),
    infusionMinutes: dose.route === 'iv-ketamine' ? String(dose.infusionMinutes) : '',
  }));
  const err = (field: string) => (showErrors ? (a.errors[field] ?? (serverError?.field === field ? serverError.message : undefined)) : undefined);
  const gate = eligibility.loaded.state === 'ready' ? eligibility.loaded.data : null;
  const esketamine = draft.route === 'esketamine-nasal';
  const firstHigh = (() => {
    const sys = num(draft.vitals.systolic);
    const dia = num(draft.vitals.diastolic);
    return (sys !== undefined && sys > PRE_DOSE_BP_ELEVATED.systolic) || (dia !== undefined && dia > PRE_DOSE_BP_ELEVATED.diastolic);
  })();
  const fieldErrors = Object.keys(a.errors).length;
  const blocking = Object.values(a.blocking);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setShowErrors(true);
    setServerError(null);
    if (fieldErrors > 0 || blocking.length > 0 || !gate?.eligible) {
      // Takes the clinician to the first field that needs them.
      requestAnimationFrame(() => {
        const el = document.querySelector<HTMLElement>('[data-start-form] [aria-invalid="true"], [data-start-form] [data-problem]');
        (el?.matches('fieldset') ? el.querySelector<HTMLElement>('input') : el)?.focus();
      });
      return;
    }
    setBusy(true);
    const { request } = buildRequest(draft, patient.id, new Date().toISOString());
    // Proceeding despite a pre-dose concern is a documented decision, signed; a plain start is not.
    const decision = draft.decisionReason.trim();
    const doseChange = draft.doseChangeReason.trim();
    const meanings = [...(decision ? [proceedDespiteConcernsMeaning(decision)] : []), ...(doseChange ? [doseChangedMeaning(doseChange)] : [])];
    const r = meanings.length > 0
      ? await sign(meanings, (signature) => call('sessions.start', { ...request, signature }))
      : await call('sessions.start', request);
    setBusy(false);
    if (!r) return;
    if (!r.ok) {
      setServerError({ message: r.error.message, ...(r.error.field ? { field: r.error.field } : {}) });
      eligibility.reload();
      return;
    }
    drafts.delete(patient.id);
    onStarted(r.data);
  };

  const vitalsRow = (which: 'vitals' | 'repeat', v: Vitals, prefix: string) => (
    <div className={classes.preVitals}>
      <TextInput label="Taken at" size="xs" placeholder="when typed" value={v.at} onChange={(e) => setVitals(which, { at: e.currentTarget.value })} error={err(`${prefix}.takenAt`)} autoComplete="off" />
      {VITAL_INPUTS.map(({ key: k, label, unit }) => (
        <UnitInput
          key={k}
          label={label}
          unit={unit}
          inputMode="numeric"
          withAsterisk={k !== 'respiratoryRate'}
          value={v[k]}
          onChange={(e) => setVitals(which, { [k]: e.currentTarget.value })}
          error={err(`${prefix}.${k}`)}
        />
      ))}
    </div>
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-start-form data-testid="start-form">
      <div className={classes.startHead}>
        <div>
          <Anchor component="button" type="button" size="sm" onClick={onCancel}>
            ‹ All sessions
          </Anchor>
          <h2 className={classes.recordTitle}>Start a session</h2>
          <Text size="sm" c="dimmed">
            Treatment-day checks before dosing. Times are typed as HH:MM; empty means now.
          </Text>
        </div>
      </div>

      {gate && !gate.eligible && (
        <div className={classes.gateBlock} data-problem tabIndex={-1}>
          <EligibilityReasons eligibility={gate} onOpenTab={onOpenTab} route={draft.route} onChanged={eligibility.reload} />
        </div>
      )}

      <div className={classes.startGrid}>
        <div className={classes.startColumn}>
          <Card title="Treatment and dose">
            <ChoiceGroup
              legend="Route"
              name="start-route"
              choices={ROUTES.map((r) => ({ value: r, label: ROUTE_SHORT[r] }))}
              value={draft.route}
              onChange={(route) => setDraft({ route })}
            />
            {screenedRoute && screenedRoute !== draft.route && (
              <Text size="xs" c="orange.9" fw={600} mt={4}>
                The signed screening was for {ROUTE_SHORT[screenedRoute]}.
              </Text>
            )}
            {esketamine ? (
              <ChoiceGroup
                legend="Dose (devices, 28 mg each, 5 minutes apart)"
                name="start-devices"
                choices={esketamineDeviceChoices(ageInYears(patient.dateOfBirth, localIsoDate())).map((n) => ({ value: String(n), label: `${n * ESKETAMINE_MG_PER_DEVICE} mg (${n} device${n === 1 ? '' : 's'})` }))}
                value={draft.deviceCount}
                onChange={(deviceCount) => setDraft({ deviceCount })}
                error={err('plan.deviceCount')}
              />
            ) : (
              <div className={classes.doseGrid}>
                <UnitInput label="Dose" unit="mg/kg" unitWidth={46} withAsterisk inputMode="decimal" value={draft.mgPerKg} onChange={(e) => setDraft({ mgPerKg: e.currentTarget.value })} error={err('plan.mgPerKg')} />
                <UnitInput
                  label="Weight"
                  unit="kg"
                  unitWidth={26}
                  inputMode="decimal"
                  placeholder={patient.weightKg !== null ? `${patient.weightKg} (chart)` : 'not on chart'}
                  value={draft.weightKg}
                  onChange={(e) => setDraft({ weightKg: e.currentTarget.value })}
                  error={err('plan.weightKg')}
                />
                <ChoiceGroup legend="Weight basis" name="start-basis" size="xs" choices={WEIGHT_BASIS_CHOICES} value={draft.weightBasis} onChange={(weightBasis) => setDraft({ weightBasis })} />
                <UnitInput
                  label="Concentration"
                  unit="mg/mL"
                  unitWidth={46}
                  inputMode="decimal"
                  placeholder={s.ketamineConcentrationMgPerMl !== null ? `${s.ketamineConcentrationMgPerMl} (clinic)` : 'on the vial'}
                  value={draft.concentration}
                  onChange={(e) => setDraft({ concentration: e.currentTarget.value })}
                  error={err('plan.concentrationMgPerMl')}
                />
                {draft.route === 'iv-ketamine' && (
                  <UnitInput
                    label="Infusion over"
                    unit="min"
                    unitWidth={34}
                    inputMode="numeric"
                    placeholder={`${s.ketamineInfusionMinutes} (clinic)`}
                    value={draft.infusionMinutes}
                    onChange={(e) => setDraft({ infusionMinutes: e.currentTarget.value })}
                    error={err('plan.infusionMinutes')}
                  />
                )}
              </div>
            )}
            <CourseStartPanel
              course={course}
              given={givenDose}
              onOrder={fillFromOrder}
              doseChangeReason={draft.doseChangeReason}
              onDoseChangeReason={(doseChangeReason) => setDraft({ doseChangeReason })}
              isPrescriber={current.role === 'prescriber'}
              error={showErrors ? (a.blocking.doseChangeReason ?? (serverError?.field === 'doseChangeReason' ? serverError.message : undefined)) : undefined}
            />
            <div className={classes.doseResult} data-testid="dose-result" aria-live="polite">
              {a.dose ? (
                <>
                  <span className={classes.doseLabel}>Dose to give</span> <strong>{doseText(a.dose)}</strong>
                  {a.dose.route !== 'esketamine-nasal' && (
                    <span className={classes.muted}> · weight from {a.dose.weightFrom === 'chart' ? 'the chart' : 'this form'} ({a.dose.weightBasis})</span>
                  )}
                </>
              ) : (
                <span className={classes.muted}>{a.doseProblem ?? (esketamine ? 'Choose the number of devices.' : 'Enter the dose in mg/kg.')}</span>
              )}
            </div>
          </Card>

          <Card title="Pre-dose vitals">
            {vitalsRow('vitals', draft.vitals, 'preDose.vitals')}
            {(firstHigh || draft.repeat) && (
              <div className={classes.repeatBlock}>
                {draft.repeat ? (
                  <>
                    <Text size="xs" fw={700} mb={4}>
                      Repeat reading (the session goes by this one){' '}
                      <Anchor component="button" type="button" size="xs" onClick={() => setDraft({ repeat: null })}>
                        remove
                      </Anchor>
                    </Text>
                    {vitalsRow('repeat', draft.repeat, 'preDose.repeatVitals')}
                  </>
                ) : (
                  <Group gap="xs">
                    <Text size="xs">BP above {PRE_DOSE_BP_ELEVATED.systolic}/{PRE_DOSE_BP_ELEVATED.diastolic}: repeat it if high.</Text>
                    <Button size="compact-xs" variant="default" onClick={() => setDraft({ repeat: EMPTY_VITALS })}>
                      Add a repeat reading
                    </Button>
                  </Group>
                )}
              </div>
            )}
          </Card>
        </div>

        <div className={classes.startColumn}>
          <Card title="Treatment-day checks">
            <div className={classes.checkGrid}>
              <TextInput
                label="Last food"
                size="xs"
                placeholder="HH:MM"
                description={esketamine ? 'At least 2 h before' : `Clinic rule: ${s.ketamineFastingFoodHours} h`}
                value={draft.lastFood}
                onChange={(e) => setDraft({ lastFood: e.currentTarget.value })}
                error={err('preDose.lastFoodAt')}
                autoComplete="off"
              />
              <TextInput
                label="Last drink"
                size="xs"
                placeholder="HH:MM"
                description={esketamine ? 'At least 30 min before' : s.ketamineFastingDrinkMinutes > 0 ? `Clinic rule: ${s.ketamineFastingDrinkMinutes} min` : 'No clinic rule'}
                value={draft.lastDrink}
                onChange={(e) => setDraft({ lastDrink: e.currentTarget.value })}
                error={err('preDose.lastDrinkAt')}
                autoComplete="off"
              />
              {esketamine && (
                <TextInput
                  label="Nasal steroid/decongestant"
                  size="xs"
                  placeholder="none"
                  description="At least 1 h before"
                  value={draft.nasal}
                  onChange={(e) => setDraft({ nasal: e.currentTarget.value })}
                  error={err('preDose.nasalMedicationAt')}
                  autoComplete="off"
                />
              )}
            </div>
            <ChoiceGroup
              legend="Pregnancy"
              name="start-pregnancy"
              size="xs"
              choices={PREGNANCY_CHOICES}
              value={draft.pregnancy}
              onChange={(pregnancy) => setDraft({ pregnancy })}
              error={err('preDose.pregnancy')}
            />
            {draft.pregnancy === 'not-tested' && (
              <TextInput label="Reason not tested" size="xs" value={draft.pregnancyReason} onChange={(e) => setDraft({ pregnancyReason: e.currentTarget.value })} error={err('preDose.pregnancyNotTestedReason')} maxLength={500} />
            )}
            <Group gap="md" align="flex-end" wrap="nowrap">
              <ChoiceGroup
                legend="Escort home arranged"
                name="start-escort"
                size="xs"
                choices={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]}
                value={draft.escort}
                onChange={(escort) => setDraft({ escort })}
                error={err('preDose.escortArranged')}
              />
              {draft.escort === 'yes' && (
                <TextInput label="Escort’s name" size="xs" style={{ flex: 1 }} value={draft.escortName} onChange={(e) => setDraft({ escortName: e.currentTarget.value })} maxLength={200} />
              )}
            </Group>
            <fieldset className={classes.plainFieldset}>
              <legend className={classes.choiceLegend}>Since the screening</legend>
              <Group gap="md">
                <Checkbox size="xs" label="New medicines" checked={draft.newMedicines} onChange={(e) => setDraft({ newMedicines: e.currentTarget.checked })} />
                <Checkbox size="xs" label="New illness" checked={draft.newIllness} onChange={(e) => setDraft({ newIllness: e.currentTarget.checked })} />
                <Checkbox size="xs" label="Substance use" checked={draft.substanceUse} onChange={(e) => setDraft({ substanceUse: e.currentTarget.checked })} />
              </Group>
            </fieldset>
            {(draft.newMedicines || draft.newIllness || draft.substanceUse) && (
              <Textarea label="What changed" size="xs" autosize minRows={2} value={draft.changesDetails} onChange={(e) => setDraft({ changesDetails: e.currentTarget.value })} error={err('preDose.changesDetails')} maxLength={2000} />
            )}
          </Card>

          <Card title="Before dosing starts">
            {a.concerns.length > 0 ? (
              <div className={classes.concerns} data-testid="pre-dose-concerns">
                <Text size="sm" fw={700}>
                  Proceeding needs a documented decision:
                </Text>
                <ul>
                  {a.concerns.map((c) => (
                    <li key={c.code} data-needs={c.needs}>
                      {c.needs === 'prescriber-reason' && <span className={classes.prescriberTag}>Prescriber only</span>} {c.message}{' '}
                      <span className={classes.muted}>(source: {sourceInWords(c.source)})</span>
                    </li>
                  ))}
                </ul>
                <Textarea
                  label="Decision to proceed, and why"
                  size="xs"
                  withAsterisk
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={draft.decisionReason}
                  onChange={(e) => setDraft({ decisionReason: e.currentTarget.value })}
                  error={showErrors ? a.blocking.decisionReason : undefined}
                />
                {!showErrors && a.blocking.decisionReason && a.concerns.some((c) => c.needs === 'prescriber-reason') && current.role !== 'prescriber' && (
                  <Text size="xs" c="red.9" fw={600} mt={4}>
                    Only a prescriber can decide to proceed here: switch to the prescriber who decides.
                  </Text>
                )}
              </div>
            ) : (
              <Text size="sm" c="dimmed" data-testid="no-concerns">
                {fieldErrors === 0 && a.dose ? 'No pre-dose concerns.' : 'Concerns appear here as the checks are filled in.'}
              </Text>
            )}
            <div className={classes.whoWhen}>
              <div>
                <div className={classes.doseLabel}>Dosing clinician</div>
                <Text size="sm" fw={600} data-testid="start-clinician">
                  {current.name}
                  {current.credentials ? `, ${current.credentials}` : ''} <span className={classes.muted}>({CLINICIAN_ROLE_LABELS[current.role]})</span>{' '}
                  <Anchor component="button" type="button" size="xs" onClick={startSwitch}>
                    Switch
                  </Anchor>
                </Text>
              </div>
              <TextInput
                label="Dosing starts at"
                size="xs"
                w={130}
                style={{ flexShrink: 0 }}
                placeholder="now"
                value={draft.startTime}
                onChange={(e) => setDraft({ startTime: e.currentTarget.value })}
                error={err('startedAt')}
                description={draft.startTime ? (() => { const p = parseClock(draft.startTime, now); return p.ok && p.at ? dayClock(p.at, now) : undefined; })() : 'empty = now'}
                autoComplete="off"
              />
              <TextInput
                label="Chair or room"
                size="xs"
                w={130}
                style={{ flexShrink: 0 }}
                placeholder="optional"
                description="shown on Today"
                value={draft.location}
                onChange={(e) => setDraft({ location: e.currentTarget.value })}
                error={err('location')}
                maxLength={40}
                autoComplete="off"
              />
            </div>
            {serverError && !serverError.field?.startsWith('preDose') && !serverError.field?.startsWith('plan') && (
              <Alert color="red" variant="light" role="alert" mt="xs" p="xs" data-testid="start-error">
                {serverError.message}
              </Alert>
            )}
            {showErrors && (fieldErrors > 0 || blocking.length > 0) && (
              <Text size="xs" c="red.9" fw={600} mt="xs" role="alert" data-testid="start-problems">
                {fieldErrors > 0 ? `${fieldErrors} field${fieldErrors === 1 ? ' needs' : 's need'} attention. ` : ''}
                {blocking.join(' ')}
              </Text>
            )}
            <Group justify="flex-end" gap="xs" mt="sm">
              <Button variant="default" onClick={onCancel}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} disabled={gate !== null && !gate.eligible}>
                Start session
              </Button>
            </Group>
          </Card>
        </div>
      </div>
      {signatureDialog}
    </form>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = `start-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <section className={classes.panel} aria-labelledby={id}>
      <h3 id={id} className={classes.panelTitle}>
        {title}
      </h3>
      <div className={classes.cardBody}>{children}</div>
    </section>
  );
}
