import { Button, Group, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { buildPrintout } from '../../../shared/printouts/build';
import type { PlannedTreatment } from '../../../shared/printouts/input';
import type { Patient } from '../../../shared/schemas/patient';
import { useLoad } from '../api/useLoad';
import { useKeptState } from '../app/useKeptState';
import { useWorkspace } from '../app/workspace';
import { keptNextVisit } from './kept';
import { printInputFor } from './print-input';
import { PrintoutView } from './PrintoutView';
import { printSheet, type PrintAction } from './printing';

interface Props {
  patient: Patient;
  treatment: PlannedTreatment;
  /** Called once the sheet went to the printer or was saved: the patient is being given it. */
  onPrinted: () => void;
}

/**
 * The aftercare sheet printed from the session screen at discharge, with the
 * next visit typed here or on the Printouts tab (the same kept text).
 */
export function AftercarePrint({ patient, treatment, onPrinted }: Props) {
  const { current } = useWorkspace();
  const settings = useLoad('settings.get', {}, 'settings');
  const [nextVisit, setNextVisit] = useKeptState(keptNextVisit, patient.id, () => '');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const onDay = localIsoDate();

  const perform = useCallback(
    async (action: PrintAction, root: HTMLElement | null) => {
      setBusy(true);
      try {
        const result = await printSheet({ document: 'aftercare', patientId: patient.id, mrn: patient.mrn, onDay, action }, root);
        if (!result.ok) {
          notifications.show({ color: 'red', title: 'Not printed', message: result.error.message });
        } else if (result.data?.outcome !== 'cancelled') {
          onPrinted();
          notifications.show({ color: 'clinic', title: 'Aftercare sheet printed', message: '“Aftercare explained, sheet given” is ticked.' });
        }
      } finally {
        setBusy(false);
      }
    },
    [patient.id, patient.mrn, onDay, onPrinted],
  );

  const input = settings.loaded.state === 'ready' ? printInputFor(patient, settings.loaded.data, current, treatment, onDay) : null;
  return (
    <>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          size="xs"
          label="Next visit"
          placeholder="e.g. Tuesday 09:30"
          value={nextVisit}
          onChange={(e) => setNextVisit(e.currentTarget.value)}
          maxLength={80}
          style={{ flex: 1 }}
        />
        <Button size="xs" variant="default" onClick={() => setOpen(true)} disabled={!input}>
          Print aftercare sheet…
        </Button>
      </Group>
      {open && input && (
        <PrintoutView
          printout={buildPrintout('aftercare', input, { nextVisit })}
          clinic={input.clinic}
          initialAction={null}
          busy={busy}
          onAction={(action, root) => void perform(action, root)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
