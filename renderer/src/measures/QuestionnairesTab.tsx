import { Badge, Button, Group, Menu, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { INSTRUMENT_IDS, INSTRUMENT_NAMES, type InstrumentId } from '../../../shared/measures';
import type { Patient } from '../../../shared/schemas/patient';
import type { Questionnaire } from '../../../shared/schemas/questionnaire';
import { useLoad } from '../api/useLoad';
import { useWorkspace } from '../app/workspace';
import { AppModal } from '../components/AppModal';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { formatDateTime } from '../format/dates';
import { BlankFormPrint } from './BlankFormPrint';
import { MODE_LABELS, allQuestions, answerLabel, draftOf, scoreActions, scoreLine } from './model';
import { PatientMode } from './PatientMode';
import { QuestionnaireEntryModal, type EntryTarget } from './QuestionnaireEntryModal';
import { RowActionButton } from '../components/RowActionButton';

/**
 * The chart's Questionnaires tab: every PHQ-9, GAD-7 and ASQ of the patient,
 * corrected ones included and marked, each openable to its answers; and the
 * ways to take one: read aloud, patient mode, a blank paper form and typing
 * that form in.
 */
export function QuestionnairesTab({ patient }: { patient: Patient }) {
  const list = useLoad('questionnaires.listForPatient', { patientId: patient.id }, patient.id);
  const settings = useLoad('settings.get', {}, 'settings');
  const [entry, setEntry] = useState<EntryTarget | null>(null);
  const [patientMode, setPatientMode] = useState<InstrumentId | null>(null);
  const [confirmPatientMode, setConfirmPatientMode] = useState<InstrumentId | null>(null);
  const [printing, setPrinting] = useState<InstrumentId | null>(null);
  const [viewing, setViewing] = useState<Questionnaire | null>(null);
  // Patient mode ends locked: the list is read again once a clinician is back.
  const [afterPatientMode, setAfterPatientMode] = useState<{ saved: boolean } | null>(null);
  const { auth } = useWorkspace();
  const reload = list.reload;
  const sawLock = useRef(false);
  useEffect(() => {
    if (!afterPatientMode) return;
    if (auth?.phase === 'locked') sawLock.current = true;
    if (!sawLock.current || auth?.phase !== 'signed-in') return;
    sawLock.current = false;
    reload();
    if (!afterPatientMode.saved) notifications.show({ color: 'yellow', title: 'Patient mode ended', message: 'Nothing was saved.' });
    setAfterPatientMode(null);
  }, [afterPatientMode, auth?.phase, reload]);

  if (list.loaded.state === 'loading') return <CenteredLoader label="Loading questionnaires" />;
  if (list.loaded.state === 'failed') return <LoadError title="Questionnaires could not be loaded" error={list.loaded.error} onRetry={list.reload} />;
  // Newest first; a correction (same time taken, entered later) above the entry it corrects.
  const all = [...list.loaded.data].sort((x, y) => y.takenAt.localeCompare(x.takenAt) || y.recordedAt.localeCompare(x.recordedAt));
  const byId = new Map(all.map((q) => [q.id, q]));

  const saved = (q: Questionnaire) => {
    setEntry(null);
    setViewing(null);
    list.reload();
    notifications.show({ color: 'clinic', title: `${INSTRUMENT_NAMES[q.instrument]} saved`, message: scoreLine(q.score) });
  };

  const menu = (label: string, pick: (i: InstrumentId) => void, testId: string) => (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button variant="default" data-testid={testId}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {INSTRUMENT_IDS.map((i) => (
          <Menu.Item key={i} onClick={() => pick(i)}>
            {INSTRUMENT_NAMES[i]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Stack gap="md" data-testid="questionnaires-tab">
      <Paper withBorder p="md">
        <Group gap="xs">
          {INSTRUMENT_IDS.map((i) => (
            <Button key={i} onClick={() => setEntry({ kind: 'new', instrument: i, mode: 'read-aloud' })}>
              Enter {INSTRUMENT_NAMES[i]} (read aloud)
            </Button>
          ))}
          {menu('Patient mode…', setConfirmPatientMode, 'start-patient-mode')}
          {menu('Print blank form…', setPrinting, 'print-blank-form')}
          {menu('Type in paper form…', (i) => setEntry({ kind: 'new', instrument: i, mode: 'paper' }), 'type-paper-form')}
        </Group>
      </Paper>

      <Title order={2} size="h4">
        Questionnaires
      </Title>
      {all.length === 0 ? (
        <Text c="dimmed">No questionnaires yet.</Text>
      ) : (
        <Table verticalSpacing="xs" aria-label="Questionnaires" data-testid="questionnaire-list" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Taken</Table.Th>
              <Table.Th scope="col">Questionnaire</Table.Th>
              <Table.Th scope="col">Result</Table.Th>
              <Table.Th scope="col">How</Table.Th>
              <Table.Th scope="col">Entered by</Table.Th>
              <Table.Th scope="col">Self-completed</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Answers</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {all.map((q) => (
              <Table.Tr key={q.id} data-testid="questionnaire-row" c={q.amendedById ? 'dimmed' : undefined}>
                <Table.Td>{formatDateTime(q.takenAt)}</Table.Td>
                <Table.Td>
                  {INSTRUMENT_NAMES[q.instrument]}
                  {q.amendedById && (
                    <Badge ml={6} size="sm" color="gray" variant="light" c="gray.8">
                      Corrected
                    </Badge>
                  )}
                  {q.amendsId && (
                    <Badge ml={6} size="sm" color="blue" variant="light" c="blue.9">
                      Correction
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td style={q.amendedById ? { textDecoration: 'line-through' } : undefined}>{scoreLine(q.score)}</Table.Td>
                <Table.Td>{MODE_LABELS[q.mode]}</Table.Td>
                <Table.Td>{q.enteredByName}</Table.Td>
                <Table.Td>{q.selfCompleted ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>
                  <RowActionButton label="Answers" row={`${INSTRUMENT_NAMES[q.instrument]} ${formatDateTime(q.takenAt)}`} variant="subtle" onClick={() => setViewing(q)} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {viewing && (
        <AnswersModal
          questionnaire={viewing}
          amends={viewing.amendsId ? (byId.get(viewing.amendsId) ?? null) : null}
          onClose={() => setViewing(null)}
          onCorrect={() => {
            setEntry({ kind: 'correct', questionnaire: viewing });
            setViewing(null);
          }}
        />
      )}
      {entry && <QuestionnaireEntryModal target={entry} patientId={patient.id} onClose={() => setEntry(null)} onSaved={saved} />}
      {confirmPatientMode && (
        <AppModal title={`Hand the device to the patient: ${INSTRUMENT_NAMES[confirmPatientMode]}`} onClose={() => setConfirmPatientMode(null)} size="md" centered>
          <Stack gap="sm">
            <Text size="sm">
              The chart is hidden and the patient answers one question at a time. When they finish, the answers are saved and the screen
              locks: a clinician signs in to go on.
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setConfirmPatientMode(null)}>
                Cancel
              </Button>
              <Button
                data-autofocus
                onClick={() => {
                  setPatientMode(confirmPatientMode);
                  setConfirmPatientMode(null);
                }}
              >
                Start patient mode
              </Button>
            </Group>
          </Stack>
        </AppModal>
      )}
      {patientMode && (
        <PatientMode
          instrument={patientMode}
          patientId={patient.id}
          onEnded={(saved) => {
            setPatientMode(null);
            setAfterPatientMode({ saved });
          }}
        />
      )}
      {printing && settings.loaded.state === 'ready' && (
        <BlankFormPrint instrument={printing} patient={patient} settings={settings.loaded.data} onClose={() => setPrinting(null)} />
      )}
    </Stack>
  );
}

/** One questionnaire's answers, who entered them, how and when, and what it corrects or was corrected by. */
function AnswersModal({ questionnaire: q, amends, onClose, onCorrect }: {
  questionnaire: Questionnaire;
  amends: Questionnaire | null;
  onClose: () => void;
  onCorrect: () => void;
}) {
  const draft = draftOf(q.answers);
  const actions = scoreActions(q.score);
  return (
    <AppModal title={`${INSTRUMENT_NAMES[q.instrument]} of ${formatDateTime(q.takenAt)}`} onClose={onClose} size="xl">
      <Stack gap="sm" data-testid="questionnaire-answers">
        <Text size="sm">
          {MODE_LABELS[q.mode]} · self-completed: {q.selfCompleted ? 'yes' : 'no'} · entered by {q.enteredByName} on {formatDateTime(q.recordedAt)}
        </Text>
        {amends && (
          <Text size="sm">
            Corrects the entry of {formatDateTime(amends.recordedAt)} by {amends.enteredByName}. Reason: {q.amendmentReason}
          </Text>
        )}
        {q.amendedById && <Text size="sm" fw={600}>Corrected by a later entry; this one no longer counts.</Text>}
        <Text fw={600}>{scoreLine(q.score)}</Text>
        {actions.map((a) => (
          <Text key={a} size="sm" c="red.9">
            {a}
          </Text>
        ))}
        <Table aria-label="Answers" verticalSpacing={4}>
          <Table.Tbody>
            {allQuestions(q.instrument).map((question) => (
              <Table.Tr key={question.key}>
                <Table.Th scope="row" fw={400}>
                  {question.number ? `${question.number}. ` : ''}
                  {question.text}
                </Table.Th>
                <Table.Td>
                  {answerLabel(question, draft.answers[question.key])}
                  {draft.details[question.key] ? `: ${draft.details[question.key]}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          {!q.amendedById && <Button onClick={onCorrect}>Correct this entry…</Button>}
        </Group>
      </Stack>
    </AppModal>
  );
}
