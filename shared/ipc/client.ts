import { CHANNEL_NAMES, splitChannel } from './contract';
import type { ChannelName, PlatformApi, RawApi } from './contract';
import { AppFailure } from './result';
import type { Result } from './result';

export type RawInvoke = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>;

/** Builds the namespaced object (`api.unit.get(...)`) from one invoke function; used by preload and HTTP. */
export const buildRawApi = (invoke: RawInvoke): RawApi => {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [ns, method] = splitChannel(channel);
    api[ns] ??= {};
    api[ns][method] = (input: unknown) => invoke(channel, input ?? {});
  }
  return api as unknown as RawApi;
};

/** Unwraps Result envelopes so components can `await api.unit.get({})` and catch AppFailure. */
export const unwrapApi = (raw: RawApi): PlatformApi => {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  const rawRecord = raw as unknown as Record<string, Record<string, (i: unknown) => Promise<Result<unknown>>>>;
  for (const channel of CHANNEL_NAMES) {
    const [ns, method] = splitChannel(channel);
    api[ns] ??= {};
    api[ns][method] = async (input: unknown) => {
      const fn = rawRecord[ns]?.[method];
      if (!fn) throw AppFailure.of('UNKNOWN_CHANNEL');
      const res = await fn(input ?? {});
      if (res.ok) return res.value;
      throw AppFailure.fromError(res.error);
    };
  }
  return api as unknown as PlatformApi;
};
