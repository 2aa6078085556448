/** "Sao lưu / Khôi phục" (route '/backup'). */
export { BackupLink } from './BackupLink';
export { BackupPage } from './BackupPage';
export { backupMessages } from './messages';
