// Browser mode's server, bundled ahead of time: `node out/browser/index.mjs`
// starts in a third of the time `node --import tsx electron/browser-main.ts`
// takes, because nothing is compiled at start-up. Built by `npm run build`
// (and `npm start`, `npm test`); the npm packages stay outside the bundle.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The built server; run it with `node <entry>`. */
export const browserModeEntry = (root) => join(root, 'out', 'browser', 'index.mjs');

/** Fails with the command to run when the bundle is missing, rather than a module-not-found stack. */
export function requireBrowserModeBuild(root) {
  const entry = browserModeEntry(root);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build first (npm run build)`);
  return entry;
}

/** Bundles electron/browser-main.ts into out/browser/index.mjs with Vite's server-side build. */
export async function buildBrowserMode(root) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'electron', 'browser-main.ts'),
      outDir: join(root, 'out', 'browser'),
      target: 'node20',
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'index.mjs' } },
    },
  });
}
