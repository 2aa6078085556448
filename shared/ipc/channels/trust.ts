import { z } from 'zod';

import { defineChannel } from '../define';
import { emptyInput, idSchema } from '../../schemas/common';
import { jobSchema } from '../../schemas/job';

/**
 * Is a signed bundle trustworthy: verify one (signature, chain to a trust anchor, revocation, every file) and
 * manage the trust anchors and CRLs that check uses.
 */

/** A trust anchor (CA certificate) or a CRL kept in the data folder's trust/ for bundle verification. */
export const trustEntrySchema = z.object({
  kind: z.enum(['anchor', 'crl']),
  /** SHA-256 of the DER encoding, lower-case hex: the entry's identity. */
  fingerprint: z.string(),
  /** Certificate subject; for a CRL its issuer (who publishes it). */
  subject: z.string(),
  issuer: z.string(),
  /** ISO timestamps: validity of a certificate; thisUpdate / nextUpdate of a CRL (nextUpdate may be absent). */
  notBefore: z.string(),
  notAfter: z.string().nullable(),
  /** Name of the file in trust/ (display only). */
  fileName: z.string(),
});
export type TrustEntry = z.infer<typeof trustEntrySchema>;

const fingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/, { message: 'Dấu vân tay SHA-256 không hợp lệ' });

export const trustChannels = {
  'trust.verify': defineChannel({
    description: 'Kiểm tra một hồ sơ nộp (.asice) chọn từ máy hoặc đã tải lên; trả về một công việc có kết quả thẩm định',
    input: z.object({ uploadId: idSchema.optional() }).strict(),
    output: jobSchema,
  }),
  'trust.list': defineChannel({
    description: 'Danh sách chứng thư gốc tin cậy và danh sách thu hồi (CRL) dùng để kiểm tra hồ sơ nộp',
    input: emptyInput,
    output: z.array(trustEntrySchema),
  }),
  'trust.import': defineChannel({
    description: 'Thêm chứng thư gốc tin cậy (chứng thư CA dạng PEM/DER) hoặc danh sách thu hồi (CRL) từ tệp tải lên hoặc chọn từ máy',
    input: z.object({ uploadId: idSchema.optional() }).strict(),
    output: z.object({ added: z.array(trustEntrySchema) }),
  }),
  'trust.remove': defineChannel({
    description: 'Bỏ một chứng thư gốc tin cậy hoặc danh sách thu hồi theo dấu vân tay SHA-256',
    input: z.object({ fingerprint: fingerprintSchema }).strict(),
    output: z.object({ removed: z.boolean() }),
  }),
};
