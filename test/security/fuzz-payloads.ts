import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Malformed-payload generators for the IPC/HTTP fuzz tests (docs/security.md §4 and §5):
 * wrong types, huge strings, prototype-pollution keys, paths, NaN, negative and enormous numbers, arrays,
 * nested junk — and the channel's own field names filled with junk, so per-field checks get exercised.
 */
const HUGE = 'x'.repeat(1_000_000);
const LONG_VI = 'Đánh giá cải cách hành chính '.repeat(400);

const PATHS = [
  '/etc/passwd',
  '../../../../etc/passwd',
  '..\\..\\Windows\\win.ini',
  'C:\\Windows\\System32\\config\\SAM',
  '\\\\server\\share\\x.pdf',
  'file:///etc/shadow',
  '%2e%2e/%2e%2e/x',
  'evidence/../../cchc.sqlite',
  'a\u0000b',
  '\u202Egpj.exe',
];

const scalarJunk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -Infinity,
    -0,
    -1,
    -(2 ** 31),
    2 ** 53 + 2,
    Number.MAX_VALUE,
    1e308,
    0.5,
    null,
    undefined,
    true,
    false,
    '',
    ' ',
    HUGE,
    LONG_VI,
    '__proto__',
    'constructor',
    ...PATHS,
  ),
  fc.integer(),
  fc.double(),
  fc.bigInt(),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.date({ noInvalidDate: false }),
);

const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarJunk,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Objects carrying own `__proto__` / `constructor` / `prototype` keys, as JSON.parse would produce them. */
const pollution: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.constantFrom('{"isAdmin":true}', '{"polluted":1}', '"x"', '[1]', 'null'))
  .map(([k, v]) => JSON.parse(`{"${k}": ${v}, "nested": {"${k}": ${v}}}`) as unknown);

const shapeOf = (schema: z.ZodType): string[] => {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape && typeof shape === 'object' ? Object.keys(shape) : [];
};

/** Payloads for one channel; callers drop the (rare) ones that happen to be valid. */
export const malformedPayload = (schema: z.ZodType): fc.Arbitrary<unknown> => {
  const keys = shapeOf(schema);
  const keyed: fc.Arbitrary<unknown>[] = keys.length
    ? [
        // The real field names with junk values (and sometimes an extra key, which .strict() must refuse).
        fc.record(Object.fromEntries(keys.map((k) => [k, junk])) as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] }),
        fc
          .tuple(fc.record(Object.fromEntries(keys.map((k) => [k, junk])) as Record<string, fc.Arbitrary<unknown>>), fc.constantFrom('__proto__', 'constructor', 'extra', 'path', 'sql'), junk)
          .map(([obj, k, v]) => {
            const o = { ...(obj as object) } as Record<string, unknown>;
            Object.defineProperty(o, k, { value: v, enumerable: true, configurable: true, writable: true });
            return o;
          }),
      ]
    : [];
  return fc.oneof(scalarJunk, junk, pollution, fc.array(junk, { maxLength: 4 }), ...keyed);
};

/** Same, restricted to what survives JSON (the web host's transport). */
export const jsonRoundTrip = (v: unknown): unknown => {
  try {
    const s = JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
    return s === undefined ? undefined : (JSON.parse(s) as unknown);
  } catch {
    return undefined;
  }
};
