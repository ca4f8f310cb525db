import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  submitLabel: string;
  saving: boolean;
  /** Shown as a secondary button when given. */
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
  /** A keyboard hint shown bottom left, such as "Ctrl+Enter saves". */
  hint?: ReactNode;
  /** A destructive action (striking out an entry) is red. */
  submitColor?: string | undefined;
  submitDisabled?: boolean;
  cancelDisabled?: boolean;
}

/** A form's buttons, bottom right: Cancel (or Back), then the action; an optional keyboard hint on the left. */
export function FormActions({ submitLabel, saving, onCancel, cancelLabel = 'Cancel', hint, submitColor, submitDisabled, cancelDisabled }: Props) {
  return (
    <Group justify={hint ? 'space-between' : 'flex-end'} gap="xs" mt="xs">
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Group gap="xs">
        {onCancel && (
          <Button variant="default" onClick={onCancel} disabled={cancelDisabled}>
            {cancelLabel}
          </Button>
        )}
        <Button type="submit" loading={saving} color={submitColor} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </Group>
    </Group>
  );
}
