import { Alert, Anchor, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { buildPrintout } from '../../../shared/printouts/build';
import { consentIndicationOf } from '../../../shared/printouts/consent-indication';
import { DOCUMENTS } from '../../../shared/printouts/documents';
import { SIDE_EFFECTS_CHECK } from '../../../shared/printouts/evidence';
import type { PlannedTreatment } from '../../../shared/printouts/input';
import { DOCUMENT_IDS, type ChartDocumentId } from '../../../shared/printouts/model';
import { fromSessionRecord } from '../../../shared/printouts/session-record';
import { TREATMENT_OPTIONS, TREATMENT_WORDS } from '../../../shared/printouts/treatment';
import type { ResponseOf } from '../../../shared/contract';
import type { Patient } from '../../../shared/schemas/patient';
import { call } from '../api/client';
import { useLoad } from '../api/useLoad';
import { useNavigation } from '../app/navigation';
import { useKeptState } from '../app/useKeptState';
import { useWorkspace } from '../app/workspace';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { clockOf, formatDateTime } from '../format/dates';
import { useTrend } from '../measures/trend/useTrend';
import { keptNextVisit, keptSessionChoice, takePendingOpen } from './kept';
import { missingClinicDetails, printInputFor } from './print-input';
import { ConsentAnswers } from './ConsentAnswers';
import { PrintoutView } from './PrintoutView';
import { printSheet, type PrintAction } from './printing';
import { useRemsStatus } from './useRemsStatus';
import { RowActionButton } from '../components/RowActionButton';

/**
 * The chart's Printouts tab: the documents for this patient, each with
 * Preview, Print and Save as PDF, and the patient's consent answers.
 */
export function PrintoutsPanel({ patient }: { patient: Patient }) {
  const { current } = useWorkspace();
  const { navigate } = useNavigation();
  const settings = useLoad('settings.get', {}, 'settings');
  const consents = useLoad('consents.listForPatient', { patientId: patient.id }, patient.id);
  const screenings = useLoad('screenings.listForPatient', { patientId: patient.id }, patient.id);
  const courses = useLoad('courses.listForPatient', { patientId: patient.id }, patient.id);
  const [chosenTreatment, setChosenTreatment] = useState<PlannedTreatment | null>(null);
  const [nextVisit, setNextVisit] = useKeptState(keptNextVisit, patient.id, () => '');
  const [open, setOpen] = useState<{ document: ChartDocumentId; action: PrintAction | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [printedConsent, setPrintedConsent] = useState(false);
  const sessions = useLoad('sessions.listForPatient', { patientId: patient.id }, patient.id);
  const [sessionId, setSessionId] = useKeptState(keptSessionChoice, patient.id, () => BLANK_SESSION);
  const record = useSessionRecord(sessionId);
  const esketamineSession = record.state === 'ready' && record.data.session.route === 'esketamine-nasal' ? record.data.session.id : null;
  const rems = useRemsStatus(esketamineSession);
  const progress = useTrend(patient.id);
  const onDay = localIsoDate();

  // "Print monitoring record…" on a session opens that session's record here.
  useEffect(() => {
    const document = takePendingOpen(patient.id);
    if (document) setOpen({ document, action: null });
  }, [patient.id]);

  const screened =
    screenings.loaded.state === 'ready'
      ? screenings.loaded.data.find((s) => s.status === 'signed' && !s.amendedById)?.case.plannedTreatment
      : undefined;
  const treatment: PlannedTreatment = chosenTreatment ?? screened ?? 'iv-ketamine';

  const printout = useMemo(() => {
    if (!open || settings.loaded.state !== 'ready') return null;
    // The monitoring record of a recorded session is of that session's treatment and day.
    const ofSession = open.document === 'monitoring-record' && record.state === 'ready' ? record.data : null;
    if (open.document === 'monitoring-record' && sessionId !== BLANK_SESSION && !ofSession) return null;
    const input = printInputFor(
      patient, settings.loaded.data, current, ofSession?.session.route ?? treatment, ofSession?.session.date ?? onDay,
    );
    const session = ofSession ? fromSessionRecord(ofSession, clockOf) : null;
    // An esketamine session's record prints its REMS form's status, so it waits for it.
    if (ofSession && esketamineSession && rems.state !== 'ready') return null;
    // The progress sheet waits for the scores rather than print "no scores yet".
    if (open.document === 'progress' && progress.state !== 'ready') return null;
    const trend = progress.state === 'ready' ? progress.trend : null;
    // The consent names what the course is for, so it waits for the courses; without one it reads as before.
    if (open.document === 'consent' && courses.loaded.state === 'loading') return null;
    const indication = courses.loaded.state === 'ready' ? consentIndicationOf(courses.loaded.data, treatment) : null;
    return { input, printout: buildPrintout(open.document, input, {
      nextVisit, session, trend, indication, rems: rems.state === 'ready' ? rems.status : null,
    }) };
  }, [open, settings.loaded, patient, current, treatment, onDay, nextVisit, record, sessionId, progress, esketamineSession, rems, courses.loaded]);

  const perform = useCallback(
    async (action: PrintAction, root: HTMLElement | null) => {
      if (!open) return;
      setBusy(true);
      try {
        const result = await printSheet({ document: open.document, patientId: patient.id, mrn: patient.mrn, onDay, action }, root);
        if (!result.ok) notifications.show({ color: 'red', title: 'Not printed', message: result.error.message });
        else if (result.data?.outcome === 'saved') notifications.show({ color: 'clinic', title: 'PDF saved', message: result.data.fileName });
        // Printing records nothing: the patient's answer is recorded once they have signed or declined.
        if (result.ok && open.document === 'consent') setPrintedConsent(true);
      } finally {
        setBusy(false);
      }
    },
    [open, patient.id, patient.mrn, onDay],
  );

  if (settings.loaded.state === 'loading') return <CenteredLoader label="Loading printouts" />;
  if (settings.loaded.state === 'failed') {
    return <LoadError title="Clinic settings could not be loaded" error={settings.loaded.error} onRetry={settings.reload} />;
  }
  const missing = missingClinicDetails(settings.loaded.data);
  const paper = settings.loaded.data.paperSize === 'letter' ? 'US Letter' : 'A4';

  return (
    <Stack gap="md" data-testid="printouts-panel">
      <Paper withBorder p="md">
        <Group align="flex-end" gap="md" mb="md">
          <Select
            label="Planned treatment"
            description={screened ? 'From the latest signed screening' : 'No signed screening: choose'}
            data={TREATMENT_OPTIONS}
            value={treatment}
            onChange={(v) => v && setChosenTreatment(v as PlannedTreatment)}
            allowDeselect={false}
            w={320}
          />
          <TextInput
            label="Next visit"
            description="Printed on the aftercare sheet; leave blank to write it by hand"
            placeholder="e.g. Tuesday 1 December, 09:30"
            value={nextVisit}
            onChange={(e) => setNextVisit(e.currentTarget.value)}
            maxLength={80}
            w={340}
          />
          <Select
            label="Session for the monitoring record"
            description="A recorded session prints filled in"
            data={[
              { value: BLANK_SESSION, label: 'Blank form, to fill in by hand' },
              ...(sessions.loaded.state === 'ready'
                ? sessions.loaded.data.map((s) => ({
                    value: s.id,
                    label: `${formatDateTime(s.startedAt)} · ${TREATMENT_WORDS[s.route].Drug}${s.status === 'open' ? ' · open' : ''}`,
                  }))
                : []),
            ]}
            value={sessionId}
            onChange={(v) => setSessionId(v ?? BLANK_SESSION)}
            allowDeselect={false}
            w={320}
          />
        </Group>
        {progress.state === 'failed' && (
          <LoadError title="The PHQ-9 and GAD-7 scores could not be loaded" error={progress.error} onRetry={progress.retry} />
        )}
        {record.state === 'failed' && (
          <LoadError title="The session record could not be loaded" error={record.error} />
        )}
        {courses.loaded.state === 'failed' && (
          <LoadError title="The treatment courses could not be loaded" error={courses.loaded.error} onRetry={courses.reload} />
        )}
        {rems.state === 'failed' && <LoadError title="The session’s REMS form could not be loaded" error={rems.error} />}
        <Text size="sm" c="dimmed" mb="sm">
          Sheets are dated today and laid out for {paper} paper.
        </Text>
        {missing.length > 0 && (
          <Alert color="yellow" variant="light" mb="sm" title="Clinic details not set">
            <Text size="sm">
              The sheets print a blank line for the {missing.join(', ')}.{' '}
              <Anchor component="button" type="button" size="sm" onClick={() => navigate({ name: 'settings' })}>
                Open settings
              </Anchor>
            </Text>
          </Alert>
        )}
        <Table verticalSpacing="sm" aria-label="Printouts">
          <Table.Tbody>
            {DOCUMENT_IDS.map((id) => (
              <Table.Tr key={id} data-testid={`printout-${id}`}>
                <Table.Td>
                  <Text fw={600}>{DOCUMENTS[id].title}</Text>
                  <Text size="sm" c="dimmed">
                    {DOCUMENTS[id].purpose}
                  </Text>
                </Table.Td>
                <Table.Td w={330}>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <RowActionButton label="Preview" row={DOCUMENTS[id].title} size="xs" onClick={() => setOpen({ document: id, action: null })} />
                    <RowActionButton label="Print" row={DOCUMENTS[id].title} size="xs" variant="filled" onClick={() => setOpen({ document: id, action: 'print' })} />
                    <RowActionButton label="Save as PDF" row={DOCUMENTS[id].title} size="xs" onClick={() => setOpen({ document: id, action: 'save-pdf' })} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="sm" data-testid="figures-note">
          Figures come from KetaDesk’s clinical reference, with their sources on each sheet. {SIDE_EFFECTS_CHECK.note}
        </Text>
      </Paper>
      <ConsentAnswers
        patientId={patient.id}
        treatment={treatment}
        loaded={consents.loaded}
        onRetry={consents.reload}
        onChanged={consents.reload}
        printedForm={printedConsent}
      />
      {open && printout && (
        <PrintoutView
          key={open.document}
          printout={printout.printout}
          clinic={printout.input.clinic}
          initialAction={open.action}
          busy={busy}
          onAction={(action, root) => void perform(action, root)}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}

const BLANK_SESSION = 'blank';

/** The session feature's printable record of one session, loaded when one is chosen. */
function useSessionRecord(sessionId: string) {
  type Record = ResponseOf<'sessions.record'>;
  const [state, setState] = useState<
    { state: 'none' } | { state: 'loading' } | { state: 'ready'; data: Record } | { state: 'failed'; error: { code: 'internal'; message: string } }
  >({ state: 'none' });
  useEffect(() => {
    if (sessionId === BLANK_SESSION) return setState({ state: 'none' });
    let live = true;
    setState({ state: 'loading' });
    void call('sessions.record', { id: sessionId }).then((result) => {
      if (!live) return;
      setState(result.ok ? { state: 'ready', data: result.data } : { state: 'failed', error: { code: 'internal', message: result.error.message } });
    });
    return () => {
      live = false;
    };
  }, [sessionId]);
  return state;
}
