/**
 * Parts of sentences that several reasons share, each in both languages (used through `{x:phrase}`, see
 * ./text.ts): why a backup file is refused, why an evidence file type is refused, which image of a
 * signature is wrong, a block or a deadline of the round. A phrase is filled with the params of the reason that uses it.
 */
export const PHRASES = {
  // Why a file is not a valid backup (reason BACKUP_NOT_VALID).
  BK_ZIP_UNREADABLE: { vi: 'không đọc được cấu trúc tệp nén', en: 'the zip structure cannot be read' },
  BK_TOO_MANY_ENTRIES: { vi: 'quá nhiều mục', en: 'too many entries' },
  BK_ZIP_BROKEN: { vi: 'cấu trúc tệp nén bị hỏng', en: 'the zip structure is damaged' },
  BK_ENTRY_UNREADABLE: { vi: 'không đọc được "{entry}"', en: '"{entry}" cannot be read' },
  BK_ENTRY_BROKEN: { vi: 'nội dung "{entry}" bị hỏng', en: 'the content of "{entry}" is damaged' },
  BK_MANIFEST_TOO_LARGE: { vi: 'bản kê khai quá lớn', en: 'the manifest is too large' },
  BK_MANIFEST_BROKEN: { vi: 'bản kê khai bị hỏng', en: 'the manifest is damaged' },
  BK_MANIFEST_NOT_JSON: { vi: 'bản kê khai không phải JSON', en: 'the manifest is not JSON' },
  BK_MANIFEST_FORMAT: { vi: 'bản kê khai sai định dạng hoặc của phiên bản khác', en: 'the manifest has a wrong format or comes from another version' },
  BK_FILE_TOO_SHORT: { vi: 'tệp rỗng hoặc quá ngắn', en: 'the file is empty or too short' },
  BK_NO_MANIFEST: { vi: 'thiếu bản kê khai', en: 'the manifest is missing' },
  BK_DUPLICATE_ENTRY: { vi: 'mục trùng tên "{entry}"', en: 'duplicate entry "{entry}"' },
  BK_ENCRYPTED_ENTRY: { vi: 'có mục bị mã hóa', en: 'an entry is encrypted' },
  BK_UNKNOWN_ENTRY: { vi: 'mục lạ "{entry}"', en: 'unexpected entry "{entry}"' },
  BK_WRONG_ADDRESS: { vi: 'tài liệu "{entry}" sai địa chỉ nội dung', en: 'document "{entry}" is stored under a wrong content address' },
  BK_MANIFEST_DUPLICATE: { vi: 'bản kê khai có mục trùng', en: 'the manifest lists an entry twice' },
  BK_COUNT_MISMATCH: { vi: 'số mục không khớp bản kê khai', en: 'the number of entries does not match the manifest' },
  BK_NOT_IN_MANIFEST: { vi: 'mục "{entry}" không có trong bản kê khai', en: 'entry "{entry}" is not in the manifest' },
  BK_SIZE_MISMATCH: { vi: 'kích thước "{entry}" không khớp', en: 'the size of "{entry}" does not match' },
  BK_HASH_MISMATCH: { vi: 'mã băm của "{entry}" không khớp', en: 'the hash of "{entry}" does not match' },
  BK_DB_UNOPENABLE: { vi: 'cơ sở dữ liệu trong tệp không mở được', en: 'the database in the file cannot be opened' },
  BK_DB_BROKEN: { vi: 'cơ sở dữ liệu trong tệp bị hỏng', en: 'the database in the file is damaged' },
  BK_DB_NOT_INTACT: { vi: 'cơ sở dữ liệu trong tệp không toàn vẹn', en: 'the database in the file is not intact' },
  BK_DB_FOREIGN: { vi: 'cơ sở dữ liệu không phải của ứng dụng này', en: 'the database does not belong to this app' },
  BK_DB_SHAPE: { vi: 'cấu trúc cơ sở dữ liệu không khớp', en: 'the database structure does not match' },
  BK_DB_VERSION: { vi: 'phiên bản lược đồ không khớp', en: 'the schema version does not match' },
  BK_DB_FOREIGN_KEYS: { vi: 'dữ liệu trong tệp vi phạm ràng buộc khóa ngoại', en: 'the data in the file breaks foreign-key constraints' },
  // Why an evidence file is refused (reason EVIDENCE_TYPE_REFUSED).
  EV_EMPTY: { vi: 'Tệp rỗng (0 byte).', en: 'The file is empty (0 bytes).' },
  EV_EXECUTABLE: {
    vi: 'Tệp là chương trình chạy được (không phải tài liệu), dù tên tệp có đuôi khác.',
    en: 'The file is an executable program (not a document), whatever its name says.',
  },
  EV_UNKNOWN_TYPE: { vi: 'Loại tệp không được hỗ trợ (nhận biết theo nội dung tệp).', en: 'Unsupported file type (recognised by its content).' },
  EV_ZIP_BROKEN: {
    vi: 'Tệp nén (hoặc tệp Office) bị hỏng, không đọc được danh mục bên trong.',
    en: 'The zip (or Office) file is damaged; its table of contents cannot be read.',
  },
  EV_OLD_OFFICE_OTHER: {
    vi: 'Tệp Office định dạng cũ nhưng không phải Word (.doc) hay Excel (.xls).',
    en: 'An old-format Office file that is neither Word (.doc) nor Excel (.xls).',
  },
  // Which image of a signature appearance (reasons PNG_*).
  IMG_SIGNATURE: { vi: 'Ảnh chữ ký', en: 'The signature image' },
  IMG_SEAL: { vi: 'Ảnh con dấu', en: 'The seal image' },
  // Which field of a signature appearance is missing (reason SIGNATURE_FIELD_MISSING).
  SIG_TITLE: { vi: 'chức vụ', en: 'the title' },
  SIG_NAME: { vi: 'họ tên người ký', en: 'the signer’s name' },
  SIG_ORGANISATION: { vi: 'tên cơ quan, tổ chức', en: 'the organisation’s name' },
  SIG_DOCUMENT_NUMBER: { vi: 'số và ký hiệu văn bản', en: 'the document number' },
  // A block of the ranking, and a deadline of the round (shared/domain/round-form.ts).
  BLOCK_SO: { vi: 'Sở, ban, ngành', en: 'departments' },
  BLOCK_PHUONG: { vi: 'Phường', en: 'wards' },
  BLOCK_XA_DAC_KHU: { vi: 'Xã, đặc khu', en: 'communes and special zones' },
  DL_DUE: { vi: 'hạn nộp bản tự đánh giá', en: 'the self-assessment due date' },
  DL_START: { vi: 'ngày bắt đầu giải trình', en: 'the first day of explanations' },
  DL_END: { vi: 'ngày kết thúc giải trình', en: 'the last day of explanations' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type Phrase = keyof typeof PHRASES;
