import type { ReasonText } from './codes';

/** Sở Nội vụ's register of units and signers (services/registry). */
export const REGISTRY_REASONS = {
  REGISTRY_YEAR_NOT_OPEN: {
    code: 'NOT_FOUND',
    vi: 'Năm {year} chưa được mở trong Sổ đăng ký.',
    en: 'Year {year} is not opened in the register.',
  },
  REGISTRY_UNIT_NOT_FOUND: {
    code: 'NOT_FOUND',
    vi: 'Đơn vị {code} không có trong danh sách năm {year} của Sổ đăng ký.',
    en: 'Unit {code} is not in the register\'s list for {year}.',
  },
  REGISTRY_SIGNER_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy chứng thư trong Sổ đăng ký.', en: 'Certificate not found in the register.' },
  REGISTRY_SIGNER_ALREADY_REVOKED: {
    code: 'CONFLICT',
    vi: 'Chứng thư này đã bị thu hồi khỏi Sổ đăng ký trước đó.',
    en: 'This certificate was already revoked from the register.',
  },
  /** The bundle whose signer the appraiser wants to trust failed its own verification. */
  REGISTRY_BUNDLE_NOT_VALID: {
    code: 'BUNDLE_INVALID',
    vi: 'Không thể tin cậy người ký của một hồ sơ không hợp lệ ({check}): {check:bundle}',
    en: 'The signer of an invalid bundle cannot be trusted ({check}): {check:bundle}',
  },
  REGISTRY_SAMPLE_UNREADABLE: {
    code: 'IO',
    vi: 'Không đọc được danh sách đơn vị mẫu đi kèm phần mềm.',
    en: 'The sample unit list shipped with the app cannot be read.',
  },
  REGISTRY_TEMPLATE_UNREADABLE: {
    code: 'BAD_FILE',
    vi: 'Không đọc được tệp {name}: không phải bảng tính Excel (.xlsx) hợp lệ.',
    en: 'Cannot read {name}: not a valid Excel workbook (.xlsx).',
  },
  REGISTRY_EXPORT_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy xuất mẫu Excel.', en: 'Template export cancelled.' },
} as const satisfies Record<string, ReasonText>;
