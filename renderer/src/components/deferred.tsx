import { lazy, Suspense, type ComponentType } from 'react';
import { CenteredLoader } from './CenteredLoader';

/**
 * A component whose code is a separate chunk, loaded the first time it is
 * shown, so the first screen does not wait for it. A loader stands in meanwhile.
 */
export function deferred<P extends object>(load: () => Promise<ComponentType<P>>, loadingLabel: string): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={<CenteredLoader label={loadingLabel} />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
