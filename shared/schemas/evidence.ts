import { z } from 'zod';

import { idSchema, userText } from './common';

/**
 * Evidence documents (tài liệu kiểm chứng). A document is one file (stored once by SHA-256) described with
 * the citation fields Vietnamese registries use, owned by one assessment and linked to any number of
 * sub-criteria (nodes) of that assessment.
 */

/** File types accepted, decided from the bytes (magic numbers / zip entries), never from the name. */
export const EVIDENCE_FILE_KINDS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'png', 'zip'] as const;
export const evidenceFileKindSchema = z.enum(EVIDENCE_FILE_KINDS);
export type EvidenceFileKind = z.infer<typeof evidenceFileKindSchema>;

export const MEDIA_TYPES: Record<EvidenceFileKind, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  jpg: 'image/jpeg',
  png: 'image/png',
  zip: 'application/zip',
};

/** Kinds shown inside the app; the others open in the system's default program. */
export const PREVIEWABLE_KINDS: readonly EvidenceFileKind[] = ['pdf', 'jpg', 'png'];

/** Loại văn bản (NĐ 30/2020 names the common ones); free text is allowed too. */
export const DOC_TYPE_SUGGESTIONS = [
  'Quyết định',
  'Kế hoạch',
  'Báo cáo',
  'Công văn',
  'Thông báo',
  'Chỉ thị',
  'Nghị quyết',
  'Biên bản',
  'Tờ trình',
  'Ảnh chụp màn hình',
  'Khác',
] as const;

const isoDateOrEmpty = z
  .string()
  .max(10)
  .refine((s) => s === '' || (/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))), {
    message: 'Ngày ban hành không hợp lệ (định dạng năm-tháng-ngày)',
  });

/** Citation fields: loại văn bản, số/ký hiệu, ngày ban hành, trích yếu, cơ quan ban hành, ghi chú. */
export const evidenceMetaSchema = z
  .object({
    docType: userText(100),
    docNumber: userText(100),
    issuedOn: isoDateOrEmpty,
    summary: userText(2000),
    issuer: userText(300),
    note: userText(4000),
  })
  .strict();
export type EvidenceMeta = z.infer<typeof evidenceMetaSchema>;

export const emptyEvidenceMeta = (): EvidenceMeta => ({
  docType: '',
  docNumber: '',
  issuedOn: '',
  summary: '',
  issuer: '',
  note: '',
});

/** Where a document is used: one sub-criterion of the same assessment (code/title when the set knows it). */
export const evidenceUsageSchema = z.object({
  nodeId: z.string(),
  nodeCode: z.string().nullable(),
  nodeTitle: z.string().nullable(),
});
export type EvidenceUsage = z.infer<typeof evidenceUsageSchema>;

/** Most sub-criteria one "use for many criteria" call may link (a set has a few hundred leaves at most). */
export const LINK_MANY_MAX = 500;

export const evidenceWarningSchema = z.enum(['ISSUED_OUTSIDE_YEAR', 'NO_ISSUE_DATE']);
export type EvidenceWarning = z.infer<typeof evidenceWarningSchema>;

export const evidenceDocumentSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  sha256: z.string(),
  size: z.number().int().min(0),
  fileKind: evidenceFileKindSchema,
  mediaType: z.string(),
  /** The name the user's file had (NFC). Display only: never used as a path. */
  originalName: z.string(),
  meta: evidenceMetaSchema,
  usage: z.array(evidenceUsageSchema),
  warnings: z.array(evidenceWarningSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EvidenceDocument = z.infer<typeof evidenceDocumentSchema>;

export const attachSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dialog') }).strict(),
  z.object({ kind: z.literal('uploads'), uploadIds: z.array(idSchema).min(1).max(100) }).strict(),
]);
export type AttachSource = z.infer<typeof attachSourceSchema>;

/** What an attach job returns when done (Job.result). */
export const attachResultSchema = z.object({
  documents: z.array(z.object({ documentId: z.string(), originalName: z.string(), deduplicated: z.boolean() })),
  /** Files refused one by one (wrong type, too large…); the others were attached. */
  refused: z.array(
    z.object({
      name: z.string(),
      code: z.string(),
      message: z.string(),
      /** The failure's reason and params (shared/ipc/errors/), so the UI words it in its language. */
      reason: z.string().optional(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    }),
  ),
});
export type AttachResult = z.infer<typeof attachResultSchema>;

export const EVIDENCE_PROBLEMS = ['MISSING', 'SIZE_CHANGED', 'HASH_CHANGED'] as const;
export type EvidenceProblem = (typeof EVIDENCE_PROBLEMS)[number];
export const evidenceCheckSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(
    z.object({
      documentId: z.string(),
      sha256: z.string(),
      originalName: z.string(),
      problem: z.enum(EVIDENCE_PROBLEMS),
      message: z.string(),
    }),
  ),
});
export type EvidenceCheck = z.infer<typeof evidenceCheckSchema>;

// ---- Pure helpers shared by backend and renderer ----

/** Lower-case, no diacritics, đ → d: "Quyết định" and "quyet dinh" match each other. */
export const foldForSearch = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** Warnings about a document's metadata for an assessment of `year`. */
export const metaWarnings = (meta: Pick<EvidenceMeta, 'issuedOn'>, year: number): EvidenceWarning[] => {
  if (!meta.issuedOn) return ['NO_ISSUE_DATE'];
  return Number(meta.issuedOn.slice(0, 4)) === year ? [] : ['ISSUED_OUTSIDE_YEAR'];
};

export type EvidenceFilter = {
  query?: string;
  fileKind?: EvidenceFileKind | '';
  usage?: 'all' | 'used' | 'unused';
};

/** Library filtering: every word of the query must appear (diacritics-insensitive) in some field. */
export const filterDocuments = <D extends Pick<EvidenceDocument, 'originalName' | 'meta' | 'usage' | 'fileKind'>>(
  docs: readonly D[],
  f: EvidenceFilter,
): D[] => {
  const words = foldForSearch(f.query ?? '')
    .split(' ')
    .filter(Boolean);
  return docs.filter((d) => {
    if (f.fileKind && d.fileKind !== f.fileKind) return false;
    if (f.usage === 'used' && d.usage.length === 0) return false;
    if (f.usage === 'unused' && d.usage.length > 0) return false;
    if (words.length === 0) return true;
    const hay = foldForSearch(
      [
        d.originalName,
        d.meta.docType,
        d.meta.docNumber,
        d.meta.issuedOn,
        d.meta.summary,
        d.meta.issuer,
        d.meta.note,
        ...d.usage.map((u) => `${u.nodeCode ?? ''} ${u.nodeTitle ?? ''}`),
      ].join(' '),
    );
    return words.every((w) => hay.includes(w));
  });
};
