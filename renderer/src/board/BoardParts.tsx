import { Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './BoardLine.module.css';

/** How pressing a line is: overdue or blocking (red, and said in words), soon (orange), or for information. */
export type Tone = 'urgent' | 'soon' | 'info';

const BADGE: Record<Tone, { color: string; variant: 'filled' | 'light'; c?: string }> = {
  urgent: { color: 'red.8', variant: 'filled' },
  soon: { color: 'orange', variant: 'light', c: 'orange.9' },
  info: { color: 'clinic', variant: 'light', c: 'clinic.9' },
};

export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  const b = BADGE[tone];
  return (
    <Badge color={b.color} variant={b.variant} c={b.c} radius="sm" tt="none" size="md">
      {children}
    </Badge>
  );
}

/**
 * One line of the board: who, what, and how pressing, as one button that
 * opens the place where it is acted on (Tab to it, Enter to open).
 */
export function BoardLine({ name, detail, side, urgent, onOpen, testId }: {
  name: ReactNode;
  detail: ReactNode;
  side?: ReactNode;
  urgent?: boolean;
  onOpen: () => void;
  testId?: string;
}) {
  return (
    <li>
      <UnstyledButton className={`${classes.line} ${urgent ? classes.urgent : ''}`} onClick={onOpen} data-testid={testId} data-urgent={urgent ? 'true' : undefined}>
        <div className={classes.main}>
          <div className={classes.name}>{name}</div>
          <div className={classes.detail}>{detail}</div>
        </div>
        {side && <div className={classes.side}>{side}</div>}
      </UnstyledButton>
    </li>
  );
}

/** A section of the board: its title with a count (and how many are urgent), its lines, or a plain sentence when empty. */
export function BoardSection({ id, title, count, urgent = 0, urgentWord = 'overdue', empty, children }: {
  id: string;
  title: string;
  count: number;
  urgent?: number;
  urgentWord?: string;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder component="section" aria-labelledby={`${id}-title`} data-testid={id} radius="sm">
      <Group justify="space-between" px="md" py={10} wrap="nowrap">
        <Text component="h2" fw={600} fz="md" m={0} id={`${id}-title`}>
          {title}
        </Text>
        <Group gap={6} wrap="nowrap">
          {urgent > 0 && <StatusBadge tone="urgent">{urgent} {urgentWord}</StatusBadge>}
          <Badge variant="outline" color="gray.7" c="gray.8" radius="sm" tt="none" size="md" aria-label={`${count} in all`}>
            {count}
          </Badge>
        </Group>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="gray.7" px="md" pb="sm">
          {empty}
        </Text>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>{children}</ul>
      )}
    </Paper>
  );
}
