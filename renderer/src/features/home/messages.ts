import { defineMessages } from '../../i18n/messages';

export const welcomeMessages = defineMessages({
  vi: {
    title: 'Chào mừng đến với CCHC Tự đánh giá',
    what: 'Ứng dụng giúp đơn vị tự chấm điểm Chỉ số cải cách hành chính (CCHC) hằng năm theo bộ chỉ số của UBND thành phố Hải Phòng, đính kèm tài liệu kiểm chứng, xuất bảng Excel và báo cáo PDF, rồi ký số và gửi một hồ sơ nộp cho Sở Nội vụ.',
    stepsTitle: 'Các bước',
    step1: 'Khai báo hồ sơ đơn vị ngay bên dưới (một lần).',
    step2: 'Tạo bản tự đánh giá của năm.',
    step3: 'Chấm từng tiêu chí, viết giải trình, đính kèm tài liệu kiểm chứng.',
    step4: 'Kiểm tra trước khi nộp; xuất Excel, PDF.',
    step5: 'Ký số, xuất hồ sơ nộp (.asice) và gửi Sở Nội vụ.',
    dataTitle: 'Dữ liệu của bạn',
    data: 'Mọi số liệu và tài liệu được lưu trên máy này, trong thư mục: {dir}. Không có gì được gửi đi cho đến khi bạn xuất hồ sơ nộp. Nên sao lưu định kỳ (mục "Sao lưu").',
    required: 'Các ô có dấu * là bắt buộc.',
    help: 'Xem thuật ngữ và hướng dẫn ở trang Trợ giúp',
  },
  en: {
    title: 'Welcome to CCHC Self-assessment',
    what: 'The app helps a unit score itself on the yearly Public Administration Reform (CCHC) Index with the indicator set of Hải Phòng city, attach evidence, export the Excel table and the PDF report, then sign and send one submission bundle to Sở Nội vụ.',
    stepsTitle: 'Steps',
    step1: 'Fill in the unit profile below (once).',
    step2: 'Create the year\'s self-assessment.',
    step3: 'Score each criterion, explain, attach evidence.',
    step4: 'Run the pre-submission check; export Excel and PDF.',
    step5: 'Sign, export the submission bundle (.asice) and send it to Sở Nội vụ.',
    dataTitle: 'Your data',
    data: 'All figures and documents are stored on this computer, in the folder: {dir}. Nothing is sent anywhere until you export the submission bundle. Back up regularly ("Backup").',
    required: 'Fields marked * are required.',
    help: 'See the glossary and the guide on the Help page',
  },
});
