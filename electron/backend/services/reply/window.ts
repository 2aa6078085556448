import { daysUntil } from '../../../../shared/format/dates';
import type { ReplyView } from '../../../../shared/ipc/channels/reply';
import { AppFailure } from '../../../../shared/ipc/result';
import type { BackendContext } from '../../context';
import { receivedRoundForYear } from '../../db/repos/received-round-repo';
import { unitDay } from '../assessments/unit-day';

/**
 * The giải trình window of a year: the round's [explanationStart, explanationEnd], both days included, in
 * Vietnam's calendar (unitDay). The round package the unit holds decides (a later round revision may move
 * it), not the copy in the result. `daysLeft`: days until the window opens (NOT_OPEN), days left including
 * today (OPEN), 0 (CLOSED).
 */
export const windowOf = (ctx: BackendContext, year: number): ReplyView['window'] => {
  const round = receivedRoundForYear(ctx.db, year);
  if (!round) throw AppFailure.of('REPLY_ROUND_FIRST', { year });
  const { explanationStart: start, explanationEnd: end } = round.deadlines;
  const today = unitDay(ctx.now());
  if (today < start) return { start, end, today, state: 'NOT_OPEN', daysLeft: daysUntil(today, start) };
  if (today > end) return { start, end, today, state: 'CLOSED', daysLeft: 0 };
  return { start, end, today, state: 'OPEN', daysLeft: daysUntil(today, end) + 1 };
};

/** Refuses outside the window, each side with its own reason. */
export const requireWindowOpen = (ctx: BackendContext, year: number): void => {
  const w = windowOf(ctx, year);
  if (w.state === 'NOT_OPEN') throw AppFailure.of('REPLY_WINDOW_NOT_OPEN', { start: w.start, end: w.end });
  if (w.state === 'CLOSED') throw AppFailure.of('REPLY_WINDOW_CLOSED', { end: w.end });
};
