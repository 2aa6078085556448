import type { ReasonText } from './codes';

/** Files entering the app: evidence, the content store, signature images, PDFs to sign. */
export const FILE_REASONS = {
  EVIDENCE_TOO_LARGE: {
    code: 'FILE_TOO_LARGE',
    vi: 'Tệp "{name}" quá lớn: mỗi tệp kiểm chứng tối đa {max:bytes} (tệp này từ {size:bytes} trở lên). Hãy giảm dung lượng (ví dụ quét PDF đen trắng 200 dpi) hoặc tách thành nhiều tệp.',
    en: 'The file "{name}" is too large: each evidence file may have at most {max:bytes} (this one has {size:bytes} or more). Reduce it (for example scan the PDF in black and white at 200 dpi) or split it.',
  },
  /** `why` is an EV_* phrase. */
  EVIDENCE_TYPE_REFUSED: {
    code: 'BAD_FILE',
    vi: '{why:phrase} Chỉ chấp nhận: PDF, Word (doc/docx), Excel (xls/xlsx), OpenDocument (odt/ods), ảnh JPG/PNG hoặc tệp nén ZIP.',
    en: '{why:phrase} Accepted: PDF, Word (doc/docx), Excel (xls/xlsx), OpenDocument (odt/ods), JPG/PNG images or ZIP archives.',
  },
  STORE_HASH_INVALID: { code: 'VALIDATION', vi: 'Mã băm tài liệu không hợp lệ', en: 'The document hash is not valid' },
  SOURCE_FILE_MISSING: {
    code: 'FILE_CHANGED',
    vi: 'Không tìm thấy tệp "{name}" (tệp đã bị xóa hoặc di chuyển?).',
    en: 'The file "{name}" was not found (deleted or moved?).',
  },
  SOURCE_CHANGED_WHILE_COPYING: {
    code: 'FILE_CHANGED',
    vi: 'Tệp "{name}" đã thay đổi trong lúc đính kèm. Hãy đóng chương trình đang sửa tệp rồi thử lại.',
    en: 'The file "{name}" changed while it was being attached. Close the program editing it and try again.',
  },
  STORED_FILE_CHANGED: {
    code: 'FILE_CHANGED',
    vi: 'Tệp "{name}" trong kho đã bị xóa hoặc thay đổi.',
    en: 'The file "{name}" in the store was deleted or changed.',
  },
  SIGNATURE_IMAGE_NO_WIDTH: {
    code: 'VALIDATION',
    vi: 'Chỉ ảnh con dấu mới có độ rộng thật (mm); ảnh chữ ký được co giãn vừa ô ký.',
    en: 'Only the seal image has an actual width (mm); the signature image is scaled to fit the signature box.',
  },
  SEAL_IMAGE_MISSING: { code: 'NOT_FOUND', vi: 'Chưa có ảnh con dấu: hãy tải ảnh lên trước.', en: 'There is no seal image yet: upload one first.' },
  /** `image` is an IMG_* phrase. */
  PNG_TOO_LARGE: { code: 'FILE_TOO_LARGE', vi: '{image:phrase} quá lớn (tối đa {max:bytes}).', en: '{image:phrase} is too large (at most {max:bytes}).' },
  PNG_NOT_PNG: { code: 'BAD_FILE', vi: '{image:phrase} không phải tệp PNG.', en: '{image:phrase} is not a PNG file.' },
  PNG_ODD_STRUCTURE: { code: 'BAD_FILE', vi: '{image:phrase} có cấu trúc PNG bất thường.', en: '{image:phrase} has an abnormal PNG structure.' },
  PNG_TRUNCATED: { code: 'BAD_FILE', vi: '{image:phrase} bị cắt cụt (thiếu phần cuối tệp PNG).', en: '{image:phrase} is truncated (the end of the PNG file is missing).' },
  PNG_BAD_CRC: { code: 'BAD_FILE', vi: '{image:phrase} bị hỏng (sai mã kiểm tra CRC của khối {chunk}).', en: '{image:phrase} is damaged (wrong CRC of the {chunk} chunk).' },
  PNG_NO_HEADER: { code: 'BAD_FILE', vi: '{image:phrase} thiếu phần đầu IHDR.', en: '{image:phrase} has no IHDR header.' },
  PNG_BAD_HEADER: { code: 'BAD_FILE', vi: '{image:phrase} có phần đầu IHDR không hợp lệ.', en: '{image:phrase} has an invalid IHDR header.' },
  PNG_TOO_WIDE: {
    code: 'BAD_FILE',
    vi: '{image:phrase} có kích thước {width}×{height} điểm ảnh, vượt giới hạn {side}×{side}.',
    en: '{image:phrase} measures {width}×{height} pixels, beyond the {side}×{side} limit.',
  },
  PNG_FORMAT: {
    code: 'BAD_FILE',
    vi: '{image:phrase} phải là PNG 8 bit mỗi kênh, không xen kẽ (interlace); hãy lưu lại ảnh ở dạng này.',
    en: '{image:phrase} must be an 8-bit-per-channel, non-interlaced PNG; save the image in that form.',
  },
  PNG_NO_PALETTE: { code: 'BAD_FILE', vi: '{image:phrase} thiếu bảng màu (PLTE).', en: '{image:phrase} has no palette (PLTE).' },
  PNG_NO_ALPHA: {
    code: 'BAD_FILE',
    vi: '{image:phrase} không có nền trong suốt (PNG cần kênh alpha).',
    en: '{image:phrase} has no transparent background (the PNG needs an alpha channel).',
  },
  PNG_NO_DATA: { code: 'BAD_FILE', vi: '{image:phrase} không có dữ liệu ảnh.', en: '{image:phrase} has no image data.' },
  PNG_BAD_DATA: {
    code: 'BAD_FILE',
    vi: '{image:phrase} có dữ liệu ảnh hỏng hoặc không khớp kích thước khai báo.',
    en: '{image:phrase} has damaged image data or data that does not match its declared size.',
  },
  PNG_BAD_FILTER: {
    code: 'BAD_FILE',
    vi: '{image:phrase} có dữ liệu ảnh hỏng (bộ lọc dòng không hợp lệ).',
    en: '{image:phrase} has damaged image data (invalid row filter).',
  },
  // Untrusted workbooks (electron/backend/services/untrusted-xlsx): refused before or while parsing.
  XLSX_TOO_LARGE: {
    code: 'FILE_TOO_LARGE',
    vi: 'Tệp Excel quá lớn: {size:bytes}, tối đa {max:bytes}. Không có dữ liệu nào bị thay đổi.',
    en: 'The Excel file is too large: {size:bytes}, at most {max:bytes}. No data was changed.',
  },
  XLSX_TOO_MANY_ENTRIES: {
    code: 'BAD_FILE',
    vi: 'Tệp Excel có cấu trúc bất thường ({count} thành phần, tối đa {max}). Không có dữ liệu nào bị thay đổi.',
    en: 'The Excel file has an abnormal structure ({count} parts, at most {max}). No data was changed.',
  },
  XLSX_UNPACKED_TOO_LARGE: {
    code: 'FILE_TOO_LARGE',
    vi: 'Tệp Excel khi giải nén vượt quá {max:bytes}; có thể là tệp độc hại (bom nén). Không có dữ liệu nào bị thay đổi.',
    en: 'The Excel file unpacks to more than {max:bytes}; it may be hostile (a zip bomb). No data was changed.',
  },
  XLSX_RATIO: {
    code: 'BAD_FILE',
    vi: 'Thành phần "{entry}" của tệp Excel nén với tỉ lệ bất thường ({ratio}:1, tối đa {max}:1); có thể là tệp độc hại (bom nén). Không có dữ liệu nào bị thay đổi.',
    en: 'Part "{entry}" of the Excel file has an abnormal compression ratio ({ratio}:1, at most {max}:1); it may be hostile (a zip bomb). No data was changed.',
  },
  XLSX_TOO_MANY_ROWS: {
    code: 'BAD_FILE',
    vi: 'Trang tính "{sheet}" có quá nhiều dòng (tối đa {max}). Không có dữ liệu nào bị thay đổi.',
    en: 'Sheet "{sheet}" has too many rows (at most {max}). No data was changed.',
  },
  XLSX_TOO_MANY_COLUMNS: {
    code: 'BAD_FILE',
    vi: 'Trang tính "{sheet}" có quá nhiều cột (tối đa {max}). Không có dữ liệu nào bị thay đổi.',
    en: 'Sheet "{sheet}" has too many columns (at most {max}). No data was changed.',
  },
  XLSX_TOO_MANY_CELLS: {
    code: 'BAD_FILE',
    vi: 'Tệp Excel có quá nhiều ô dữ liệu (tối đa {max}). Không có dữ liệu nào bị thay đổi.',
    en: 'The Excel file has too many cells (at most {max}). No data was changed.',
  },
  /** The technical `detail` (which part, what was wrong) travels in the params for the log, not in the text. */
  XLSX_MALFORMED: {
    code: 'BAD_FILE',
    vi: 'Tệp không phải bảng tính Excel (.xlsx) hợp lệ hoặc đã bị hỏng. Không có dữ liệu nào bị thay đổi.',
    en: 'The file is not a valid Excel workbook (.xlsx) or is damaged. No data was changed.',
  },
  XLSX_TOO_COMPLEX: {
    code: 'BAD_FILE',
    vi: 'Tệp Excel quá phức tạp để đọc an toàn (vượt giới hạn bộ nhớ hoặc thời gian). Không có dữ liệu nào bị thay đổi.',
    en: 'The Excel file is too complex to read safely (beyond the memory or time limit). No data was changed.',
  },
} as const satisfies Record<string, ReasonText>;
