// `npm run --silent score -- FILE.json`: scores one PHQ-9, GAD-7 or ASQ file
// (ketadesk-measure/v1) and prints one JSON result line; an invalid file prints
// one line naming the field on stderr and exits 2 (see json-file-command.ts).

import { describeMeasureError, measureInputSchema, scoreMeasure } from '../shared/measures';
import { runJsonFileCommand } from './json-file-command';

runJsonFileCommand({
  script: 'score',
  argument: 'FILE.json',
  answer(json) {
    const parsed = measureInputSchema.safeParse(json);
    return parsed.success ? { result: scoreMeasure(parsed.data) } : { problem: describeMeasureError(parsed.error) };
  },
});
