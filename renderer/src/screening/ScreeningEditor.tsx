import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { ApiError } from '../../../shared/result';
import type { Clinician } from '../../../shared/schemas/clinician';
import type { Patient } from '../../../shared/schemas/patient';
import type { Screening } from '../../../shared/schemas/screening';
import { ITEMS, PLANNED_TREATMENTS, type ItemId } from '../../../shared/screening';
import { call } from '../api/client';
import { AppModal } from '../components/AppModal';
import { KeyHints } from '../components/KeyHints';
import { formatDateTime } from '../format/dates';
import { ChecklistPanel, focusItem } from './ChecklistPanel';
import { MedicationList } from './MedicationList';
import { PatientMedicinesOffer } from './PatientMedicinesOffer';
import {
  PLANNED_TREATMENT_SHORT, answersFromCase, firstMissing, progressText, liveResult, parseVitals, rawVitalsOf,
  withAnswer, type PlannedTreatment, type RawVitals, type VitalKey,
} from './model';
import { SaveStatusLine } from './SaveStatusLine';
import { SigningPanel } from './SigningPanel';
import { useDraftAutosave } from './useDraftAutosave';
import { VerdictBanner } from './VerdictBanner';
import { VitalsFields, vitalInputId } from './VitalsFields';
import classes from './Screening.module.css';

interface Props {
  draft: Screening;
  patient: Patient;
  clinician: Clinician;
  /** The signed screening this draft corrects, when it is an amendment. */
  amends: Screening | null;
  validityDays: number | null;
  onBack: () => void;
  onSigned: (signed: Screening) => void;
  onDiscarded: () => void;
}

/**
 * The checklist on the left; on the right the live verdict (sticky), baseline
 * vitals, medications and signing. Every change is saved as it is made.
 */
