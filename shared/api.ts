import type { Channel, RequestOf, ResponseOf } from './contract';
import type { Result } from './result';

/**
 * The one function the renderer talks through. The Electron preload and the
 * browser-mode bridge both provide it, so screens cannot tell them apart.
 */
export interface KetaDeskBridge {
  invoke<C extends Channel>(channel: C, input: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
}
