import { defineMessages } from '../../i18n/messages';

/** The list of exported bundles on the dashboard (SubmissionHistory). */
export const historyMessages = defineMessages({
  vi: {
    title: 'Hồ sơ nộp đã xuất',
    revision: 'Lần nộp',
    revisionN: 'Lần {n}',
    exportedAt: 'Thời điểm xuất',
    signer: 'Người ký',
    file: 'Tệp',
    check: 'Tự kiểm tra',
    actions: 'Thao tác',
    download: 'Tải hồ sơ lần {n}',
    showInFolder: 'Mở thư mục hồ sơ lần {n}',
    shown: 'Đã mở thư mục chứa {name}.',
    missing: 'Tệp không còn ở nơi đã lưu',
  },
  en: {
    title: 'Exported submission bundles',
    revision: 'Submission',
    revisionN: 'No. {n}',
    exportedAt: 'Exported at',
    signer: 'Signer',
    file: 'File',
    check: 'Self-check',
    actions: 'Actions',
    download: 'Download bundle {n}',
    showInFolder: 'Open the folder of bundle {n}',
    shown: 'Opened the folder of {name}.',
    missing: 'The file is no longer where it was saved',
  },
});
