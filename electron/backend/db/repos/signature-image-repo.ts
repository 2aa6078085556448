import type { Db } from '../connection';

export type SignatureImageKind = 'signature' | 'seal';

export type StoredSignatureImage = {
  kind: SignatureImageKind;
  png: Buffer;
  width: number;
  height: number;
  sha256: string;
  /** The seal's printed width in millimetres; null for the signature image. */
  widthMm: number | null;
  updatedAt: string;
};

type Row = { kind: SignatureImageKind; png: Buffer; width: number; height: number; sha256: string; width_mm: number | null; updated_at: string };

const fromRow = (r: Row): StoredSignatureImage => ({
  kind: r.kind,
  png: r.png,
  width: r.width,
  height: r.height,
  sha256: r.sha256,
  widthMm: r.width_mm,
  updatedAt: r.updated_at,
});

export const getSignatureImage = (db: Db, kind: SignatureImageKind): StoredSignatureImage | null => {
  const row = db.prepare('SELECT * FROM unit_signature_image WHERE kind = ?').get(kind) as Row | undefined;
  return row ? fromRow(row) : null;
};

/** Stores (or replaces) one image; the caller has validated the PNG. */
export const saveSignatureImage = (db: Db, img: Omit<StoredSignatureImage, 'updatedAt'>, now: string): void => {
  db.prepare(
    `INSERT INTO unit_signature_image (kind, png, width, height, sha256, width_mm, updated_at)
     VALUES (@kind, @png, @width, @height, @sha256, @widthMm, @now)
     ON CONFLICT(kind) DO UPDATE SET png = @png, width = @width, height = @height, sha256 = @sha256, width_mm = @widthMm, updated_at = @now`,
  ).run({ ...img, now });
};

/** Changes the seal's printed width; false when no seal is stored. */
export const setSealWidth = (db: Db, widthMm: number, now: string): boolean =>
  db.prepare("UPDATE unit_signature_image SET width_mm = ?, updated_at = ? WHERE kind = 'seal'").run(widthMm, now).changes > 0;

export const deleteSignatureImage = (db: Db, kind: SignatureImageKind): boolean =>
  db.prepare('DELETE FROM unit_signature_image WHERE kind = ?').run(kind).changes > 0;
