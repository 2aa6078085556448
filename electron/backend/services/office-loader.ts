/**
 * exceljs and pdfmake take about 300 ms to load, more than everything else the backend needs at start-up.
 * They are only used when a file is imported or exported, so load them on first use. Each loader is a
 * dynamic import; bundlers turn it into a separate chunk.
 */
export const loadWorkbookBuilder = async () => (await import('./report/xlsx/workbook')).buildWorkbook;
export const loadPdfBuilder = async () => (await import('./report/pdf/document')).buildPdf;
export const loadSetTemplate = async () => import('./indicator-sets/excel-template');
/** The final report PDF signed as PAdES (pdfmake, fontkit and @libpdf/core). */
export const loadSignedReportBuilder = async () => (await import('./report/signed-pdf')).buildSignedReportPdf;
export const loadRegistryXlsx = async () => import('./registry/template-xlsx');
/** The final results of a closed round (services/decisions): Excel and the administrative-document PDF. */
export const loadFinalResultsXlsx = async () => (await import('./decisions/final-sheet')).buildFinalWorkbook;
export const loadFinalResultsPdf = async () => (await import('./decisions/final-pdf')).buildFinalPdf;
