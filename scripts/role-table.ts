// `npx tsx scripts/role-table.ts [--write]`: prints the README's role × action table
// from the contract's access levels, so the table and the server's checks
// cannot drift apart (tests/unit/role-table.test.ts compares them).

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { allows, type Access } from '../shared/auth/access';
import { CHANNELS, contract, type Channel } from '../shared/contract';
import type { Clinician } from '../shared/schemas/clinician';

type Who = Pick<Clinician, 'role' | 'isAdmin'>;

/** The role columns are clinicians who are not administrators; being one adds the admin actions to any role. */
export const ROLE_COLUMNS: ReadonlyArray<{ label: string; who: Who }> = [
  { label: 'Prescriber', who: { role: 'prescriber', isAdmin: false } },
  { label: 'Nurse', who: { role: 'nurse', isAdmin: false } },
  { label: 'Front desk', who: { role: 'front-desk', isAdmin: false } },
];

/** What the Administrator column says: the admin actions, and otherwise whatever their own role allows. */
export const AS_THEIR_ROLE = 'as their role';

const SIGNATURE_WORDS = { required: 'yes', 'when-needed': 'when proceeding despite a concern' } as const;

const accessOf = (channel: Channel): Access => contract[channel].access;

export function adminCell(channel: Channel): string {
  const access = accessOf(channel);
  return access === 'clinical' || access === 'prescriber' ? AS_THEIR_ROLE : 'yes';
}

export const roleCell = (channel: Channel, who: Who): 'yes' | 'no' => (allows(accessOf(channel), who) ? 'yes' : 'no');

export function roleTable(): string {
  const head = ['Action (channel)', 'Administrator', ...ROLE_COLUMNS.map((c) => c.label), 'Electronic signature'];
  const rows = CHANNELS.map((channel) => {
    const signature = (contract[channel] as { signature?: keyof typeof SIGNATURE_WORDS }).signature;
    return [
      `\`${channel}\`${accessOf(channel) === 'public' ? ' (before sign-in)' : ''}`,
      adminCell(channel),
      ...ROLE_COLUMNS.map((c) => roleCell(channel, c.who)),
      signature ? SIGNATURE_WORDS[signature] : '',
    ];
  });
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const START = '<!-- role-table:start -->';
const END = '<!-- role-table:end -->';

/** The README with its role table replaced by the one the contract gives. */
export function withRoleTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no ${START} … ${END} block`);
  return `${readme.slice(0, start + START.length)}\n${roleTable()}\n${readme.slice(end)}`;
}

// `--write` refreshes the README in place (after adding a channel); without it, prints the table.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--write')) {
    writeFileSync('README.md', withRoleTable(readFileSync('README.md', 'utf8')));
  } else {
    process.stdout.write(`${roleTable()}\n`);
  }
}
