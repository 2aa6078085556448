import { z } from 'zod';

import { defineChannel } from '../define';
import { idSchema, requiredText, yearSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { UNIT_CODE_RE, UNIT_TYPES } from '../../schemas/unit';
import { singleFileSourceSchema } from './survey';

/**
 * Sở Nội vụ's register (Sổ đăng ký chứng thư), per year: the units that may submit (official code, name,
 * block) and the certificates allowed to sign for each. The importer (services/inbox) refuses a bundle whose
 * year is not opened here, whose unit is not listed, or whose signer is not an active registration of that
 * unit. Signers come from the Excel template or from a received bundle by the appraiser's explicit decision.
 */

const blockSchema = z.enum(UNIT_TYPES);
export const unitCodeSchema = requiredText(40).pipe(z.string().regex(UNIT_CODE_RE, { message: 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch' }));

export const registryUnitSchema = z.object({ code: z.string(), name: z.string(), block: blockSchema, signers: z.number().int(), activeSigners: z.number().int() });
export type RegistryUnit = z.infer<typeof registryUnitSchema>;

export const registrySignerSchema = z.object({
  id: z.number().int(),
  unitCode: z.string(),
  sha256: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  source: z.enum(['template', 'bundle']),
  addedAt: z.string(),
  addedBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  /** Not revoked and not expired today. A bundle gets in only if its signing time lies in notBefore..notAfter. */
  active: z.boolean(),
});
export type RegistrySigner = z.infer<typeof registrySignerSchema>;

export const REGISTRY_AUDIT_ACTIONS = ['OPEN_YEAR', 'IMPORT_TEMPLATE', 'ADD_UNIT', 'TRUST_BUNDLE_SIGNER', 'REVOKE_SIGNER'] as const;
export const registryAuditSchema = z.object({
  at: z.string(),
  who: z.string(),
  action: z.enum(REGISTRY_AUDIT_ACTIONS),
  unitCode: z.string(),
  sha256: z.string(),
  detail: z.string(),
});
export type RegistryAudit = z.infer<typeof registryAuditSchema>;

export const registryViewSchema = z.object({
  years: z.array(z.number().int()),
  year: z.number().int().nullable(),
  units: z.array(registryUnitSchema),
  signers: z.array(registrySignerSchema),
  audit: z.array(registryAuditSchema),
});
export type RegistryView = z.infer<typeof registryViewSchema>;

/** What is wrong with one cell of the template (the UI words each code; nothing is stored while any remains). */
export const TEMPLATE_PROBLEMS = [
  'SHEET_MISSING',
  'HEADER_MISSING',
  'TOO_MANY_ROWS',
  'CODE_FORMAT',
  'NAME_MISSING',
  'BLOCK_UNKNOWN',
  'DUPLICATE_UNIT',
  'FINGERPRINT_FORMAT',
  'SIGNER_UNIT_UNKNOWN',
  'DUPLICATE_SIGNER',
  'DATE_INVALID',
  'TEXT_INVALID',
] as const;
export const templateProblemSchema = z.object({
  sheet: z.string(),
  /** 1-based Excel row; 0 for the sheet itself. */
  row: z.number().int(),
  column: z.string(),
  problem: z.enum(TEMPLATE_PROBLEMS),
});
export type TemplateProblem = z.infer<typeof templateProblemSchema>;

export const templateImportReportSchema = z.object({
  fileName: z.string(),
  year: z.number().int(),
  /** False when any problem was found: then nothing was stored. */
  applied: z.boolean(),
  units: z.number().int(),
  signers: z.number().int(),
  problems: z.array(templateProblemSchema),
});
export type TemplateImportReport = z.infer<typeof templateImportReportSchema>;

export const registryExportResultSchema = z.object({ fileName: z.string(), sizeBytes: z.number().int(), downloadId: z.string().optional() });
export type RegistryExportResult = z.infer<typeof registryExportResultSchema>;

/** What a finished 'registry.trustBundleSigner' job carries in `result`. */
export const trustedSignerResultSchema = z.object({ signer: registrySignerSchema, unitName: z.string(), added: z.boolean() });
export type TrustedSignerResult = z.infer<typeof trustedSignerResultSchema>;

export const registryChannels = {
  'registry.list': defineChannel({
    description: 'Sổ đăng ký của một năm: danh sách đơn vị (mã, tên, khối), chứng thư được ký cho từng đơn vị, nhật ký thay đổi',
    input: z.object({ year: yearSchema.optional() }).strict(),
    output: registryViewSchema,
  }),
  'registry.openYear': defineChannel({
    description: 'Mở một năm đánh giá trong Sổ đăng ký (chỉ nhận hồ sơ của năm đã mở)',
    input: z.object({ year: yearSchema }).strict(),
    output: registryViewSchema,
  }),
  'registry.addUnit': defineChannel({
    description: 'Thêm (hoặc sửa tên, khối) một đơn vị trong danh sách của năm',
    input: z.object({ year: yearSchema, code: unitCodeSchema, name: requiredText(200), block: blockSchema }).strict(),
    output: registryViewSchema,
  }),
  'registry.loadSample': defineChannel({
    description: 'Nạp danh sách đơn vị mẫu của Hải Phòng (resources/registry) vào một năm',
    input: z.object({ year: yearSchema }).strict(),
    output: registryViewSchema,
  }),
  'registry.revokeSigner': defineChannel({
    description: 'Thu hồi một chứng thư khỏi Sổ đăng ký (giữ lại dòng với thời điểm thu hồi)',
    input: z.object({ signerId: z.number().int().min(1) }).strict(),
    output: registryViewSchema,
  }),
  'registry.importTemplate': defineChannel({
    description: 'Nhập danh sách đơn vị và người ký từ mẫu Excel; có lỗi thì không lưu gì và báo từng ô',
    input: z.object({ year: yearSchema, source: singleFileSourceSchema }).strict(),
    output: templateImportReportSchema,
  }),
  'registry.exportTemplate': defineChannel({
    description: 'Xuất mẫu Excel (danh sách đơn vị và người ký của năm); trả về một công việc',
    input: z.object({ year: yearSchema }).strict(),
    output: jobSchema,
  }),
  'registry.trustBundleSigner': defineChannel({
    description: 'Tin cậy người ký của một hồ sơ đã tải lên cho một đơn vị (quyết định của người thẩm định, ghi nhật ký); trả về một công việc',
    input: z.object({ uploadId: idSchema, year: yearSchema, unitCode: unitCodeSchema }).strict(),
    output: jobSchema,
  }),
};
