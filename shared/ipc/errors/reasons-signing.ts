import type { ReasonText } from './codes';

/** Keys and certificates (.p12 files, PKCS#11 tokens), trust anchors, and PDF signatures (PAdES). */
export const SIGNING_REASONS = {
  P12_UNREADABLE: {
    code: 'BAD_FILE',
    vi: 'Không đọc được tệp chứng thư số (.p12/.pfx): tệp hỏng hoặc không đúng định dạng.',
    en: 'Cannot read the certificate file (.p12/.pfx): it is damaged or not in that format.',
  },
  P12_WRONG_PASSWORD: {
    code: 'WRONG_PASSWORD',
    vi: 'Mật khẩu của tệp chứng thư số (.p12/.pfx) không đúng.',
    en: 'The password of the certificate file (.p12/.pfx) is wrong.',
  },
  P12_NO_KEY: { code: 'BAD_FILE', vi: 'Tệp .p12/.pfx không chứa khóa bí mật.', en: 'The .p12/.pfx file holds no private key.' },
  P12_NO_CERT: { code: 'BAD_FILE', vi: 'Tệp .p12/.pfx không chứa chứng thư số.', en: 'The .p12/.pfx file holds no certificate.' },
  P12_KEY_CERT_MISMATCH: {
    code: 'CERT_INVALID',
    vi: 'Không có chứng thư số nào khớp với khóa bí mật trong tệp .p12/.pfx.',
    en: 'No certificate in the .p12/.pfx file matches its private key.',
  },
  KEY_TYPE_UNSUPPORTED: { code: 'CERT_INVALID', vi: 'Loại khóa không được hỗ trợ (chỉ RSA hoặc ECDSA).', en: 'Unsupported key type (RSA or ECDSA only).' },
  KEY_CLOSED: { code: 'INTERNAL', vi: 'Khóa ký đã được đóng.', en: 'The signing key was already closed.' },
  P12_FILE_UNREADABLE: {
    code: 'BAD_FILE',
    vi: 'Tệp chứng thư số không đọc được hoặc quá lớn.',
    en: 'The certificate file cannot be read or is too large.',
  },
  NO_P12_PICKED: { code: 'CANCELLED', vi: 'Chưa chọn tệp chứng thư số', en: 'No certificate file was chosen' },
  NO_PKCS11_PICKED: { code: 'CANCELLED', vi: 'Chưa chọn thư viện của thiết bị ký số', en: 'No signing device library was chosen' },
  KEY_NOT_OPEN: { code: 'NOT_FOUND', vi: 'Hãy chọn lại khóa ký.', en: 'Choose the signing key again.' },
  PASSWORD_MISSING: { code: 'VALIDATION', vi: 'Thiếu mật khẩu tệp chứng thư số', en: 'The certificate file password is missing' },
  PIN_MISSING: { code: 'VALIDATION', vi: 'Thiếu mã PIN', en: 'The PIN is missing' },
  CERT_EXPIRED_ON: { code: 'CERT_EXPIRED', vi: 'Chứng thư số đã hết hạn từ {day}; không thể ký.', en: 'The certificate expired on {day}; it cannot sign.' },
  CERT_NOT_YET_VALID: { code: 'CERT_INVALID', vi: 'Chứng thư số chưa có hiệu lực (từ {day}).', en: 'The certificate is not valid yet (from {day}).' },
  CERT_WRONG_USAGE: {
    code: 'CERT_INVALID',
    vi: 'Chứng thư số này không được phép dùng để ký số văn bản (sai mục đích sử dụng khóa).',
    en: 'This certificate may not sign documents (wrong key usage).',
  },
  TOKEN_WORKER_DIED: {
    code: 'TOKEN_ERROR',
    vi: 'Tiến trình làm việc với thiết bị ký số đã dừng bất thường.',
    en: 'The process talking to the signing device stopped unexpectedly.',
  },
  TOKEN_SESSION_CLOSED: { code: 'TOKEN_ERROR', vi: 'Phiên làm việc với thiết bị ký số đã đóng.', en: 'The session with the signing device is closed.' },
  TOKEN_TIMEOUT: {
    code: 'TOKEN_ERROR',
    vi: 'Thiết bị ký số không phản hồi (quá thời gian chờ).',
    en: 'The signing device does not answer (timed out).',
  },
  PIN_WRONG: {
    code: 'PIN_INCORRECT',
    vi: 'Mã PIN không đúng. Lưu ý: nhập sai nhiều lần có thể khóa thiết bị ký số.',
    en: 'Wrong PIN. Note: too many wrong PINs can lock the signing device.',
  },
  PIN_BLOCKED: {
    code: 'PIN_LOCKED',
    vi: 'Thiết bị ký số đã bị khóa do nhập sai PIN nhiều lần. Hãy liên hệ đơn vị cấp chứng thư để mở khóa.',
    en: 'The signing device is locked after too many wrong PINs. Contact the certificate issuer to unlock it.',
  },
  PIN_LENGTH: { code: 'PIN_INCORRECT', vi: 'Độ dài mã PIN không hợp lệ.', en: 'The PIN length is not valid.' },
  /** `detail` is the PKCS#11 library's own text (CKR_…), kept as it is. */
  TOKEN_FAILED: { code: 'TOKEN_ERROR', vi: 'Lỗi thiết bị ký số ({stage}): {detail}', en: 'Signing device error ({stage}): {detail}' },
  PKCS11_LOAD_FAILED: {
    code: 'TOKEN_ERROR',
    vi: 'Không nạp được thư viện PKCS#11 "{module}": {detail}',
    en: 'Cannot load the PKCS#11 library "{module}": {detail}',
  },
  NO_TOKEN: { code: 'TOKEN_ERROR', vi: 'Không tìm thấy thiết bị ký số (USB token) nào đang cắm.', en: 'No signing device (USB token) is plugged in.' },
  TOKEN_NOT_FOUND: {
    code: 'TOKEN_ERROR',
    vi: 'Không tìm thấy thiết bị ký số đã chọn; hãy kiểm tra lại USB token.',
    en: 'The chosen signing device was not found; check the USB token.',
  },
  TOKEN_NO_CERT: {
    code: 'CERT_INVALID',
    vi: 'Không tìm thấy chứng thư số có khóa bí mật tương ứng trên thiết bị.',
    en: 'No certificate with a matching private key was found on the device.',
  },
  TOKEN_NO_SESSION: { code: 'TOKEN_ERROR', vi: 'Chưa mở phiên làm việc với thiết bị ký số.', en: 'No session with the signing device is open.' },
  TRUST_FILE_SIZE: { code: 'BAD_FILE', vi: 'Tệp "{name}" rỗng hoặc quá lớn (tối đa 4 MB).', en: 'The file "{name}" is empty or too large (at most 4 MB).' },
  TRUST_FILE_UNREADABLE: {
    code: 'BAD_FILE',
    vi: 'Tệp "{name}" không phải chứng thư số (PEM/DER) hoặc danh sách thu hồi (CRL) đọc được.',
    en: 'The file "{name}" is not a readable certificate (PEM/DER) or revocation list (CRL).',
  },
  TRUST_NOT_A_CA: {
    code: 'CERT_INVALID',
    vi: 'Chứng thư "{subject}" không phải chứng thư của tổ chức chứng thực (CA), không thể dùng làm chứng thư gốc tin cậy.',
    en: 'The certificate "{subject}" is not a certification authority (CA) certificate and cannot be a trust anchor.',
  },
  NO_BUNDLE_PICKED: { code: 'CANCELLED', vi: 'Chưa chọn hồ sơ', en: 'No bundle was chosen' },
  PDF_UNREADABLE_TO_SIGN: {
    code: 'BAD_FILE',
    vi: 'Tệp PDF bị hỏng hoặc không đúng định dạng, không ký được.',
    en: 'The PDF file is damaged or not a PDF; it cannot be signed.',
  },
  PDF_UNREADABLE: { code: 'BAD_FILE', vi: 'Tệp PDF bị hỏng hoặc không đúng định dạng.', en: 'The PDF file is damaged or not a PDF.' },
  PDF_ENCRYPTED: { code: 'UNSUPPORTED', vi: 'Không ký được tệp PDF có mật khẩu hoặc mã hóa.', en: 'A password-protected or encrypted PDF cannot be signed.' },
  /** `detail` is the PDF library's reason, kept as it is. */
  PDF_NOT_INCREMENTAL: {
    code: 'BAD_FILE',
    vi: 'Không thể ghi bổ sung chữ ký vào tệp PDF này ({detail}).',
    en: 'A signature cannot be appended to this PDF ({detail}).',
  },
  PDF_NO_SUCH_PAGE: { code: 'VALIDATION', vi: 'Văn bản không có trang {page} để đặt chữ ký.', en: 'The document has no page {page} to place the signature on.' },
  PDF_ROTATED_PAGE: { code: 'UNSUPPORTED', vi: 'Chưa hỗ trợ đặt chữ ký trên trang bị xoay.', en: 'Signatures on rotated pages are not supported yet.' },
  PDF_TOO_LARGE_TO_SIGN: { code: 'FILE_TOO_LARGE', vi: 'Tệp PDF quá lớn để ký.', en: 'The PDF file is too large to sign.' },
  PDF_TOO_LARGE: { code: 'FILE_TOO_LARGE', vi: 'Tệp PDF quá lớn.', en: 'The PDF file is too large.' },
  SIGNING_TIME_INVALID: { code: 'VALIDATION', vi: 'Thời gian ký không hợp lệ.', en: 'The signing time is not valid.' },
  PDF_ORIGINAL_CHANGED: {
    code: 'INTERNAL',
    vi: 'Ghi bổ sung chữ ký đã làm thay đổi nội dung gốc của tệp PDF.',
    en: 'Appending the signature changed the original content of the PDF.',
  },
  /** `detail` says which internal check failed (developers read it in the log). */
  PDF_PLACEHOLDER_FAILED: {
    code: 'INTERNAL',
    vi: 'Không tạo được chỗ chứa chữ ký trong tệp PDF ({detail}).',
    en: 'Could not make room for the signature in the PDF ({detail}).',
  },
  PDF_FIELD_EXISTS: { code: 'CONFLICT', vi: 'Văn bản đã có trường chữ ký tên "{field}".', en: 'The document already has a signature field named "{field}".' },
  PDF_FIELDS_TOO_DEEP: { code: 'BAD_FILE', vi: 'Cấu trúc trường biểu mẫu của tệp PDF lồng quá sâu.', en: 'The PDF’s form fields are nested too deeply.' },
  PDF_TOO_MANY_FIELDS: { code: 'BAD_FILE', vi: 'Tệp PDF có quá nhiều trường biểu mẫu.', en: 'The PDF has too many form fields.' },
  PDF_BYTE_RANGE_INVALID: { code: 'BAD_FILE', vi: 'Chữ ký "{field}" có /ByteRange không hợp lệ.', en: 'Signature "{field}" has an invalid /ByteRange.' },
  PDF_BYTE_RANGE_OUTSIDE: { code: 'BAD_FILE', vi: 'Chữ ký "{field}" có /ByteRange nằm ngoài tệp.', en: 'Signature "{field}" has a /ByteRange outside the file.' },
  PDF_GAP_NOT_CONTENTS: {
    code: 'BAD_FILE',
    vi: 'Khoảng không được ký của chữ ký "{field}" không đúng là /Contents.',
    en: 'The unsigned gap of signature "{field}" is not exactly /Contents.',
  },
  PDF_GAP_EXTRA_DATA: {
    code: 'BAD_FILE',
    vi: 'Khoảng không được ký của chữ ký "{field}" chứa dữ liệu khác ngoài chữ ký.',
    en: 'The unsigned gap of signature "{field}" holds data other than the signature.',
  },
  PDF_CONTENTS_MISPLACED: {
    code: 'BAD_FILE',
    vi: '/Contents của chữ ký "{field}" không khớp vị trí /ByteRange.',
    en: 'The /Contents of signature "{field}" does not match the /ByteRange position.',
  },
  PDF_CONTENTS_NOT_CMS: { code: 'BAD_FILE', vi: '/Contents của chữ ký "{field}" không phải một CMS DER.', en: 'The /Contents of signature "{field}" is not one DER CMS.' },
  PDF_UNSIGNED: { code: 'BAD_FILE', vi: 'Tệp PDF không có chữ ký số.', en: 'The PDF has no digital signature.' },
  PDF_NOT_WHOLLY_SIGNED: {
    code: 'BAD_FILE',
    vi: 'Không có chữ ký nào bao trọn tệp PDF (tệp đã bị thêm nội dung sau khi ký).',
    en: 'No signature covers the whole PDF (content was added after signing).',
  },
  SIGNATURE_FONT_UNREADABLE: { code: 'BAD_FILE', vi: 'Không đọc được phông chữ dùng cho hình ảnh chữ ký.', en: 'The font of the signature appearance cannot be read.' },
  SIGNATURE_FONT_MISSING_GLYPHS: {
    code: 'VALIDATION',
    vi: 'Phông chữ của chữ ký không có ký tự: {chars}',
    en: 'The signature font lacks the characters: {chars}',
  },
  /** `what` is a SIG_* phrase. */
  SIGNATURE_FIELD_MISSING: { code: 'VALIDATION', vi: 'Thiếu {what:phrase} cho hình ảnh chữ ký.', en: '{what:phrase} is missing from the signature appearance.' },
  SIGNATURE_NEEDS_PLACEMENT: {
    code: 'VALIDATION',
    vi: 'Chữ ký của người có thẩm quyền cần vị trí (trang và khung) trên văn bản.',
    en: 'The authorised signer’s signature needs a place (page and box) on the document.',
  },
  SEAL_WITHOUT_SIGNATURE: {
    code: 'VALIDATION',
    vi: 'Ảnh con dấu chỉ dùng kèm ảnh chữ ký của người ký.',
    en: 'A seal image is only used together with the signer’s signature image.',
  },
  SEAL_SIZE: { code: 'VALIDATION', vi: 'Kích thước thật của con dấu phải từ 10 đến 80 mm.', en: 'The real size of the seal must be between 10 and 80 mm.' },
} as const satisfies Record<string, ReasonText>;
