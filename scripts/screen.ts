// `npm run --silent screen -- CASE.json`: screens one case file and prints one
// JSON result line; an invalid file prints one line naming the field on stderr
// and exits 2 (see json-file-command.ts).

import { describeCaseError, screen, screeningCaseSchema } from '../shared/screening';
import { runJsonFileCommand } from './json-file-command';

runJsonFileCommand({
  script: 'screen',
  argument: 'CASE.json',
  answer(json) {
    const parsed = screeningCaseSchema.safeParse(json);
    return parsed.success ? { result: screen(parsed.data) } : { problem: describeCaseError(parsed.error) };
  },
});
