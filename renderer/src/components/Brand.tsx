import { Group, Text, ThemeIcon } from '@mantine/core';

/** The product name as the app's quiet signature; not a link. */
export function Brand() {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={26} radius="sm" aria-hidden>
        <svg viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M3 12h4l2.5-6 5 12 2.5-6h4" strokeLinejoin="round" />
        </svg>
      </ThemeIcon>
      <Text fw={700} size="md" c="clinic.9" lts={0.2}>
        KetaDesk
      </Text>
    </Group>
  );
}
