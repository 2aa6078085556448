import { defineMessages } from '../../i18n/messages';

/** Strings of the batch import ("Nhận hàng loạt") on the inbox page. */
export const batchMessages = defineMessages({
  vi: {
    title: 'Nhận hàng loạt',
    intro: 'Tiếp nhận cùng lúc nhiều hồ sơ nộp (ví dụ cả một khối), tối đa {max} tệp. Mỗi tệp được kiểm tra như khi nhận từng hồ sơ; tệp bị từ chối không lưu gì và không làm dừng các tệp khác.',
    chooseFolder: 'Chọn thư mục chứa hồ sơ…',
    filesLabel: 'Nhiều hồ sơ nộp cùng lúc (.asice)',
    progress: 'Tiến độ tiếp nhận hàng loạt',
    done: 'Đã xử lý {total} hồ sơ: tiếp nhận {accepted}, từ chối {refused}.',
    cancelled: 'Đã hủy.',
    summaryCaption: 'Kết quả từng tệp',
    file: 'Tệp',
    outcome: 'Kết quả',
    accepted: 'Đã tiếp nhận: {unit}, phiên bản {revision}.',
    open: 'Mở hồ sơ',
    refused: 'Từ chối ({code}):',
  },
  en: {
    title: 'Batch import',
    intro: 'Import many submission packages at once (a whole block, say), up to {max} {max|file|files}. Each file is checked exactly as a single import; a refused file stores nothing and does not stop the others.',
    chooseFolder: 'Choose the folder of packages…',
    filesLabel: 'Several submission packages at once (.asice)',
    progress: 'Batch import progress',
    done: '{total} {total|package|packages} processed: {accepted} imported, {refused} refused.',
    cancelled: 'Cancelled.',
    summaryCaption: 'Result per file',
    file: 'File',
    outcome: 'Result',
    accepted: 'Imported: {unit}, revision {revision}.',
    open: 'Open',
    refused: 'Refused ({code}):',
  },
});
