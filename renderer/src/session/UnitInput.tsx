import { TextInput, type TextInputProps } from '@mantine/core';
import classes from './Session.module.css';

/**
 * A small text field for a number, its unit drawn inside on the right. The
 * unit is not spoken: the label says what the number is.
 */
export function UnitInput({ unit, unitWidth, ...props }: TextInputProps & { unit: string; unitWidth?: number }) {
  return (
    <TextInput
      size="xs"
      autoComplete="off"
      {...props}
      rightSection={<span className={classes.unit} aria-hidden>{unit}</span>}
      rightSectionWidth={unitWidth ?? (unit.length > 2 ? 40 : 24)}
    />
  );
}
