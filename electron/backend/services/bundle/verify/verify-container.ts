import { createHash } from 'node:crypto';

import type { BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import type { SignerDetails } from '../../../../../shared/schemas/submission';
import type { OnProgress } from '../../../../../shared/domain/progress-steps';
import { step } from '../../../../../shared/domain/progress-steps';
import { certDetails } from '../../signing/pki';
import { MANIFEST_PATH, SIGNATURE_PATH } from '../constants';
import type { VerifyLimits } from '../constants';
import { checkCertificatePolicy } from './cert-policy';
import { checkCms } from './cms-verify';
import { fail } from './failure';
import { parseManifest } from './manifest-parse';
import type { ParsedReference } from './manifest-parse';
import { anyKindProfile, chooseProfile } from './profile';
import type { ContainerProfile } from './profile';
import type { EntrySink } from '../../evidence/staging';
import type { TrustStore } from './trust';
import { BundleZipReader, EntryCheck } from './zip-reader';
import type { ZipEntryInfo } from './zip-reader';

export type ContainerOptions = {
  trust: TrustStore;
  now: Date;
  limits: VerifyLimits;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /**
   * Where an entry's bytes also go while they are checked (the importer's staging, evidence/staging.ts):
   * null for entries not wanted; `finish` only after the entry's digest and CRC-32 checked out.
   */
  sink?: (name: string, size: number) => EntrySink | null;
  /** Synchronous reads of the entries (BundleZipReader.blockingReads): the verification worker only. */
  blockingReads?: boolean;
};

/** Filled in as the steps pass, so that a failure report still shows who signed and when. */
export type ContainerState = { signer: SignerDetails | null; chain: string[]; signingTime: string | null };

export type VerifiedContainer = {
  /** Manifest references in manifest order. */
  refs: ParsedReference[];
  /** What was really read for each listed entry. */
  actual: Map<string, { size: number; sha256: string }>;
  /** The kind the package turned out to be (the one profile passed in, or the one its entries name). */
  profile: ContainerProfile;
  /** The bytes of the profile's content JSON (digest-checked, not yet parsed). */
  content: Buffer;
  /** The digest-checked bytes of the entries the profile keeps (`keep`), by name. */
  kept: Map<string, Buffer>;
  warnings: BundleWarningCode[];
};

/**
 * Steps 1–7 of the procedure (docs/submission-format.md §5), common to every package kind in the ASiC-E
 * container: zip structure, manifest, CMS, certificate policy, coverage and digests. Throws BundleFailure
 * at the first failed check. Never writes anything: entries are only streamed through SHA-256 and CRC-32.
 * Given several profiles, the entry table is read against all of their names and the kind is the one whose
 * content file is present (profile.ts chooseProfile); one profile keeps the exact checks of that kind.
 */
export const verifyContainer = async (
  file: string,
  kinds: ContainerProfile | readonly ContainerProfile[],
  o: ContainerOptions,
  state: ContainerState,
): Promise<VerifiedContainer> => {
  const profiles: readonly ContainerProfile[] = 'kind' in kinds ? [kinds] : kinds;
  const { limits } = o;
  const deadline = Date.now() + limits.timeoutMs;
  const tick = (): void => {
    if (o.signal?.aborted) fail('E_TIMEOUT', 'cancelled');
    if (Date.now() > deadline) fail('E_TIMEOUT', `more than ${limits.timeoutMs} ms`);
  };
  let reader: BundleZipReader | null = null;
  try {
    // 1-2. File level and entry table.
    reader = await BundleZipReader.open(file, limits);
    reader.blockingReads = o.blockingReads === true;
    const entries = await reader.readEntries(limits, profiles.length === 1 ? profiles[0] : anyKindProfile(profiles));
    const { profile, stray } = chooseProfile(
      entries.map((e) => e.name),
      profiles,
    );
    if (stray) fail('E_UNEXPECTED_ENTRY', stray);
    await reader.checkMimetype(entries[0]!);
    tick();
    const byName = new Map<string, ZipEntryInfo>(entries.map((e) => [e.name, e]));
    // 3. Metadata.
    const manifestEntry = byName.get(MANIFEST_PATH);
    const sigEntry = byName.get(SIGNATURE_PATH);
    if (!manifestEntry || !sigEntry) fail('E_UNSIGNED', !manifestEntry ? MANIFEST_PATH : SIGNATURE_PATH);
    const manifest = await reader.readSmall(manifestEntry!, limits.maxMetaBytes, 'E_META_TOO_LARGE');
    const p7s = await reader.readSmall(sigEntry!, limits.maxMetaBytes, 'E_META_TOO_LARGE');
    const contentEntry = byName.get(profile.contentPath);
    if (contentEntry && contentEntry.entry.uncompressedSize > limits.maxMetaBytes) fail('E_META_TOO_LARGE', profile.contentPath);
    // 4. Manifest.
    const refs = parseManifest(manifest, profile.entryName);
    // 5. CMS.
    const cms = checkCms(p7s, manifest);
    state.signer = certDetails(cms.signerCert);
    state.signingTime = cms.signingTime?.toISOString() ?? null;
    // 6. Certificate policy.
    const policy = await checkCertificatePolicy(cms, o.trust, o.now);
    state.chain = policy.chain;
    tick();
    // 7. Coverage and digests.
    const listed = new Map(refs.map((r) => [r.uri, r]));
    for (const e of entries) {
      if (e.name === 'mimetype' || e.name.startsWith('META-INF/')) continue;
      if (!listed.has(e.name)) fail('E_UNLISTED_ENTRY', e.name);
    }
    for (const r of refs) if (!byName.has(r.uri)) fail('E_MISSING_ENTRY', r.uri);
    if (!listed.has(profile.contentPath)) fail('E_MISSING_ENTRY', profile.contentPath);
    const total = refs.reduce((s, r) => s + byName.get(r.uri)!.entry.uncompressedSize, 0);
    let done = 0;
    let readTotal = 0;
    const actual = new Map<string, { size: number; sha256: string }>();
    let content: Buffer | null = null;
    const kept = new Map<string, Buffer>();
    for (const r of refs) {
      tick();
      o.onProgress?.(done, total, step('FILE', { name: r.uri }));
      const info = byName.get(r.uri)!;
      const hash = createHash('sha256');
      const check = new EntryCheck(info);
      let size = 0;
      const isContent = r.uri === profile.contentPath;
      const keep = isContent || profile.keep?.test(r.uri) ? ([] as Buffer[]) : null;
      const sink = o.sink?.(r.uri, info.entry.uncompressedSize) ?? null;
      await reader.eachChunk(info, (chunk) => {
        hash.update(chunk);
        check.update(chunk);
        size += chunk.length;
        readTotal += chunk.length;
        done += chunk.length;
        if (readTotal > limits.maxTotalBytes) fail('E_LIMIT', 'bytes read exceed the total cap');
        if (keep) {
          if (size > limits.maxMetaBytes) fail('E_META_TOO_LARGE', r.uri);
          keep.push(Buffer.from(chunk)); // a copy: the reader reuses its buffer
        }
        sink?.write(chunk);
      });
      const sha = hash.digest('hex');
      // The signed digest first (tampering is E_DIGEST_MISMATCH), then the zip's own CRC-32 and size.
      if (sha !== r.sha256) fail('E_DIGEST_MISMATCH', r.uri);
      check.finish();
      sink?.finish(sha);
      if (keep && isContent) content = Buffer.concat(keep);
      else if (keep) kept.set(r.uri, Buffer.concat(keep));
      actual.set(r.uri, { size, sha256: sha });
    }
    o.onProgress?.(done, total);
    return { refs, actual, profile, content: content!, kept, warnings: policy.warnings };
  } finally {
    reader?.close();
  }
};
