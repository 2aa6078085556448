/**
 * Diacritics-insensitive search for Vietnamese: "giai ngan" finds "Giải ngân", "dang ky" finds "Đăng ký".
 * NFD splits base letters from their tone/vowel marks, which we drop; đ/Đ is a separate letter (no
 * decomposition), so it is mapped to d by hand.
 */

const COMBINING = /[\u0300-\u036f]/g;

/** Lower-case, unaccented, single-spaced form of a text, for matching only (never shown). */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The query split into folded words; an empty query has no terms (matches everything). */
export const queryTerms = (query: string): string[] => {
  const f = foldText(query);
  return f ? f.split(' ') : [];
};

/** True when every word of the query occurs in the (already folded) haystack. */
export const matchesTerms = (foldedHaystack: string, terms: readonly string[]): boolean => {
  for (const t of terms) if (!foldedHaystack.includes(t)) return false;
  return true;
};

/** One-shot convenience: does `text` match `query`? */
export const matchesQuery = (text: string, query: string): boolean => matchesTerms(foldText(text), queryTerms(query));

/**
 * A reusable index: texts are folded once, so filtering 150 nodes on every keystroke costs only the
 * substring checks.
 */
export type SearchIndex<T> = { filter: (query: string) => T[] };

export const buildSearchIndex = <T>(items: readonly T[], textOf: (item: T) => string): SearchIndex<T> => {
  const folded = items.map((item) => ({ item, text: foldText(textOf(item)) }));
  return {
    filter: (query) => {
      const terms = queryTerms(query);
      if (terms.length === 0) return items.slice();
      return folded.filter((f) => matchesTerms(f.text, terms)).map((f) => f.item);
    },
  };
};
