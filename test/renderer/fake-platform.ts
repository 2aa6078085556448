import { afterEach, vi } from 'vitest';

import { CHANNEL_NAMES, contract, splitChannel } from '../../shared/ipc/contract';
import type { ChannelName, PlatformApi } from '../../shared/ipc/contract';
import type { Platform } from '../../renderer/src/platform/index';

/**
 * The renderer tests' backend: handlers a test writes per channel, typed by the contract (a handler that
 * answers the wrong shape is a type error), checked at run time like the real dispatcher does (the input by
 * the channel's input schema, the answer by its output schema). A channel the test did not implement throws,
 * and so does a bad input or answer; each such mistake also fails the test after it ends, even when the
 * component caught the error and showed it in a banner.
 *
 *   const api = { jobs: { get: vi.fn(async () => job) } };
 *   const { platform } = fakePlatform(api);
 *   api.jobs.get.mockResolvedValueOnce(...);      // the spies stay the test's own
 */
export type FakeHandlers = { [NS in keyof PlatformApi]?: { [M in keyof PlatformApi[NS]]?: PlatformApi[NS][M] } };

const mistakes: string[] = [];

afterEach(() => {
  const found = mistakes.splice(0);
  if (found.length > 0) throw new Error(`The fake backend was misused:\n- ${found.join('\n- ')}`);
});

const fail = (message: string): never => {
  mistakes.push(message);
  throw new Error(message);
};

const call = async (channel: ChannelName, handlers: FakeHandlers, input: unknown): Promise<unknown> => {
  const [ns, method] = splitChannel(channel);
  const handler = (handlers as Record<string, Record<string, ((i: unknown) => Promise<unknown>) | undefined> | undefined>)[ns]?.[method];
  if (!handler) return fail(`channel ${channel} was called but the test does not implement it`);
  const spec = contract[channel];
  const parsedInput = spec.input.safeParse(input ?? {});
  if (!parsedInput.success) return fail(`${channel} got an input its schema refuses: ${parsedInput.error.message}`);
  // Errors the handler throws (AppFailure…) reach the component as the real transport delivers them.
  const answer = await handler(input ?? {});
  const parsedOutput = spec.output.safeParse(answer);
  if (!parsedOutput.success) return fail(`${channel} answered a value its output schema refuses: ${parsedOutput.error.message}`);
  return parsedOutput.data;
};

export type FakePlatform = Platform & {
  download: ReturnType<typeof vi.fn>;
  uploadFiles: ReturnType<typeof vi.fn>;
  fileObjectUrl: ReturnType<typeof vi.fn>;
  fileBytes: ReturnType<typeof vi.fn>;
};

export const fakePlatform = (handlers: FakeHandlers, opts: { kind?: Platform['kind'] } = {}): FakePlatform => {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [ns, method] = splitChannel(channel);
    api[ns] ??= {};
    api[ns][method] = (input: unknown) => call(channel, handlers, input);
  }
  return {
    api: api as unknown as PlatformApi,
    kind: opts.kind ?? 'web',
    download: vi.fn(async () => {}),
    uploadFiles: vi.fn(async (files: File[]) => files.map((f, i) => ({ uploadId: `up${i + 1}`, name: f.name, size: f.size }))),
    fileObjectUrl: vi.fn(async (fileId: string) => `blob:${fileId}`),
    fileBytes: vi.fn(async () => new Uint8Array()),
  };
};
