/** pdfmake content nodes are plain objects; keeping them untyped avoids re-declaring its whole schema. */
export type Content = Record<string, unknown> | string;

/**
 * Document numbers and dates ("12/KH-UBND", "30/2020/NĐ-CP", "15/10/2025"): the line breaker may otherwise
 * split them after "/" or "-" ("12/ KH- UBND"). A match becomes an inline pdfmake never wraps (`noWrap`), so
 * the extracted text stays the plain characters (no non-breaking look-alikes to confuse search or copy).
 */
const WHOLE = /\d+(?:\/[\p{L}\d]+)+(?:-[\p{L}\d]+)*/gu;

export const keepWhole = (text: string): string | Content[] => {
  const parts: Content[] = [];
  let last = 0;
  for (const m of text.matchAll(WHOLE)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push({ text: m[0], noWrap: true });
    last = m.index + m[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
};
