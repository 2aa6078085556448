import { z } from 'zod';

import { requiredText, userText } from './common';
import { letterheadOutputSchema, letterheadSchema } from './document-fields';

/** The three blocks Sở Nội vụ Hải Phòng ranks separately. */
export const UNIT_TYPES = ['SO', 'PHUONG', 'XA_DAC_KHU'] as const;
export const unitTypeSchema = z.enum(UNIT_TYPES);
export type UnitType = z.infer<typeof unitTypeSchema>;

const person = z
  .object({
    name: requiredText(120),
    title: userText(120),
    phone: userText(40),
    email: userText(120),
  })
  .strict();

/** A unit code: Latin letters without diacritics, digits, dot, dash, underscore (also enforced in bundles). */
export const UNIT_CODE_RE = /^[A-Za-z0-9._-]+$/;

/** Hồ sơ đơn vị: one per installation. */
export const unitProfileInputSchema = z
  .object({
    name: requiredText(200),
    code: requiredText(40).pipe(
      z.string().regex(UNIT_CODE_RE, { message: 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch' }),
    ),
    type: unitTypeSchema,
    focalPoint: person,
    head: person,
    /** Defaults for the unit's documents; omitted = keep what is stored (or the defaults for the unit type). */
    letterhead: letterheadSchema.optional(),
  })
  .strict();
export type UnitProfileInput = z.input<typeof unitProfileInputSchema>;

export const unitProfileSchema = z.object({
  name: z.string(),
  code: z.string(),
  type: unitTypeSchema,
  focalPoint: z.object({ name: z.string(), title: z.string(), phone: z.string(), email: z.string() }),
  head: z.object({ name: z.string(), title: z.string(), phone: z.string(), email: z.string() }),
  letterhead: letterheadOutputSchema,
  updatedAt: z.string(),
});
export type UnitProfile = z.infer<typeof unitProfileSchema>;

/**
 * The images of the unit's visible digital signature (Nghị định 30/2020/NĐ-CP, Phụ lục I): the head's
 * signature (blue, transparent PNG) and the organisation's seal (red, transparent PNG, printed at its actual
 * width). Shown as PNG data URLs (at most 1 MiB each) for the preview.
 */
export const SIGNATURE_IMAGE_KINDS = ['signature', 'seal'] as const;
export const signatureImageKindSchema = z.enum(SIGNATURE_IMAGE_KINDS);
export type SignatureImageKind = z.infer<typeof signatureImageKindSchema>;

/** A seal's printed width: the PAdES appearance accepts 10–80 mm; round seals of a sở are about 36–42 mm. */
export const SEAL_WIDTH_MM = { min: 10, max: 80, default: 36 } as const;
export const sealWidthMmSchema = z.number().int().min(SEAL_WIDTH_MM.min).max(SEAL_WIDTH_MM.max);

const signatureImageSchema = z.object({
  width: z.number().int(),
  height: z.number().int(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  dataUrl: z.string(),
});
export const signatureImagesSchema = z.object({
  signature: signatureImageSchema.nullable(),
  seal: signatureImageSchema.extend({ widthMm: z.number().int() }).nullable(),
});
export type SignatureImages = z.infer<typeof signatureImagesSchema>;
