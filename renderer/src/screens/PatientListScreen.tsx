import { Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Patient } from '../../../shared/schemas/patient';
import { usePatientSearch, SEARCH_LIMIT } from '../api/usePatientSearch';
import { useNavigation } from '../app/navigation';
import { KeyHints } from '../components/KeyHints';
import { LoadError } from '../components/LoadError';
import { PatientResultsTable } from '../components/PatientResultsTable';
import { ScreenHeader } from '../components/ScreenHeader';
import { SearchIcon } from '../components/SearchIcon';

const RESULTS_ID = 'patient-results';

/** Find a patient: type a name, MRN or date of birth; arrows move, Enter opens the chart. */
export function PatientListScreen() {
  const { navigate, patientQuery: query, setPatientQuery: setQuery, searchFocusRequest } = useNavigation();
  const search = usePatientSearch(query);
  const [activeIndex, setActiveIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const openWhenReady = useRef(false);

  const open = (p: Patient) => navigate({ name: 'patient', id: p.id });

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [searchFocusRequest]);

  // New results: the first row is active again; an Enter pressed while they were on their way opens it.
  useEffect(() => {
    setActiveIndex(0);
    if (openWhenReady.current && !search.pending) {
      openWhenReady.current = false;
      const first = search.patients[0];
      if (first) open(first);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search.patients, search.pending]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = search.patients.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && count === 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActiveIndex((i) => Math.min(i + 1, count - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActiveIndex((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (search.pending) openWhenReady.current = true;
      else {
        const p = search.patients[activeIndex];
        if (p) open(p);
      }
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      setQuery('');
    }
  };

  const loaded = search.query !== null;
  const noPatientsAtAll = loaded && search.query === '' && search.patients.length === 0 && !search.error;
  const showTable = search.patients.length > 0 && !search.error;

  return (
    <Stack gap="sm">
      <ScreenHeader
        crumbs={[{ label: 'Patients' }]}
        title="Patients"
        actions={
          <Button onClick={() => navigate({ name: 'patient-new' })} aria-keyshortcuts="Alt+N">
            Add patient
          </Button>
        }
      />
      <TextInput
        ref={input}
        size="md"
        type="search"
        aria-label="Search patients"
        placeholder="Search by name, MRN or date of birth"
        leftSection={<SearchIcon />}
        rightSection={search.pending && loaded ? <Loader size="xs" aria-label="Searching" /> : null}
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        aria-controls={showTable ? RESULTS_ID : undefined}
        aria-describedby="patient-search-hints"
        aria-keyshortcuts="Control+K /"
        autoComplete="off"
        spellCheck={false}
      />
      <Group justify="space-between" align="center" mih={22}>
        <KeyHints
          id="patient-search-hints"
          hints={[
            [['↑', '↓'], 'move'],
            [['Enter'], 'open chart'],
            [['/'], 'search'],
            [['Alt', 'N'], 'add patient'],
          ]}
        />
        <Text size="xs" c="dimmed" role="status" aria-live="polite">
          {loaded && !search.error && search.patients.length > 0 && resultSummary(search.patients.length, search.hasMore, search.query ?? '')}
        </Text>
      </Group>

      {search.error ? (
        <LoadError title="Search failed" error={search.error} />
      ) : noPatientsAtAll ? (
        <EmptyState
          title="No patients yet"
          text="Add the first patient to start a chart."
          action={<Button onClick={() => navigate({ name: 'patient-new' })}>Add the first patient</Button>}
        />
      ) : loaded && search.patients.length === 0 ? (
        <EmptyState
          title={`No patient matches “${search.query}”`}
          text="Check the spelling, try part of the name, the MRN, or a date of birth like 1980-03-14 or 14/03/1980."
          action={
            <Button variant="default" onClick={() => navigate({ name: 'patient-new' })}>
              Add a new patient
            </Button>
          }
        />
      ) : (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <PatientResultsTable id={RESULTS_ID} patients={search.patients} activeIndex={activeIndex} onOpen={open} />
          {search.hasMore && (
            <Text size="xs" c="dimmed" px="md" py={8} bg="gray.0" data-testid="has-more">
              Only the first {SEARCH_LIMIT} are shown. Keep typing to narrow the list.
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

function resultSummary(count: number, hasMore: boolean, query: string): string {
  const n = hasMore ? `First ${count}` : String(count);
  const noun = count === 1 && !hasMore ? 'patient' : 'patients';
  return query ? `${n} ${noun} found` : `${n} ${noun}, by name`;
}

function EmptyState({ title, text, action }: { title: string; text: string; action: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="empty-state">
      <Stack align="center" gap={6} py="md">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed" ta="center" maw={480}>
          {text}
        </Text>
        <Group mt="sm">{action}</Group>
      </Stack>
    </Paper>
  );
}