export function ScreeningEditor({ draft, patient, clinician, amends, validityDays, onBack, onSigned, onDiscarded }: Props) {
  const autosave = useDraftAutosave(draft);
  const { answers, setAnswers, status } = autosave;
  const [raw, setRaw] = useState<RawVitals>(() => rawVitalsOf(answers));
  const [whyOpen, setWhyOpen] = useState<ItemId | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [discardError, setDiscardError] = useState<ApiError | null>(null);
  const [discarding, setDiscarding] = useState(false);

  const today = localIsoDate();
  const result = useMemo(() => liveResult(answers, patient, today), [answers, patient, today]);
  const vitalErrors = useMemo(() => parseVitals(raw).errors, [raw]);

  const onVital = (key: VitalKey, value: string) => {
    const next = { ...raw, [key]: value };
    setRaw(next);
    const { vitals } = parseVitals(next);
    setAnswers((a) => (JSON.stringify(a.baselineVitals) === JSON.stringify(vitals) ? a : { ...a, baselineVitals: vitals }));
  };

  const jumpToMissing = () => {
    const first = firstMissing(result.missing);
    if (!first) return;
    if (first === 'baselineVitals') {
      const key: VitalKey = raw.systolic.trim() && !vitalErrors.systolic ? 'diastolic' : 'systolic';
      const input = document.getElementById(vitalInputId(key));
      input?.scrollIntoView({ block: 'center', behavior: 'instant' });
      input?.focus({ preventScroll: true });
    } else {
      focusItem(first, true);
    }
  };
  // No tags ignored: the checklist's answers are radio inputs, and Alt+M must work from them.
  useHotkeys([['alt+M', jumpToMissing, { usePhysicalKeys: true }]], []);

  const reloadFromServer = async (how: 'latest' | 'mine') => {
    const r = how === 'latest' ? await autosave.loadLatest() : await autosave.keepMine();
    if (r.ok && how === 'latest') setRaw(rawVitalsOf(answersFromCase(r.screening.case)));
  };

  const discard = async () => {
    setDiscarding(true);
    setDiscardError(null);
    const flushed = await autosave.flush();
    const version = flushed.ok ? flushed.screening.version : autosave.saved.version;
    const r = await call('screenings.discard', { id: draft.id, expectedVersion: version });
    setDiscarding(false);
    if (!r.ok) setDiscardError(r.error);
    else onDiscarded();
  };

  return (
    <Stack gap="sm" data-testid="screening-editor">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Anchor component="button" type="button" size="sm" onClick={onBack}>
            ‹ All screenings
          </Anchor>
          <Group gap="xs" align="baseline" wrap="nowrap">
            <Title order={2} size="h3">
              {draft.amendsId ? 'Amendment draft' : 'Screening draft'}
            </Title>
            <Text size="sm" c="dimmed" data-testid="draft-meta">
              started {formatDateTime(draft.createdAt)} by {draft.createdByName} · {progressText(patient, result.missing)}
            </Text>
          </Group>
          {amends?.signature && (
            <Text size="sm" data-testid="amends-note">
              Corrects the screening signed {formatDateTime(amends.signature.signedAt)} by {amends.signature.signedByName}.
            </Text>
          )}
        </div>
        <Button variant="default" size="xs" onClick={() => setConfirmDiscard(true)}>
          Discard draft
        </Button>
      </Group>

      {status.kind === 'conflict' && (
        <Alert color="orange" variant="light" title="This draft was changed elsewhere" role="alert" data-testid="save-conflict">
          <Text size="sm">{status.error.message} Your answers are still on this screen.</Text>
          <Group gap="xs" mt="xs">
            <Button size="xs" variant="default" onClick={() => void reloadFromServer('latest')}>
              Load the stored answers
            </Button>
            <Button size="xs" variant="default" onClick={() => void reloadFromServer('mine')}>
              Keep my answers
            </Button>
          </Group>
        </Alert>
      )}

      <div className={classes.layout}>
        <Stack gap={6} style={{ minWidth: 0 }}>
          <KeyHints
            id="checklist-keys"
            hints={[
              [['Y', 'N'], 'answer and go on'],
              [['0'], 'not asked'],
              [['↑', '↓'], 'question'],
              [['?'], 'why we ask'],
              [['Alt', 'M'], 'first missing'],
            ]}
          />
          <ChecklistPanel
            patient={patient}
            answers={answers}
            onAnswer={(id, answer) => setAnswers((a) => withAnswer(a, id, answer))}
            whyOpen={whyOpen}
            onWhy={setWhyOpen}
            onPastLast={jumpToMissing}
          />
        </Stack>

        <div className={classes.right}>
          {/* The verdict and whether it is saved stay in view while the checklist scrolls. */}
          <div className={classes.sticky}>
            <VerdictBanner result={result} live onJumpToMissing={jumpToMissing} />
            <div className={classes.saveBar}>
              <SaveStatusLine status={status} onRetry={() => void autosave.retryNow()} />
            </div>
          </div>

          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="screening-baseline-title">
            <h3 id="screening-baseline-title" className={classes.sectionTitle}>
              Treatment and baseline
            </h3>
            <Text size="xs" fw={600} id="screening-treatment-label" mb={2}>
              Planned treatment
            </Text>
            <SegmentedControl
              size="xs"
              fullWidth
              mb={8}
              aria-labelledby="screening-treatment-label"
              value={answers.plannedTreatment}
              onChange={(v) => setAnswers((a) => ({ ...a, plannedTreatment: v as PlannedTreatment }))}
              data={PLANNED_TREATMENTS.map((t) => ({ value: t, label: PLANNED_TREATMENT_SHORT[t] }))}
            />
            <VitalsFields raw={raw} errors={vitalErrors} onChange={onVital} />
          </Paper>

          <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="screening-meds-title">
            <h3 id="screening-meds-title" className={classes.sectionTitle}>
              Current medications
            </h3>
            <MedicationList
              medications={answers.medications ?? []}
              onChange={(medications) => setAnswers((a) => ({ ...a, medications }))}
            />
            <PatientMedicinesOffer patient={patient} medications={answers.medications ?? []} />
          </Paper>

          <SigningPanel
            draft={autosave.saved}
            result={result}
            clinician={clinician}
            validityDays={validityDays}
            signing={autosave.signing}
            onSigning={autosave.setSigning}
            flush={autosave.flush}
            onSigned={onSigned}
            onJumpToMissing={jumpToMissing}
          />
        </div>
      </div>

      {confirmDiscard && (
        <AppModal onClose={() => setConfirmDiscard(false)} title="Discard this draft?" size="sm" centered>
          <Text size="sm">
            The draft leaves the chart and cannot be signed. Its answers stay in the audit log. A new screening can be started
            afterwards.
          </Text>
          {discardError && (
            <Alert color="red" variant="light" mt="sm" role="alert">
              {discardError.message}
            </Alert>
          )}
          <Group justify="flex-end" mt="md" gap="xs">
            <Button variant="default" onClick={() => setConfirmDiscard(false)} data-autofocus>
              Keep the draft
            </Button>
            <Button color="red.8" loading={discarding} onClick={() => void discard()}>
              Discard draft
            </Button>
          </Group>
        </AppModal>
      )}
    </Stack>
  );
}
