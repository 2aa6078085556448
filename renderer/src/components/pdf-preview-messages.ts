import { defineMessages } from '../i18n/messages';

/** Strings of the PDF preview (vi first; en carries the same keys). */
export const pdfPreviewMessages = defineMessages({
  vi: {
    loading: 'Đang hiển thị tệp PDF…',
    failed: 'Không xem trước được tệp PDF này (tệp hỏng hoặc dùng tính năng không hỗ trợ). Hãy mở tệp bằng chương trình đọc PDF trên máy.',
    page: 'Trang {n}/{total}',
    truncated: 'Chỉ xem trước {shown} trang đầu trong {total} trang.',
  },
  en: {
    loading: 'Drawing the PDF…',
    failed: 'This PDF cannot be previewed (damaged, or it uses an unsupported feature). Open it with a PDF reader on this computer.',
    page: 'Page {n}/{total}',
    truncated: 'Only the first {shown} of {total} pages are previewed.',
  },
});
