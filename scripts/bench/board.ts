// Today's board: store.board.today(now), the one read behind the board.today
// channel, on the seeded clinic (every patient of the other sections) plus a
// working clinic's active patients: each with a maintenance course and
// months of finished sessions, due on days spread around "now", some of them
// with a session in progress. It must stay fast however long the history,
// because it reads only what is open or due.

import type { Store } from '../../db/store';
import { addMinutes } from '../../shared/session/time';
import { patientFields } from './seed-data';
import { percentiles, type Section } from './section';
import { IV_PLAN, seedPastSessions, startSession } from './session-monitoring';
import { round, roundSummary, sampleLatencies, summarize, timeMs } from './stats';

const ACTIVE_PATIENTS = 120;
const SESSIONS_EACH = 20;
const IN_PROGRESS = 8;
const SAMPLES = 300;
const GOAL_P95_MS = 100;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 15, 11);

export const todayBoard: Section = ({ store, clinicianId, patientCount, progress }) => {
  const by = store.clinicians.get(clinicianId)!;
  // Long enough that one screening covers the history of each patient (as in the session section).
  if (store.settings.read().screeningValidityDays !== 365) {
    store.updateSettings({ screeningValidityDays: 365 }, 'benchmark', by.id, new Date(NOW - 400 * DAY).toISOString());
  }
  progress(`board: ${ACTIVE_PATIENTS} active patients with ${SESSIONS_EACH} past sessions each, ${IN_PROGRESS} sessions in progress`);
  let started = 0;
  const seedMs = timeMs(() => {
    for (let i = 0; i < ACTIVE_PATIENTS; i++) {
      // Sessions three days apart; the last ends so that the next is due between 7 days ago and 6 days ahead.
      const lastSession = NOW - (3 + (i % 14) - 7) * DAY - 2 * 3600_000;
      const t0 = lastSession - (SESSIONS_EACH - 1) * 3 * DAY;
      const patient = store.createPatient({ ...patientFields(patientCount + 20_000 + i), mrn: `BENCH-BOARD-${i}`, weightKg: 70 }, by.id, new Date(t0 - 10 * DAY).toISOString());
      seedPastSessions(store, patient, by, SESSIONS_EACH, t0);
      // Some of those due today or overdue are in the chair now, dosed 10 to 80 minutes ago.
      if (started < IN_PROGRESS && i % 14 >= 7) startSession(store, patient, by, NOW - (10 + 10 * started++) * 60_000, IV_PLAN);
    }
  });
  const now = new Date(NOW).toISOString();
  const board = store.board.today(now);
  const sessions = store.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM sessions').get()!.n;
  progress(`board: ${SAMPLES} reads of today's board over ${sessions} sessions`);
  const read = summarize(sampleLatencies([now], (at) => store.board.today(at), SAMPLES));
  const openPlan = store.db.prepare<[string], { detail: string }>(
    `EXPLAIN QUERY PLAN SELECT s.id FROM sessions s WHERE s.started_at >= ?
       AND NOT EXISTS (SELECT 1 FROM session_discharges d WHERE d.session_id = s.id) ORDER BY s.started_at`,
  ).all(addMinutes(now, -24 * 60)).map((r) => r.detail);
  const counts = `${board.inProgress.length} in progress, ${board.planned.length} planned, ${board.remsForms.length} REMS forms, ` +
    `${board.screenings.length} screenings, ${board.consents.length} consents`;
  return {
    title: `Today's board: store.board.today over ${sessions.toLocaleString('en')} sessions (${SAMPLES} reads, p50 / p95 / p99 / max)`,
    rows: [
      { label: `board.today (${counts})`, value: percentiles(read), goal: `p95 < ${GOAL_P95_MS} ms`, pass: read.p95 < GOAL_P95_MS },
      { label: 'open sessions query plan', value: openPlan.join('; ') },
      { label: `seeding ${ACTIVE_PATIENTS} patients × ${SESSIONS_EACH} sessions through the store`, value: `${(seedMs / 1000).toFixed(1)} s` },
    ],
    json: {
      boardTodayP95Ms: round(read.p95),
      boardTodayMs: roundSummary(read),
      boardTodayBasis: `p95 of ${SAMPLES} reads, ${sessions} sessions, ${ACTIVE_PATIENTS + 2} courses; ${counts}`,
      boardOpenSessionsQueryPlan: openPlan,
    },
  };
};
