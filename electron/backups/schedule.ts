import type { HandlerContext } from '../handlers/context';
import { backupIfDue, backupOnClose } from './service';

/** How often the app checks whether today's backup is still to be made (cheap: a settings read and a folder listing). */
const CHECK_EVERY_MS = 60_000;

/**
 * Automatic backups in the main process: the daily one, checked every minute
 * once a sign-in has opened the records (so the first comes within a minute of
 * the day's first sign-in, and a run that lasts past midnight gets the next
 * day's), and one when the app closes. The timer never keeps the process alive.
 */
export function startBackupSchedule(ctx: HandlerContext): { closing: () => void } {
  const timer = setInterval(() => backupIfDue(ctx), CHECK_EVERY_MS);
  timer.unref();
  let closed = false;
  return {
    /** Once, before the records close. */
    closing: () => {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      backupOnClose(ctx);
    },
  };
}
