import { useCallback, useEffect, useRef, useState } from 'react';
import type { Board } from '../../../shared/board/schemas';
import type { ApiError } from '../../../shared/result';
import { call } from '../api/client';
import { onResume } from '../app/resume';

/** How often the board reads the day again while it is shown. */
export const BOARD_REFRESH_MS = 30_000;

/**
 * Today's board, read now, every 30 s, when the window regains focus and when
 * the clinician is back in after a lock. The last board stays on screen while
 * the next is read (no flicker) and when a read fails (the error is shown beside it).
 */
export function useBoard() {
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reading = useRef(false);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    if (reading.current) return;
    reading.current = true;
    try {
      const result = await call('board.today', {});
      if (!live.current) return;
      if (result.ok) {
        setBoard(result.data);
        setError(null);
      } else setError(result.error);
    } finally {
      reading.current = false;
    }
  }, []);

  useEffect(() => {
    live.current = true;
    void refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void refresh();
    }, BOARD_REFRESH_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    const offResume = onResume(onFocus);
    return () => {
      live.current = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      offResume();
    };
  }, [refresh]);

  return { board, error, refresh };
}
