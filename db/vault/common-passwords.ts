import { dictionary } from '@zxcvbn-ts/language-common';

// The list of common passwords shipped with the app (zxcvbn-ts's, about
// 49,000 entries from breach corpora). A passphrase is refused when it is one
// of them, or one of them with only digits and symbols around it
// ("password1234!"), or digits alone, or a single character repeated.

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

export function isCommonPassphrase(passphrase: string): boolean {
  const lower = passphrase.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (core.length > 0 && core !== lower && list.has(core)) return true;
  return /^[0-9\s]*$/.test(passphrase) || /^(.)\1*$/u.test(passphrase);
}
