import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { coursePhaseMeaning } from '../../../shared/auth/meanings';
import { doseOrderWords, indicationWords, PHASES, type Course, type Phase } from '../../../shared/course';
import { spelledDate } from '../../../shared/dates';
import type { Patient } from '../../../shared/schemas/patient';
import { ROUTE_LABELS } from '../../../shared/session';
import { call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useSignature } from '../app/signature';
import { useCan } from '../app/useCan';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { CourseOrderForm } from './CourseOrderForm';

const PHASE_COLOR: Record<Phase, string> = { induction: 'blue', maintenance: 'teal', paused: 'orange', ended: 'gray' };

/** The chart's Course tab: each treatment course with what comes next, and the prescriber's orders. */
export function CourseTab({ patient }: { patient: Patient }) {
  const courses = useLoad('courses.listForPatient', { patientId: patient.id }, `courses:${patient.id}`);
  const settings = useLoad('settings.get', {}, 'settings');
  const canOrder = useCan('courses.create');
  const [editing, setEditing] = useState<Course | 'new' | null>(null);
  if (courses.loaded.state === 'loading' || settings.loaded.state === 'loading') return <CenteredLoader label="Loading courses" />;
  if (courses.loaded.state === 'failed') return <LoadError title="Courses could not be loaded" error={courses.loaded.error} onRetry={courses.reload} />;
  if (settings.loaded.state === 'failed') return <LoadError title="Settings could not be loaded" error={settings.loaded.error} onRetry={settings.reload} />;
  const s = settings.loaded.data;
  const list = courses.loaded.data;
  const done = () => { setEditing(null); courses.reload(); };

  if (editing) {
    return (
      <Stack gap="sm">
        <Title order={2} size="h3">{editing === 'new' ? 'Order a treatment course' : `Change the order: ${ROUTE_LABELS[editing.route]}`}</Title>
        <CourseOrderForm
          patient={patient}
          {...(editing === 'new' ? {} : { course: editing })}
          ketamineDefaults={{ sessions: s.ketamineInductionSessions, spanDays: s.ketamineInductionSpanDays, infusionMinutes: s.ketamineInfusionMinutes }}
          onDone={done}
        />
      </Stack>
    );
  }
  return (
    <Stack gap="md" data-testid="course-tab">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">A prescriber orders each course; every session belongs to one.</Text>
        {canOrder.allowed ? <Button onClick={() => setEditing('new')}>Order a course</Button> : <Text size="sm" c="dimmed">{canOrder.reason}</Text>}
      </Group>
      {list.length === 0 && <Text>No treatment course yet.</Text>}
      {list.map((c) => <CourseCard key={c.id} course={c} canChange={canOrder.allowed} onEdit={() => setEditing(c)} onChanged={courses.reload} />)}
    </Stack>
  );
}

function CourseCard({ course: c, canChange, onEdit, onChanged }: { course: Course; canChange: boolean; onEdit: () => void; onChanged: () => void }) {
  const st = c.status;
  return (
    <Paper withBorder p="md" data-testid="course-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h4">{ROUTE_LABELS[c.route]} · {indicationWords(c)}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={PHASE_COLOR[c.phase]} variant="light" c="dark.8">{c.phase}</Badge>
            {st.nextSessionLabel && <Text size="sm" fw={700} data-testid="course-next-label">Next: {st.nextSessionLabel}</Text>}
          </Group>
        </div>
        {canChange && c.phase !== 'ended' && <Button variant="default" size="xs" onClick={onEdit}>Change order</Button>}
      </Group>
      <Stack gap={4} mt="sm">
        <Text size="sm">Dose order: {c.dose ? doseOrderWords(c.dose) : 'not ordered'}{c.orderedByName ? ` — ${c.orderedByName}, ${spelledDate(c.orderedAt!.slice(0, 10))}` : ''}</Text>
        <Text size="sm">{planWords(c)}</Text>
        <Text size="sm" data-testid="course-next-due">
          Next due: {st.nextDue ? spelledDate(st.nextDue) : '—'}
          {st.overdueDays > 0 && <Badge ml="xs" color="red" variant="light" c="red.9">overdue {st.overdueDays} days</Badge>}
        </Text>
        {st.upcoming.length > 1 && <Text size="sm" c="dimmed">Planned after that: {st.upcoming.slice(1).map(spelledDate).join(', ')}</Text>}
      </Stack>
      {st.warnings.length > 0 && (
        <Alert mt="sm" color="orange" variant="light" title="A session today" data-testid="course-warnings">
          {st.warnings.map((w) => <div key={w.code}>{w.message} ({w.source})</div>)}
        </Alert>
      )}
      {st.reviewPrompt && <Alert mt="sm" color="blue" variant="light" title="Review the course" data-testid="course-review">{st.reviewPrompt}</Alert>}
      {canChange && c.phase !== 'ended' && <PhaseChanger course={c} onChanged={onChanged} />}
    </Paper>
  );
}

function planWords(c: Course): string {
  const p = c.plan;
  if (!p) return 'Plan: not ordered';
  if (p.route === 'esketamine-nasal') {
    return `Plan (label): twice weekly for weeks 1–4, weekly for weeks 5–8, then ${p.maintenanceIntervalDays === 7 ? 'weekly' : 'every two weeks'}`;
  }
  return `Plan: induction ${p.inductionSessions} sessions over ${p.inductionSpanDays} days, then every ${p.maintenanceIntervalDays} days`;
}

function PhaseChanger({ course, onChanged }: { course: Course; onChanged: () => void }) {
  const [phase, setPhase] = useState<Phase | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { sign, dialog } = useSignature();
  const submit = async () => {
    if (!phase) return;
    const text = reason.trim() || null;
    const r = await sign([coursePhaseMeaning(phase, text)], (signature) => call('courses.changePhase', { courseId: course.id, phase, reason: text, signature }));
    if (!r) return;
    if (!r.ok) { setError(r.error.message); return; }
    setPhase(null); setReason(''); setError(null); onChanged();
  };
  return (
    <Group mt="sm" align="flex-end" gap="xs">
      <Select label="Change phase" placeholder="Choose" w={170} data={PHASES.filter((p) => p !== course.phase).map((p) => ({ value: p, label: p }))} value={phase} onChange={(v) => setPhase(v as Phase | null)} />
      <Textarea label="Reason (needed to pause or end)" autosize minRows={1} w={320} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={error} />
      <Button variant="default" disabled={!phase} onClick={() => void submit()}>Sign the phase change</Button>
      {dialog}
    </Group>
  );
}
