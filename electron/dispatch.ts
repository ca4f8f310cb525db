import { contract, isChannel } from '../shared/contract';
import { DomainError, type Result } from '../shared/result';
import { toInvalidInput } from '../shared/validation';
import type { HandlerContext } from './handlers/context';
import { handlers } from './handlers';

/**
 * The single entry for both transports: checks the channel, validates the
 * request against the contract, runs the handler and turns every failure into
 * a structured error. Unexpected errors are logged here and answered without
 * their internals.
 */
export function dispatch(channel: unknown, input: unknown, ctx: HandlerContext): Result<unknown> {
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
    return { ok: false, error: { code: 'invalid-input', message: `Unknown action: ${name}` } };
  }
  const parsed = contract[channel].request.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: toInvalidInput(parsed.error) };
  try {
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
    return { ok: true, data: handler(parsed.data, ctx) };
  } catch (err) {
    if (err instanceof DomainError) {
      const error = { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
      return { ok: false, error };
    }
    console.error(`[ketadesk] ${channel} failed:`, err);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong and nothing was saved. Please try again.' },
    };
  }
}
