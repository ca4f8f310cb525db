// Browser mode's address carries the per-run token: whoever reads it can use
// the app as the clinician at this computer. So it goes to exactly one place:
//
// - Started by a person (`npm run browser`, or `npm start` falling back), the
//   server's stdout is the terminal they typed in (start.mjs passes its own
//   terminal through with stdio 'inherit'), and the address is printed there.
//   When stdout is not a terminal (redirected to a file, piped into a logger
//   or a service journal) the address is not printed at all: a log file
//   would keep a live token.
// - Started by a program with KETADESK_READY_JSON (the end-to-end harness,
//   the start-up benchmark), one JSON line on stdout is the answer, read over
//   the pipe by that parent only; the parent takes the line out of any output
//   it keeps or shows, and nothing else prints it. Warnings go to stderr,
//   which never holds the token.

export const READY_JSON_ENV = 'KETADESK_READY_JSON';

export interface ReadyMessage {
  ready: true;
  url: string;
  dataDir: string;
  pid: number;
}

export function readyLine(msg: Omit<ReadyMessage, 'ready'>): string {
  return `${JSON.stringify({ ready: true, ...msg })}\n`;
}

/** The ready message if `line` is one, else null (any other output of the server). */
export function parseReadyLine(line: string): ReadyMessage | null {
  try {
    const msg = JSON.parse(line) as Partial<ReadyMessage>;
    return msg && msg.ready === true && typeof msg.url === 'string' ? (msg as ReadyMessage) : null;
  } catch {
    return null;
  }
}

/** What a person starting browser mode sees, and on which stream. */
export function announcement(url: string, dataDir: string, stdoutIsTerminal: boolean): { stdout: string; stderr: string } {
  if (!stdoutIsTerminal) {
    return {
      stdout: '',
      stderr:
        `KetaDesk is running in browser mode (data: ${dataDir}), but its address is not printed because the output ` +
        'is not a terminal: the address holds a one-time key that must not end up in a log. Start it from a terminal ' +
        'with `npm run browser` to see the address.\n',
    };
  }
  return {
    stdout:
      `KetaDesk is running in browser mode. Data: ${dataDir}\n` +
      `Open this address in your browser (it works only on this computer):\n\n  ${url}\n\n` +
      'Press Ctrl+C to stop.\n',
    stderr: '',
  };
}
