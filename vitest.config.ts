import { defineConfig } from 'vitest/config';

// Unit and store tests run in Node; the end-to-end suite (tests/e2e) drives
// Debian Chromium against browser mode and has its own, slower project.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          environment: 'node',
          // Store tests open encrypted files, sync every commit and derive keys: beside the
          // e2e project on 2 cores a test that takes 0.3 s alone has taken 9 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Generous: beside the unit project and other work on a 2-core machine, one Chromium test
          // with several accessibility scans took over 60 s; a save or a poll can take seconds.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
