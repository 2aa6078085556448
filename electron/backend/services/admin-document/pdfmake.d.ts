// pdfmake 0.3 ships no types; only the server-side surface this app uses is declared.
declare module 'pdfmake' {
  type FontFiles = { normal: string; bold: string; italics: string; bolditalics: string };
  type OutputDocument = { getBuffer: () => Promise<Buffer> };
  const pdfmake: {
    setUrlAccessPolicy: (cb: (url: string) => boolean) => void;
    setLocalAccessPolicy: (cb: (path: string) => boolean) => void;
    addFonts: (fonts: Record<string, FontFiles>) => void;
    setFonts: (fonts: Record<string, FontFiles>) => void;
    createPdf: (doc: Record<string, unknown>, options?: Record<string, unknown>) => OutputDocument;
  };
  export default pdfmake;
}
