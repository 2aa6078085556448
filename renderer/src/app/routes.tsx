import type { ReactNode } from 'react';

import { HomePage } from '../features/home/HomePage';
import { AssessmentPlaceholder } from './AssessmentPlaceholder';
import { ReportPage } from '../features/export/index';

/**
 * The route table. Features add their pages here (one line each); the first matching pattern wins.
 * Patterns use :params; the hash path is matched exactly.
 */
export type RouteDef = { pattern: string; render: (params: Record<string, string>) => ReactNode };

export const ROUTES: RouteDef[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/a/:assessmentId', render: (p) => <AssessmentPlaceholder assessmentId={p.assessmentId ?? ''} /> },
  { pattern: '/a/:assessmentId/report', render: (p) => <ReportPage assessmentId={p.assessmentId ?? ''} /> },
];
