// Vite's `?url` import of pdf.js's worker (an asset URL under the app's own origin, allowed by the CSP's
// script-src 'self'). The generic '*?url' declaration of vite/client does not win over the package's
// own resolution of the .mjs, so this exact name is declared here.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?url' {
  const src: string;
  export default src;
}
