/**
 * PDF previews are drawn by pdf.js onto canvases — never by Chromium's built-in viewer, which runs a PDF's
 * own JavaScript (/OpenAction, app.alert…) even under a CSP `sandbox` header or in a sandboxed iframe
 * (docs/security.md §8). Here only pdf.js's core API is used: it parses and paints, and has no scripting
 * at all (that lives in its viewer's scripting manager, which is not loaded). isEvalSupported: false keeps
 * it from compiling PDF functions with `new Function`; XFA forms are off. pdf.js is loaded on first use.
 */
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient declaration file is not a module to import; the reference makes both tsconfigs see it
/// <reference path="./pdf-worker-url.d.ts" />

/** Pages drawn at most: a preview, not a reader (the whole file opens in the user's own program). */
export const MAX_PREVIEW_PAGES = 20;

export type RenderedPdf = { pageCount: number; canvases: HTMLCanvasElement[] };

export const renderPdfPages = async (data: Uint8Array, width: number, signal: { cancelled: boolean }): Promise<RenderedPdf> => {
  // Both on first use: pdf.js and the URL of its worker (an asset of this origin).
  const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const task = pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false, useSystemFonts: false, stopAtErrors: false });
  const doc = await task.promise;
  try {
    const canvases: HTMLCanvasElement[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PREVIEW_PAGES) && !signal.cancelled; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: Math.min(2, width / base.width) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport }).promise;
      page.cleanup();
      canvases.push(canvas);
    }
    return { pageCount: doc.numPages, canvases };
  } finally {
    await doc.destroy();
  }
};
