import { Alert, Button, CloseButton, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { EMPTY_REMS_ANSWERS } from '../../../shared/rems/completeness';
import {
  CONCOMITANT_CLASSES, CONCOMITANT_LABELS, lotNumber, type ConcomitantAnswers, type RemsSessionAnswers, type RemsSessionView,
} from '../../../shared/rems/schemas';
import { call } from '../api/client';
import { clockOf } from '../format/dates';
import { ChoiceGroup } from '../session/ChoiceGroup';
import classes from '../session/Session.module.css';

const YES_NO = [{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }] as const;
const toChoice = (v: boolean | null) => (v === null ? null : v ? 'yes' : 'no');
export const REMS_LOT_INPUT_ID = 'rems-lot';

interface Props {
  sessionId: string;
  deviceCount: number;
  /** Called after each save, so the discharge readiness shows the new answers. */
  onSaved: () => void;
}

/**
 * The esketamine REMS form's answers, recorded at the chair: a lot number per
 * device (typed, or scanned by a scanner that types and presses Enter), the
 * four medicine classes pre-filled from the screening for the clinician to
 * confirm, vital signs acceptable before the dose and before the end, and the
 * minutes until the patient would have been ready to leave. Each change is saved at once.
 */
export function RemsSessionPanel({ sessionId, deviceCount, onSaved }: Props) {
  const [view, setView] = useState<RemsSessionView | null>(null);
  const [answers, setAnswers] = useState<RemsSessionAnswers>(EMPTY_REMS_ANSWERS);
  /** The medicine answers as shown: the screening's suggestion until confirmed. */
  const [medicines, setMedicines] = useState<ConcomitantAnswers>(EMPTY_REMS_ANSWERS.concomitant);
  const [lot, setLot] = useState('');
  const [lotError, setLotError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState<number | string>('');
  const latest = useRef<RemsSessionAnswers | null>(null);
  const saving = useRef(false);

  useEffect(() => {
    void call('rems.session', { sessionId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setView(r.data);
      const saved = r.data.answers ?? EMPTY_REMS_ANSWERS;
      setAnswers(saved);
      setReady(saved.readyToLeaveMinutes ?? '');
      const confirmed = CONCOMITANT_CLASSES.every((c) => saved.concomitant[c] !== null);
      setMedicines(confirmed ? saved.concomitant : r.data.prefill.answers);
    });
  }, [sessionId]);

  // One save at a time, always of the latest answers, so an older one never lands last.
  const save = useCallback(async (next: RemsSessionAnswers) => {
    setAnswers(next);
    latest.current = next;
    if (saving.current) return;
    saving.current = true;
    try {
      while (latest.current) {
        const sending = latest.current;
        latest.current = null;
        const r = await call('rems.saveSession', { sessionId, ...sending });
        if (!r.ok) {
          setError(r.error.message);
          break;
        }
        setError(null);
        setView(r.data);
      }
    } finally {
      saving.current = false;
    }
    onSaved();
  }, [sessionId, onSaved]);

  const addLot = () => {
    const parsed = lotNumber.safeParse(lot);
    if (!parsed.success) return setLotError(parsed.error.issues[0]?.message ?? 'Check the lot number');
    if (answers.lots.length >= deviceCount) return setLotError(`This session uses ${deviceCount} devices; remove a lot first.`);
    setLotError(null);
    setLot('');
    void save({ ...answers, lots: [...answers.lots, { lot: parsed.data, at: new Date().toISOString() }] });
  };

  const confirmed = CONCOMITANT_CLASSES.every((c) => answers.concomitant[c] !== null);
  const setMedicine = (c: keyof ConcomitantAnswers, v: boolean) => {
    const next = { ...medicines, [c]: v };
    setMedicines(next);
    if (confirmed) void save({ ...answers, concomitant: next });
  };
  const saveReady = () => {
    const minutes = typeof ready === 'number' ? ready : null;
    if (minutes !== answers.readyToLeaveMinutes) void save({ ...answers, readyToLeaveMinutes: minutes });
  };

  return (
    <section className={classes.panel} aria-labelledby="rems-title" data-testid="rems-panel">
      <div className={classes.panelHead}>
        <h2 id="rems-title" className={classes.panelTitle}>
          REMS Patient Monitoring Form
        </h2>
        {view && (
          <Text size="sm" data-testid="rems-total-minutes">
            {view.totalMinutes} min from the first device
          </Text>
        )}
      </div>
      <Stack gap="sm" p="sm">
        {error && <Alert color="red" variant="light" role="alert">{error}</Alert>}
        <div>
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              id={REMS_LOT_INPUT_ID}
              label={`Lot number of each device (${answers.lots.length} of ${deviceCount})`}
              description="Type it, or scan the box: the scanner presses Enter and the box is ready for the next."
              value={lot}
              onChange={(e) => setLot(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addLot();
                }
              }}
              error={lotError}
              autoComplete="off"
              w={360}
            />
            <Button variant="default" onClick={addLot} mb={lotError ? 22 : 0}>Add lot</Button>
          </Group>
          <ul className={classes.remsLots} aria-label="Lot numbers recorded" data-testid="rems-lots">
            {answers.lots.map((l, i) => (
              <li key={`${l.lot}-${l.at}`}>
                Device {i + 1}: <strong>{l.lot}</strong> <span className={classes.remsDim}>at {clockOf(l.at)}</span>
                <CloseButton
                  size="sm"
                  aria-label={`Remove lot ${l.lot}`}
                  onClick={() => void save({ ...answers, lots: answers.lots.filter((_, j) => j !== i) })}
                />
              </li>
            ))}
          </ul>
        </div>
        <div data-testid="rems-medicines">
          <Text size="sm" fw={600}>Medicines that may cause sedation or blood pressure changes</Text>
          <Text size="xs" c="dimmed">
            {confirmed
              ? `Confirmed by ${view?.answers?.savedByName ?? 'the clinician'}.`
              : view && view.prefill.medicines.length > 0
                ? `Pre-filled from the signed screening (${view.prefill.medicines.join(', ')}). Check with the patient, then confirm.`
                : 'Pre-filled from the signed screening (none of these classes listed). Check with the patient, then confirm.'}
          </Text>
          <Group gap="md" mt={4}>
            {CONCOMITANT_CLASSES.map((c) => (
              <ChoiceGroup
                key={c}
                legend={CONCOMITANT_LABELS[c]}
                size="xs"
                choices={YES_NO}
                value={toChoice(medicines[c])}
                onChange={(v) => setMedicine(c, v === 'yes')}
              />
            ))}
          </Group>
          {!confirmed && (
            <Button size="xs" mt="xs" onClick={() => void save({ ...answers, concomitant: medicines })} disabled={!view}>
              Confirm medicines
            </Button>
          )}
        </div>
        <Group gap="lg" align="flex-end">
          <ChoiceGroup
            legend="Vital signs acceptable before the dose"
            size="xs"
            choices={YES_NO}
            value={toChoice(answers.vitalsAcceptableBeforeDose)}
            onChange={(v) => void save({ ...answers, vitalsAcceptableBeforeDose: v === 'yes' })}
          />
          <ChoiceGroup
            legend="Vital signs acceptable before the end"
            size="xs"
            choices={YES_NO}
            value={toChoice(answers.vitalsAcceptableBeforeEnd)}
            onChange={(v) => void save({ ...answers, vitalsAcceptableBeforeEnd: v === 'yes' })}
          />
          <NumberInput
            id="rems-ready-minutes"
            label="Ready to leave if there were no 2-hour minimum (minutes from the start)"
            value={ready}
            onChange={setReady}
            onBlur={saveReady}
            onKeyDown={(e) => e.key === 'Enter' && saveReady()}
            min={0}
            max={1440}
            allowDecimal={false}
            allowNegative={false}
            w={300}
          />
        </Group>
        {view && view.missing.length > 0 && (
          <Text size="sm" c="#9a3412" data-testid="rems-missing">
            Still to record before discharge: {view.missing.join('; ')}.
          </Text>
        )}
      </Stack>
    </section>
  );
}
