import { defineMessages } from '../i18n/messages';

/** The words of every job progress bar (the bar's own name comes from the feature that started the job). */
export const jobMessages = defineMessages({
  vi: { starting: 'Đang bắt đầu…', cancel: 'Hủy', cancelling: 'Đang hủy…' },
  en: { starting: 'Starting…', cancel: 'Cancel', cancelling: 'Cancelling…' },
});
