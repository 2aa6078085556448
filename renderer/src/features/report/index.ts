/** Report text and Excel/PDF exports. */
export { ExportButtons } from './ExportButtons';
export type { ExportButtonsProps } from './ExportButtons';
export { ReportPage } from './ReportPage';
export const reportHref = (assessmentId: string): string => `#/a/${encodeURIComponent(assessmentId)}/report`;
