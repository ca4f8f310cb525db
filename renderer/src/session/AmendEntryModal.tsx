import { Alert, Checkbox, Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import {
  SEDATION_LEVEL_LABELS, SEDATION_LEVELS, clinicalTimeProblem, entryData,
  type EntryData, type EntryDataInput, type Session,
} from '../../../shared/session';
import { entryCorrectedMeaning } from '../../../shared/auth/meanings';
import { useSignature } from '../app/signature';
import { FormActions } from '../forms/FormActions';
import { submitOnModEnter } from '../forms/submitOnModEnter';
import { AppModal } from '../components/AppModal';
import { clockOf } from '../format/dates';
import { ChoiceGroup } from './ChoiceGroup';
import { DISSOCIATION_CHOICES, entryText, ENTRY_KIND_LABELS, parseClock, type TimelineRow } from './model';
import type { SessionLive } from './useSessionLive';

const str = (n: number | undefined) => (n === undefined ? '' : String(n));
const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

/**
 * Corrects one entry: new values (or "entered in error" to strike it out), the
 * time if it was wrong, and the reason, which is required. The original stays
 * on the timeline beside the correction.
 */
export function AmendEntryModal({ row, session, live, now, onClose }: {
  row: TimelineRow; session: Session; live: SessionLive; now: string; onClose: () => void;
}) {
  const original = row.shown;
  const [mode, setMode] = useState<'correct' | 'strike'>('correct');
  const [time, setTime] = useState(clockOf(row.at));
  const [draft, setDraft] = useState<EntryData>(original);
  const [vitals, setVitals] = useState(() =>
    original.kind === 'vitals'
      ? { systolic: str(original.systolic), diastolic: str(original.diastolic), heartRate: str(original.heartRate), spo2: str(original.spo2), respiratoryRate: str(original.respiratoryRate) }
      : { systolic: '', diastolic: '', heartRate: '', spo2: '', respiratoryRate: '' },
  );
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { sign, signing, dialog: signatureDialog } = useSignature();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    const t = time === clockOf(row.at) ? ({ ok: true, at: undefined } as const) : parseClock(time, now);
    if (!t.ok) next.at = t.message;
    else if (t.at) {
      const p = clinicalTimeProblem(t.at, { startedAt: session.startedAt, now });
      if (p) next.at = p;
    }
    if (!reason.trim()) next.reason = 'Reason for the change is required';
    let entry: EntryData | null = null;
    if (mode === 'correct') {
      const input: EntryDataInput = draft.kind === 'vitals'
        ? { kind: 'vitals', systolic: num(vitals.systolic), diastolic: num(vitals.diastolic), heartRate: num(vitals.heartRate), spo2: num(vitals.spo2), respiratoryRate: num(vitals.respiratoryRate), note: draft.note }
        : draft;
      const parsed = entryData.safeParse(input);
      if (!parsed.success) for (const i of parsed.error.issues) next[String(i.path.join('.') || 'form')] ??= i.message;
      else entry = parsed.data;
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const r = await sign([entryCorrectedMeaning(reason.trim())], (signature) =>
      live.amendEntry({ entryId: row.head.id, entry, reason: reason.trim(), ...(t.ok && t.at ? { at: t.at } : {}), signature }));
    setBusy(false);
    if (!r) return;
    if (!r.ok) return setErrors({ [r.error.field?.replace(/^entry\./, '') ?? 'form']: r.error.message });
    onClose();
  };

  const set = (patch: Partial<EntryData>) => setDraft((d) => ({ ...d, ...patch }) as EntryData);
  const known = new Set(['at', 'reason', 'systolic', 'diastolic', 'heartRate', 'spo2', 'respiratoryRate', 'description']);
  const general = Object.entries(errors).filter(([k]) => !known.has(k)).map(([, m]) => m);

  return (
    <>
    <AppModal
      title={`Correct: ${ENTRY_KIND_LABELS[original.kind]} at ${clockOf(row.at)}`}
      onClose={onClose}
      // While the signature is asked for, Escape cancels only the signature.
      closeOnEscape={!signing}
      size="lg"
      centered
    >
      <form onSubmit={(e) => void submit(e)} onKeyDown={submitOnModEnter} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Now on the timeline: <strong>{entryText(original, session.route)}</strong>, recorded by {row.head.recordedByName}. It stays visible
            beside the correction.
          </Text>
          <Radio.Group value={mode} onChange={(v) => setMode(v as 'correct' | 'strike')} label="Change" size="sm">
            <Group gap="lg" mt={4}>
              <Radio value="correct" label="Correct the values" />
              <Radio value="strike" label="Strike out: entered in error" />
            </Group>
          </Radio.Group>

          {mode === 'correct' && (
            <>
              <TextInput label="Observed at" description="HH:MM" w={140} value={time} onChange={(e) => setTime(e.currentTarget.value)} error={errors.at} autoComplete="off" />
              {draft.kind === 'vitals' && (
                <SimpleGrid cols={5} spacing="xs">
                  {(['systolic', 'diastolic', 'heartRate', 'spo2', 'respiratoryRate'] as const).map((k) => (
                    <TextInput
                      key={k}
                      label={{ systolic: 'Systolic', diastolic: 'Diastolic', heartRate: 'Heart rate', spo2: 'SpO₂', respiratoryRate: 'Resp. rate' }[k]}
                      inputMode="numeric"
                      autoComplete="off"
                      value={vitals[k]}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setVitals((v) => ({ ...v, [k]: value }));
                      }}
                      error={errors[k]}
                      data-autofocus={k === 'systolic' || undefined}
                    />
                  ))}
                </SimpleGrid>
              )}
              {draft.kind === 'sedation' && (
                <ChoiceGroup
                  legend="Sedation level"
                  choices={SEDATION_LEVELS.map((l) => ({ value: String(l), label: `${l}`, title: SEDATION_LEVEL_LABELS[l] }))}
                  value={String(draft.level)}
                  onChange={(v) => set({ level: Number(v) as 0 })}
                />
              )}
              {draft.kind === 'dissociation' && (
                <Group gap="md">
                  <ChoiceGroup legend="Dissociation" choices={DISSOCIATION_CHOICES} value={draft.level} onChange={(v) => set({ level: v })} />
                  <Checkbox label="Distress not settling" checked={draft.distressNotSettling} onChange={(e) => set({ distressNotSettling: e.currentTarget.checked })} mt="lg" />
                </Group>
              )}
              {draft.kind === 'nausea-vomiting' && (
                <Group gap="lg">
                  <Checkbox label="Nausea" checked={draft.nausea} onChange={(e) => set({ nausea: e.currentTarget.checked })} />
                  <Checkbox label="Vomiting" checked={draft.vomiting} onChange={(e) => set({ vomiting: e.currentTarget.checked })} />
                </Group>
              )}
              {(draft.kind === 'adverse-event' || draft.kind === 'intervention') && (
                <TextInput
                  label={draft.kind === 'adverse-event' ? 'Adverse event' : 'Intervention'}
                  value={draft.description}
                  onChange={(e) => set({ description: e.currentTarget.value })}
                  error={errors.description}
                  maxLength={1000}
                />
              )}
              {draft.kind === 'adverse-event' && (
                <Checkbox label="Respiratory depression" checked={draft.respiratoryDepression} onChange={(e) => set({ respiratoryDepression: e.currentTarget.checked })} />
              )}
            </>
          )}

          <Textarea
            label="Reason for the change"
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            placeholder="e.g. Typing error: the monitor read 124/78"
            data-autofocus={draft.kind !== 'vitals' || mode === 'strike' || undefined}
          />
          {general.length > 0 && (
            <Alert color="red" variant="light" role="alert">
              {general.join(' ')}
            </Alert>
          )}
          <FormActions
            hint="Ctrl+Enter saves"
            onCancel={onClose}
            saving={busy}
            submitColor={mode === 'strike' ? 'red.8' : undefined}
            submitLabel={mode === 'strike' ? 'Strike out entry' : 'Save correction'}
          />
        </Stack>
      </form>
    </AppModal>
    {signatureDialog}
    </>
  );
}
