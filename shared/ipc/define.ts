import type { z } from 'zod';

/** One request/response channel: what the renderer may send and what the backend answers. */
export type ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  input: I;
  output: O;
  /** Long or heavy work: the web host allows a bigger body / the UI shows progress via jobs. */
  description: string;
};

export const defineChannel = <I extends z.ZodType, O extends z.ZodType>(
  spec: ChannelSpec<I, O>,
): ChannelSpec<I, O> => spec;
