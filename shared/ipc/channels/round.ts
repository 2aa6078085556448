import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput, idSchema, yearSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';
import { roundDeadlinesSchema, roundUnitSchema } from '../../schemas/round';
import { UNIT_ROUND_STATES } from '../../domain/round-state';
import { unitTypeSchema } from '../../schemas/unit';
import { secret } from './signing';

/**
 * The annual round (docs/package-formats.md): Sở Nội vụ creates it (year, official set per block, units,
 * deadlines) and exports it as a signed package; a unit imports it, and its assessment of that year is then
 * bound to the official set and deadline.
 */

const setChoice = z.object({ block: unitTypeSchema, setId: z.string().min(1).max(100), setVersion: z.string().min(1).max(40) }).strict();
const roundSetOut = z.object({ block: unitTypeSchema, setId: z.string(), setVersion: z.string(), setSha256: z.string() });

export const roundDetailSchema = z.object({
  id: z.string(),
  year: z.number(),
  revision: z.number(),
  deadlines: roundDeadlinesSchema,
  sets: z.array(roundSetOut),
  units: z.array(roundUnitSchema),
  /** The revision last exported (null: never), so the UI says whether the units have the latest. */
  exportedRevision: z.number().nullable(),
  exportedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const receivedRoundSchema = z.object({
  roundId: z.string(),
  year: z.number(),
  revision: z.number(),
  issuer: z.object({ code: z.string(), name: z.string() }),
  signerSubject: z.string(),
  deadlines: roundDeadlinesSchema,
  sets: z.array(roundSetOut),
  /** This unit's official set (its block's), and the assessments of that year bound to it / on another set. */
  officialSet: roundSetOut.nullable(),
  boundAssessmentIds: z.array(z.string()),
  otherSetAssessmentIds: z.array(z.string()),
  importedAt: z.string(),
});
export type ReceivedRound = z.infer<typeof receivedRoundSchema>;

export const roundExportResultSchema = z.object({
  fileName: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  revision: z.number().int(),
  status: z.string(),
  code: z.string(),
  downloadId: z.string().optional(),
});
export type RoundExportResult = z.infer<typeof roundExportResultSchema>;

export const roundRefreshResultSchema = z.object({
  round: roundDetailSchema,
  /** False: the register lists the same units, nothing was written (the revision stays). */
  changed: z.boolean(),
  /** Units in the register that the round did not list before. */
  added: z.number().int(),
});
export type RoundRefreshResult = z.infer<typeof roundRefreshResultSchema>;

const count = z.number().int();
const stateCountsSchema = z.object({
  NOT_SUBMITTED: count,
  SUBMITTED: count,
  APPRAISING: count,
  RESULT_SENT: count,
  EXPLANATION_RECEIVED: count,
  CLOSED: count,
  overdue: count,
  total: count,
});

export const roundDashboardSchema = z.object({
  years: z.array(z.number().int()),
  year: z.number().int().nullable(),
  /** False: the year has a register but no round yet (units from the register, no due date, nobody overdue). */
  hasRound: z.boolean(),
  due: z.string().nullable(),
  today: z.string(),
  units: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      block: unitTypeSchema,
      state: z.enum(UNIT_ROUND_STATES),
      overdue: z.boolean(),
      importId: z.string().nullable(),
      revision: z.number().int().nullable(),
      importedAt: z.string().nullable(),
    }),
  ),
  counts: z.object({ SO: stateCountsSchema, PHUONG: stateCountsSchema, XA_DAC_KHU: stateCountsSchema }),
});
export type RoundDashboard = z.infer<typeof roundDashboardSchema>;

export const roundChannels = {
  'round.list': defineChannel({
    description: 'Các đợt đánh giá: đợt Sở Nội vụ đã tạo, đợt đơn vị đã nhận, và mã băm các bộ chỉ số chính thức',
    input: emptyInput,
    output: z.object({ rounds: z.array(roundDetailSchema), received: z.array(receivedRoundSchema), officialSetShas: z.array(z.string()) }),
  }),
  'round.save': defineChannel({
    description: 'Tạo hoặc sửa một đợt đánh giá (năm, bộ chỉ số chính thức từng khối, thời hạn); danh sách đơn vị lấy từ sổ đăng ký của năm',
    input: z
      .object({
        id: idSchema.optional(),
        year: yearSchema,
        sets: z.array(setChoice).min(1).max(3),
        deadlines: roundDeadlinesSchema,
      })
      .strict(),
    output: roundDetailSchema,
  }),
  'round.refreshUnits': defineChannel({
    description: 'Cập nhật danh sách đơn vị của đợt đánh giá từ sổ đăng ký của năm (đơn vị mới thêm, tên sửa); chỉ nâng lần ban hành khi danh sách thay đổi',
    input: z.object({ roundId: idSchema }).strict(),
    output: roundRefreshResultSchema,
  }),
  'round.dashboard': defineChannel({
    description: 'Bảng theo dõi đợt đánh giá của một năm (Sở Nội vụ): trạng thái từng đơn vị, số đơn vị theo trạng thái và khối, đơn vị quá hạn nộp',
    input: z.object({ year: yearSchema.optional() }).strict(),
    output: roundDashboardSchema,
  }),
  'round.export': defineChannel({
    description: 'Xuất gói đợt đánh giá đã ký số (.asice), tự kiểm tra lại; trả về một công việc',
    input: z.object({ roundId: idSchema, keyId: idSchema, password: secret.optional(), pin: z.string().max(64).optional() }).strict(),
    output: jobSchema,
  }),
  'round.import': defineChannel({
    description: 'Nhập gói đợt đánh giá của Sở Nội vụ: kiểm tra chữ ký với chứng thư gốc đã thêm, lưu bộ chỉ số chính thức và gắn bản tự đánh giá của năm',
    input: z.object({ uploadId: idSchema.optional() }).strict(),
    output: jobSchema,
  }),
};
