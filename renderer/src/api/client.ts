import type { KetaDeskBridge } from '../../../shared/api';
import type { Channel, RequestOf, ResponseOf } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    ketadesk?: KetaDeskBridge;
  }
}

/** The preload's bridge in the desktop app, the HTTP bridge in browser mode. */
const bridge: KetaDeskBridge = window.ketadesk ?? createHttpBridge();

export function call<C extends Channel>(channel: C, input: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  return bridge.invoke(channel, input);
}

/** For reads whose failure should surface as an error boundary / query error. */
export async function fetchData<C extends Channel>(channel: C, input: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}
