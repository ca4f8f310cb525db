import { Alert, Button, CloseButton, FileButton, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import type { ResponseOf } from '../../../shared/contract';
import type { ApiError } from '../../../shared/result';
import type { Patient } from '../../../shared/schemas/patient';
import type { Screening } from '../../../shared/schemas/screening';
import { PLANNED_TREATMENTS } from '../../../shared/screening';
import { call } from '../api/client';
import { useLoad, type Loaded } from '../api/useLoad';
import { NotAllowed, useCan } from '../app/useCan';
import { useKeptState } from '../app/useKeptState';
import { useWorkspace } from '../app/workspace';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { formatDateTime } from '../format/dates';
import { VerdictBadge } from './badges';
import { downloadText } from './download';
import { PLANNED_TREATMENT_LABELS, currentScreening, type PlannedTreatment } from './model';
import { ScreeningEditor } from './ScreeningEditor';
import { ScreeningList } from './ScreeningList';
import { SignedScreeningView } from './SignedScreeningView';
import classes from './Screening.module.css';

type View = { kind: 'list' } | { kind: 'draft'; id: string } | { kind: 'signed'; id: string };

/** Where each chart's screening tab was, so coming back to the tab returns to the same place. */
const lastView = new Map<string, View>();

/**
 * The chart's Screening tab: the patient's screenings, and from there the
 * checklist of a draft, or a signed screening read-only.
 */
export function ScreeningTab({ patient }: { patient: Patient }) {
  const { current } = useWorkspace();
  const list = useLoad('screenings.listForPatient', { patientId: patient.id }, patient.id);
  const settings = useLoad('settings.get', {}, 'settings');
  const [view, setViewState] = useKeptState<View>(lastView, patient.id, () => ({ kind: 'list' }));
  const canEdit = useCan('screenings.save');

  const setView = (next: View) => {
    setViewState(next);
    if (next.kind === 'list') list.reload();
  };

  const validityDays = settings.loaded.state === 'ready' ? settings.loaded.data.screeningValidityDays : null;
  const screenings = list.loaded.state === 'ready' ? list.loaded.data : [];

  if (!current) return null;

  if (view.kind === 'draft' && !canEdit.allowed) {
    return (
      <Alert color="gray" variant="light" title="Screenings are edited by prescribers and nurses" data-testid="screening-read-only">
        <Text size="sm">{canEdit.reason}</Text>
        <Button size="xs" variant="default" mt="xs" onClick={() => setView({ kind: 'list' })}>
          Back to screenings
        </Button>
      </Alert>
    );
  }

  if (view.kind === 'draft') {
    return (
      <DraftLoader
        id={view.id}
        onGone={() => setView({ kind: 'list' })}
        render={(draft) => (
            <ScreeningEditor
              key={draft.id}
              draft={draft}
              patient={patient}
              clinician={current}
              amends={draft.amendsId ? (screenings.find((s) => s.id === draft.amendsId) ?? null) : null}
              validityDays={validityDays}
              onBack={() => setView({ kind: 'list' })}
              onSigned={(signed) => {
                notifications.show({
                  color: 'clinic',
                  title: 'Screening signed',
                  message: `Signed as ${signed.result.verdict}; valid until ${formatDateTime(signed.signature!.expiresAt)}.`,
                });
                list.reload();
                setView({ kind: 'signed', id: signed.id });
              }}
              onDiscarded={() => {
                notifications.show({ color: 'gray', title: 'Draft discarded', message: 'The draft left the chart; it stays in the audit log.' });
                setView({ kind: 'list' });
              }}
            />
        )}
      />
    );
  }

  if (view.kind === 'signed') {
    return (
      <SignedLoader
        id={view.id}
        others={screenings}
        onBack={() => setView({ kind: 'list' })}
        onOpen={(s) => setView(s.status === 'draft' ? { kind: 'draft', id: s.id } : { kind: 'signed', id: s.id })}
        onAmending={(draft) => {
          list.reload();
          setView({ kind: 'draft', id: draft.id });
        }}
      />
    );
  }

  return (
    <ScreeningOverview
      patient={patient}
      loaded={list.loaded}
      reload={list.reload}
      validityDays={validityDays}
      onOpen={(s) => setView(s.status === 'draft' ? { kind: 'draft', id: s.id } : { kind: 'signed', id: s.id })}
    />
  );
}

function DraftLoader({ id, render, onGone }: { id: string; render: (s: Screening) => ReactNode; onGone: () => void }) {
  const draft = useLoad('screenings.get', { id }, id);
  if (draft.loaded.state === 'loading') return <CenteredLoader label="Loading the draft" />;
  if (draft.loaded.state === 'failed') {
    return <LoadError title="The draft could not be opened" error={draft.loaded.error} onRetry={draft.reload} />;
  }
  if (draft.loaded.data.status !== 'draft') {
    return (
      <Alert color="gray" variant="light" title="This draft is no longer open">
        <Text size="sm">It was {draft.loaded.data.status} elsewhere.</Text>
        <Button size="xs" variant="default" mt="xs" onClick={onGone}>
          Back to screenings
        </Button>
      </Alert>
    );
  }
  return <>{render(draft.loaded.data)}</>;
}

function SignedLoader({
  id, others, onBack, onOpen, onAmending,
}: {
  id: string;
  others: Screening[];
  onBack: () => void;
  onOpen: (s: Screening) => void;
  onAmending: (draft: Screening) => void;
}) {
  const loaded = useLoad('screenings.get', { id }, id);
  const canAmend = useCan('screenings.create');
  const [busy, setBusy] = useState<'amend' | 'export' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (loaded.loaded.state === 'loading') return <CenteredLoader label="Loading the screening" />;
  if (loaded.loaded.state === 'failed') {
    return <LoadError title="The screening could not be opened" error={loaded.loaded.error} onRetry={loaded.reload} />;
  }
  const s = loaded.loaded.data;

  const amend = async () => {
    setBusy('amend');
    setError(null);
    const r = await call('screenings.create', { patientId: s.patientId, plannedTreatment: s.case.plannedTreatment, amendsId: s.id });
    setBusy(null);
    if (r.ok) onAmending(r.data);
    else setError(r.error);
  };
  const exportJson = async () => {
    setBusy('export');
    setError(null);
    const r = await call('screenings.export', { id: s.id });
    setBusy(null);
    if (!r.ok) return setError(r.error);
    downloadText(r.data.fileName, r.data.json);
    notifications.show({ color: 'clinic', title: 'Exported', message: r.data.fileName });
  };

  return (
    <SignedScreeningView
      key={s.id}
      screening={s}
      others={others}
      onBack={onBack}
      onOpen={onOpen}
      onAmend={canAmend.allowed ? () => void amend() : null}
      onExport={() => void exportJson()}
      busy={busy}
      error={error}
    />
  );
}

function ScreeningOverview({
  patient, loaded, reload, validityDays, onOpen,
}: {
  patient: Patient;
  loaded: Loaded<ResponseOf<'screenings.listForPatient'>>;
  reload: () => void;
  validityDays: number | null;
  onOpen: (s: Screening) => void;
}) {
  const [busy, setBusy] = useState<'start' | 'import' | null>(null);
  const [error, setError] = useState<{ title: string; error: ApiError } | null>(null);
  const canScreen = useCan('screenings.create');

  if (loaded.state === 'loading') return <CenteredLoader label="Loading screenings" />;
  if (loaded.state === 'failed') {
    return <LoadError title="Screenings could not be loaded" error={loaded.error} onRetry={reload} />;
  }
  const screenings = loaded.data;
  const draft = screenings.find((s) => s.status === 'draft');
  const current = currentScreening(screenings);

  const start = async (plannedTreatment: PlannedTreatment) => {
    setBusy('start');
    setError(null);
    const r = await call('screenings.create', { patientId: patient.id, plannedTreatment });
    setBusy(null);
    if (r.ok) onOpen(r.data);
    else setError({ title: 'The screening could not be started', error: r.error });
  };

  const importFile = async (file: File | null) => {
    if (!file) return;
    setBusy('import');
    setError(null);
    let json: string;
    try {
      json = await file.text();
    } catch {
      setBusy(null);
      setError({ title: `${file.name} could not be imported`, error: { code: 'invalid-input', message: 'The file could not be read.' } });
      return;
    }
    const r = await call('screenings.import', { patientId: patient.id, json });
    setBusy(null);
    if (!r.ok) {
      setError({ title: `${file.name} could not be imported`, error: r.error });
      return;
    }
    notifications.show({ color: 'clinic', title: 'Screening imported', message: `${file.name} is now a draft: check every answer, then sign.` });
    onOpen(r.data);
  };

  return (
    <Stack gap="sm" data-testid="screening-overview">
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" wrap="nowrap" align="center">
          <div>
            <Title order={2} size="h3">
              Pre-treatment screening
            </Title>
            <Text size="sm" data-testid="screening-current">
              {current ? (
                <>
                  In force: <VerdictBadge verdict={current.result.verdict} /> signed {formatDateTime(current.signature!.signedAt)}{' '}
                  by {current.signature!.signedByName}, valid until {formatDateTime(current.signature!.expiresAt)}.
                  {current.signature!.overrideReason && (
                    <span className={classes.override} data-testid="current-override-reason">
                      <strong>Contraindication overridden:</strong> {current.signature!.overrideReason}
                    </span>
                  )}
                </>
              ) : (
                <Text span size="sm" fw={600}>
                  No valid signed screening: screen before treating.
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed" data-testid="validity-setting">
              A signed screening is valid for {validityDays ?? '…'} days (clinic setting, default 30 days).
            </Text>
          </div>
          {!canScreen.allowed ? (
            <NotAllowed permission={canScreen} />
          ) : (
            <Group gap="xs" wrap="nowrap">
              <FileButton onChange={(f) => void importFile(f)} accept="application/json,.json" inputProps={{ 'aria-label': 'Screening file to import', id: 'screening-import-file' }}>
                {(props) => (
                  <Button {...props} variant="default" loading={busy === 'import'}>
                    Import JSON
                  </Button>
                )}
              </FileButton>
              {draft ? (
                <Button onClick={() => onOpen(draft)}>Resume draft</Button>
              ) : (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button loading={busy === 'start'} rightSection={<span aria-hidden>▾</span>}>
                      Start screening
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown aria-label="Planned treatment">
                    <Menu.Label>Planned treatment</Menu.Label>
                    {PLANNED_TREATMENTS.map((t) => (
                      <Menu.Item key={t} onClick={() => void start(t)}>
                        {PLANNED_TREATMENT_LABELS[t]}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          )}
        </Group>
      </Paper>

      {error && (
        <Alert
          color="red"
          variant="light"
          title={error.title}
          role="alert"
          data-testid="screening-error"
          withCloseButton={false}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" data-testid="screening-error-message">
              {error.error.message}
            </Text>
            <CloseButton size="sm" aria-label="Dismiss" onClick={() => setError(null)} />
          </Group>
        </Alert>
      )}

      {screenings.length === 0 ? (
        <Paper withBorder p="lg" radius="md" ta="center" data-testid="no-screenings">
          <Text size="sm" c="dimmed">
            No screenings yet. Start one before the first treatment, or import a screening file.
          </Text>
        </Paper>
      ) : (
        <ScreeningList screenings={screenings} onOpen={onOpen} />
      )}
    </Stack>
  );
}
