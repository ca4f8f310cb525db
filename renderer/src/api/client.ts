import type { KetaDeskBridge } from '../../../shared/api';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract';
import type { ApiError, Result } from '../../../shared/result';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    ketadesk?: KetaDeskBridge;
  }
}

/** The preload's bridge in the desktop app, the HTTP bridge in browser mode. */
const bridge: KetaDeskBridge = window.ketadesk ?? createHttpBridge();

type ErrorListener = (error: ApiError) => void;
const errorListeners = new Set<ErrorListener>();

/**
 * Hears every error answer, e.g. so the workspace can ask "who is working?"
 * again when the main process no longer knows (it was restarted). Returns the
 * unsubscribe function.
 */
export function onApiError(listener: ErrorListener): () => void {
  errorListeners.add(listener);
  return () => {
    errorListeners.delete(listener);
  };
}

export async function call<C extends Channel>(channel: C, input: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const result = await bridge.invoke(channel, input);
  if (!result.ok) for (const listener of errorListeners) listener(result.error);
  return result;
}

/** For reads whose failure should surface as an error boundary / query error. */
export async function fetchData<C extends Channel>(channel: C, input: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}
