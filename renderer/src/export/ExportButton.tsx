import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { RequestOf } from '../../../shared/contract';
import { call } from '../api/client';
import { useCan } from '../app/useCan';
import { downloadText } from '../screening/download';

type ExportChannel = 'export.fhirPatient' | 'export.fhirClinic' | 'export.csv';

/**
 * Asks the main process for an export file and saves it: a download in the
 * browser, the save dialog in the desktop app. Hidden from clinicians whose
 * role may not export it (the server refuses them too).
 */
export function ExportButton<C extends ExportChannel>({ channel, input, label, ...button }: {
  channel: C;
  input: RequestOf<C>;
  label: string;
} & Omit<ButtonProps, 'children' | 'onClick'>) {
  const can = useCan(channel);
  const [busy, setBusy] = useState(false);
  if (!can.allowed) return null;
  const run = async () => {
    setBusy(true);
    const result = await call(channel, input);
    setBusy(false);
    if (!result.ok) {
      notifications.show({ color: 'red', title: 'Not exported', message: result.error.message });
      return;
    }
    downloadText(result.data.fileName, result.data.content, result.data.mediaType);
    notifications.show({ color: 'clinic', title: 'Exported', message: `Saved as ${result.data.fileName}. The export is in the audit log.` });
  };
  return (
    <Button {...button} loading={busy} onClick={() => void run()}>
      {label}
    </Button>
  );
}
