import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import yauzl from 'yauzl';
import type { Entry } from 'yauzl';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { makeTempDir } from '../../helpers/backend';
import { ASCII_PASSWORD, createTestPki } from '../../helpers/pki';
import type { TestPki } from '../../helpers/pki';
import { sampleInput } from './sample';

/**
 * The layout rules of the bundle zip (docs/submission-format.md): `mimetype` first, STORED, no extra field
 * in either header; every entry the same fixed DOS stamp (2020-01-01 00:00:00, FIXED_MTIME) and mode
 * rw-r--r--, whatever the packing machine's time zone; no timestamp extra fields.
 */
let pki: TestPki;
const savedTz = process.env.TZ;
beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterEach(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const entriesOf = (file: string): Promise<Entry[]> =>
  new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out: Entry[] = [];
      zip.on('entry', (e: Entry) => {
        out.push(e);
        zip.readEntry();
      });
      zip.on('end', () => {
        zip.close();
        resolve(out);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });

const packIn = async (tz: string): Promise<string> => {
  process.env.TZ = tz;
  const dir = makeTempDir('cchc-zip-layout-');
  const input = sampleInput(join(dir, 'in'));
  const signer = await openP12Signer(readFileSync(pki.p12.modernAscii), ASCII_PASSWORD);
  const out = join(dir, 'b.asice');
  await packBundle({ out, submission: input.submission, evidence: input.evidence, signer, now: new Date() });
  await signer.close();
  return out;
};

// DOS date of 2020-01-01: (2020 − 1980) << 9 | 1 << 5 | 1; time 00:00:00 = 0.
const DOS_DATE = (40 << 9) | (1 << 5) | 1;

describe('bundle zip layout', () => {
  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles'])('TZ=%s: fixed stamp and mode on every entry, mimetype plain and first', async (tz) => {
    const out = await packIn(tz);
    const entries = await entriesOf(out);
    expect(entries.map((e) => e.fileName)).toEqual([
      'mimetype',
      'submission.json',
      'evidence/0001.pdf',
      'evidence/0002.jpg',
      'evidence/0003.txt',
      'META-INF/ASiCManifest.xml',
      'META-INF/signature001.p7s',
    ]);
    for (const e of entries) {
      expect({ name: e.fileName, date: e.lastModFileDate, time: e.lastModFileTime, mode: e.externalFileAttributes >>> 16, extra: e.extraFieldLength }).toEqual({
        name: e.fileName,
        date: DOS_DATE,
        time: 0,
        mode: 0o100644,
        extra: 0,
      });
    }
    const methods = Object.fromEntries(entries.map((e) => [e.fileName, e.compressionMethod]));
    expect(methods).toEqual({
      mimetype: 0,
      'submission.json': 8,
      'evidence/0001.pdf': 0,
      'evidence/0002.jpg': 0,
      'evidence/0003.txt': 8,
      'META-INF/ASiCManifest.xml': 8,
      'META-INF/signature001.p7s': 0,
    });
    // Local header of mimetype at offset 0: STORED, sizes known (no data descriptor), no extra field.
    const head = readFileSync(out).subarray(0, 38);
    expect(head.readUInt32LE(0)).toBe(0x04034b50);
    expect(head.readUInt16LE(6) & 0x0008).toBe(0);
    expect([head.readUInt16LE(8), head.readUInt16LE(10), head.readUInt16LE(12), head.readUInt16LE(28)]).toEqual([0, 0, DOS_DATE, 0]);
  }, 60_000);
});
