import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';

import { canonicalJson } from '../../../../shared/domain/canonical-json';
import { AppFailure, isAppFailure } from '../../../../shared/ipc/result';
import type { VerifyResult } from '../../../../shared/schemas/submission';
import { step } from '../../../../shared/domain/progress-steps';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import type { ProgressStep } from '../../../../shared/domain/progress-steps';
import { fsyncDirSync, renameWithRetrySync } from '../../storage/atomic-write';
import type { Signer } from '../signing/signer';
import { assertSignerUsable } from '../signing/signer-policy';
import { signDetached } from './cms';
import { MANIFEST_PATH, mediaTypeFor, SIGNATURE_PATH, STORED_EXTENSIONS } from './constants';
import { buildManifest } from './manifest';
import type { ManifestReference } from './manifest';
import { BundleZipWriter } from './zip-writer';
import type { ZipWriterOptions } from './zip-writer';

/**
 * A file to include: its app-chosen zip path, where it is on disk and what it must still be.
 * `sha256` is the evidence store's digest (the store is content-addressed: the file name IS the SHA-256),
 * so the manifest takes it as is; `name` (the original file name) only makes error messages readable.
 */
export type PackEvidence = { path: string; source: string; size: number; sha256: string; name?: string };
/** A small entry built in memory (a report, a round's indicator set). */
export type PackBuffer = { path: string; data: Uint8Array; compress: boolean };

/** One package of any kind (docs/package-formats.md): its content JSON first, then files, then buffers. */
export type ContainerPackOptions = {
  /** Final path of the .asice; the package is built as `<out>.partial` next to it. */
  out: string;
  /** The kind's content file (submission.json, round.json): written as canonical JSON + LF, deflated. */
  content: { path: string; value: unknown };
  files: PackEvidence[];
  buffers: PackBuffer[];
  signer: Signer;
  now: Date;
  signal?: AbortSignal;
  onProgress?: OnProgress;
  /** Full verification of the written .partial (required by the export rule); omitted only by benchmarks. */
  verify?: (file: string) => Promise<VerifyResult>;
  zip?: ZipWriterOptions;
};

export type PackResult = { path: string; size: number; sha256: string; verification: VerifyResult | null };

const ioFailure = (e: unknown, target: string): AppFailure => {
  if (isAppFailure(e)) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const name = (e as Error)?.name ?? '';
  if (name === 'AbortError' || code === 'ABORT_ERR') return AppFailure.of('BUNDLE_WRITE_CANCELLED');
  if (code === 'ENOSPC') return AppFailure.of('BUNDLE_DISK_FULL');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return AppFailure.of('BUNDLE_NO_PERMISSION');
  if (code === 'ENOENT' && (e as NodeJS.ErrnoException).path === target) {
    return AppFailure.of('BUNDLE_FOLDER_MISSING');
  }
  if (code === 'FILE_CHANGED' || code === 'ENOENT') return AppFailure.of('BUNDLE_EVIDENCE_GONE');
  if (code === 'EEXIST') return AppFailure.of('BUNDLE_TARGET_BUSY');
  return AppFailure.of('BUNDLE_WRITE_FAILED', { detail: (e as Error)?.message ?? String(e) });
};

/**
 * Writes a signed package: mimetype, the content JSON, files (streamed and checked against the store's
 * digest in the same pass; the manifest uses the store's digest), buffers,
 * manifest, CAdES signature; into `<out>.partial`, then re-opens and fully verifies it, then renames it to
 * `out`. A failure at any point removes the partial file, so a half-written .asice never appears.
 */
export const packContainer = async (o: ContainerPackOptions): Promise<PackResult> => {
  assertSignerUsable(o.signer, o.now);
  const partial = `${o.out}.partial`;
  const cancelled = (): void => {
    if (o.signal?.aborted) throw AppFailure.of('BUNDLE_WRITE_CANCELLED');
  };
  await rm(partial, { force: true }); // a stale partial from a crash
  const total = o.files.reduce((s, e) => s + e.size, 0);
  let done = 0;
  const progress = (label: ProgressStep): void => o.onProgress?.(done, total, label);
  let writer: BundleZipWriter | null = null;
  try {
    writer = await BundleZipWriter.create(partial, { hashOutput: true, ...o.zip });
    await writer.addMimetype();
    const refs: ManifestReference[] = [];
    const json = new TextEncoder().encode(`${canonicalJson(o.content.value)}\n`);
    const sub = await writer.addBuffer(o.content.path, json, true);
    refs.push({ uri: sub.path, mimeType: 'application/json', sha256: sub.sha256 });
    for (const ev of o.files) {
      cancelled();
      progress(step('FILE', { name: ev.path }));
      const ext = ev.path.slice(ev.path.lastIndexOf('.') + 1);
      const w = await writer.addFile(ev.path, ev.source, {
        size: ev.size,
        compress: !STORED_EXTENSIONS.has(ext),
        signal: o.signal,
        onBytes: (n) => {
          done += n;
        },
      });
      // Each evidence byte is read once: the pass that streams it into the zip also hashes it, and what was
      // packed must be exactly what the store recorded at attach time (the export's preflight only checks
      // presence and size, so this is where a file changed in place is caught).
      if (w.size !== ev.size || w.sha256 !== ev.sha256) {
        throw ev.name ? AppFailure.of('BUNDLE_EVIDENCE_ALTERED', { name: ev.name, path: ev.path }) : AppFailure.of('BUNDLE_EVIDENCE_ALTERED_PATH', { path: ev.path });
      }
      refs.push({ uri: w.path, mimeType: mediaTypeFor(w.path), sha256: ev.sha256 });
    }
    for (const r of o.buffers) {
      const w = await writer.addBuffer(r.path, r.data, r.compress);
      refs.push({ uri: w.path, mimeType: mediaTypeFor(w.path), sha256: w.sha256 });
    }
    cancelled();
    progress(step('SIGNING'));
    const manifest = buildManifest(refs);
    const p7s = await signDetached(manifest, o.signer, o.now);
    await writer.addBuffer(MANIFEST_PATH, manifest, true);
    await writer.addBuffer(SIGNATURE_PATH, p7s, false);
    const written = await writer.end();
    writer = null;
    cancelled();
    let verification: VerifyResult | null = null;
    if (o.verify) {
      progress(step('RECHECKING_PACKAGE'));
      verification = await o.verify(partial);
      if (verification.status === 'INVALID') {
        throw AppFailure.of('BUNDLE_SELF_CHECK_FAILED', { check: verification.code }, { code: verification.code, detail: verification.detail });
      }
    }
    cancelled();
    renameWithRetrySync(partial, o.out);
    fsyncDirSync(dirname(o.out));
    progress(step('DONE'));
    return { path: o.out, size: written.size, sha256: written.sha256 ?? '', verification };
  } catch (e) {
    if (writer) await writer.abort();
    await rm(partial, { force: true }).catch(() => undefined);
    throw ioFailure(e, partial);
  }
};
