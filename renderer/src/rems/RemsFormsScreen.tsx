import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { remsFormPrintout } from '../../../shared/printouts/rems-form';
import type { Printout } from '../../../shared/printouts/model';
import { remsDaysText, REMS_STATUS_LABELS } from '../../../shared/rems/due';
import type { RemsFormDue } from '../../../shared/rems/schemas';
import { call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useWorkspace } from '../app/workspace';
import { AppModal } from '../components/AppModal';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { ScreenHeader } from '../components/ScreenHeader';
import { clockOf, formatDate } from '../format/dates';
import { PrintoutView } from '../printouts/PrintoutView';
import { clinicDetails, printInputFor } from '../printouts/print-input';
import { printSheet, type PrintAction } from '../printouts/printing';
import { RowActionButton } from '../components/RowActionButton';

const STATUS_COLORS: Record<RemsFormDue['status'], string> = { overdue: 'red', 'due-soon': 'orange', due: 'blue', submitted: 'green' };

/**
 * Every finished esketamine session's REMS Patient Monitoring Form: due 7 days
 * after the session, overdue ones first. Each can be printed in the form's
 * order and marked submitted (on, by, confirmation); a second mark corrects the first with a reason.
 */
export function RemsFormsScreen() {
  const forms = useLoad('rems.formsDue', {}, 'rems-forms');
  const settings = useLoad('settings.get', {}, 'settings');
  const [marking, setMarking] = useState<RemsFormDue | null>(null);
  const [printing, setPrinting] = useState<{ form: RemsFormDue; printout: Printout } | null>(null);
  const [busy, setBusy] = useState(false);
  const { current } = useWorkspace();

  const openPrint = async (form: RemsFormDue) => {
    if (settings.loaded.state !== 'ready') return;
    const [data, patient] = await Promise.all([call('rems.form', { sessionId: form.sessionId }), call('patients.get', { id: form.patientId })]);
    if (!data.ok || !patient.ok) {
      notifications.show({ color: 'red', title: 'The form could not be prepared', message: (!data.ok ? data.error : !patient.ok ? patient.error : null)?.message ?? '' });
      return;
    }
    const input = printInputFor(patient.data, settings.loaded.data, current, 'esketamine-nasal', form.sessionDate);
    setPrinting({ form, printout: remsFormPrintout(input, data.data, clockOf) });
  };

  const perform = useCallback(async (action: PrintAction, root: HTMLElement | null) => {
    if (!printing) return;
    setBusy(true);
    try {
      const r = await printSheet({ document: 'rems-form', patientId: printing.form.patientId, mrn: printing.form.mrn, onDay: printing.form.sessionDate, action }, root);
      if (!r.ok) notifications.show({ color: 'red', title: 'Not printed', message: r.error.message });
    } finally {
      setBusy(false);
    }
  }, [printing]);

  const list = forms.loaded.state === 'ready' ? forms.loaded.data : [];
  const counts = (s: RemsFormDue['status']) => list.filter((f) => f.status === s).length;

  return (
    <Stack gap="md">
      <ScreenHeader crumbs={[{ label: 'REMS forms' }]} title="REMS Patient Monitoring Forms" />
      <Text size="sm" maw={860}>
        Each esketamine session’s form is submitted to the REMS within 7 days of the session, online or by fax. Overdue forms also
        show on today’s board until they are marked submitted.
      </Text>
      {forms.loaded.state === 'loading' && <CenteredLoader label="Loading REMS forms" />}
      {forms.loaded.state === 'failed' && <LoadError title="REMS forms could not be loaded" error={forms.loaded.error} onRetry={forms.reload} />}
      {forms.loaded.state === 'ready' && (
        <Paper withBorder p="md" component="section" aria-labelledby="rems-forms-title">
          <Group justify="space-between" mb="sm">
            <Text component="h2" fw={600} id="rems-forms-title" m={0}>Forms</Text>
            <Group gap="xs" data-testid="rems-counts">
              <Badge color="red" variant="light">{counts('overdue')} overdue</Badge>
              <Badge color="orange" variant="light" c="dark.8">{counts('due-soon')} due soon</Badge>
              <Badge color="blue" variant="light">{counts('due')} due</Badge>
              <Badge color="green" variant="light" c="dark.8">{counts('submitted')} submitted</Badge>
            </Group>
          </Group>
          {list.length === 0 ? (
            <Text size="sm" c="dimmed">No esketamine session has ended yet, so no form is due.</Text>
          ) : (
            <Table striped verticalSpacing="xs" data-testid="rems-forms">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Patient</Table.Th>
                  <Table.Th>Session</Table.Th>
                  <Table.Th>Due</Table.Th>
                  <Table.Th>Submitted</Table.Th>
                  <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((f) => (
                  <Table.Tr key={f.sessionId} data-testid={`rems-form-${f.sessionId}`} data-status={f.status}>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[f.status]} variant={f.status === 'overdue' ? 'filled' : 'light'} c={f.status === 'overdue' ? undefined : 'dark.8'}>
                        {REMS_STATUS_LABELS[f.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{f.patientName} <Text span size="xs" c="dimmed">MRN {f.mrn}</Text></Table.Td>
                    <Table.Td>{formatDate(f.sessionDate)}</Table.Td>
                    <Table.Td>{formatDate(f.dueOn)} <Text span size="xs" c="dimmed">{remsDaysText(f)}</Text></Table.Td>
                    <Table.Td>
                      {f.submission
                        ? `${formatDate(f.submission.submittedOn)} by ${f.submission.submittedBy}${f.submission.confirmation ? `, confirmation ${f.submission.confirmation}` : ''}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" justify="flex-end">
                        <RowActionButton label="Print form" row={`for ${f.patientName}, ${formatDate(f.sessionDate)}`} onClick={() => void openPrint(f)} />
                        <RowActionButton
                          label={f.submission ? 'Correct' : 'Mark submitted'}
                          row={`for ${f.patientName}, ${formatDate(f.sessionDate)}`}
                          variant={f.submission ? 'subtle' : 'filled'}
                          onClick={() => setMarking(f)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      )}
      {marking && (
        <MarkSubmittedModal
          form={marking}
          byDefault={current?.name ?? ''}
          onClose={() => setMarking(null)}
          onSaved={() => {
            setMarking(null);
            forms.reload();
            notifications.show({ color: 'clinic', title: 'REMS form marked submitted', message: `${marking.patientName}, session of ${formatDate(marking.sessionDate)}.` });
          }}
        />
      )}
      {printing && settings.loaded.state === 'ready' && (
        <PrintoutView
          printout={printing.printout}
          clinic={clinicDetails(settings.loaded.data)}
          initialAction={null}
          busy={busy}
          onAction={(a, root) => void perform(a, root)}
          onClose={() => setPrinting(null)}
        />
      )}
    </Stack>
  );
}

function MarkSubmittedModal({ form, byDefault, onClose, onSaved }: { form: RemsFormDue; byDefault: string; onClose: () => void; onSaved: () => void }) {
  const correcting = form.submission !== null;
  const [on, setOn] = useState(form.submission?.submittedOn ?? localIsoDate());
  const [by, setBy] = useState(form.submission?.submittedBy ?? byDefault);
  const [confirmation, setConfirmation] = useState(form.submission?.confirmation ?? '');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field?: string | undefined; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldError = (f: string) => (error?.field === f ? error.message : null);

  const save = async () => {
    setBusy(true);
    const r = await call('rems.markSubmitted', {
      sessionId: form.sessionId, submittedOn: on, submittedBy: by, confirmation: confirmation || null, ...(correcting ? { reason } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field, message: r.error.message });
    onSaved();
  };

  return (
    <AppModal title={correcting ? 'Correct the submission' : 'Mark the REMS form submitted'} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack gap="sm">
          <Text size="sm">{form.patientName}, session of {formatDate(form.sessionDate)} (due {formatDate(form.dueOn)}).</Text>
          {error && !['submittedOn', 'submittedBy', 'confirmation', 'reason'].includes(error.field ?? '') && (
            <Alert color="red" variant="light" role="alert">{error.message}</Alert>
          )}
          <TextInput id="rems-submitted-on" type="date" label="Submitted on" value={on} onChange={(e) => setOn(e.currentTarget.value)} error={fieldError('submittedOn')} data-autofocus />
          <TextInput id="rems-submitted-by" label="Submitted by" value={by} onChange={(e) => setBy(e.currentTarget.value)} error={fieldError('submittedBy')} />
          <TextInput id="rems-confirmation" label="Confirmation (number or fax receipt)" value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={fieldError('confirmation')} />
          {correcting && (
            <TextInput id="rems-correction-reason" label="Reason for the correction" withAsterisk value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={busy}>{correcting ? 'Save correction' : 'Mark submitted'}</Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
