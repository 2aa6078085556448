import type { Rect } from './types';

/**
 * Pure geometry of the visible signature (no PDF objects here, so it is unit-testable): where each text
 * line and image goes, in points relative to the lower-left corner of the final widget rectangle.
 */

export type Measure = (text: string, size: number, bold: boolean) => number;
export type TextRun = { text: string; x: number; y: number; size: number; bold: boolean };
export type ImageBox = { which: 'signature' | 'seal'; x: number; y: number; w: number; h: number };
export type Layout = { rect: Rect; texts: TextRun[]; images: ImageBox[] };

const PT_PER_MM = 72 / 25.4;
const LEADING = 1.25;
const PAD = 2;

/** Greedy word wrap; a single word longer than the width stays on its own line (never cut mid-word). */
export const wrap = (text: string, width: number, size: number, bold: boolean, measure: Measure): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
};

type Block = { text: string; bold: boolean; align: 'left' | 'center' | 'right' };

/** Lines of `blocks` wrapped to `width`, shrinking the size (not below 6 pt) until they fit `height`. */
const fitBlocks = (blocks: Block[], width: number, height: number, maxSize: number, measure: Measure) => {
  for (let size = maxSize; ; size -= 0.5) {
    const lines = blocks.flatMap((b) => wrap(b.text, width, size, b.bold, measure).map((text) => ({ ...b, text })));
    if (lines.length * size * LEADING <= height || size <= 6) return { size, lines };
  }
};

/** Places lines top-down from `top`; x follows each line's alignment inside [0, width]. */
const placeLines = (lines: (Block & { text: string })[], size: number, top: number, width: number, measure: Measure): TextRun[] =>
  lines.map((l, i) => {
    const w = measure(l.text, size, l.bold);
    const x = l.align === 'center' ? (width - w) / 2 : l.align === 'right' ? width - PAD - w : PAD;
    // Baseline about 0.8 em below the line's top: room for Vietnamese stacked diacritics above.
    return { text: l.text, x, y: top - i * size * LEADING - size * 0.95, size, bold: l.bold };
  });

const boxSize = (r: Rect): { w: number; h: number } => ({ w: Math.abs(r[2] - r[0]), h: Math.abs(r[3] - r[1]) });
const norm = (r: Rect): Rect => [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])];

/** Text-only signature: who signed, as what, for whom, when (left-aligned, shrinks to fit the box). */
export const textOnlyLayout = (rect: Rect, lines: string[], measure: Measure): Layout => {
  const r = norm(rect);
  const { w, h } = boxSize(r);
  const fit = fitBlocks(lines.map((text) => ({ text, bold: false, align: 'left' as const })), w - 2 * PAD, h - 2 * PAD, 10, measure);
  return { rect: r, texts: placeLines(fit.lines, fit.size, h - PAD, w, measure), images: [] };
};

/**
 * Signature image centred between the title (top) and the name (bottom); the seal at its actual size with
 * its right edge one third into the signature image, centred on it vertically, drawn over it (as a stamp on
 * ink). A seal reaching outside the box grows the rectangle so nothing is clipped.
 */
export const imageLayout = (
  rect: Rect,
  labels: { title: string; name: string } | null,
  signature: { width: number; height: number },
  seal: { width: number; height: number; widthMm: number } | null,
  measure: Measure,
): Layout => {
  const r = norm(rect);
  const { w, h } = boxSize(r);
  let texts: TextRun[] = [];
  let bandBottom = PAD;
  let bandTop = h - PAD;
  if (labels) {
    const size = 11;
    const title = wrap(labels.title, w - 2 * PAD, size, true, measure).map((text) => ({ text, bold: true, align: 'center' as const }));
    const name = wrap(labels.name, w - 2 * PAD, size, true, measure).map((text) => ({ text, bold: true, align: 'center' as const }));
    texts = [...placeLines(title, size, h - PAD, w, measure), ...placeLines(name, size, PAD + name.length * size * LEADING, w, measure)];
    bandTop = h - PAD - title.length * size * LEADING;
    bandBottom = PAD + name.length * size * LEADING;
  }
  const bandH = Math.max(bandTop - bandBottom, 1);
  const scale = Math.min((w * 0.9) / signature.width, bandH / signature.height);
  const sw = signature.width * scale;
  const sh = signature.height * scale;
  const sig: ImageBox = { which: 'signature', x: (w - sw) / 2, y: bandBottom + (bandH - sh) / 2, w: sw, h: sh };
  const images: ImageBox[] = [sig];
  if (seal) {
    const kw = seal.widthMm * PT_PER_MM;
    const kh = (kw * seal.height) / seal.width;
    images.push({ which: 'seal', x: sig.x + sw / 3 - kw, y: sig.y + sh / 2 - kh / 2, w: kw, h: kh });
  }
  // Grow the box to contain every image, then shift everything so the new lower-left is the origin.
  const minX = Math.min(0, ...images.map((i) => i.x));
  const minY = Math.min(0, ...images.map((i) => i.y));
  const maxX = Math.max(w, ...images.map((i) => i.x + i.w));
  const maxY = Math.max(h, ...images.map((i) => i.y + i.h));
  return {
    rect: [r[0] + minX, r[1] + minY, r[0] + maxX, r[1] + maxY],
    texts: texts.map((t) => ({ ...t, x: t.x - minX, y: t.y - minY })),
    images: images.map((i) => ({ ...i, x: i.x - minX, y: i.y - minY })),
  };
};

/**
 * Attachment signed by the organisation: two right-aligned lines (document number, ISO 8601 time) at the
 * top right of the page, inside the top margin (8 mm from the top edge, 20 mm from the right edge) so the
 * body text of a document laid out per Nghị định 30/2020 is not covered.
 */
export const attachmentLayout = (pageBox: Rect, lines: string[], measure: Measure): Layout => {
  const p = norm(pageBox);
  const size = 10;
  const width = Math.max(...lines.map((l) => measure(l, size, false))) + 2 * PAD;
  const height = lines.length * size * LEADING + 2 * PAD;
  const right = p[2] - 20 * PT_PER_MM;
  const top = p[3] - 8 * PT_PER_MM;
  const rect: Rect = [right - width, top - height, right, top];
  const blocks = lines.map((text) => ({ text, bold: false, align: 'right' as const }));
  return { rect, texts: placeLines(blocks, size, height - PAD, width, measure), images: [] };
};
