import { nowIso, type Handler } from './context';

// Today's board: one read of the clinic's day, reckoned from the (test-clock-aware) now.

export const boardHandlers: { [C in 'board.today']: Handler<C> } = {
  'board.today': (_, ctx) => ctx.store.board.today(nowIso(ctx)),
};
