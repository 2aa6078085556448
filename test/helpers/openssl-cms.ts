import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * docs/package-formats.md's independent check, the same for every package kind: unzip a copy and run
 * `openssl cms -verify` on META-INF/signature001.p7s over META-INF/ASiCManifest.xml under the given CA file.
 * Returns openssl's exit status: 0 when the CMS signature verifies and chains to the CA.
 */
export const opensslCmsVerify = (file: string, caFile: string): number => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-cms-'));
  try {
    spawnSync('unzip', ['-q', file, '-d', dir]);
    const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'META-INF/signature001.p7s'), '-content', join(dir, 'META-INF/ASiCManifest.xml'), '-CAfile', caFile, '-purpose', 'any', '-out', '/dev/null'];
    return spawnSync('openssl', args).status ?? -1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
