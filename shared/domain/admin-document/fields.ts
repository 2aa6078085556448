/**
 * The fields every Vietnamese administrative document prints around its body (Nghị định 30/2020/NĐ-CP,
 * Phụ lục I): who issues it, its number and date, who receives it and who signs it. Pure data shared by the
 * PDF layout (electron/backend/services/admin-document/), the Excel header and the report page.
 */

export type DocumentSigner = {
  /** Quyền hạn: "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", …; empty when the head signs in their own name. */
  authority: string;
  /** Chức vụ: "Chủ tịch", "Phó Giám đốc", … (printed upper case). */
  title: string;
  name: string;
};

export type DocumentFields = {
  /** Cơ quan chủ quản trực tiếp, printed above the issuing body; empty when there is none. */
  governingBody: string;
  /** Cơ quan ban hành; a line break in it is kept (e.g. "ỦY BAN NHÂN DÂN\nPHƯỜNG HỒNG BÀNG"). */
  issuingBody: string;
  /** Số: the register number, digits only; empty until the văn thư gives one. */
  number: string;
  /** Ký hiệu: "BC-UBND", "BC-STP", … */
  symbol: string;
  /** Địa danh: "Hải Phòng", or the commune's name for a commune's documents. */
  place: string;
  /** Ngày ban hành (ISO yyyy-mm-dd); null until set. */
  date: string | null;
  /** Nơi nhận, one recipient per entry, the last one usually "Lưu: VT". */
  recipients: string[];
  signer: DocumentSigner;
};

/** The fields a final (not draft) document must have; the others may legitimately be empty. */
export const REQUIRED_FIELDS = ['issuingBody', 'number', 'symbol', 'place', 'date', 'recipients', 'signerTitle', 'signerName'] as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

/** Vietnamese names of the fields, as the report page labels them (error messages name them the same way). */
export const FIELD_LABELS: Record<RequiredField, string> = {
  issuingBody: 'tên cơ quan ban hành',
  number: 'số văn bản',
  symbol: 'ký hiệu văn bản',
  place: 'địa danh',
  date: 'ngày ban hành',
  recipients: 'nơi nhận',
  signerTitle: 'chức vụ người ký',
  signerName: 'họ tên người ký',
};

const filled = (f: DocumentFields): Record<RequiredField, boolean> => ({
  issuingBody: f.issuingBody.trim() !== '',
  number: /^\d+$/.test(f.number.trim()),
  symbol: f.symbol.trim() !== '',
  place: f.place.trim() !== '',
  date: f.date !== null && /^\d{4}-\d{2}-\d{2}$/.test(f.date),
  recipients: f.recipients.some((r) => r.trim() !== ''),
  signerTitle: f.signer.title.trim() !== '',
  signerName: f.signer.name.trim() !== '',
});

/** Fields a final document cannot go without, in the order the document prints them. */
export const missingFields = (f: DocumentFields): RequiredField[] => {
  const ok = filled(f);
  return REQUIRED_FIELDS.filter((k) => !ok[k]);
};

/** Where the report's fields are filled in (the report page and its draft option). */
export const REPORT_FIELDS_HINT =
  'Hãy bổ sung ở trang Báo cáo (mục “Thông tin văn bản” và “Nội dung báo cáo”), hoặc chọn “Bản dự thảo” để xuất bản dự thảo.';
/** For any other document: its own page says where its fields are. */
export const DOCUMENT_FIELDS_HINT = 'Hãy bổ sung các thông tin này, hoặc xuất bản dự thảo.';

/** One Vietnamese sentence naming what is missing (for AppFailure('PREFLIGHT_FAILED', …) and the CLI). */
export const missingFieldsMessage = (labels: readonly string[], documentName = 'Báo cáo', hint = REPORT_FIELDS_HINT): string =>
  `${documentName} chưa có ${labels.join(', ')}. ${hint}`;
