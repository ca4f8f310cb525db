// The demo clinic's front door: one Gatekeeper on the data folder, driven
// through the same dispatch as both of the app's transports, on a clinical
// clock the demo moves forward through its timeline.

import { Gatekeeper } from '../../electron/auth/gatekeeper';
import { dispatch } from '../../electron/dispatch';
import type { HandlerContext } from '../../electron/handlers/context';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { DemoStaff } from './people';

export class Desk {
  readonly gate: Gatekeeper;
  private readonly ctx: HandlerContext;
  private clock: number;
  private signedIn: string | null = null;
  private readonly pinDays = new Map<string, string>();
  /** Passphrase checks at the production scrypt cost: sign-ins and electronic signatures. */
  passphraseChecks = 0;

  constructor(dataDir: string, start: number) {
    this.clock = start;
    const now = () => new Date(this.clock);
    this.gate = new Gatekeeper({ dataDir, now });
    this.ctx = { gate: this.gate, dataDir, now };
  }

  /** Entries may not be in the future of `now`, and the audit log reads in order: the clock only moves forward. */
  moveTo(t: number): void {
    if (t < this.clock) throw new Error(`the demo clock cannot go back from ${new Date(this.clock).toISOString()} to ${new Date(t).toISOString()}`);
    this.clock = t;
  }

  async call<C extends Channel>(channel: C, input: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await dispatch(channel, input, this.ctx);
    if (!result.ok) {
      const field = result.error.field ? ` (${result.error.field})` : '';
      throw new Error(`demo clinic: ${channel} failed at ${new Date(this.clock).toISOString()}: ${result.error.code}: ${result.error.message}${field}`);
    }
    return result.data as ResponseOf<C>;
  }

  /** Switching clinician at the desk is the other person's sign-in. */
  async as(staff: DemoStaff, id: string): Promise<void> {
    if (this.signedIn === id) return;
    await this.call('auth.signIn', { clinicianId: id, passphrase: staff.passphrase });
    this.passphraseChecks += 1;
    this.signedIn = id;
  }

  /** Marks who is signed in after a call that signs someone in (setup). */
  signedInAs(id: string): void {
    this.signedIn = id;
  }

  /** The electronic signature a signed channel takes: the signed-in clinician's passphrase, re-entered. */
  signature(staff: DemoStaff): { signature: { passphrase: string } } {
    this.passphraseChecks += 1;
    return { signature: { passphrase: staff.passphrase } };
  }

  /**
   * A signature with the PIN the signed-in clinician set at their first
   * signature of the day (confirmed with their passphrase), as busy staff do:
   * it keeps the demo to a few production-cost passphrase checks per day.
   */
  async pinSignature(staff: DemoStaff, id: string): Promise<{ signature: { pin: string } }> {
    const day = new Date(this.clock).toDateString();
    if (this.pinDays.get(id) !== day) {
      await this.call('auth.setPin', { pin: staff.pin, passphrase: staff.passphrase });
      this.passphraseChecks += 1;
      this.pinDays.set(id, day);
    }
    return { signature: { pin: staff.pin } };
  }

  close(): void {
    this.gate.close();
  }
}
