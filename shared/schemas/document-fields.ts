import { z } from 'zod';

import { isoDateSchema, requiredText, userText } from './common';

/**
 * The header, addressee and signature fields of the unit's documents (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * defaults in the unit profile (`letterhead`), overrides and the number/date per report (`reportDocument`).
 */

const upper = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.normalize('NFC').trim().toLocaleUpperCase('vi'));

/** Ký hiệu: groups of upper-case letters/digits joined by "-", no spaces ("BC-UBND"); empty = not set. */
export const documentSymbolSchema = upper(40).pipe(
  z.string().regex(/^$|^[\p{Lu}\d]+(?:-[\p{Lu}\d]+)*$/u, {
    message: 'Ký hiệu gồm chữ in hoa và số, các nhóm nối bằng dấu gạch nối, không có dấu cách (ví dụ BC-UBND)',
  }),
);

/** Số: digits only; the document prints at least two ("05"). Empty = not numbered yet. */
export const documentNumberSchema = z
  .string()
  .max(7)
  .transform((s) => s.trim())
  .pipe(z.string().regex(/^\d*$/, { message: 'Số văn bản chỉ gồm chữ số (ví dụ 12)' }));

export const recipientsSchema = z.array(requiredText(200)).max(30, { message: 'Tối đa 30 nơi nhận' });

/** Quyền hạn ký ("TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC"); printed upper case. */
const authoritySchema = upper(120);

/** Unit-level defaults for every report (and later documents) of the unit. */
export const letterheadSchema = z
  .object({
    governingBody: userText(200),
    /** Empty = the unit's name; a line break is kept in the header. */
    issuingBody: z
      .string()
      .max(200)
      .transform((s) => s.normalize('NFC').replace(/\r\n?/g, '\n').trim()),
    place: userText(100),
    symbol: documentSymbolSchema,
    recipients: recipientsSchema,
    signerAuthority: authoritySchema,
  })
  .strict();
export type Letterhead = z.output<typeof letterheadSchema>;
export type LetterheadInput = z.input<typeof letterheadSchema>;

/** Per report: its number and date, and overrides of the unit's defaults (null = use the default). */
export const reportDocumentSchema = z
  .object({
    number: documentNumberSchema,
    date: isoDateSchema.nullable(),
    symbol: documentSymbolSchema.nullable(),
    place: userText(100).nullable(),
    governingBody: userText(200).nullable(),
    recipients: recipientsSchema.nullable(),
    signerAuthority: authoritySchema.nullable(),
    signerTitle: userText(120).nullable(),
    signerName: userText(120).nullable(),
  })
  .strict();
export type ReportDocument = z.output<typeof reportDocumentSchema>;
export type ReportDocumentInput = z.input<typeof reportDocumentSchema>;

export const EMPTY_REPORT_DOCUMENT: ReportDocument = {
  number: '',
  date: null,
  symbol: null,
  place: null,
  governingBody: null,
  recipients: null,
  signerAuthority: null,
  signerTitle: null,
  signerName: null,
};

const letterheadOut = z.object({
  governingBody: z.string(),
  issuingBody: z.string(),
  place: z.string(),
  symbol: z.string(),
  recipients: z.array(z.string()),
  signerAuthority: z.string(),
});

/** What the report page needs: the stored overrides and the unit's defaults they fall back to. */
export const storedReportDocumentSchema = z.object({
  document: z.object({
    number: z.string(),
    date: z.string().nullable(),
    symbol: z.string().nullable(),
    place: z.string().nullable(),
    governingBody: z.string().nullable(),
    recipients: z.array(z.string()).nullable(),
    signerAuthority: z.string().nullable(),
    signerTitle: z.string().nullable(),
    signerName: z.string().nullable(),
  }),
  defaults: letterheadOut.extend({ issuingBody: z.string(), signerTitle: z.string(), signerName: z.string() }),
  /** null until first saved. */
  updatedAt: z.string().nullable(),
});
export type StoredReportDocument = z.infer<typeof storedReportDocumentSchema>;
export const letterheadOutputSchema = letterheadOut;
