/**
 * export-child <outDir> <workDir> <p12File> <password> <caFile>
 * Packs, signs and fully verifies bundles (packBundle: <out>.partial → verify → rename) one after the other
 * and prints "ack <file> <sha256>" after each returned. A bigger evidence file keeps each write busy long
 * enough for kills to land mid-write.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { packBundle } from '../../../electron/backend/services/bundle/pack';
import { loadTrustStore } from '../../../electron/backend/services/bundle/verify/trust';
import { verifyBundle } from '../../../electron/backend/services/bundle/verify/verify-bundle';
import { openP12Signer } from '../../../electron/backend/services/signing/p12-signer';
import { knownSets, sampleInput } from '../../backend/bundle/sample';
import { say } from './common';

const [outDir, workDir, p12File, password, caFile] = process.argv.slice(2) as [string, string, string, string, string];
const signer = await openP12Signer(readFileSync(p12File), password);
const trust = loadTrustStore(caFile);
const input = sampleInput(workDir);
// Make one evidence file large (2 MiB) so the write takes a while; keep the submission consistent.
const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2 * 1024 * 1024)]);
const first = input.evidence[0]!;
writeFileSync(first.source, big);
first.size = big.length;
first.sha256 = createHash('sha256').update(big).digest('hex');
const listed = input.submission.evidence[0]!;
listed.size = big.length;
listed.sha256 = first.sha256;
say('ready');
for (let i = 0; ; i++) {
  const out = join(outDir, `bundle-${process.pid}-${i}.asice`);
  const r = await packBundle({
    out,
    submission: input.submission,
    evidence: input.evidence,
    signer,
    now: new Date(),
    verify: (f) => verifyBundle(f, { trust, lookupIndicatorSet: knownSets }),
  });
  say(`ack ${r.path} ${r.sha256}`);
}
