import { Modal, type ModalRootProps } from '@mantine/core';
import type { ReactNode } from 'react';

// Mantine's Modal renders its header as <header>, which assistive technology
// reads as a second page banner. Built from the compound parts with a plain
// <div> header instead; every dialog of the app uses this.
const divHeader = { component: 'div' } as object;

interface Props extends Omit<ModalRootProps, 'opened' | 'title' | 'children'> {
  title: ReactNode;
  children: ReactNode;
  withCloseButton?: boolean;
}

export function AppModal({ title, children, withCloseButton = true, ...rootProps }: Props) {
  return (
    <Modal.Root opened {...rootProps}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header {...divHeader}>
          <Modal.Title fw={600} fz="lg">
            {title}
          </Modal.Title>
          {withCloseButton && <Modal.CloseButton aria-label="Close" />}
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
