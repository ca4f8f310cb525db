import { UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './RowLink.module.css';

/**
 * The link in a list row that opens the row's item. The row opens it on a
 * click too; this is the keyboard's way in, and it does not open it twice.
 */
export function RowLink({ onOpen, children, ...aria }: { onOpen: () => void; children: ReactNode; 'aria-label'?: string }) {
  return (
    <UnstyledButton
      className={classes.rowLink}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      {...aria}
    >
      {children}
    </UnstyledButton>
  );
}
