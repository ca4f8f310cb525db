import { Button, FocusTrap, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { ClinicDetails } from '../../../shared/printouts/input';
import type { Printout } from '../../../shared/printouts/model';
import { pageCss } from '../../../shared/printouts/page-css';
import { PrintSheet } from './PrintSheet';
import { isDesktop, type PrintAction } from './printing';
import './printout.css';

interface Props {
  printout: Printout;
  clinic: ClinicDetails;
  /** Print or save straight away, as the panel's Print and Save as PDF buttons ask. */
  initialAction: PrintAction | null;
  busy: boolean;
  onAction: (action: PrintAction, root: HTMLElement | null) => void;
  onClose: () => void;
}

/**
 * A printout on screen as it will be on paper, over the app. It is the only
 * thing the print stylesheet lets through, with the clinic's paper size and
 * the running header and footer as its @page rule.
 */
export function PrintoutView({ printout, clinic, initialAction, busy, onAction, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const started = useRef(false);
  useHotkeys([['Escape', onClose]]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (initialAction) onAction(initialAction, root.current);
  }, [initialAction, onAction]);

  useEffect(() => {
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
    };
  }, []);

  return createPortal(
    <div className="kd-print-root" ref={root} role="dialog" aria-modal="true" aria-label={`Printout: ${printout.title}`}>
      <style>{pageCss(clinic.paperSize, printout.running)}</style>
      <FocusTrap active>
        <div className="kd-print-toolbar">
          <Group justify="space-between" wrap="nowrap" maw={1100} mx="auto" px="lg" h="100%">
            <div>
              <Text fw={600} size="sm">
                {printout.title}
              </Text>
              <Text size="xs" c="dimmed">
                {printout.running.patientName} · {clinic.paperSize === 'letter' ? 'US Letter' : 'A4'}
                {isDesktop() ? '' : ' · To save a PDF, choose “Save as PDF” as the printer.'}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Button onClick={() => onAction('print', root.current)} loading={busy}>
                Print
              </Button>
              <Button variant="default" onClick={() => onAction('save-pdf', root.current)} disabled={busy}>
                Save as PDF
              </Button>
              <Button variant="subtle" color="gray" c="gray.8" onClick={onClose} data-autofocus>
                Close
              </Button>
            </Group>
          </Group>
        </div>
      </FocusTrap>
      <div className="kd-print-stage">
        <PrintSheet printout={printout} clinic={clinic} />
      </div>
    </div>,
    document.body,
  );
}
