import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../../shared/ipc/contract';
import type { BackendContext } from '../context';

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  ctx: BackendContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** A slice of handlers for some channels; handlers/index.ts joins the slices into a complete map. */
export type HandlerSlice<C extends ChannelName> = { [K in C]: Handler<K> };

export type HandlerMap = HandlerSlice<ChannelName>;
