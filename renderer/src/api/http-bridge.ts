import type { KetaDeskBridge } from '../../../shared/api';
import type { Result } from '../../../shared/result';

const TOKEN_KEY = 'ketadesk.token';

/**
 * Browser mode: the server prints a URL with the per-run token in its hash.
 * The token is moved to sessionStorage and removed from the address bar, so
 * it is neither sent to the server in a URL nor left in history.
 */
function takeToken(): string {
  const match = /(?:^|[#&])token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpBridge(): KetaDeskBridge {
  const token = takeToken();
  return {
    async invoke(channel, input) {
      try {
        const res = await fetch(`/api/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-KetaDesk-Token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<never>;
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'KetaDesk is not running. Start it again with npm start.' },
        };
      }
    },
  };
}
