import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  courseCreate, doseOrderProblem, esketamineDeviceChoices, INDICATION_LABELS, INDICATIONS,
  orderChange, type Course, type Indication,
} from '../../../shared/course';
import { courseOrderChangedMeaning, courseOrderedMeaning } from '../../../shared/auth/meanings';
import { ageInYears, localIsoDate } from '../../../shared/dates';
import type { Patient } from '../../../shared/schemas/patient';
import { ROUTES, ROUTE_LABELS, type Route } from '../../../shared/session';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { ChoiceGroup } from '../session/ChoiceGroup';

interface Props {
  patient: Patient;
  /** The course whose order changes; a new course when absent. */
  course?: Course;
  ketamineDefaults: { sessions: number; spanDays: number; infusionMinutes: number };
  onDone: (course: Course | null) => void;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));

/** A prescriber's order: indication, plan and dose, signed. The esketamine plan is the label's, with the later interval chosen. */
export function CourseOrderForm({ patient, course, ketamineDefaults, onDone }: Props) {
  const [route, setRoute] = useState<Route>(course?.route ?? 'esketamine-nasal');
  const [indication, setIndication] = useState<Indication | null>(course?.indication ?? null);
  const [other, setOther] = useState(course?.indicationOther ?? '');
  const plan = course?.plan;
  const dose = course?.dose;
  const [interval, setInterval] = useState(String(plan?.maintenanceIntervalDays ?? (route === 'esketamine-nasal' ? 14 : '')));
  const [sessions, setSessions] = useState(String(plan && plan.route !== 'esketamine-nasal' ? plan.inductionSessions : ketamineDefaults.sessions));
  const [span, setSpan] = useState(String(plan && plan.route !== 'esketamine-nasal' ? plan.inductionSpanDays : ketamineDefaults.spanDays));
  const [devices, setDevices] = useState<string | null>(dose?.route === 'esketamine-nasal' ? String(dose.deviceCount) : null);
  const [mgPerKg, setMgPerKg] = useState(dose && dose.route !== 'esketamine-nasal' ? String(dose.mgPerKg) : '');
  const [minutes, setMinutes] = useState(dose?.route === 'iv-ketamine' ? String(dose.infusionMinutes) : String(ketamineDefaults.infusionMinutes));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { sign, dialog } = useSignature();
  const age = ageInYears(patient.dateOfBirth, localIsoDate());
  const esk = route === 'esketamine-nasal';

  const order = {
    indication: indication ?? undefined,
    indicationOther: indication === 'other' ? other : null,
    plan: esk
      ? { route, maintenanceIntervalDays: num(interval) }
      : { route, inductionSessions: num(sessions), inductionSpanDays: num(span), maintenanceIntervalDays: num(interval) },
    dose: esk
      ? { route, deviceCount: devices === null ? undefined : Number(devices) }
      : route === 'iv-ketamine' ? { route, mgPerKg: num(mgPerKg), infusionMinutes: num(minutes) } : { route, mgPerKg: num(mgPerKg) },
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = course
      ? orderChange.safeParse({ courseId: course.id, ...order, reason })
      : courseCreate.safeParse({ patientId: patient.id, route, ...order });
    const found: Record<string, string> = {};
    if (!parsed.success) for (const i of parsed.error.issues) found[i.path.join('.')] ??= i.message;
    const ageProblem = doseOrderProblem({ route, deviceCount: devices === null ? undefined : Number(devices) }, age, 'dose.deviceCount');
    if (ageProblem) found[ageProblem.field] = ageProblem.message;
    setErrors(found);
    if (!parsed.success || ageProblem) return;
    const words = { route, indication: indication!, indicationOther: order.indicationOther, dose: parsed.data.dose };
    const r = course
      ? await sign([courseOrderChangedMeaning(words, reason.trim())], (signature) => call('courses.changeOrder', { ...(parsed.data as object), signature } as never))
      : await sign([courseOrderedMeaning(words)], (signature) => call('courses.create', { ...(parsed.data as object), signature } as never));
    if (!r) return;
    if (!r.ok) {
      setErrors({ [r.error.field ?? 'form']: r.error.message });
      return;
    }
    onDone(r.data);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="course-order-form">
      <Stack gap="sm" maw={640}>
        {!course && (
          <ChoiceGroup legend="Treatment" name="course-route" choices={ROUTES.map((r) => ({ value: r, label: ROUTE_LABELS[r] }))} value={route}
            onChange={(r) => { setRoute(r); setDevices(null); setInterval(r === 'esketamine-nasal' ? '14' : ''); }} error={errors.route} />
        )}
        <Select label="Indication (the consent form names it)" data={INDICATIONS.map((i) => ({ value: i, label: INDICATION_LABELS[i] }))}
          value={indication} onChange={(v) => setIndication(v as Indication | null)} error={errors.indication} withAsterisk />
        {indication === 'other' && <TextInput label="Other indication" value={other} onChange={(e) => setOther(e.currentTarget.value)} error={errors.indicationOther} withAsterisk />}
        {esk ? (
          <>
            <ChoiceGroup legend="Dose order (the label's doses for this patient's age)" name="course-devices"
              choices={esketamineDeviceChoices(age).map((n) => ({ value: String(n), label: `${n * 28} mg` }))} value={devices} onChange={setDevices}
              error={errors['dose.deviceCount']} />
            <ChoiceGroup legend="Maintenance from week 9 (label: weekly or every two weeks)" name="course-interval"
              choices={[{ value: '7', label: 'Weekly' }, { value: '14', label: 'Every two weeks' }]} value={interval} onChange={setInterval}
              error={errors['plan.maintenanceIntervalDays']} />
          </>
        ) : (
          <Group grow align="flex-start">
            <TextInput label="Dose (mg/kg)" inputMode="decimal" value={mgPerKg} onChange={(e) => setMgPerKg(e.currentTarget.value)} error={errors['dose.mgPerKg']} withAsterisk />
            {route === 'iv-ketamine' && (
              <TextInput label="Infusion (minutes)" inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} error={errors['dose.infusionMinutes']} withAsterisk />
            )}
            <TextInput label="Induction sessions" inputMode="numeric" value={sessions} onChange={(e) => setSessions(e.currentTarget.value)} error={errors['plan.inductionSessions']} />
            <TextInput label="Induction over (days)" inputMode="numeric" value={span} onChange={(e) => setSpan(e.currentTarget.value)} error={errors['plan.inductionSpanDays']} />
            <TextInput label="Maintenance every (days)" inputMode="numeric" value={interval} onChange={(e) => setInterval(e.currentTarget.value)} error={errors['plan.maintenanceIntervalDays']} withAsterisk />
          </Group>
        )}
        {course && <Textarea label="Reason for the change" autosize minRows={1} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} withAsterisk />}
        {errors.form && <Alert color="red" variant="light">{errors.form}</Alert>}
        <Group>
          <Button type="submit">{course ? 'Sign the changed order' : 'Sign the course order'}</Button>
          <Button variant="default" onClick={() => onDone(null)}>Cancel</Button>
        </Group>
      </Stack>
      {dialog}
    </form>
  );
}
