import { Alert, Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { formatDate } from '../format/dates';

/**
 * The patient's esketamine REMS enrolment: needed before the first esketamine
 * session (the store refuses the start without it). A change to what was
 * recorded asks for a reason and is kept in the chart's history.
 */
export function RemsEnrollmentPanel({ patientId, onChanged }: { patientId: string; onChanged?: () => void }) {
  const enrollment = useLoad('rems.enrollment', { patientId }, patientId);
  const [editing, setEditing] = useState(false);
  const [enrolled, setEnrolled] = useState(true);
  const [date, setDate] = useState(localIsoDate());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: string | undefined; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = enrollment.loaded.state === 'ready' ? enrollment.loaded.data : null;

  const save = async () => {
    setBusy(true);
    const r = await call('rems.recordEnrollment', { patientId, enrolled, enrolledOn: enrolled ? date : null, reason: reason || null });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field, message: r.error.message });
    setError(null);
    setEditing(false);
    setReason('');
    enrollment.setLoaded({ state: 'ready', data: r.data });
    onChanged?.();
  };

  return (
    <Paper withBorder p="md" mt="md" component="section" aria-labelledby="rems-enrollment-title" data-testid="rems-enrollment">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} size="h5" id="rems-enrollment-title">Esketamine REMS enrolment</Title>
          <Text size="sm" data-testid="rems-enrollment-status">
            {current?.enrolled
              ? `Enrolled on ${formatDate(current.enrolledOn!)} (recorded by ${current.recordedByName})`
              : current
                ? `Not enrolled (recorded by ${current.recordedByName})`
                : 'Not recorded. An outpatient must be enrolled before the first esketamine session.'}
          </Text>
        </div>
        {!editing && (
          <Button size="xs" variant="default" onClick={() => {
            setEnrolled(current ? current.enrolled : true);
            setDate(current?.enrolledOn ?? localIsoDate());
            setEditing(true);
          }}>
            {current ? 'Change enrolment' : 'Record enrolment'}
          </Button>
        )}
      </Group>
      {editing && (
        <Stack gap="xs" mt="sm" maw={520}>
          {error && !['enrolledOn', 'reason'].includes(error.field ?? '') && <Alert color="red" variant="light" role="alert">{error.message}</Alert>}
          <Checkbox label="Enrolled in the esketamine REMS" checked={enrolled} onChange={(e) => setEnrolled(e.currentTarget.checked)} />
          {enrolled && (
            <TextInput
              id="rems-enrolled-on"
              type="date"
              label="Enrolment date"
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={error?.field === 'enrolledOn' ? error.message : null}
              w={200}
            />
          )}
          {current && (
            <TextInput
              id="rems-enrollment-reason"
              label="Reason for the change"
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={error?.field === 'reason' ? error.message : null}
              withAsterisk
            />
          )}
          <Group gap="xs">
            <Button size="xs" onClick={() => void save()} loading={busy}>Save enrolment</Button>
            <Button size="xs" variant="subtle" color="gray" c="gray.8" onClick={() => setEditing(false)}>Cancel</Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
