import { afterEach } from 'vitest';
import { Gatekeeper } from '../../electron/auth/gatekeeper';
import { dispatch } from '../../electron/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { makeTempDir } from './temp-dir';

/** Cheap scrypt for tests only: the product always uses its production cost. */
export const TEST_KDF = { N: 2 ** 10, r: 8, p: 1 } as const;
export const ADMIN_PASSPHRASE = 'correct horse battery staple';

export interface GateHarness {
  dir: string;
  ctx: HandlerContext;
  gate: Gatekeeper;
  /** Moves the clinical clock (lock-out times) and the idle clock together. */
  advance: (ms: number) => void;
  call: <C extends Channel>(channel: C, input: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  /** Like `call`, but throws on an error answer. */
  ok: <C extends Channel>(channel: C, input: RequestOf<C>) => Promise<ResponseOf<C>>;
  reopen: () => GateHarness;
}

/** A workstation on a real data folder, driven through the same dispatch as both transports. */
export function useGate() {
  const opened: Array<{ gate: Gatekeeper; cleanup: () => void }> = [];
  afterEach(() => {
    for (const { gate, cleanup } of opened.splice(0)) {
      gate.close();
      cleanup();
    }
  });
  function on(dir: string, cleanup: () => void, start = Date.parse('2026-11-25T09:00:00Z')): GateHarness {
    let clock = start;
    let idle = 0;
    const now = () => new Date(clock);
    const gate = new Gatekeeper({ dataDir: dir, now, idleClock: () => idle, kdfCost: TEST_KDF });
    opened.push({ gate, cleanup });
    const ctx: HandlerContext = { gate, dataDir: dir, now };
    const call = <C extends Channel>(channel: C, input: RequestOf<C>) =>
      dispatch(channel, input, ctx) as Promise<Result<ResponseOf<C>>>;
    const harness: GateHarness = {
      dir, ctx, gate, call,
      advance: (ms) => {
        clock += ms;
        idle += ms;
      },
      ok: async (channel, input) => {
        const result = await call(channel, input);
        if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
        return result.data;
      },
      reopen: () => {
        gate.close();
        return on(dir, () => {}, clock);
      },
    };
    return harness;
  }
  return {
    /** A new, empty data folder. */
    fresh(): GateHarness {
      const { dir, cleanup } = makeTempDir();
      return on(dir, cleanup);
    },
    /** A data folder set up with its first administrator, signed in. */
    async setUp(): Promise<GateHarness & { adminId: string; recoveryKey: string }> {
      const h = this.fresh();
      const { status, recoveryKey } = await h.ok('auth.setup', {
        name: 'Dr Ada Rivera', credentials: 'MD', role: 'prescriber', passphrase: ADMIN_PASSPHRASE,
      });
      return { ...h, adminId: status.clinician!.id, recoveryKey };
    },
  };
}
