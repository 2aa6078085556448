import type { Language } from '../../../../shared/schemas/settings';
import { formatNumber } from '../../i18n/format';

const pad = (n: number): string => String(n).padStart(2, '0');

/** dd/MM/yyyy in the user's time zone (a validity boundary at 17:00 UTC is the next day in Hải Phòng). */
export const localDate = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
};

/** "AB:CD:…" upper-case pairs, as certificate viewers show fingerprints (easier to compare by eye). */
export const groupedFingerprint = (hex: string): string => (hex.toUpperCase().match(/.{1,2}/g) ?? []).join(':');

export const sizeText = (bytes: number, lang: Language): string =>
  bytes >= 1024 * 1024 ? `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB` : bytes >= 1024 ? `${formatNumber(Math.round(bytes / 1024), lang, 0)} KB` : `${formatNumber(bytes, lang, 0)} B`;
