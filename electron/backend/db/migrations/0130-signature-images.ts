import type { Migration } from './types';

/**
 * The images of the unit's visible digital signature (Nghị định 30/2020/NĐ-CP, Phụ lục I): the head's
 * signature and the organisation's seal, PNG bytes checked before storing (services/pades/png-image.ts).
 * One row per kind; the seal also keeps its actual printed width in millimetres (10–80).
 */
export const m0130SignatureImages: Migration = {
  version: 130,
  name: 'signature-images',
  up: (db) => {
    db.exec(`
      CREATE TABLE unit_signature_image (
        kind TEXT PRIMARY KEY CHECK (kind IN ('signature', 'seal')),
        png BLOB NOT NULL CHECK (length(png) BETWEEN 8 AND 1048576),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        width_mm INTEGER CHECK ((kind = 'seal' AND width_mm BETWEEN 10 AND 80) OR (kind = 'signature' AND width_mm IS NULL)),
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
