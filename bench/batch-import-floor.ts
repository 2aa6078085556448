/**
 * The floor of bench/batch-import.bench.ts: the work on the bytes that any import of these packages must do,
 * and nothing else. One Node process reads each package once in 1 MiB chunks, computes two SHA-256 over the
 * bytes (the package's own, recorded for the appraisal result, and one standing for its entries'), writes
 * a copy and fsyncs it. No zip tables, no signature, no register, no database, no second process.
 * Usage: node batch-import-floor.js <packages folder> <out folder>
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const [folder, out] = process.argv.slice(2);
const buffer = Buffer.alloc(1024 * 1024);
for (const name of readdirSync(folder!).sort()) {
  const input = openSync(join(folder!, name), 'r');
  const output = openSync(join(out!, name), 'wx');
  const whole = createHash('sha256');
  const entries = createHash('sha256');
  for (let n = readSync(input, buffer); n > 0; n = readSync(input, buffer)) {
    const chunk = buffer.subarray(0, n);
    whole.update(chunk);
    entries.update(chunk);
    writeSync(output, chunk);
  }
  fsyncSync(output);
  closeSync(output);
  closeSync(input);
  whole.digest();
  entries.digest();
}
