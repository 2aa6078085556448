import type { Language } from '../../../../shared/schemas/settings';
import { formatNumber } from '../../i18n/format';
import type { BackupMessageKey } from './messages';

export const sizeText = (bytes: number, lang: Language, t: (k: BackupMessageKey, p?: Record<string, string | number>) => string): string =>
  bytes >= 1024 * 1024 ? t('mb', { n: formatNumber(bytes / (1024 * 1024), lang, 1) }) : t('kb', { n: formatNumber(Math.max(1, Math.round(bytes / 1024)), lang, 0) });
