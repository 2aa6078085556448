import type { Entry } from 'yauzl';

import { AppFailure } from '../../../../shared/ipc/result';
import { MAX_TRUST_FILE_BYTES } from '../trust/trust-dir';
import { MAX_SET_BYTES } from '../indicator-sets/import-set';
import { DATABASE_ENTRY, MANIFEST_ENTRY, MAX_MANIFEST_BYTES } from './manifest';

/**
 * What a backup file's entries may be, checked on the central directory before a byte is inflated or written
 * (a file of 2 MB declaring a 2 GiB entry is refused here, not after filling the disk). yauzl's
 * validateEntrySizes then holds every entry to its declared size while it streams.
 */
export const BACKUP_LIMITS = {
  /** The manifest, one database, up to 1,000,000 evidence files and 10,000 config files (manifest.ts). */
  maxEntries: 1_010_002,
  /** Uncompressed ÷ compressed size of one entry larger than `ratioFloorBytes`. The app stores evidence
   * uncompressed (ratio 1) and a SQLite snapshot deflates far below this. */
  maxRatio: 200,
  ratioFloorBytes: 1_048_576,
  databaseBytes: 16 * 1024 ** 3,
  /** The largest evidence cap an administrator can set (services/evidence/limits.ts: 4096 MB). */
  evidenceBytes: 4096 * 1_048_576,
  trustBytes: MAX_TRUST_FILE_BYTES,
  setBytes: MAX_SET_BYTES,
} as const;

const maxSizeOf = (name: string): number => {
  if (name === MANIFEST_ENTRY) return MAX_MANIFEST_BYTES;
  if (name === DATABASE_ENTRY) return BACKUP_LIMITS.databaseBytes;
  if (name.startsWith('trust/')) return BACKUP_LIMITS.trustBytes;
  if (name.startsWith('indicator-sets/')) return BACKUP_LIMITS.setBytes;
  return BACKUP_LIMITS.evidenceBytes;
};

/** Refuses an entry whose declared size is beyond its kind's cap, or that would inflate suspiciously. */
export const checkEntryLimits = (e: Entry): void => {
  const entry = e.fileName.slice(0, 80);
  const max = maxSizeOf(e.fileName);
  if (e.uncompressedSize > max) throw AppFailure.of('BACKUP_ENTRY_TOO_LARGE', { entry, size: e.uncompressedSize, max });
  const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
  if (e.uncompressedSize > BACKUP_LIMITS.ratioFloorBytes && ratio > BACKUP_LIMITS.maxRatio) {
    throw AppFailure.of('BACKUP_RATIO', { entry, ratio: Math.round(ratio), max: BACKUP_LIMITS.maxRatio });
  }
};
