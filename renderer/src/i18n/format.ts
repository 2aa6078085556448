import type { Language } from '../../../shared/schemas/settings';

/** Vietnamese conventions: decimal comma, dot grouping, "98,5 %" with a space, dates dd/MM/yyyy. */
const locale = (lang: Language): string => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export const formatNumber = (value: number, lang: Language, maxFractionDigits = 2, minFractionDigits = 0): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits }).format(value);

/** `value` is a percentage number (98.5 → "98,5 %"). */
export const formatPercent = (value: number, lang: Language, fractionDigits = 2): string =>
  `${formatNumber(value, lang, fractionDigits)} %`;

/** ISO date or timestamp → dd/MM/yyyy in both languages (the format agencies use). */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
};

export const formatDateTime = (iso: string, lang: Language): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = new Intl.DateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit' }).format(d);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${time}`;
};

/** Whole days from `today` (yyyy-mm-dd) to `deadline` (yyyy-mm-dd); negative when overdue. */
export const daysUntil = (today: string, deadline: string): number => {
  const a = Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10));
  const b = Date.UTC(+deadline.slice(0, 4), +deadline.slice(5, 7) - 1, +deadline.slice(8, 10));
  return Math.round((b - a) / 86_400_000);
};
