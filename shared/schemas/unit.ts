import { z } from 'zod';

import { requiredText, userText } from './common';

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
  })
  .strict();
export type UnitProfileInput = z.input<typeof unitProfileInputSchema>;

export const unitProfileSchema = z.object({
  name: z.string(),
  code: z.string(),
  type: unitTypeSchema,
  focalPoint: z.object({ name: z.string(), title: z.string(), phone: z.string(), email: z.string() }),
  head: z.object({ name: z.string(), title: z.string(), phone: z.string(), email: z.string() }),
  updatedAt: z.string(),
});
export type UnitProfile = z.infer<typeof unitProfileSchema>;
