/**
 * Verification codes of the signed submission bundle (profile SATB/1, docs/submission-format.md) with the
 * Vietnamese explanation shown to the appraiser and an English one for the UI's i18n. `E_*` make a bundle
 * INVALID (verification stops at the first one); `W_*` only downgrade VALID to VALID_WITH_WARNINGS.
 */
export const BUNDLE_CODES = {
  OK: { vi: 'Hồ sơ hợp lệ: chữ ký số đúng, mọi tệp còn nguyên vẹn.', en: 'Valid bundle: signature correct, every file intact.' },
  // 1. File level
  E_LIMIT: { vi: 'Hồ sơ vượt giới hạn cho phép (dung lượng, số tệp hoặc kích thước một tệp).', en: 'The bundle exceeds a size or count limit.' },
  E_NOT_ZIP: { vi: 'Tệp không phải gói ký số (không đọc được dạng nén ZIP).', en: 'Not a signed package (not a readable zip file).' },
  E_TRUNCATED: { vi: 'Tệp hồ sơ bị cắt cụt hoặc hỏng (thiếu phần cuối).', en: 'The bundle file is truncated or damaged.' },
  E_ENCRYPTED: { vi: 'Hồ sơ chứa tệp bị mã hóa bằng mật khẩu, không được chấp nhận.', en: 'The bundle contains an encrypted entry.' },
  E_METHOD: { vi: 'Hồ sơ dùng phương thức nén không được hỗ trợ.', en: 'Unsupported compression method.' },
  E_MULTI_DISK: { vi: 'Hồ sơ chia nhiều phần (multi-disk), không được chấp nhận.', en: 'Multi-disk archives are not accepted.' },
  E_ZIP_STRUCTURE: {
    vi: 'Cấu trúc ZIP không nhất quán (bản ghi kết thúc trùng lặp, số mục khai báo sai, mục lục ẩn hoặc dữ liệu nằm ngoài mọi tệp): các công cụ khác có thể thấy nội dung khác.',
    en: 'Inconsistent zip structure (duplicate end record, wrong counts, hidden records or bytes outside any entry): other tools may see different content.',
  },
  // 2. Entry table
  E_BAD_NAME: { vi: 'Tên tệp trong hồ sơ không an toàn (đường dẫn tuyệt đối, "..", dấu "\\" …).', en: 'Unsafe entry name (absolute path, "..", backslash …).' },
  E_UNEXPECTED_ENTRY: { vi: 'Hồ sơ chứa tệp không thuộc cấu trúc quy định.', en: 'The bundle contains an entry outside the allowed layout.' },
  E_DUPLICATE_ENTRY: { vi: 'Hồ sơ có hai tệp trùng tên (kể cả khác hoa/thường hoặc dạng Unicode).', en: 'Duplicate entry names (including case or Unicode forms).' },
  E_DIRECTORY_ENTRY: { vi: 'Hồ sơ chứa mục thư mục (ví dụ "evidence/"): định dạng không cho phép, vì mục thư mục có thể giấu dữ liệu.', en: 'The bundle contains a directory entry (not allowed: it can hide data).' },
  E_EXTRA_FIELD: { vi: 'Một tệp trong ZIP mang trường mở rộng (extra field) không được phép hoặc sai cấu trúc (có thể đổi tên tệp với công cụ khác).', en: 'An entry carries a disallowed or malformed extra field (it could rename the entry in other tools).' },
  E_SYMLINK: { vi: 'Hồ sơ chứa liên kết tượng trưng (symlink) hoặc tệp thiết bị.', en: 'The bundle contains a symlink or device entry.' },
  E_RATIO: { vi: 'Tỷ lệ nén bất thường (nghi "bom nén").', en: 'Abnormal compression ratio (zip bomb suspected).' },
  E_MIMETYPE: { vi: 'Tệp "mimetype" thiếu, không đứng đầu, bị nén hoặc sai nội dung.', en: '"mimetype" missing, not first, compressed or wrong.' },
  E_HEADER_MISMATCH: {
    vi: 'Thông tin một tệp (tên, phương thức, cờ, CRC-32, kích thước) không khớp giữa các phần mục lục của ZIP (local header, central directory, data descriptor) — dấu hiệu giả mạo.',
    en: 'Local header, central directory and data descriptor disagree (name, method, flags, CRC-32 or sizes): tampering.',
  },
  E_SIZE_MISMATCH: { vi: 'Kích thước thực của một tệp khác kích thước khai báo (dấu hiệu giả mạo).', en: 'An entry\'s real size differs from the declared size.' },
  E_CRC_MISMATCH: { vi: 'Mã kiểm tra CRC-32 của một tệp không khớp với nội dung (tệp hỏng hoặc bị sửa).', en: 'An entry\'s CRC-32 does not match its content.' },
  // 3-4. Metadata and manifest
  E_UNSIGNED: { vi: 'Hồ sơ thiếu tệp kê khai (ASiCManifest.xml) hoặc tệp chữ ký (signature001.p7s).', en: 'Manifest or signature file missing.' },
  E_META_TOO_LARGE: { vi: 'Tệp kê khai, chữ ký hoặc submission.json quá lớn.', en: 'Manifest, signature or submission.json too large.' },
  E_MANIFEST_XML: { vi: 'Tệp kê khai ASiCManifest.xml sai cấu trúc hoặc chứa khai báo DOCTYPE.', en: 'ASiCManifest.xml malformed or contains a DOCTYPE.' },
  E_DIGEST_ALG: { vi: 'Tệp kê khai dùng thuật toán băm không được chấp nhận (chỉ SHA-256).', en: 'Manifest digest algorithm not accepted (SHA-256 only).' },
  // 5. CMS
  E_NOT_SIGNED_DATA: { vi: 'Tệp chữ ký không phải CMS SignedData hợp lệ.', en: 'The signature file is not a valid CMS SignedData.' },
  E_NOT_DETACHED: { vi: 'Chữ ký không ở dạng tách rời (detached) theo quy định.', en: 'The signature is not detached.' },
  E_SIGNER_COUNT: { vi: 'Tệp chữ ký phải có đúng một người ký.', en: 'Exactly one signer is required.' },
  E_SIGNATURE: { vi: 'Chữ ký số không đúng: tệp kê khai đã bị thay đổi sau khi ký hoặc chữ ký giả.', en: 'Signature invalid: the manifest changed after signing or the signature is forged.' },
  E_ALG: { vi: 'Chữ ký hoặc chứng thư dùng thuật toán yếu (SHA-1/MD5) hoặc không được chấp nhận.', en: 'Weak or unaccepted algorithm (SHA-1/MD5).' },
  E_SIGNING_CERT_BINDING: { vi: 'Chữ ký không gắn đúng với chứng thư số đi kèm (signingCertificateV2).', en: 'signingCertificateV2 does not match the signer certificate.' },
  // 6. Certificate policy
  E_UNTRUSTED: { vi: 'Chứng thư số của người ký không thuộc tổ chức chứng thực được tin cậy.', en: 'The signer certificate does not chain to a trusted root.' },
  E_CERT_EXPIRED: { vi: 'Chứng thư số của người ký đã hết hạn.', en: 'The signer certificate has expired.' },
  E_CERT_NOT_YET_VALID: { vi: 'Chứng thư số của người ký chưa có hiệu lực.', en: 'The signer certificate is not yet valid.' },
  E_KEY_USAGE: { vi: 'Chứng thư số không được phép dùng để ký số (sai mục đích sử dụng khóa).', en: 'The certificate is not allowed for digital signatures (key usage).' },
  E_REVOKED: { vi: 'Chứng thư số của người ký đã bị thu hồi.', en: 'The signer certificate is revoked.' },
  E_CERT_PATH_LEN: { vi: 'Chuỗi chứng thư vi phạm giới hạn độ dài (pathLenConstraint): một CA đã cấp cho CA cấp dưới mà nó không được phép.', en: 'The certificate path violates a pathLenConstraint.' },
  E_CERT_CRITICAL_EXTENSION: {
    vi: 'Một chứng thư trong chuỗi có phần mở rộng bắt buộc (critical) không được hỗ trợ, hoặc ràng buộc (tên, chính sách) mà phần mềm không kiểm tra được.',
    en: 'A certificate in the path has an unsupported critical extension, or a name/policy constraint this verifier does not enforce.',
  },
  E_SIGNING_TIME: { vi: 'Thời điểm ký khai báo nằm ở tương lai.', en: 'The declared signing time is in the future.' },
  E_SIGNING_TIME_OUTSIDE_CERT: { vi: 'Thời điểm ký khai báo nằm ngoài thời hạn hiệu lực của chứng thư người ký.', en: 'The declared signing time lies outside the signer certificate\'s validity.' },
  // 7. Coverage and digests
  E_UNLISTED_ENTRY: { vi: 'Hồ sơ chứa tệp không được kê khai trong ASiCManifest.xml (không được ký).', en: 'An entry is not listed in the manifest (unsigned).' },
  E_MISSING_ENTRY: { vi: 'Tệp được kê khai nhưng không có trong hồ sơ.', en: 'A listed entry is missing from the bundle.' },
  E_DIGEST_MISMATCH: { vi: 'Nội dung một tệp đã bị thay đổi sau khi ký (mã băm không khớp).', en: 'An entry changed after signing (digest mismatch).' },
  // 8. Semantics
  E_SUBMISSION_SCHEMA: {
    vi: 'Tệp submission.json sai cấu trúc dữ liệu (kể cả BOM, lồng quá sâu, chuỗi chứa ký tự điều khiển/đổi chiều hoặc chưa chuẩn hóa NFC).',
    en: 'submission.json does not match the schema (including a BOM, excessive nesting, control/bidi characters or non-NFC text).',
  },
  E_FORMAT_VERSION: { vi: 'Phiên bản định dạng hồ sơ không được hỗ trợ.', en: 'Unsupported bundle format version.' },
  E_INDICATOR_SET_UNKNOWN: { vi: 'Bộ chỉ số khai báo trong hồ sơ không có trên máy thẩm định.', en: 'Unknown indicator set.' },
  E_INDICATOR_SET_MISMATCH: { vi: 'Bộ chỉ số trong hồ sơ khác với bộ chỉ số chính thức (mã băm không khớp).', en: 'Indicator set differs from the official one (hash mismatch).' },
  E_INCONSISTENT: { vi: 'Danh sách tài liệu kiểm chứng trong submission.json không khớp với các tệp trong hồ sơ.', en: 'submission.json evidence list disagrees with the bundle.' },
  E_REPLAY: { vi: 'Gói này (cùng mã, cùng lần gửi) đã được nhập trước đó, hoặc là lần gửi cũ hơn lần đã nhập.', en: 'This package (same id and revision) was already imported, or is older than the one imported.' },
  // 8. Semantics of a round package (docs/package-formats.md)
  E_WRONG_KIND: { vi: 'Gói tin không đúng loại cần nhập (ví dụ: nhập hồ sơ nộp vào chỗ nhập đợt đánh giá).', en: 'The package is not of the kind expected here (e.g. a submission where a round was expected).' },
  E_ROUND_SCHEMA: {
    vi: 'Tệp round.json hoặc một bộ chỉ số kèm theo sai cấu trúc dữ liệu (kể cả BOM, lồng quá sâu, chuỗi sai quy tắc, trùng mã đơn vị, khối không có bộ chỉ số, thời hạn sai).',
    en: 'round.json or an included indicator set does not match its schema (including a BOM, nesting, text rules, duplicate unit codes, a block without a set, wrong deadlines).',
  },
  E_ROUND_SET_MISMATCH: {
    vi: 'Bộ chỉ số kèm trong gói đợt đánh giá khác với bộ chỉ số khai báo trong round.json (mã, phiên bản, khối hoặc mã băm SHA-256 không khớp).',
    en: 'An indicator set included in the round differs from the one round.json declares (id, version, block or SHA-256).',
  },
  // 8. Semantics of the packages after the submission: appraisal result, giải trình, final result (docs/package-formats.md)
  E_PACKAGE_SCHEMA: {
    vi: 'Tệp nội dung của gói (result.json, explanation.json hoặc final.json) sai cấu trúc dữ liệu hoặc tự mâu thuẫn (kể cả BOM, lồng quá sâu, chuỗi sai quy tắc, trùng tiêu chí, điểm vượt tối đa, điểm thay đổi mà không có lý do).',
    en: 'The package\'s content file (result.json, explanation.json or final.json) does not match its schema or contradicts itself (including a BOM, nesting, text rules, a criterion twice, a score above its max, a changed score without a reason).',
  },
  E_PACKAGE_TOTALS: {
    vi: 'Tổng điểm trong gói (result.json hoặc final.json) không khớp với điểm từng tiêu chí của chính gói đó (tổng theo loại điểm, chỉ số = tổng điểm ÷ điểm tối đa áp dụng). Đề nghị bên gửi kiểm tra và gửi lại.',
    en: 'The totals in the package (result.json or final.json) do not follow from its own criterion lines (sums by kind, index = total ÷ applicable max). Ask the sender to check it and send it again.',
  },
  E_TIMEOUT: { vi: 'Kiểm tra hồ sơ quá thời gian cho phép.', en: 'Verification timed out.' },
  E_IO: { vi: 'Không đọc được tệp hồ sơ.', en: 'The bundle file could not be read.' },
  // 9. The receiver's register and import rules (services/inbox/import-rules.ts): checked at import only, with the receiver's data
  E_PERIOD_NOT_OPEN: {
    vi: 'Năm đánh giá khai báo trong hồ sơ chưa được mở trong Sổ đăng ký của Sở Nội vụ (hoặc không phải một năm hợp lệ).',
    en: 'The bundle\'s period is not a year opened in Sở Nội vụ\'s register (or not a valid year).',
  },
  E_UNIT_UNKNOWN: {
    vi: 'Mã đơn vị trong hồ sơ không có trong danh sách đơn vị của năm này trong Sổ đăng ký.',
    en: 'The bundle\'s unit code is not in the register\'s unit list for this year.',
  },
  E_SIGNER_NOT_REGISTERED: {
    vi: 'Người ký không được đăng ký ký hồ sơ cho đơn vị này (chứng thư chưa đăng ký, đã bị thu hồi khỏi Sổ đăng ký hoặc ngoài thời hạn đã đăng ký): có thể là hồ sơ mạo danh.',
    en: 'The signer is not registered to sign for this unit (certificate not registered, revoked from the register or outside its registered validity): possibly an impersonation.',
  },
  E_BLOCK_MISMATCH: {
    vi: 'Loại đơn vị (khối) khai báo trong hồ sơ khác với khối của đơn vị trong Sổ đăng ký, hoặc bộ chỉ số không dành cho khối này.',
    en: 'The block declared in the bundle differs from the unit\'s block in the register, or the indicator set is not for that block.',
  },
  E_SUBMISSION_OWNER: {
    vi: 'Mã hồ sơ (submissionId) này đã được một đơn vị khác (hoặc một năm khác) sử dụng trước đó: không được dùng lại mã hồ sơ của đơn vị khác.',
    en: 'This submissionId was first used by another unit (or another year): a unit cannot reuse another unit\'s submission id.',
  },
  E_REVISION_SEQUENCE: {
    vi: 'Số phiên bản hồ sơ phải tăng đúng 1 so với phiên bản đã tiếp nhận (phiên bản đầu tiên là 1), và "thay thế phiên bản" phải là phiên bản liền trước.',
    en: 'The revision must be exactly one above the last received one (the first is 1), and "supersedes" must name the previous revision.',
  },
  E_ANSWER_INVALID: {
    vi: 'Một câu trả lời trong hồ sơ không hợp lệ theo quy tắc của bộ chỉ số (bước điểm, tử số lớn hơn mẫu số, ngoài khoảng cho phép, thiếu lý do "không áp dụng"…).',
    en: 'An answer in the bundle breaks the indicator set\'s rules (score step, numerator above denominator, out of range, missing "not applicable" reason…).',
  },
  // 9. Sở Nội vụ's rules for a giải trình (services/decisions/explanation-rules.ts, docs/package-formats.md §5)
  E_RESULT_UNKNOWN: {
    vi: 'Giải trình trả lời một kết quả thẩm định mà Sở Nội vụ không phát hành cho đơn vị này (mã kết quả, lần phát hành hoặc mã băm gói kết quả không khớp).',
    en: 'The explanation answers an appraisal result Sở Nội vụ did not issue to this unit (result id, revision or package SHA-256 do not match).',
  },
  E_RESULT_SUPERSEDED: {
    vi: 'Giải trình trả lời một kết quả thẩm định cũ: Sở Nội vụ đã phát hành lần sau cho đơn vị này, hãy giải trình trên kết quả mới nhất.',
    en: 'The explanation answers a superseded appraisal result: a later one was issued to this unit; answer the latest.',
  },
  E_EXPLANATION_WINDOW: {
    vi: 'Giải trình đến ngoài thời hạn giải trình của đợt đánh giá (tính theo ngày lịch Việt Nam).',
    en: 'The explanation arrived outside the round\'s explanation window (Vietnam calendar day).',
  },
  E_ITEM_NOT_LEAF: {
    vi: 'Giải trình nêu một tiêu chí không phải tiêu chí thành phần chấm điểm được trong bộ chỉ số của đơn vị.',
    en: 'The explanation names a criterion that is not a scorable leaf of the unit\'s indicator set.',
  },
  E_EXPLANATION_OWNER: {
    vi: 'Mã giải trình (explanationId) này đã được một đơn vị khác (hoặc năm khác) sử dụng.',
    en: 'This explanationId was first used by another unit (or another year).',
  },
  E_ROUND_CLOSED: {
    vi: 'Đợt đánh giá của năm này đã kết thúc (Sở Nội vụ đã chốt kết quả cuối cùng): không nhận thêm giải trình.',
    en: 'The round of this year is closed (final results fixed): no more explanation is accepted.',
  },
  // Warnings
  W_TRUST_NOT_CONFIGURED: {
    vi: 'Chưa cấu hình chứng thư gốc tin cậy — không xác định được người ký có được tin cậy. Các tệp còn nguyên vẹn và chữ ký khớp với chứng thư số đi kèm hồ sơ; Sở Nội vụ kiểm tra người ký theo danh sách chứng thư gốc tin cậy của Sở khi nhận hồ sơ.',
    en: 'No trust anchors configured — whether the signer can be trusted is not established. The files are intact and the signature matches the certificate inside the bundle; Sở Nội vụ checks the signer against its own trust anchors on receipt.',
  },
  W_REVOCATION_UNKNOWN: {
    vi: 'Chưa kiểm tra được tình trạng thu hồi chứng thư: máy này chưa có danh sách chứng thư bị thu hồi (CRL) mới của tổ chức cấp chứng thư, nên chưa biết chứng thư của người ký còn hiệu lực hay đã bị thu hồi. Chữ ký và các tệp vẫn đúng; muốn kiểm tra, tải CRL từ trang của tổ chức cấp chứng thư và thêm ở mục "Chứng thư gốc tin cậy".',
    en: 'Revocation status unknown: this computer has no current revocation list (CRL) from the certificate authority, so whether the signer certificate was revoked is not known. The signature and files are still correct; to check, download the CRL from the authority and add it under "Trust anchors".',
  },
  W_SIGNER_NOT_REGISTERED: { vi: 'Người ký không được xác định là thuộc đơn vị khai báo trong hồ sơ.', en: 'The signer is not registered for the declaring agency.' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type BundleCode = keyof typeof BUNDLE_CODES;
export type BundleErrorCode = Extract<BundleCode, `E_${string}`>;
export type BundleWarningCode = Extract<BundleCode, `W_${string}`>;

export const BUNDLE_CODE_LIST = Object.keys(BUNDLE_CODES) as BundleCode[];

/** True for a code of this table (stored reports carry codes as strings). */
export const isBundleCode = (code: string): code is BundleCode => Object.hasOwn(BUNDLE_CODES, code);

export const bundleMessage = (code: BundleCode, lang: 'vi' | 'en' = 'vi'): string => BUNDLE_CODES[code][lang];
