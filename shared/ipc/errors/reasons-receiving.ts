import type { ReasonText } from './codes';

/** Sở Nội vụ's receiving side beyond one bundle: a batch of submission packages (services/inbox/import-batch.ts). */
export const RECEIVING_REASONS = {
  INBOX_BATCH_EMPTY: {
    code: 'VALIDATION',
    vi: 'Thư mục hoặc danh sách đã chọn không có hồ sơ nộp nào (.asice).',
    en: 'The chosen folder or files hold no submission package (.asice).',
  },
  INBOX_BATCH_TOO_MANY: {
    code: 'FILE_TOO_LARGE',
    vi: 'Có {count} hồ sơ, quá số lượng tiếp nhận một lần ({max}). Không có gì được nhập; hãy chia thành nhiều lần.',
    en: '{count} packages exceed what one batch takes ({max}). Nothing was imported; split them into several batches.',
  },
  INBOX_BATCH_TOO_LARGE: {
    code: 'FILE_TOO_LARGE',
    vi: 'Tổng dung lượng các hồ sơ là {size:bytes}, quá giới hạn một lần tiếp nhận ({max:bytes}). Không có gì được nhập; hãy chia thành nhiều lần.',
    en: 'The packages total {size:bytes}, over the limit of one batch ({max:bytes}). Nothing was imported; split them into several batches.',
  },
  INBOX_BATCH_CANCELLED: {
    code: 'CANCELLED',
    vi: 'Đã hủy tiếp nhận hàng loạt: {imported} trên {total} hồ sơ đã được tiếp nhận trước khi hủy và vẫn được giữ; các hồ sơ còn lại chưa được nhập.',
    en: 'Batch import cancelled: {imported} of {total} packages were imported before the cancel and are kept; the rest were not imported.',
  },
  NO_FOLDER_PICKED: { code: 'CANCELLED', vi: 'Chưa chọn thư mục', en: 'No folder was chosen' },
} as const satisfies Record<string, ReasonText>;
