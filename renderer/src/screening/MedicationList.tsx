import { Autocomplete, Button, CloseButton, Group, Select, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import {
  MEDICATION_CLASSES, MEDICATION_CLASS_LABELS, RULES, searchDrugs, suggestDrugClass,
  type Medication, type MedicationClass,
} from '../../../shared/screening';

const MAX_MEDICATIONS = 100;
const CLASS_OPTIONS = MEDICATION_CLASSES.map((c) => ({ value: c, label: MEDICATION_CLASS_LABELS[c] }));

/** What a medication class does to the verdict under the rule set, if anything. */
function classEffect(cls: MedicationClass) {
  const rule = RULES.find((r) => r.condition.kind === 'medication-class' && r.condition.medicationClass === cls);
  return rule ? rule.severity : null;
}

const shortClass = (cls: MedicationClass) => (cls === 'other-cns-depressant' ? 'Other CNS depressant' : MEDICATION_CLASS_LABELS[cls]);

function parseDose(text: string): { value?: number; error?: string } {
  const t = text.trim().replace(',', '.');
  if (t === '') return {};
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: 'Must be a number' };
  const n = Number(t);
  if (n <= 0) return { error: 'Must be more than 0' };
  if (n > 100000) return { error: 'Must be at most 100000' };
  return { value: n };
}

interface Props {
  medications: Medication[];
  onChange: (next: Medication[]) => void;
}

/**
 * Current medications. Typing a name suggests its class (KetaDesk's drug
 * table); a name it does not know is classed by hand. The class is what the
 * rules read, so it is always shown and always the clinician's to confirm.
 */
export function MedicationList({ medications, onChange }: Props) {
  const [name, setName] = useState('');
  const [cls, setCls] = useState<MedicationClass | null>(null);
  const [classTouched, setClassTouched] = useState(false);
  const [dose, setDose] = useState('');
  const [tried, setTried] = useState(false);

  const suggestion = useMemo(() => (name.trim() ? suggestDrugClass(name) : null), [name]);
  const matches = useMemo(() => searchDrugs(name, 8), [name]);
  const byName = useMemo(() => new Map(matches.map((d) => [d.name, d])), [matches]);
  const chosenClass = classTouched ? cls : (suggestion?.class ?? null);
  const doseParsed = parseDose(dose);
  const nameError = tried && !name.trim() ? 'Type the medicine’s name' : undefined;
  const classError = tried && name.trim() && !chosenClass ? 'Choose the class: KetaDesk does not know this name' : undefined;
  const full = medications.length >= MAX_MEDICATIONS;

  const add = (e?: FormEvent) => {
    e?.preventDefault();
    setTried(true);
    const trimmed = name.trim();
    if (!trimmed || !chosenClass || doseParsed.error || full) return;
    onChange([
      ...medications,
      { name: trimmed, class: chosenClass, ...(doseParsed.value !== undefined ? { dailyDoseMg: doseParsed.value } : {}) },
    ]);
    setName('');
    setCls(null);
    setClassTouched(false);
    setDose('');
    setTried(false);
    document.getElementById('screening-med-name')?.focus();
  };

  return (
    <div>
      {medications.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="no-medications">
          No medications listed.
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={3} horizontalSpacing={6} mb="xs" aria-label="Medications" data-testid="medications">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Medicine</Table.Th>
              <Table.Th>Class</Table.Th>
              <Table.Th ta="right">mg/day</Table.Th>
              <Table.Th w={28}>
                <VisuallyHidden>Remove</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {medications.map((m, i) => {
              const effect = classEffect(m.class);
              return (
                <Table.Tr key={`${m.name}-${i}`} data-medication={m.name}>
                  <Table.Td fw={600} style={{ wordBreak: 'break-word' }}>
                    {m.name}
                  </Table.Td>
                  <Table.Td>
                    {shortClass(m.class)}
                    {effect && (
                      <Text span size="xs" fw={700} ml={6} c={effect === 'caution' ? '#6b4500' : 'gray.8'}>
                        {effect === 'caution' ? 'caution' : 'note'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{m.dailyDoseMg ?? '—'}</Table.Td>
                  <Table.Td>
                    <CloseButton
                      size="sm"
                      aria-label={`Remove ${m.name}`}
                      onClick={() => onChange(medications.filter((_, j) => j !== i))}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <form onSubmit={add} aria-label="Add a medication" noValidate>
        <Group gap={6} align="flex-start" wrap="nowrap">
          <Autocomplete
            id="screening-med-name"
            label="Medicine"
            placeholder="Type a name, e.g. lorazepam"
            size="xs"
            style={{ flex: 1.3 }}
            data={[...byName.keys()]}
            renderOption={({ option }) => {
              const d = byName.get(option.value);
              return (
                <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
                  <Text size="xs" fw={600}>
                    {option.value}
                    {d && d.name !== d.generic && (
                      <Text span size="xs" c="dimmed" fw={400}>
                        {' '}({d.generic})
                      </Text>
                    )}
                  </Text>
                  {d && (
                    <Text size="xs" c="dimmed">
                      {shortClass(d.class)}
                    </Text>
                  )}
                </Group>
              );
            }}
            value={name}
            maxLength={200}
            onChange={(v) => setName(v)}
            filter={({ options: o }) => o}
            error={nameError}
            comboboxProps={{ withinPortal: true }}
            disabled={full}
          />
          <Select
            id="screening-med-class"
            label="Class"
            placeholder="Choose a class"
            size="xs"
            style={{ flex: 1 }}
            data={CLASS_OPTIONS}
            value={chosenClass}
            onChange={(v) => {
              setClassTouched(true);
              setCls(v as MedicationClass | null);
            }}
            error={classError}
            allowDeselect={false}
            comboboxProps={{ width: 340, position: 'bottom-end' }}
            disabled={full}
          />
          <TextInput
            id="screening-med-dose"
            label="mg/day"
            size="xs"
            w={64}
            inputMode="decimal"
            value={dose}
            onChange={(e) => setDose(e.currentTarget.value)}
            error={doseParsed.error}
            disabled={full}
          />
          <Button type="submit" size="xs" variant="default" mt={19} disabled={full}>
            Add
          </Button>
        </Group>
        <Text size="xs" c="dimmed" mt={4} data-testid="class-hint">
          {full
            ? `At most ${MAX_MEDICATIONS} medications.`
            : suggestion && !classTouched
              ? `Class suggested from the name (${suggestion.generic}): check it.`
              : name.trim() && !suggestion && !classTouched
                ? 'KetaDesk does not know this name: choose its class.'
                : 'The class decides which rule applies.'}
        </Text>
      </form>
    </div>
  );
}
