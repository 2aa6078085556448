// fontkit 2 ships no types; only what the text measurement and the glyph tests use is declared.
declare module 'fontkit' {
  type GlyphRun = { advanceWidth: number; glyphs: { id: number }[] };
  export type Font = {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    postscriptName: string;
    familyName: string;
    version: string;
    numGlyphs: number;
    hasGlyphForCodePoint: (codePoint: number) => boolean;
    glyphForCodePoint: (codePoint: number) => { id: number; name?: string };
    layout: (text: string) => GlyphRun;
  };
  export const openSync: (path: string) => Font;
  export const create: (data: Buffer) => Font;
}
