import { Alert, Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import type { Board, BoardConsent, BoardPatient, BoardPlanned, BoardScreening, BoardSession } from '../../../shared/board/schemas';
import { BOARD_LOOKAHEAD_DAYS } from '../../../shared/board/schemas';
import { remsDaysText, REMS_STATUS_LABELS } from '../../../shared/rems/due';
import type { RemsFormDue } from '../../../shared/rems/schemas';
import { ROUTE_LABELS } from '../../../shared/session/reference';
import { useNavigation, type Route } from '../app/navigation';
import { CenteredLoader } from '../components/CenteredLoader';
import { LoadError } from '../components/LoadError';
import { clockOf, formatDate } from '../format/dates';
import { BackupLine } from './BackupLine';
import { BoardLine, BoardSection, StatusBadge } from './BoardParts';
import { BOARD_REFRESH_MS, useBoard } from './useBoard';

const who = (p: BoardPatient) => (
  <>
    {p.name}{' '}
    <Text span size="xs" c="gray.7" fw={400}>
      MRN {p.mrn}
    </Text>
  </>
);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const chart = (p: BoardPatient, tab: 'course' | 'screening' | 'printouts'): Route => ({ name: 'patient', id: p.id, tab });

/**
 * Today's board, the first screen after choosing who works: what is happening
 * in the clinic today and what must not be forgotten. Each line opens the
 * place where it is acted on; the board reads itself again every 30 s and
 * when the window regains focus.
 */
export function TodayBoardScreen() {
  const { board, error, refresh } = useBoard();
  const { navigate } = useNavigation();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div>
          <Title order={1}>Today</Title>
          <Text size="sm" c="gray.7">
            {board ? `${dayjs(board.today).format('dddd')} ${formatDate(board.today)} · updated ${clockOf(board.now)}, refreshes every ${BOARD_REFRESH_MS / 1000} s` : 'Reading the clinic’s day'}
          </Text>
        </div>
        <Button variant="default" size="compact-sm" onClick={() => void refresh()}>
          Refresh now
        </Button>
      </Group>
      {error && board && (
        <Alert color="orange" variant="light" role="status" title="The board could not be refreshed">
          {error.message} What is shown is from {clockOf(board.now)}.
        </Alert>
      )}
      {!board && error && <LoadError title="Today’s board could not be loaded" error={error} onRetry={() => void refresh()} />}
      {!board && !error && <CenteredLoader label="Loading today’s board" />}
      {board && <BoardSections board={board} go={navigate} />}
    </Stack>
  );
}

function BoardSections({ board, go }: { board: Board; go: (r: Route) => void }) {
  const overdueChecks = board.inProgress.filter((s) => s.nextCheck?.overdue || s.openAlerts.length > 0).length;
  const overduePlans = board.planned.filter((p) => p.overdueDays > 0).length;
  const overdueForms = board.remsForms.filter((f) => f.status === 'overdue').length;
  const expired = board.screenings.filter((s) => s.daysLeft < 0).length;
  return (
    <SimpleGrid cols={2} spacing="md" verticalSpacing="md" style={{ alignItems: 'start' }}>
      <Stack gap="md">
        <BoardSection id="board-in-progress" title="Sessions in progress" count={board.inProgress.length} urgent={overdueChecks} urgentWord="need attention" empty="No sessions in progress.">
          {board.inProgress.map((s) => <SessionLine key={s.sessionId} s={s} go={go} />)}
        </BoardSection>
        <BoardSection id="board-planned" title="Planned today" count={board.planned.length} urgent={overduePlans} empty="No sessions planned today.">
          {board.planned.map((p) => <PlannedLine key={p.courseId} p={p} go={go} />)}
        </BoardSection>
        <BoardSection id="board-consents" title="Consent missing for today’s sessions" count={board.consents.length} urgent={board.consents.length} urgentWord="blocking" empty="Every patient planned today has a signed consent.">
          {board.consents.map((c) => <ConsentLine key={`${c.patient.id}-${c.route}`} c={c} go={go} />)}
        </BoardSection>
      </Stack>
      <Stack gap="md">
        <BoardSection id="board-rems" title="REMS forms to submit" count={board.remsForms.length} urgent={overdueForms} empty="No REMS form is waiting to be submitted.">
          {board.remsForms.map((f) => <RemsLine key={f.sessionId} f={f} go={go} />)}
        </BoardSection>
        <BoardSection id="board-screenings" title={`Screenings expiring within ${BOARD_LOOKAHEAD_DAYS} days`} count={board.screenings.length} urgent={expired} urgentWord="expired" empty={`No screening of a patient due in the next ${BOARD_LOOKAHEAD_DAYS} days expires before then.`}>
          {board.screenings.map((s) => <ScreeningLine key={s.screeningId} s={s} go={go} />)}
        </BoardSection>
        <BackupLine refresh={board.now} onOpen={() => go({ name: 'settings' })} />
      </Stack>
    </SimpleGrid>
  );
}

