import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

import { create } from 'fontkit';
import type { Font } from 'fontkit';

import { AppFailure } from '../../../../shared/ipc/result';

/**
 * Tinos: metric-compatible with Times New Roman (the decree's typeface), complete for Vietnamese, OFL
 * (embedding allowed). Why this font: docs/report-format.md; the files and their licence: resources/fonts.
 */
export const FONT_FAMILY = 'Tinos';

export const FONT_FILES = {
  normal: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italics: 'Tinos-Italic.ttf',
  bolditalics: 'Tinos-BoldItalic.ttf',
} as const;

export type FontStyle = { bold?: boolean; italics?: boolean };

/** The folder holding the TTFs: `<resources>/fonts` (the app passes its resources folder), else the repo's. */
export const resolveFontDir = (resourcesDir?: string): string => {
  const candidates = [resourcesDir ? join(resourcesDir, 'fonts') : null, join(process.cwd(), 'resources', 'fonts')];
  for (const d of candidates) if (d && existsSync(join(d, FONT_FILES.normal))) return resolve(d);
  throw AppFailure.of('PDF_FONTS_MISSING');
};

export const fontFiles = (dir: string) => ({
  [FONT_FAMILY]: {
    normal: join(dir, FONT_FILES.normal),
    bold: join(dir, FONT_FILES.bold),
    italics: join(dir, FONT_FILES.italics),
    bolditalics: join(dir, FONT_FILES.bolditalics),
  },
});

/** pdfmake may read only the font folder: our documents never load images or URLs. */
export const isInside = (dir: string) => {
  const root = resolve(dir) + sep;
  return (p: string): boolean => resolve(p).startsWith(root);
};

const fileOf = (s: FontStyle): keyof typeof FONT_FILES =>
  s.bold ? (s.italics ? 'bolditalics' : 'bold') : s.italics ? 'italics' : 'normal';

/**
 * Text metrics as pdfmake will set the text (same font files, same shaping engine): the width of one line,
 * and how far below a line's top its baseline sits (to put texts of two sizes on one baseline).
 */
export type Measure = {
  width: (text: string, size: number, style?: FontStyle) => number;
  ascent: (size: number) => number;
};

const measures = new Map<string, Measure>();

/**
 * Text measurement for the rules whose length follows the text (the line under the Tiêu ngữ is as long as
 * it; those under the issuing body and the trích yếu are 1/3 to 1/2 of theirs). One parsed font per style.
 */
export const measureWith = (dir: string): Measure => {
  const cached = measures.get(dir);
  if (cached) return cached;
  const fonts = new Map<string, Font>();
  const fontFor = (s: FontStyle): Font => {
    const key = fileOf(s);
    let f = fonts.get(key);
    if (!f) fonts.set(key, (f = create(readFileSync(join(dir, FONT_FILES[key])))));
    return f;
  };
  const measure: Measure = {
    width: (text, size, style = {}) => {
      const f = fontFor(style);
      return (f.layout(text.normalize('NFC')).advanceWidth / f.unitsPerEm) * size;
    },
    ascent: (size) => {
      const f = fontFor({});
      return (f.ascent / f.unitsPerEm) * size;
    },
  };
  measures.set(dir, measure);
  return measure;
};
