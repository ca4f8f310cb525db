import { Button, VisuallyHidden, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A button in a table row: a short visible label ("Change") whose accessible
 * name also says which row it acts on ("Change Dr Ada Rivera"), so a screen
 * reader's list of buttons is not a column of identical words.
 */
export function RowActionButton({ label, row, onClick, ...props }: ButtonProps & { label: ReactNode; row: string; onClick: () => void }) {
  return (
    <Button size="compact-sm" variant="default" onClick={onClick} {...props}>
      {label}
      <VisuallyHidden> {row}</VisuallyHidden>
    </Button>
  );
}
