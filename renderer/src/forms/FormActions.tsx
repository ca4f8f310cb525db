import { Button, Group } from '@mantine/core';

interface Props {
  submitLabel: string;
  saving: boolean;
  /** Shown as a secondary button when given. */
  onCancel?: (() => void) | undefined;
  cancelLabel?: string;
}

/** A form's buttons, bottom right: Cancel (or Back), then the action. */
export function FormActions({ submitLabel, saving, onCancel, cancelLabel = 'Cancel' }: Props) {
  return (
    <Group justify="flex-end" gap="xs" mt="xs">
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {cancelLabel}
        </Button>
      )}
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
}
