import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { dataPaths } from '../../electron/backend/data-dir';
import type { HandlerMap } from '../../electron/backend/handlers/types';
import { registerIpc } from '../../electron/main/ipc/register';
import type { SenderLike } from '../../electron/main/ipc/sender-check';
import { startWebHost } from '../../electron/webhost/server';
import type { RunningWebHost } from '../../electron/webhost/server';
import { CHANNEL_NAMES, contract } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { createTestBackend, makeTempDir } from '../helpers/backend';
import type { TestBackend } from '../helpers/backend';
import { jsonRoundTrip, malformedPayload } from './fuzz-payloads';
import { TRUSTED_EVENT, TRUSTED_ID, UNTRUSTED_EVENTS } from './ipc-assertions';

/**
 * Property: for EVERY contract channel (new channels are picked up from CHANNEL_NAMES automatically), a
 * malformed payload is answered with VALIDATION — or FORBIDDEN for a bad sender — and never reaches a
 * handler, through the dispatcher, the Electron registration layer and the web host. Handlers are spies
 * (createBackend's `handlers` option), so reaching one is observable and harmless.
 */
const RUNS_DISPATCH = 300;
const RUNS_IPC = 150;
const RUNS_HTTP = 20;
const SEED = 20250808;

let reached: string[] = [];
const spyHandlers = Object.fromEntries(
  CHANNEL_NAMES.map((c) => [
    c,
    () => {
      reached.push(c);
      throw new Error('a handler was reached by a fuzz payload');
    },
  ]),
) as unknown as HandlerMap;

const isValid = (channel: (typeof CHANNEL_NAMES)[number], payload: unknown): boolean => {
  try {
    return contract[channel].input.safeParse(payload).success;
  } catch {
    return false;
  }
};

let b: TestBackend;
beforeAll(() => {
  b = createTestBackend({ handlers: spyHandlers });
});
afterAll(() => b.cleanup());

const expectRejected = (res: Result<unknown>, code: 'VALIDATION' | 'FORBIDDEN', channel: string) => {
  if (res.ok || res.error.code !== code) {
    throw new Error(`${channel}: expected ${code}, got ${JSON.stringify(res).slice(0, 300)}`);
  }
  // Errors never carry stack traces or internals across the boundary.
  expect(JSON.stringify(res.error)).not.toMatch(/\bat \w+ \(|node_modules|\.ts:\d+/);
};

describe('IPC fuzz: every channel', () => {
  it('covers the whole contract', () => {
    expect(CHANNEL_NAMES.length).toBeGreaterThan(5);
  });

  it.each(CHANNEL_NAMES)('%s: malformed payloads through the dispatcher → VALIDATION, no handler reached', async (channel) => {
    const schema = contract[channel].input;
    let tested = 0;
    reached = [];
    await fc.assert(
      fc.asyncProperty(malformedPayload(schema), async (payload) => {
        if (isValid(channel, payload)) return;
        tested++;
        expectRejected(await b.call(channel, payload), 'VALIDATION', channel);
        expect(reached).toEqual([]);
      }),
      { numRuns: RUNS_DISPATCH, seed: SEED },
    );
    expect(tested).toBeGreaterThanOrEqual(RUNS_DISPATCH * 0.8);
  });

  it.each(CHANNEL_NAMES)('%s: through the Electron registration layer → VALIDATION (trusted) / FORBIDDEN (untrusted)', async (channel) => {
    const listeners = new Map<string, (event: SenderLike, payload: unknown) => Promise<Result<unknown>>>();
    registerIpc({ handle: (c, l) => listeners.set(c, l) }, b.call, () => TRUSTED_ID);
    const listener = listeners.get(channel)!;
    let tested = 0;
    reached = [];
    await fc.assert(
      fc.asyncProperty(malformedPayload(contract[channel].input), fc.constantFrom(...UNTRUSTED_EVENTS), async (payload, [, bad]) => {
        // A bad sender is refused before its payload is looked at — valid or not.
        expectRejected(await listener(bad, payload), 'FORBIDDEN', channel);
        if (isValid(channel, payload)) return;
        tested++;
        expectRejected(await listener(TRUSTED_EVENT, payload), 'VALIDATION', channel);
        expect(reached).toEqual([]);
      }),
      { numRuns: RUNS_IPC, seed: SEED + 1 },
    );
    expect(tested).toBeGreaterThanOrEqual(RUNS_IPC * 0.8);
  });

  it('unknown and hostile channel names never reach a handler', async () => {
    reached = [];
    for (const name of ['__proto__', 'constructor', 'toString', 'unit.get.extra', 'unit.__proto__', '', 'x'.repeat(10_000)]) {
      const res = await b.call(name, {});
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('UNKNOWN_CHANNEL');
    }
    expect(reached).toEqual([]);
  });
});

describe('HTTP fuzz: the web host', () => {
  let host: RunningWebHost;
  let port: number;
  beforeAll(async () => {
    const rendererDir = makeTempDir('cchc-fuzz-renderer-');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    host = await startWebHost({ backend: b, rendererDir, uploadsDir: dataPaths(b.dataDir).uploads });
    port = Number(new URL(host.origin).port);
  });
  afterAll(async () => host.close());

  const post = (channel: string, body: string, token = host.token): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/call/${encodeURIComponent(channel)}`,
          headers: { 'content-type': 'application/json', 'x-cchc-token': token, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  it('every channel: malformed JSON payloads → VALIDATION, a wrong token → FORBIDDEN, no handler reached', async () => {
    reached = [];
    let tested = 0;
    for (const channel of CHANNEL_NAMES) {
      await fc.assert(
        fc.asyncProperty(malformedPayload(contract[channel].input), async (raw) => {
          const payload = jsonRoundTrip(raw);
          if (payload === undefined || isValid(channel, payload)) return;
          tested++;
          const body = JSON.stringify(payload);
          const r = await post(channel, body);
          const parsed = JSON.parse(r.body) as Result<unknown>;
          expectRejected(parsed, 'VALIDATION', channel);
          const forged = await post(channel, body, 'A'.repeat(host.token.length));
          expect(forged.status).toBe(403);
        }),
        { numRuns: RUNS_HTTP, seed: SEED + 2 },
      );
    }
    expect(reached).toEqual([]);
    expect(tested).toBeGreaterThanOrEqual(CHANNEL_NAMES.length * RUNS_HTTP * 0.5);
  });

  it('bodies that are not JSON at all are refused', async () => {
    reached = [];
    for (const body of ['{', 'null null', '\u0000', '{"__proto__":', 'x'.repeat(3 * 1024 * 1024)]) {
      const r = await post(CHANNEL_NAMES[0]!, body);
      expect([400, 413]).toContain(r.status);
      expect((JSON.parse(r.body) as Result<unknown>).ok).toBe(false);
    }
    expect(reached).toEqual([]);
  });
});
