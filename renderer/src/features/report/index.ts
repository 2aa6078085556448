/** Report text and Excel/PDF exports; `useJob` is reusable by any feature that follows a backend job. */
export { ExportButtons } from './ExportButtons';
export type { ExportButtonsProps } from './ExportButtons';
export { ReportPage } from './ReportPage';
export { jobFailure, useJob } from './use-job';
export type { UseJobOptions, UseJobResult } from './use-job';
export const reportHref = (assessmentId: string): string => `#/a/${encodeURIComponent(assessmentId)}/report`;
