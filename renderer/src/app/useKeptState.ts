import { useCallback, useState, type SetStateAction } from 'react';

/**
 * State that outlives its component: every change is also written to `kept`
 * under `key` (a module-level Map), and a component shown again for the same
 * key starts from there. A tab switch or another chart in between loses
 * nothing typed or chosen.
 */
export function useKeptState<T>(kept: Map<string, T>, key: string, initial: () => T) {
  const [value, setValue] = useState<T>(() => kept.get(key) ?? initial());
  const set = useCallback(
    (next: SetStateAction<T>) => {
      if (typeof next !== 'function') {
        // Kept at once, so code running right after the call reads it.
        kept.set(key, next);
        setValue(next);
        return;
      }
      setValue((prev) => {
        const updated = (next as (prev: T) => T)(prev);
        kept.set(key, updated);
        return updated;
      });
    },
    [kept, key],
  );
  return [value, set] as const;
}
