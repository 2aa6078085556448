import type { ReasonText } from './codes';

/** Backups, restores and the database's own version. */
export const BACKUP_REASONS = {
  BACKUP_BUSY: {
    code: 'CONFLICT',
    vi: 'Đang có một thao tác sao lưu hoặc khôi phục khác; hãy chờ nó hoàn tất.',
    en: 'Another backup or restore is running; wait for it to finish.',
  },
  BACKUP_CANCELLED: { code: 'CANCELLED', vi: 'Đã hủy sao lưu', en: 'Backup cancelled' },
  WEB_RESTORE_BY_UPLOAD: {
    code: 'UNSUPPORTED',
    vi: 'Trên trình duyệt, hãy tải tệp sao lưu lên để khôi phục.',
    en: 'In the browser, upload the backup file to restore it.',
  },
  NO_BACKUP_PICKED: { code: 'CANCELLED', vi: 'Chưa chọn tệp sao lưu', en: 'No backup file was chosen' },
  AUTOMATIC_BACKUP_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy bản sao lưu tự động này.', en: 'This automatic backup was not found.' },
  BACKUP_FILE_NOT_FOUND: { code: 'NOT_FOUND', vi: 'Không tìm thấy tệp sao lưu.', en: 'The backup file was not found.' },
  /** `why` is a BK_* phrase (./phrases.ts). */
  BACKUP_NOT_VALID: {
    code: 'BACKUP_INVALID',
    vi: 'Tệp này không phải là tệp sao lưu hợp lệ của ứng dụng CCHC Tự đánh giá ({why:phrase}). Dữ liệu hiện tại không bị thay đổi.',
    en: 'This is not a valid backup file of the CCHC self-assessment app ({why:phrase}). The current data was not changed.',
  },
  // Limits checked on the zip's central directory before anything is inflated (services/backup/archive-limits.ts).
  BACKUP_ENTRY_TOO_LARGE: {
    code: 'BACKUP_INVALID',
    vi: 'Tệp sao lưu có mục "{entry}" lớn bất thường ({size:bytes}, tối đa {max:bytes}). Dữ liệu hiện tại không bị thay đổi.',
    en: 'The backup has an abnormally large entry "{entry}" ({size:bytes}, at most {max:bytes}). The current data was not changed.',
  },
  BACKUP_RATIO: {
    code: 'BACKUP_INVALID',
    vi: 'Mục "{entry}" của tệp sao lưu nén với tỉ lệ bất thường ({ratio}:1, tối đa {max}:1); có thể là tệp độc hại (bom nén). Dữ liệu hiện tại không bị thay đổi.',
    en: 'Entry "{entry}" of the backup has an abnormal compression ratio ({ratio}:1, at most {max}:1); it may be hostile (a zip bomb). The current data was not changed.',
  },
  // Trust files in a backup pass the checks of trust.import (services/trust/trust-dir.ts checkTrustFile).
  BACKUP_TRUST_NOT_A_CA: {
    code: 'BACKUP_INVALID',
    vi: 'Tệp sao lưu chứa "{entry}" là chứng thư của người dùng cuối ({subject}), không phải chứng thư CA, nên không thể làm chứng thư gốc tin cậy. Dữ liệu hiện tại không bị thay đổi.',
    en: 'The backup holds "{entry}", an end-entity certificate ({subject}), not a CA certificate, so it cannot be a trust anchor. The current data was not changed.',
  },
  BACKUP_TRUST_UNREADABLE: {
    code: 'BACKUP_INVALID',
    vi: 'Tệp sao lưu chứa "{entry}" không phải chứng thư số hay danh sách thu hồi (CRL) đọc được. Dữ liệu hiện tại không bị thay đổi.',
    en: 'The backup holds "{entry}", which is not a readable certificate or revocation list (CRL). The current data was not changed.',
  },
  BACKUP_FROM_NEWER_APP: {
    code: 'BACKUP_INVALID',
    vi: 'Tệp sao lưu được tạo bởi phiên bản ứng dụng mới hơn. Hãy cập nhật ứng dụng rồi khôi phục lại; dữ liệu hiện tại không bị thay đổi.',
    en: 'The backup was made by a newer version of the app. Update the app, then restore again; the current data was not changed.',
  },
  /** `detail` is SQLite's integrity_check answer. */
  BACKUP_NOT_INTACT: { code: 'IO', vi: 'Bản sao lưu vừa tạo không toàn vẹn ({detail}).', en: 'The backup just made is not intact ({detail}).' },
  SNAPSHOT_NOT_INTACT: { code: 'IO', vi: 'Bản sao cơ sở dữ liệu không toàn vẹn ({detail}).', en: 'The database copy is not intact ({detail}).' },
  /** The backup taken before a migration failed: `cause` is that failure's Vietnamese text. */
  PRE_MIGRATION_BACKUP_FAILED: {
    code: 'IO',
    vi: 'Không sao lưu được dữ liệu trước khi nâng cấp cơ sở dữ liệu, nên chưa nâng cấp (dữ liệu giữ nguyên). {cause}',
    en: 'The data could not be backed up before the database upgrade, so it was not upgraded (the data is unchanged). {cause}',
  },
  DB_FROM_NEWER_APP: {
    code: 'DB_TOO_NEW',
    vi: 'Cơ sở dữ liệu được tạo bởi phiên bản ứng dụng mới hơn (lược đồ {found}, ứng dụng này hỗ trợ tới {supported}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.',
    en: 'The database was made by a newer version of the app (schema {found}; this app supports up to {supported}). Update the app; the data was not changed.',
  },
} as const satisfies Record<string, ReasonText>;
