import { defineMessages } from '../../i18n/messages';

export const helpMessages = defineMessages({
  vi: {
    title: 'Trợ giúp',
    intro: 'Ứng dụng giúp đơn vị tự chấm điểm Chỉ số cải cách hành chính hằng năm, đính kèm tài liệu kiểm chứng, xuất bảng Excel và báo cáo PDF, rồi ký số và gửi một hồ sơ nộp cho Sở Nội vụ.',
    stepsTitle: 'Các bước',
    step1: 'Khai báo hồ sơ đơn vị (tên, mã, loại đơn vị, cán bộ đầu mối, thủ trưởng).',
    step2: 'Tạo bản tự đánh giá của năm, theo bộ chỉ số của khối đơn vị.',
    step3: 'Chấm từng tiêu chí: nhập số liệu, viết giải trình khi cần, đính kèm tài liệu kiểm chứng.',
    step4: 'Mở "Kiểm tra trước khi nộp" và sửa hết các lỗi; xuất bảng Excel, báo cáo PDF để xem lại.',
    step5: 'Ký số và xuất hồ sơ nộp (.asice) — bản tự đánh giá được khóa — rồi gửi tệp cho Sở Nội vụ.',
    guideTitle: 'Hướng dẫn sử dụng',
    guide: 'Hướng dẫn đầy đủ, có ảnh màn hình từng bước, nằm trong tệp docs/user-guide.md đi kèm mã nguồn của ứng dụng.',
    glossaryTitle: 'Thuật ngữ',
  },
  en: {
    title: 'Help',
    intro: 'The app helps a unit score itself on the yearly Public Administration Reform Index, attach evidence, export the Excel table and the PDF report, then sign and send one submission bundle to Sở Nội vụ.',
    stepsTitle: 'Steps',
    step1: 'Fill in the unit profile (name, code, kind of unit, focal point, head).',
    step2: 'Create the year\'s self-assessment with the indicator set of the unit\'s block.',
    step3: 'Score each criterion: enter the figures, explain where needed, attach evidence.',
    step4: 'Open the "Pre-submission check" and fix every error; export the Excel table and the PDF report to review.',
    step5: 'Sign and export the submission bundle (.asice) — the self-assessment is locked — then send the file to Sở Nội vụ.',
    guideTitle: 'User guide',
    guide: 'The full guide, with screenshots of every step, is the file docs/user-guide.md shipped with the app\'s source.',
    glossaryTitle: 'Glossary',
  },
});
