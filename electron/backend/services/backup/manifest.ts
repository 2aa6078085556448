import { z } from 'zod';

import { CONFIG_ENTRY } from './config-files';

/**
 * The manifest inside a backup file (`cchc-backup.json`, the first entry): what the file must contain,
 * with a SHA-256 and size for every entry. Restore accepts an archive only if its entries are exactly
 * these, byte for byte; anything else is a corrupt or foreign file.
 */
export const BACKUP_FORMAT = 'CCHC-BACKUP/1';
export const MANIFEST_ENTRY = 'cchc-backup.json';
export const DATABASE_ENTRY = 'cchc.sqlite';
export const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;
export const BACKUP_EXTENSION = 'cchcbak';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const size = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const backupManifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    createdAt: z.iso.datetime(),
    appVersion: z.string().max(64),
    schemaVersion: z.number().int().min(1).max(1_000_000),
    database: z.object({ path: z.literal(DATABASE_ENTRY), size, sha256: sha256Hex }).strict(),
    evidence: z
      .array(z.object({ path: z.string().regex(EVIDENCE_ENTRY), size, sha256: sha256Hex }).strict())
      .max(1_000_000),
    /** Imported indicator sets and trust anchors (config-files.ts); absent in older backups. */
    files: z
      .array(z.object({ path: z.string().regex(CONFIG_ENTRY), size, sha256: sha256Hex }).strict())
      .max(10_000)
      .default([]),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;

/** Manifests are small; a huge one is not ours. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
