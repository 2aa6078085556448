import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { SignatureImages } from '../../../shared/schemas/unit';
import { callOk, createTestBackend } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { encodePng, PNG_MAGIC, pngChunk, sealPng, signaturePng } from '../pades/fixtures';

/**
 * The unit's signature and seal images are hostile uploads: each refusal has its own reason, and nothing is
 * stored (what was stored before stays) when an image is refused.
 */

let b: TestBackend;
beforeEach(() => {
  b = createTestBackend();
});
afterEach(() => b.cleanup());

/** Registers bytes as an upload (what the web host's POST /api/upload does) and returns its id. */
const upload = (name: string, data: Buffer): string => {
  const path = join(b.dataDir, `upload-${Math.random().toString(16).slice(2)}-${name}`);
  writeFileSync(path, data);
  return b.ctx.uploads.register(path, name, data.length).id;
};

const refusal = async (payload: unknown) => {
  const res = await b.call('unit.setSignatureImage', payload);
  if (res.ok) throw new Error('expected a refusal');
  return { code: res.error.code, reason: res.error.reason, detail: (res.error.details as { reason?: string } | undefined)?.reason };
};

const images = () => callOk<SignatureImages>(b, 'unit.getSignatureImages');

/** An RGB PNG (colour type 2, no tRNS): no transparent background. */
const opaquePng = (): Buffer => encodePng(40, 20, () => [20, 40, 200, 255], 2);

/** A PNG whose IDAT inflates far beyond what IHDR announces (a zlib bomb in miniature). */
const bombPng = (): Buffer => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(10, 0);
  ihdr.writeUInt32BE(10, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([PNG_MAGIC, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(4 * 1024 * 1024))), pngChunk('IEND', Buffer.alloc(0))]);
};

describe('unit.setSignatureImage', () => {
  it('stores a transparent PNG from an upload and from the native dialog, with the seal at its width', async () => {
    expect(await images()).toEqual({ signature: null, seal: null });
    const sig = signaturePng();
    const afterSig = await callOk<SignatureImages>(b, 'unit.setSignatureImage', { kind: 'signature', uploadId: upload('chu-ky.png', sig) });
    expect(afterSig.signature).toMatchObject({ width: 300, height: 120, sizeBytes: sig.length });
    expect(afterSig.signature!.dataUrl).toBe(`data:image/png;base64,${sig.toString('base64')}`);
    const sealFile = join(b.dataDir, 'con-dau.png');
    writeFileSync(sealFile, sealPng());
    b.host.nextPicks.push([sealFile]);
    const afterSeal = await callOk<SignatureImages>(b, 'unit.setSignatureImage', { kind: 'seal', widthMm: 40 });
    expect(afterSeal.seal).toMatchObject({ width: 240, height: 240, widthMm: 40 });
    expect((await callOk<SignatureImages>(b, 'unit.setSealWidth', { widthMm: 42 })).seal!.widthMm).toBe(42);
    const removed = await callOk<SignatureImages>(b, 'unit.removeSignatureImage', { kind: 'seal' });
    expect(removed.seal).toBeNull();
    expect(removed.signature!.sha256).toBe(afterSig.signature!.sha256);
  });

  it.each([
    ['not a PNG (a JPEG)', () => Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), { code: 'BAD_FILE', reason: 'PNG_NOT_PNG', detail: 'NOT_PNG' }],
    ['over 1 MiB', () => Buffer.concat([signaturePng(), Buffer.alloc(1024 * 1024)]), { code: 'FILE_TOO_LARGE', reason: 'PNG_TOO_LARGE', detail: 'TOO_MANY_BYTES' }],
    ['without an alpha channel', opaquePng, { code: 'BAD_FILE', reason: 'PNG_NO_ALPHA', detail: 'NO_ALPHA' }],
    ['cut short', () => signaturePng().subarray(0, 200), { code: 'BAD_FILE', reason: 'PNG_TRUNCATED', detail: 'TRUNCATED' }],
    ['inflating beyond its header (zlib bomb)', bombPng, { code: 'BAD_FILE', reason: 'PNG_BAD_DATA', detail: 'BAD_DATA' }],
    ['too many pixels', () => encodePng(2401, 2, () => [0, 0, 0, 0]), { code: 'BAD_FILE', reason: 'PNG_TOO_WIDE', detail: 'DIMENSIONS' }],
  ])('refuses an image %s and keeps what was stored before', async (_label, make, expected) => {
    await callOk(b, 'unit.setSignatureImage', { kind: 'signature', uploadId: upload('ok.png', signaturePng()) });
    const before = await images();
    expect(await refusal({ kind: 'signature', uploadId: upload('bad.png', make()) })).toEqual(expected);
    expect(await refusal({ kind: 'seal', uploadId: upload('bad.png', make()) })).toEqual(expected);
    expect(await images()).toEqual(before);
    expect(before.seal).toBeNull();
  });

  it('refuses a width for the signature image and a seal width outside 10–80 mm; setSealWidth needs a seal', async () => {
    expect(await refusal({ kind: 'signature', uploadId: upload('s.png', signaturePng()), widthMm: 30 })).toEqual({ code: 'VALIDATION', reason: 'SIGNATURE_IMAGE_NO_WIDTH', detail: undefined });
    const wide = await b.call('unit.setSignatureImage', { kind: 'seal', uploadId: upload('c.png', sealPng()), widthMm: 81 });
    expect(wide.ok ? 'OK' : wide.error.code).toBe('VALIDATION');
    const noSeal = await b.call('unit.setSealWidth', { widthMm: 40 });
    expect(noSeal.ok ? 'OK' : noSeal.error.reason).toBe('SEAL_IMAGE_MISSING');
    expect(await images()).toEqual({ signature: null, seal: null });
  });

  it('nothing picked in the dialog stores nothing', async () => {
    expect(await refusal({ kind: 'seal' })).toMatchObject({ code: 'CANCELLED' });
    expect(await images()).toEqual({ signature: null, seal: null });
  });
});
