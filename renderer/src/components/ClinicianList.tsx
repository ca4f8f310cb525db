import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useRef, type KeyboardEvent } from 'react';
import { CLINICIAN_ROLE_LABELS, type Clinician } from '../../../shared/schemas/clinician';
import classes from './ClinicianList.module.css';

/** What the list shows of a clinician: also all a sign-in choice holds. */
type Named = Pick<Clinician, 'id' | 'name' | 'credentials' | 'role'>;

interface Props<C extends Named> {
  clinicians: C[];
  currentId: string | null;
  onPick: (clinician: C) => void;
  busyId: string | null;
}

/**
 * One button per clinician. Tab moves between them as usual; Up/Down arrows
 * too, Home/End jump to the ends, Enter or Space picks.
 */
export function ClinicianList<C extends Named>({ clinicians, currentId, onPick, busyId }: Props<C>) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const focusIndex = Math.max(0, clinicians.findIndex((c) => c.id === currentId));

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = clinicians.length - 1;
    const target =
      e.key === 'ArrowDown' ? Math.min(index + 1, last)
      : e.key === 'ArrowUp' ? Math.max(index - 1, 0)
      : e.key === 'Home' ? 0
      : e.key === 'End' ? last
      : null;
    if (target === null) return;
    e.preventDefault();
    refs.current[target]?.focus();
  };

  return (
    <Stack gap={6} component="ul" className={classes.list} aria-label="Clinicians">
      {clinicians.map((c, i) => (
        <li key={c.id}>
          <UnstyledButton
            ref={(el) => {
              refs.current[i] = el;
            }}
            className={classes.item}
            onClick={() => onPick(c)}
            onKeyDown={(e) => onKeyDown(e, i)}
            autoFocus={i === focusIndex}
            aria-busy={busyId === c.id || undefined}
            disabled={busyId !== null}
          >
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600} size="sm">
                  {c.name}
                  {c.credentials ? `, ${c.credentials}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {CLINICIAN_ROLE_LABELS[c.role]}
                </Text>
              </div>
              {c.id === currentId && (
                <Badge variant="light" size="sm">
                  Working now
                </Badge>
              )}
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </Stack>
  );
}
