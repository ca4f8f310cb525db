import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, type RequestOf } from '../../shared/contract';
import type { ClinicianRole } from '../../shared/schemas/clinician';
import { AS_THEIR_ROLE, ROLE_COLUMNS, adminCell, roleCell, roleTable } from '../../scripts/role-table';
import { ADMIN_PASSPHRASE, useGate, type GateHarness } from '../helpers/gate-fixture';
import { REPO_ROOT } from '../helpers/screening';

const gates = useGate();
const TEMP = 'temporary passphrase for the walk';
const OWN = 'their own passphrase for the walk';

describe('the README role × action table', () => {
  it('is the one scripts/role-table.ts prints from the contract', () => {
    const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');
    const inReadme = /<!-- role-table:start -->\n([\s\S]*?)\n<!-- role-table:end -->/.exec(readme)?.[1];
    expect(inReadme, 'README has no role-table markers').toBeDefined();
    expect(inReadme).toBe(roleTable());
  });
});

/** A signed-in clinician of this role and admin flag, after choosing their own passphrase. */
async function signInAs(h: GateHarness, name: string, role: ClinicianRole, isAdmin: boolean) {
  const c = await h.ok('clinicians.create', { name, credentials: '', role, isAdmin, temporaryPassphrase: TEMP });
  await h.ok('auth.signIn', { clinicianId: c.id, passphrase: TEMP });
  await h.ok('auth.changePassphrase', { current: TEMP, next: OWN });
  return c.id;
}

/** Sends `{}` on a channel (access is checked before the request is read) and says whether it was refused for the role. */
async function forbidden(h: GateHarness, channel: Channel, clinicianId: string): Promise<boolean> {
  const result = await h.call(channel, {} as RequestOf<Channel>);
  // auth.lock and auth.signOut do what they say: sign back in for the next channel.
  if ((await h.ok('auth.status', {})).phase !== 'signed-in') await h.ok('auth.signIn', { clinicianId, passphrase: OWN });
  return !result.ok && result.error.code === 'forbidden';
}

describe('walking the table through the dispatcher', () => {
  // Four sign-ins and every channel four times: a minute leaves room for a busy 2-core machine.
  it('refuses each role exactly the actions the table says no to', async () => {
    const h = await gates.setUp();
    const people = [
      ...ROLE_COLUMNS.map((c) => ({ label: c.label, ...c.who })),
      // The Administrator column, for an administrator whose own role allows the least.
      { label: 'Administrator', role: 'front-desk' as const, isAdmin: true },
    ];
    const ids: string[] = [];
    for (const p of people) {
      await h.ok('auth.signIn', { clinicianId: h.adminId, passphrase: ADMIN_PASSPHRASE });
      ids.push(await signInAs(h, `Test ${p.label}`, p.role, p.isAdmin));
    }
    const refused: string[] = [];
    const expected: string[] = [];
    for (const [i, p] of people.entries()) {
      await h.ok('auth.signIn', { clinicianId: ids[i]!, passphrase: OWN });
      for (const channel of CHANNELS) {
        const says = p.label === 'Administrator'
          ? adminCell(channel) === AS_THEIR_ROLE ? roleCell(channel, { role: p.role, isAdmin: false }) : adminCell(channel)
          : roleCell(channel, p);
        if (says === 'no') expected.push(`${p.label}: ${channel}`);
        if (await forbidden(h, channel, ids[i]!)) refused.push(`${p.label}: ${channel}`);
      }
    }
    expect(refused).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  }, 60_000);
});
