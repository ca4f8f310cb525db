import { contract, isChannel, type Channel } from '../shared/contract';
import { credential } from '../shared/auth/passphrase';
import { DomainError, type ApiError, type Result } from '../shared/result';
import { toInvalidInput } from '../shared/validation';
import type { HandlerContext, RequestContext } from './handlers/context';
import { handlers } from './handlers';
import type { Signer } from './auth/gatekeeper';

/** Reads that screens make on a timer: they must not keep an idle screen from locking. */
const PASSIVE: ReadonlySet<Channel> = new Set<Channel>(['auth.status', 'sessions.get']);

/**
 * The single entry for both transports: checks the channel, who is asking
 * (before reading the request, so a refused caller learns nothing from
 * validation), validates the request against the contract, checks an
 * electronic signature, runs the handler and turns every failure into a
 * structured error. Unexpected errors are logged here and answered without
 * their internals.
 */
export async function dispatch(channel: unknown, input: unknown, ctx: HandlerContext): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    const name = typeof channel === 'string' ? channel.slice(0, 80) : typeof channel;
    return { ok: false, error: { code: 'invalid-input', message: `Unknown action: ${name}` } };
  }
  try {
    const spec = contract[channel];
    const clinician = spec.access === 'public' ? null : ctx.gate.requireAccess(spec.access);
    const { request, signature } = splitSignature(channel, input ?? {});
    const parsed = spec.request.safeParse(request);
    if (!parsed.success) return { ok: false, error: toInvalidInput(parsed.error) };
    const signer = signature === undefined ? null : await verifySignature(signature, ctx);
    if (clinician && !PASSIVE.has(channel)) ctx.gate.touch();
    const requestCtx: RequestContext = {
      ...ctx,
      clinician,
      signer,
      get store() {
        return ctx.gate.requireStore();
      },
    };
    const handler = handlers[channel] as (input: unknown, ctx: RequestContext) => unknown;
    return { ok: true, data: await handler(parsed.data, requestCtx) };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, error: toApiError(err) };
    console.error(`[ketadesk] ${channel} failed:`, err);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong and nothing was saved. Please try again.' },
    };
  }
}

const toApiError = (err: DomainError): ApiError => ({ code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) });

/** A signed channel's signature travels beside its request; every other channel refuses one like any unknown field. */
function splitSignature(channel: Channel, input: unknown): { request: unknown; signature: unknown } {
  const need = (contract[channel] as { signature?: string }).signature;
  if (!need || typeof input !== 'object' || input === null || Array.isArray(input)) return { request: input, signature: undefined };
  const { signature, ...request } = input as Record<string, unknown>;
  if (signature === undefined && need === 'required') {
    throw new DomainError('invalid-input', 'Sign with your passphrase or PIN.', 'signature');
  }
  return { request, signature };
}

async function verifySignature(signature: unknown, ctx: HandlerContext): Promise<Signer> {
  const parsed = credential.safeParse(signature);
  if (!parsed.success) throw new DomainError('invalid-input', 'Sign with your passphrase or your 6-digit PIN.', 'signature');
  return ctx.gate.verifySignature(parsed.data);
}
