import { Alert, Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { buildPrintout } from '../../../shared/printouts/build';
import { CONSENT_FORM, consentFormLabel } from '../../../shared/printouts/consent';
import { DOCUMENTS } from '../../../shared/printouts/documents';
import type { PlannedTreatment } from '../../../shared/printouts/input';
import { DOCUMENT_IDS, type ChartDocumentId } from '../../../shared/printouts/model';
import { fromSessionRecord } from '../../../shared/printouts/session-record';
import { TREATMENT_WORDS } from '../../../shared/printouts/treatment';
import type { ResponseOf } from '../../../shared/contract';
import type { Patient } from '../../../shared/schemas/patient';
import { consentRecordedMeaning } from '../../../shared/auth/meanings';
import { call } from '../api/client';
import { useSignature } from '../app/signature';
import { useLoad } from '../api/useLoad';
import { useNavigation } from '../app/navigation';
import { useKeptState } from '../app/useKeptState';
import { useWorkspace } from '../app/workspace';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { clockOf, formatDateTime } from '../format/dates';
import { keptNextVisit, keptSessionChoice, takePendingOpen } from './kept';
import { missingClinicDetails, printInputFor } from './print-input';
import { PrintoutView } from './PrintoutView';
import { printSheet, type PrintAction } from './printing';

const TREATMENT_OPTIONS = (Object.keys(TREATMENT_WORDS) as PlannedTreatment[]).map((value) => ({
  value,
  label: TREATMENT_WORDS[value].label,
}));

/**
 * The chart's Printouts tab: the four documents for this patient, each with
 * Preview, Print and Save as PDF, and the consents printing has recorded.
 */
export function PrintoutsPanel({ patient }: { patient: Patient }) {
  const { current } = useWorkspace();
  const { navigate } = useNavigation();
  const settings = useLoad('settings.get', {}, 'settings');
  const consents = useLoad('consents.listForPatient', { patientId: patient.id }, patient.id);
  const screenings = useLoad('screenings.listForPatient', { patientId: patient.id }, patient.id);
  const [chosenTreatment, setChosenTreatment] = useState<PlannedTreatment | null>(null);
  const [nextVisit, setNextVisit] = useKeptState(keptNextVisit, patient.id, () => '');
  const [open, setOpen] = useState<{ document: ChartDocumentId; action: PrintAction | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const { sign, signing, dialog: signatureDialog } = useSignature();
  const sessions = useLoad('sessions.listForPatient', { patientId: patient.id }, patient.id);
  const [sessionId, setSessionId] = useKeptState(keptSessionChoice, patient.id, () => BLANK_SESSION);
  const record = useSessionRecord(sessionId);
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
    return { input, printout: buildPrintout(open.document, input, { nextVisit, session }) };
  }, [open, settings.loaded, patient, current, treatment, onDay, nextVisit, record, sessionId]);

  const reloadConsents = consents.reload;
  const perform = useCallback(
    async (action: PrintAction, root: HTMLElement | null) => {
      if (!open) return;
      setBusy(true);
      try {
        if (open.document === 'consent') {
          // Recording the consent is signed; without the signature nothing is recorded or printed.
          const consent = { patientId: patient.id, formVersion: CONSENT_FORM.version, plannedTreatment: treatment };
          const recorded = await sign([consentRecordedMeaning(consent)], (signature) => call('consents.record', { ...consent, signature }));
          if (!recorded) return;
          if (!recorded.ok) {
            notifications.show({ color: 'red', title: 'Consent not recorded, so not printed', message: recorded.error.message });
            return;
          }
          reloadConsents();
          notifications.show({
            color: 'clinic',
            title: 'Consent recorded',
            message: `${consentFormLabel()}, ${TREATMENT_WORDS[treatment].label}.`,
          });
        }
        const result = await printSheet({ document: open.document, patientId: patient.id, mrn: patient.mrn, onDay, action }, root);
        if (!result.ok) notifications.show({ color: 'red', title: 'Not printed', message: result.error.message });
        else if (result.data?.outcome === 'saved') notifications.show({ color: 'clinic', title: 'PDF saved', message: result.data.fileName });
      } finally {
        setBusy(false);
      }
    },
    [open, patient.id, patient.mrn, treatment, onDay, reloadConsents, sign],
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
        {record.state === 'failed' && (
          <LoadError title="The session record could not be loaded" error={record.error} />
        )}
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
                    <Button variant="default" size="xs" onClick={() => setOpen({ document: id, action: null })}>
                      Preview<VisuallyHidden> {DOCUMENTS[id].title}</VisuallyHidden>
                    </Button>
                    <Button size="xs" onClick={() => setOpen({ document: id, action: 'print' })}>
                      Print<VisuallyHidden> {DOCUMENTS[id].title}</VisuallyHidden>
                    </Button>
                    <Button variant="default" size="xs" onClick={() => setOpen({ document: id, action: 'save-pdf' })}>
                      Save as PDF<VisuallyHidden> {DOCUMENTS[id].title}</VisuallyHidden>
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt="sm">
          Figures come from KetaDesk’s clinical reference, with their sources on each sheet.
        </Text>
      </Paper>
      <ConsentsOnFile loaded={consents.loaded} onRetry={consents.reload} />
      {open && printout && (
        <PrintoutView
          key={open.document}
          printout={printout.printout}
          clinic={printout.input.clinic}
          initialAction={open.action}
          busy={busy}
          onAction={(action, root) => void perform(action, root)}
          // Escape while signing cancels only the signature.
          onClose={() => !signing && setOpen(null)}
        />
      )}
      {signatureDialog}
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

function ConsentsOnFile({ loaded, onRetry }: { loaded: ReturnType<typeof useLoad<'consents.listForPatient'>>['loaded']; onRetry: () => void }) {
  return (
    <Paper withBorder p="md" aria-labelledby="consents-title" component="section">
      <Title order={2} size="h3" id="consents-title" mb="xs">
        Consents on file
      </Title>
      {loaded.state === 'loading' && <CenteredLoader label="Loading consents" />}
      {loaded.state === 'failed' && <LoadError title="Consents could not be loaded" error={loaded.error} onRetry={onRetry} />}
      {loaded.state === 'ready' &&
        (loaded.data.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-consents">
            No consent recorded yet. Printing the consent form records one, for the current form version ({CONSENT_FORM.version}).
          </Text>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {loaded.data.map((c) => (
              <Group key={c.id} component="li" gap="sm" data-testid="consent-entry" wrap="nowrap">
                <Badge variant="light" color={c.current ? 'clinic' : 'gray'} c={c.current ? undefined : 'gray.8'}>
                  {c.current ? 'Current form' : 'Older form'}
                </Badge>
                <Text size="sm">
                  {consentFormLabel(c.formVersion, c.formDate)} · {TREATMENT_WORDS[c.plannedTreatment].label} · printed and recorded by{' '}
                  {c.recordedByName}, {formatDateTime(c.recordedAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        ))}
    </Paper>
  );
}
