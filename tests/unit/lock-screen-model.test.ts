import { describe, expect, it } from 'vitest';
import { hintText } from '../../renderer/src/auth/sessionHint';
import { retryWaitSeconds } from '../../renderer/src/auth/retryWait';
import { clockOf } from '../../renderer/src/format/dates';

// What the lock screen and the sign-in form read from the server's answers:
// a session's next check without naming the patient, and how long to wait.

describe('the lock screen’s session hint', () => {
  const startedAt = '2026-12-01T10:00:00.000Z';
  const due = '2026-12-01T10:40:00.000Z';

  it('says when the next check is due', () => {
    const text = hintText({ startedAt, nextCheckLabel: 'About 40 minutes after the dose', nextCheckDueAt: due, overdue: false }, '2026-12-01T10:20:00.000Z');
    expect(text).toBe(`A session is in progress (started ${clockOf(startedAt)}) — next check: About 40 minutes after the dose, due ${clockOf(due)}.`);
  });

  it('says by how many minutes it is overdue', () => {
    const text = hintText({ startedAt, nextCheckLabel: 'Before discharge', nextCheckDueAt: due, overdue: true }, '2026-12-01T10:43:10.000Z');
    expect(text).toBe(`A session is in progress (started ${clockOf(startedAt)}) — next check: Before discharge, overdue by 3 min.`);
  });

  it('says only that a session is in progress when no check is scheduled', () => {
    expect(hintText({ startedAt, nextCheckLabel: null, nextCheckDueAt: null, overdue: false }, due)).toBe(
      `A session is in progress (started ${clockOf(startedAt)}).`,
    );
  });
});

describe('the wait after too many wrong tries', () => {
  it('reads seconds and minutes from the server’s refusal', () => {
    expect(retryWaitSeconds({ code: 'too-many-tries', message: 'Wait 4 seconds before trying again.' })).toBe(4);
    expect(retryWaitSeconds({ code: 'too-many-tries', message: 'Wait 1 second before trying again.' })).toBe(1);
    expect(
      retryWaitSeconds({ code: 'too-many-tries', message: 'Sign-in is locked after 10 wrong passphrases. Try again in 15 minutes, or ask an administrator.' }),
    ).toBe(900);
  });

  it('is nothing for any other answer', () => {
    expect(retryWaitSeconds({ code: 'wrong-credential', message: 'That passphrase is not right. 9 more wrong tries and sign-in locks for 15 minutes.' })).toBeNull();
  });
});
