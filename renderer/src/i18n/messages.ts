import type { Language } from '../../../shared/schemas/settings';

/**
 * Each feature declares its own messages next to its components:
 *   const m = defineMessages({ vi: { title: 'Tổng quan' }, en: { title: 'Overview' } });
 * The English dictionary must have exactly the Vietnamese keys (checked by the type), and `{name}`
 * placeholders are filled by t('key', { name }).
 */
export type Dict = Record<string, string>;
export type Messages<K extends string> = { vi: Record<K, string>; en: Record<K, string> };

export const defineMessages = <K extends string>(m: { vi: Record<K, string>; en: Record<NoInfer<K>, string> }): Messages<K> => m;

/**
 * Fills `{name}` placeholders, and English plurals as `{n|point|points}` (the first form when n is 1): "1 point",
 * "2 points". Vietnamese has no plural forms and simply writes `{n} điểm`.
 */
export const interpolate = (text: string, params?: Record<string, string | number>): string =>
  params
    ? text
        .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, k: string, one: string, other: string) => (k in params ? (Number(params[k]) === 1 ? one : other) : whole))
        .replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`))
    : text;

export const translate = <K extends string>(
  m: Messages<K>,
  lang: Language,
  key: K,
  params?: Record<string, string | number>,
): string => interpolate((m[lang][key] ?? m.vi[key]).normalize('NFC'), params);
