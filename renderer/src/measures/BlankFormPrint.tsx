import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import type { InstrumentId } from '../../../shared/measures';
import { buildPrintout } from '../../../shared/printouts/build';
import { QUESTIONNAIRE_FORMS } from '../../../shared/printouts/documents';
import type { ClinicSettings } from '../../../shared/schemas/settings';
import type { Patient } from '../../../shared/schemas/patient';
import { useWorkspace } from '../app/workspace';
import { clinicDetails, printInputFor } from '../printouts/print-input';
import { PrintoutView } from '../printouts/PrintoutView';
import { printSheet, type PrintAction } from '../printouts/printing';

/** A blank questionnaire with the patient's name, in the print preview with Print and Save as PDF. */
export function BlankFormPrint({ instrument, patient, settings, onClose }: {
  instrument: InstrumentId;
  patient: Patient;
  settings: ClinicSettings;
  onClose: () => void;
}) {
  const { current } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const document = QUESTIONNAIRE_FORMS[instrument];
  const onDay = localIsoDate();
  // The questionnaires do not depend on the planned treatment; any will do for the common input.
  const printout = useMemo(
    () => buildPrintout(document, printInputFor(patient, settings, current, 'iv-ketamine', onDay)),
    [document, patient, settings, current, onDay],
  );

  const onAction = useCallback(
    async (action: PrintAction, root: HTMLElement | null) => {
      setBusy(true);
      try {
        const result = await printSheet({ document, patientId: patient.id, mrn: patient.mrn, onDay, action }, root);
        if (!result.ok) notifications.show({ color: 'red', title: 'Not printed', message: result.error.message });
        else if (result.data?.outcome === 'saved') notifications.show({ color: 'clinic', title: 'PDF saved', message: result.data.fileName });
      } finally {
        setBusy(false);
      }
    },
    [document, patient.id, patient.mrn, onDay],
  );

  return (
    <PrintoutView
      printout={printout}
      clinic={clinicDetails(settings)}
      initialAction={null}
      busy={busy}
      onAction={(action, root) => void onAction(action, root)}
      onClose={onClose}
    />
  );
}
