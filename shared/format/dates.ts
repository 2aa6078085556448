import type { Language } from '../schemas/settings';

/**
 * Dates as agencies write them: dd/mm/yyyy in both languages (an English system would otherwise show
 * mm/dd/yyyy). Calendar days travel as ISO yyyy-mm-dd strings; day arithmetic is done in UTC so a time
 * zone or a daylight-saving change can never shift a count by one.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** "2025-03-07" (or a timestamp starting so) → "07/03/2025"; '' for nothing; other text unchanged (free text). */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const m = ISO_DAY.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
};

/** A timestamp → dd/mm/yyyy of the user's own calendar (a certificate valid until 17:00 UTC ends the next day in Hải Phòng). */
export const formatLocalDate = (timestamp: string): string => {
  const d = new Date(timestamp);
  return Number.isNaN(d.getTime()) ? timestamp : `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
};

/** A timestamp → "dd/mm/yyyy 14:05" (the time in the language's convention), in the user's time zone. */
export const formatDateTime = (timestamp: string, lang: Language): string => {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const time = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(d);
  return `${formatLocalDate(timestamp)} ${time}`;
};

/** The local calendar day of `d` as yyyy-mm-dd. */
export const isoDateOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
/** Eight digits typed without separators, as on a numeric keypad: 20012025 is 20/01/2025. */
const DMY_DIGITS = /^(\d{2})(\d{2})(\d{4})$/;

/**
 * A date typed as d/m/yyyy (also with "." or "-", or as eight digits ddmmyyyy) → ISO yyyy-mm-dd; null for an
 * empty text; undefined when it is not a real date (31/02/2025), so the caller can refuse it instead of guessing.
 */
export const parseDmy = (text: string): string | null | undefined => {
  const t = text.trim();
  if (t === '') return null;
  const m = DMY.exec(t) ?? DMY_DIGITS.exec(t);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
};

/** The text has the full shape of a date (four-digit year), so it can be judged while the user types. */
export const isCompleteDmy = (text: string): boolean => DMY.test(text.trim()) || DMY_DIGITS.test(text.trim());

const dayNumber = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** Whole days from `today` to `deadline` (both yyyy-mm-dd); 0 on the day, negative when overdue. */
export const daysUntil = (today: string, deadline: string): number => Math.round(dayNumber(deadline) - dayNumber(today));
