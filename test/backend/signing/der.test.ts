import { describe, expect, it } from 'vitest';

import { childrenOf, DerError, oidText, readDer, TAG, timeOf } from '../../../electron/backend/services/signing/der';
import { readCms } from '../../../electron/backend/services/bundle/verify/cms-read';

/** The position reader of signing/der.ts on crafted input: every malformed shape is a DerError, never a hang or a crash. */
const b = (...xs: number[]) => Uint8Array.from(xs);

describe('DER reader', () => {
  it('reads definite and indefinite lengths, and the children of a constructed element', () => {
    const seq = b(0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0xaa);
    const d = readDer(seq, 0);
    expect([d.contentStart, d.end]).toEqual([2, 8]);
    expect(childrenOf(seq, d).map((c) => c.tag)).toEqual([TAG.INTEGER, TAG.OCTET_STRING]);
    const indefinite = b(0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00);
    const i = readDer(indefinite, 0);
    expect([i.contentEnd, i.end]).toEqual([5, 7]);
    const long = b(0x04, 0x82, 0x00, 0x02, 0xaa, 0xbb);
    expect(readDer(long, 0).end).toBe(6);
  });

  it.each([
    ['empty', b()],
    ['a length past the end', b(0x30, 0x05, 0x02, 0x01)],
    ['a five-byte length', b(0x04, 0x85, 0, 0, 0, 0, 1, 0xaa)],
    ['a high tag number', b(0x1f, 0x81, 0x01, 0x00)],
    ['an indefinite length on a primitive', b(0x04, 0x80, 0xaa, 0x00, 0x00)],
    ['an indefinite length without end-of-contents', b(0x30, 0x80, 0x02, 0x01, 0x05)],
    ['nesting deeper than 32', Uint8Array.from([...Array.from({ length: 40 }, () => [0x30, 0x80]).flat(), ...Array.from({ length: 40 }, () => [0, 0]).flat()])],
  ])('%s: DerError', (_name, bytes) => {
    expect(() => {
      const d = readDer(bytes, 0);
      if (d.constructed) childrenOf(bytes, d);
    }).toThrow(DerError);
  });

  it('a child running past its parent is refused even when the buffer goes on', () => {
    const bytes = b(0x30, 0x02, 0x04, 0x03, 0xaa, 0xbb, 0xcc);
    expect(() => childrenOf(bytes, readDer(bytes, 0))).toThrow(DerError);
  });

  it('object identifiers and times', () => {
    const oid = b(0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02);
    expect(oidText(oid, readDer(oid, 0))).toBe('1.2.840.113549.1.7.2');
    expect(() => oidText(b(0x06, 0x02, 0x2a, 0x86), readDer(b(0x06, 0x02, 0x2a, 0x86), 0))).toThrow(DerError);
    const utc = Uint8Array.from([0x17, 13, ...Buffer.from('251210083000Z')]);
    expect(timeOf(utc, readDer(utc, 0)).toISOString()).toBe('2025-12-10T08:30:00.000Z');
    const feb30 = Uint8Array.from([0x17, 13, ...Buffer.from('250230083000Z')]);
    expect(() => timeOf(feb30, readDer(feb30, 0))).toThrow(DerError);
    const local = Uint8Array.from([0x18, 14, ...Buffer.from('20251210083000')]);
    expect(() => timeOf(local, readDer(local, 0))).toThrow(DerError);
  });

  it('readCms: trailing bytes, another top-level shape, a SignedData with an extra field', () => {
    expect(() => readCms(Buffer.from([0x30, 0x00, 0x00]))).toThrow(DerError);
    expect(() => readCms(Buffer.from([0x04, 0x01, 0xaa]))).toThrow(DerError);
    // ContentInfo { signedData, [0] { SignedData { 1, {}, { data }, {}, NULL } } }
    const oidSigned = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
    const oidData = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
    const sd = [0x02, 0x01, 0x01, 0x31, 0x00, 0x30, oidData.length, ...oidData, 0x31, 0x00, 0x05, 0x00];
    const ci = [0x30, 2 + oidSigned.length + 2 + sd.length, ...oidSigned, 0xa0, 2 + sd.length, 0x30, sd.length, ...sd];
    expect(() => readCms(Buffer.from(ci))).toThrow(/unexpected fields/);
  });
});
