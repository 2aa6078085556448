/**
 * A small reader of ASN.1 BER/DER elements over a byte buffer, for structures whose shape we know (the CMS of a
 * package, verify/cms-read.ts). It returns positions, never copies, and refuses anything it cannot bound:
 * tags above 30 (high-tag form), lengths beyond the buffer or over 4 bytes, indefinite lengths on primitive
 * elements, nesting deeper than MAX_DEPTH. asn1js builds a generic tree with a schema comparison for every
 * parse (several milliseconds for a 2 KB signature, docs/performance.md "Batch import"); this reads the
 * same bytes in microseconds.
 */

export class DerError extends Error {
  override name = 'DerError';
}

/** One element: its identifier, where its header and content lie, and its whole encoding. */
export type Der = {
  /** The identifier octet as sent (class, constructed bit, tag number ≤ 30). */
  tag: number;
  constructed: boolean;
  /** First byte of the element (header included). */
  start: number;
  /** First byte of the content. */
  contentStart: number;
  /** One past the last content byte. */
  contentEnd: number;
  /** One past the element (after the end-of-contents octets of an indefinite length). */
  end: number;
};

const MAX_DEPTH = 32;

/** Well-known identifier octets. */
export const TAG = {
  INTEGER: 0x02,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
  /** [n] constructed, context-specific. */
  ctx: (n: number): number => 0xa0 | n,
  /** [n] primitive, context-specific. */
  ctxPrimitive: (n: number): number => 0x80 | n,
} as const;

/** The element at `at`, which must end by `limit`. */
export const readDer = (buf: Uint8Array, at: number, limit: number = buf.length, depth = 0): Der => {
  if (depth > MAX_DEPTH) throw new DerError('nesting too deep');
  if (at + 2 > limit) throw new DerError('element runs past its container');
  const tag = buf[at]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag number');
  const constructed = (tag & 0x20) !== 0;
  let p = at + 1;
  const first = buf[p++]!;
  if (first === 0x80) {
    if (!constructed) throw new DerError('indefinite length on a primitive element');
    // Indefinite (BER): children until the end-of-contents octets 00 00.
    let q = p;
    for (;;) {
      if (q + 2 > limit) throw new DerError('indefinite length without end-of-contents');
      if (buf[q] === 0 && buf[q + 1] === 0) return { tag, constructed, start: at, contentStart: p, contentEnd: q, end: q + 2 };
      q = readDer(buf, q, limit, depth + 1).end;
    }
  }
  let len = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4 || p + n > limit) throw new DerError('length too long');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++]!;
  }
  if (p + len > limit) throw new DerError('element runs past its container');
  return { tag, constructed, start: at, contentStart: p, contentEnd: p + len, end: p + len };
};

/** The children of a constructed element, in order. */
export const childrenOf = (buf: Uint8Array, parent: Der, depth = 0): Der[] => {
  if (!parent.constructed) throw new DerError('not a constructed element');
  const out: Der[] = [];
  for (let at = parent.contentStart; at < parent.contentEnd; ) {
    const c = readDer(buf, at, parent.contentEnd, depth + 1);
    out.push(c);
    at = c.end;
  }
  return out;
};

/** The element's whole encoding (a view, not a copy). */
export const bytesOf = (buf: Uint8Array, d: Der): Uint8Array => buf.subarray(d.start, d.end);

/** The element's content (a view, not a copy). */
export const contentOf = (buf: Uint8Array, d: Der): Uint8Array => buf.subarray(d.contentStart, d.contentEnd);

/** Throws unless the element has this identifier octet. */
export const expectTag = (d: Der | undefined, tag: number, what: string): Der => {
  if (!d || d.tag !== tag) throw new DerError(`${what}: tag ${d ? d.tag.toString(16) : 'missing'}, ${tag.toString(16)} expected`);
  return d;
};

/** Dotted text of an OBJECT IDENTIFIER's content. */
export const oidText = (buf: Uint8Array, d: Der): string => {
  expectTag(d, TAG.OID, 'object identifier');
  const c = contentOf(buf, d);
  if (c.length === 0 || c.length > 64) throw new DerError('object identifier length');
  const arcs: number[] = [];
  let v = 0;
  for (let i = 0; i < c.length; i++) {
    v = v * 128 + (c[i]! & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER / 128) throw new DerError('object identifier arc too large');
    if ((c[i]! & 0x80) === 0) {
      arcs.push(v);
      v = 0;
    } else if (i === c.length - 1) throw new DerError('object identifier truncated');
  }
  const first = arcs.shift()!;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
};

/** A UTCTime or GeneralizedTime in the forms DER allows (…Z, optional fraction on GeneralizedTime). */
export const timeOf = (buf: Uint8Array, d: Der): Date => {
  const s = Buffer.from(contentOf(buf, d)).toString('latin1');
  const m =
    d.tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s)
      : d.tag === TAG.GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d{1,9})?Z$/.exec(s)
        : null;
  if (!m) throw new DerError('time');
  let year = Number(m[1]);
  if (d.tag === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
  const t = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const date = new Date(t);
  if (Number.isNaN(t) || date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) throw new DerError('time');
  return date;
};
