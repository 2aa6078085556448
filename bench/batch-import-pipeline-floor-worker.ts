/**
 * The pipeline floor's worker (bench/batch-import-pipeline-floor.ts): what a verification worker must do with
 * a package's bytes and nothing else. For each package sent, it reads the file once in 1 MiB chunks, computes the
 * package's SHA-256 (the one the appraisal result names) and, over the bytes after the first 64 KiB (standing for
 * the evidence entry), the entry's SHA-256 (the one the signed manifest lists) and CRC-32; it writes those bytes
 * to a staging file, fsyncs it and replies. No zip tables, no signature, no certificate, no schema.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** Stands for the zip's small entries and headers before the evidence entry. */
const ENTRY_START = 64 * 1024;
const buffer = Buffer.allocUnsafe(1024 * 1024);

process.on('message', ({ file, staging }: { file: string; staging: string }) => {
  const input = openSync(file, 'r');
  const output = openSync(staging, 'wx');
  const whole = createHash('sha256');
  const entry = createHash('sha256');
  let crc = 0;
  for (let pos = 0, n = readSync(input, buffer); n > 0; pos += n, n = readSync(input, buffer)) {
    const chunk = buffer.subarray(0, n);
    whole.update(chunk);
    const part = chunk.subarray(Math.max(0, Math.min(n, ENTRY_START - pos)));
    entry.update(part);
    crc = crc32(part, crc);
    writeSync(output, part);
  }
  fsyncSync(output);
  closeSync(output);
  closeSync(input);
  process.send!({ file, staging, packageSha256: whole.digest('hex'), entrySha256: entry.digest('hex'), crc });
});
process.on('disconnect', () => process.exit(0));
