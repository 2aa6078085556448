import { contract } from '../../shared/ipc/contract';
import type { ChannelName } from '../../shared/ipc/contract';
import { errOf, ok } from '../../shared/ipc/result';
import type { Result } from '../../shared/ipc/result';
import type { BackendContext } from './context';
import { toAppError } from './errors';
import type { Handler, HandlerMap } from './handlers/types';
import { invalidInput } from './validation';

const isChannel = (name: string): name is ChannelName => Object.hasOwn(contract, name);

/**
 * The one path every call takes after the transport has authenticated the caller (IPC sender check or
 * HTTP token check): channel lookup → zod parse of the untrusted payload → handler → output check →
 * Result envelope. Nothing reaches a handler without passing its schema.
 */
export const dispatch = async (
  handlers: HandlerMap,
  ctx: BackendContext,
  channel: string,
  payload: unknown,
): Promise<Result<unknown>> => {
  if (typeof channel !== 'string' || !isChannel(channel)) {
    return errOf('UNKNOWN_CHANNEL');
  }
  const spec = contract[channel];
  const parsed = spec.input.safeParse(payload);
  if (!parsed.success) return invalidInput(parsed.error, payload);
  try {
    const handler = handlers[channel] as Handler<ChannelName>;
    const value = await handler(parsed.data as never, ctx);
    // Checked after the handler: its writes are committed by now (handlers open their own transactions, and
    // async ones cannot be held open across awaits), so the failure says the change may be saved.
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      ctx.logger.error('handler output failed its schema', { channel, issues: checked.error.issues.slice(0, 5) });
      return errOf('INTERNAL_RESULT_INVALID');
    }
    return ok(checked.data);
  } catch (e) {
    return { ok: false, error: toAppError(e, ctx.logger) };
  }
};