function SessionLine({ s, go }: { s: BoardSession; go: (r: Route) => void }) {
  const check = s.nextCheck;
  const alerts = s.openAlerts.length;
  return (
    <BoardLine
      testId={`board-session-${s.sessionId}`}
      urgent={Boolean(check?.overdue) || alerts > 0}
      onOpen={() => go({ name: 'patient', id: s.patient.id, tab: 'sessions', sessionId: s.sessionId })}
      name={<>{s.location && `${s.location} · `}{who(s.patient)}</>}
      detail={
        <>
          {ROUTE_LABELS[s.route]} · dosed {clockOf(s.startedAt)}, <strong>{s.minutesSinceDose} min ago</strong>
          {alerts > 0 && (
            <Text span c="red.9" fw={600} fz="sm" display="block">
              {plural(alerts, 'open alert')}: {s.openAlerts[0]}{alerts > 1 ? `, and ${alerts - 1} more` : ''}
            </Text>
          )}
        </>
      }
      side={
        check ? (
          <>
            {check.overdue ? <StatusBadge tone="urgent">Check overdue</StatusBadge> : <StatusBadge tone="info">Next check {clockOf(check.dueAt)}</StatusBadge>}
            <Text size="xs" c="gray.7">
              {check.label}{check.overdue ? `, due ${clockOf(check.dueAt)}` : ''}
            </Text>
          </>
        ) : (
          <StatusBadge tone="info">All checks done</StatusBadge>
        )
      }
    />
  );
}

function PlannedLine({ p, go }: { p: BoardPlanned; go: (r: Route) => void }) {
  return (
    <BoardLine
      testId={`board-planned-${p.courseId}`}
      urgent={p.overdueDays > 0}
      onOpen={() => go(chart(p.patient, 'course'))}
      name={who(p.patient)}
      detail={`${ROUTE_LABELS[p.route]}${p.nextSessionLabel ? ` · ${p.nextSessionLabel}` : ''}`}
      side={p.overdueDays > 0
        ? <StatusBadge tone="urgent">Overdue {plural(p.overdueDays, 'day')}</StatusBadge>
        : <StatusBadge tone="info">Due today</StatusBadge>}
    />
  );
}

const CONSENT_STATE_WORDS: Record<BoardConsent['state'], string> = {
  none: 'No signed consent',
  declined: 'Consent declined',
  withdrawn: 'Consent withdrawn',
  'older-form': 'Signed on an older form',
};

function ConsentLine({ c, go }: { c: BoardConsent; go: (r: Route) => void }) {
  return (
    <BoardLine
      testId={`board-consent-${c.patient.id}`}
      urgent
      onOpen={() => go(chart(c.patient, 'printouts'))}
      name={who(c.patient)}
      detail={`${ROUTE_LABELS[c.route]}: the session cannot start until the patient signs the consent form.`}
      side={<StatusBadge tone="urgent">{CONSENT_STATE_WORDS[c.state]}</StatusBadge>}
    />
  );
}

function RemsLine({ f, go }: { f: RemsFormDue; go: (r: Route) => void }) {
  const tone = f.status === 'overdue' ? 'urgent' : f.status === 'due-soon' ? 'soon' : 'info';
  return (
    <BoardLine
      testId={`board-rems-${f.sessionId}`}
      urgent={f.status === 'overdue'}
      onOpen={() => go({ name: 'rems-forms' })}
      name={who({ id: f.patientId, name: f.patientName, mrn: f.mrn })}
      detail={`Session of ${formatDate(f.sessionDate)} · form due ${formatDate(f.dueOn)}`}
      side={
        <>
          <StatusBadge tone={tone}>{REMS_STATUS_LABELS[f.status]}</StatusBadge>
          <Text size="xs" c="gray.7">{remsDaysText(f)}</Text>
        </>
      }
    />
  );
}

function ScreeningLine({ s, go }: { s: BoardScreening; go: (r: Route) => void }) {
  const expiry = formatDate(s.expiresAt.slice(0, 10));
  const words = s.daysLeft < 0 ? 'Expired' : s.daysLeft === 0 ? 'Expires today' : `Expires in ${plural(s.daysLeft, 'day')}`;
  return (
    <BoardLine
      testId={`board-screening-${s.screeningId}`}
      urgent={s.daysLeft < 0}
      onOpen={() => go(chart(s.patient, 'screening'))}
      name={who(s.patient)}
      detail={`${ROUTE_LABELS[s.route]} screening ${s.daysLeft < 0 ? 'expired' : 'expires'} ${expiry} · next session due ${formatDate(s.nextDue)}`}
      side={<StatusBadge tone={s.daysLeft < 0 ? 'urgent' : 'soon'}>{words}</StatusBadge>}
    />
  );
}
