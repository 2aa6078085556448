import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';

export const FONT_FAMILY = 'Roboto';

const FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

/**
 * The folder holding the Roboto TTFs (Roboto covers all 135 Vietnamese letters; the 14 standard PDF fonts do
 * not). Prefers resources/fonts (shipped with the app), falls back to pdfmake's own copy.
 */
export const resolveFontDir = (resourcesDir?: string): string => {
  const candidates = [
    resourcesDir ? join(resourcesDir, 'fonts') : null,
    join(process.cwd(), 'resources', 'fonts'),
  ].filter((d): d is string => d !== null);
  for (const d of candidates) if (existsSync(join(d, FILES.normal))) return resolve(d);
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`pdfmake/fonts/Roboto/${FILES.normal}`));
};

export const fontFiles = (dir: string) => ({
  [FONT_FAMILY]: {
    normal: join(dir, FILES.normal),
    bold: join(dir, FILES.bold),
    italics: join(dir, FILES.italics),
    bolditalics: join(dir, FILES.bolditalics),
  },
});

/** pdfmake may read only the font folder: a report never loads images or URLs. */
export const isInside = (dir: string) => {
  const root = resolve(dir) + sep;
  return (p: string): boolean => resolve(p).startsWith(root);
};
