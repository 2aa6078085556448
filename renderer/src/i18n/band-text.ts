import type { Language } from '../../../shared/schemas/settings';

/**
 * The English names of the standard classification bands (xếp loại) of the official sets
 * (resources/indicator-sets/*.json `classification`), by band id.
 */
const ENGLISH: Readonly<Record<string, string>> = { TOT: 'Good', KHA: 'Fairly good', TRUNG_BINH: 'Average', YEU: 'Weak' };
/** Where only the label travelled (a ranking row, a received final result), the standard band it names. */
const ID_OF_LABEL: Readonly<Record<string, string>> = { 'Tốt': 'TOT', 'Khá': 'KHA', 'Trung bình': 'TRUNG_BINH', 'Yếu': 'YEU' };

/**
 * A band as shown: in Vietnamese the set's own label; in English the standard band's English name, and a band
 * the set defines itself keeps its label. `none` when there is no band yet.
 */
export const bandText = (lang: Language, band: { id: string; label: string } | string | null | undefined, none = '—'): string => {
  if (band === null || band === undefined) return none;
  const label = typeof band === 'string' ? band : band.label;
  if (lang === 'vi') return label;
  const id = typeof band === 'string' ? ID_OF_LABEL[band.normalize('NFC')] : band.id;
  return (id !== undefined ? ENGLISH[id] : undefined) ?? label;
};
