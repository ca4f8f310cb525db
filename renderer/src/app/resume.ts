// "The clinician is back in" (after an unlock, a sign-in over the screen, or a
// passphrase change): work that failed while the gate was closed, such as a
// screening draft's autosave, listens here to try again at once.

type Listener = () => void;
const listeners = new Set<Listener>();

export function onResume(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function notifyResume(): void {
  for (const listener of listeners) listener();
}
