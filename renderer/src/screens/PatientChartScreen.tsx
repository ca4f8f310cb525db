import { CourseTab } from '../course/CourseTab';
import { Badge, Button, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import type { Patient } from '../../../shared/schemas/patient';
import { useLoad } from '../api/useLoad';
import { useNavigation, type ChartTab } from '../app/navigation';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { PatientHistory } from '../components/PatientHistory';
import { signedHistory } from '../format/history';
import { PatientRecordDetails } from '../components/PatientRecordDetails';
import { PatientSummaryCard } from '../components/PatientSummaryCard';
import { ScreenHeader } from '../components/ScreenHeader';
import { AmendPatientModal } from '../forms/AmendPatientModal';
import { ExportButton } from '../export/ExportButton';
import { ProgressTab } from '../measures/trend/ProgressTab';
import { QuestionnairesTab } from '../measures/QuestionnairesTab';
import { PrintoutsPanel } from '../printouts/PrintoutsPanel';
import { RemsEnrollmentPanel } from '../rems/RemsEnrollmentPanel';
import { ScreeningTab } from '../screening/ScreeningTab';
import { keptSessionId, SessionsTab } from '../session/SessionsTab';

interface ChartTabPanel {
  value: ChartTab;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * A patient's chart: the summary card on top, then one tab per part of the
 * chart. Screenings, sessions and printouts each add a tab to `tabs` below.
 */
export function PatientChartScreen({ patientId, tab = 'record' }: { patientId: string; tab?: ChartTab }) {
  const { navigate } = useNavigation();
  const patient = useLoad('patients.get', { id: patientId }, patientId);
  const history = useLoad('patients.history', { id: patientId }, patientId);
  const [amending, setAmending] = useState(false);
  // The tab is in the address; the Sessions tab returns to the session it last showed.
  const setTab = (next: string | null) => {
    const t = (next ?? 'record') as ChartTab;
    const sessionId = t === 'sessions' ? keptSessionId(patientId) : null;
    navigate({ name: 'patient', id: patientId, tab: t, ...(sessionId ? { sessionId } : {}) });
  };

  const crumbs = (name: string) => [{ label: 'Patients', route: { name: 'patients' as const } }, { label: name }];

  if (patient.loaded.state === 'loading') return <CenteredLoader label="Loading chart" />;
  if (patient.loaded.state === 'failed') {
    return (
      <>
        <ScreenHeader crumbs={crumbs('Chart')} title="Chart" />
        <LoadError title="This chart could not be opened" error={patient.loaded.error} onRetry={patient.reload} />
      </>
    );
  }
  const p = patient.loaded.data;

  const onAmended = (updated: Patient) => {
    setAmending(false);
    patient.setLoaded({ state: 'ready', data: updated });
    history.reload();
    notifications.show({ color: 'clinic', title: 'Amendment saved', message: `${updated.legalName}’s record was updated.` });
  };

  const entries = history.loaded.state === 'ready' ? history.loaded.data : [];
  const tabs: ChartTabPanel[] = [
    {
      value: 'record', label: 'Record',
      panel: <><PatientRecordDetails patient={p} /><RemsEnrollmentPanel patientId={p.id} onChanged={history.reload} /></>,
    },
    { value: 'screening', label: 'Screening', panel: <ScreeningTab patient={p} /> },
    { value: 'course', label: 'Course', panel: <CourseTab patient={p} /> },
    { value: 'sessions', label: 'Sessions', panel: <SessionsTab patient={p} onOpenTab={setTab} /> },
    { value: 'questionnaires', label: 'Questionnaires', panel: <QuestionnairesTab patient={p} /> },
    { value: 'progress', label: 'Progress', panel: <ProgressTab patientId={p.id} /> },
    { value: 'printouts', label: 'Printouts', panel: <PrintoutsPanel patient={p} /> },
    {
      value: 'history',
      label: (
        <>
          History{' '}
          {entries.length > 0 && (
            <Badge size="xs" variant="light" color="gray" ml={4} c="gray.8">
              {signedHistory(entries).length}
            </Badge>
          )}
        </>
      ),
      panel:
        history.loaded.state === 'failed' ? (
          <LoadError title="History could not be loaded" error={history.loaded.error} onRetry={history.reload} />
        ) : history.loaded.state === 'loading' ? (
          <CenteredLoader label="Loading history" />
        ) : (
          <PatientHistory entries={entries} />
        ),
    },
  ];

  return (
    <Stack gap="md">
      <ScreenHeader
        crumbs={crumbs(p.legalName)}
        title={p.legalName}
        subtitle={
          p.preferredName ? (
            <Text size="lg" c="dimmed" data-testid="preferred-name">
              “{p.preferredName}”
            </Text>
          ) : null
        }
        actions={
          <>
            <Button variant="default" onClick={() => navigate({ name: 'patients' })}>
              Back to patients
            </Button>
            <ExportButton channel="export.fhirPatient" input={{ patientId: p.id }} label="Export (FHIR)" variant="default" />
            <Button onClick={() => setAmending(true)}>Amend record</Button>
          </>
        }
      />
      <PatientSummaryCard patient={p} />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List aria-label="Chart sections">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="sm">
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
      {amending && (
        <AmendPatientModal
          patient={p}
          onClose={() => setAmending(false)}
          onAmended={onAmended}
          onReloadLatest={() => {
            setAmending(false);
            patient.reload();
            history.reload();
          }}
        />
      )}
    </Stack>
  );
}
