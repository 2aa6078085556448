import { defineMessages } from '../../i18n/messages';

export const signedPdfMessages = defineMessages({
  vi: {
    title: 'Báo cáo PDF có ký số',
    intro:
      'Ký số báo cáo chính thức (PAdES) để cơ quan nhận kiểm tra được bằng các công cụ đọc PDF có ký số. Chữ ký hiển thị dùng ảnh ' +
      'chữ ký và con dấu trong hồ sơ đơn vị (nếu có). Báo cáo trong hồ sơ nộp được ký tự động khi xuất hồ sơ.',
    start: 'Xuất báo cáo PDF có ký số',
    confirmIntro: 'Báo cáo sẽ được ký bằng chứng thư số này:',
    sign: 'Ký và lưu báo cáo',
    chooseOther: 'Chọn khóa khác',
    cancel: 'Đóng',
    progress: 'Tiến độ ký số báo cáo',
    done: 'Đã lưu báo cáo có ký số {name} ({size}).',
    cancelled: 'Đã hủy ký số báo cáo.',
    refused: 'Không thể ký bằng chứng thư này: {message}',
    downloadAgain: 'Tải lại {name}',
    openFolder: 'Mở thư mục chứa tệp',
  },
  en: {
    title: 'Digitally signed report PDF',
    intro:
      'Sign the final report (PAdES) so the receiving agency can check it with tools that read signed PDFs. The visible signature ' +
      "uses the signature and seal images of the unit profile (if any). The report inside the submission bundle is signed when the bundle is exported.",
    start: 'Export digitally signed report PDF',
    confirmIntro: 'The report will be signed with this certificate:',
    sign: 'Sign and save the report',
    chooseOther: 'Choose another key',
    cancel: 'Close',
    progress: 'Signing the report',
    done: 'Saved the signed report {name} ({size}).',
    cancelled: 'Signing the report was cancelled.',
    refused: 'This certificate cannot sign: {message}',
    downloadAgain: 'Download {name} again',
    openFolder: 'Open the containing folder',
  },
});
