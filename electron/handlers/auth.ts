import type { Handler } from './context';

// Sign-in, the screen lock and passphrases. Each answers with the new status,
// so the screen shows exactly what the server now believes.

type AuthChannel =
  | 'auth.status' | 'auth.setup' | 'auth.signIn' | 'auth.unlock' | 'auth.recover' | 'auth.lock' | 'auth.signOut'
  | 'auth.activity' | 'auth.setPin' | 'auth.changePassphrase';

export const authHandlers: { [C in AuthChannel]: Handler<C> } = {
  'auth.status': (_, ctx) => ctx.gate.status(),
  'auth.setup': async (input, ctx) => {
    const { recoveryKey } = await ctx.gate.setup(input);
    return { status: ctx.gate.status(), recoveryKey };
  },
  'auth.signIn': async ({ clinicianId, passphrase }, ctx) => {
    await ctx.gate.signIn(clinicianId, passphrase);
    return ctx.gate.status();
  },
  'auth.unlock': async ({ credential }, ctx) => {
    await ctx.gate.unlock(credential);
    return ctx.gate.status();
  },
  'auth.recover': async ({ recoveryKey, clinicianId, next }, ctx) => {
    await ctx.gate.recover(recoveryKey, clinicianId, next);
    return ctx.gate.status();
  },
  'auth.lock': (_, ctx) => {
    ctx.gate.lock();
    return ctx.gate.status();
  },
  'auth.signOut': (_, ctx) => {
    ctx.gate.signOut();
    return ctx.gate.status();
  },
  'auth.activity': () => ({ ok: true }),
  'auth.setPin': async ({ pin, passphrase }, ctx) => {
    await ctx.gate.setPin(pin, passphrase);
    return ctx.gate.status();
  },
  'auth.changePassphrase': async ({ current, next }, ctx) => {
    await ctx.gate.changePassphrase(current, next);
    return ctx.gate.status();
  },
};
