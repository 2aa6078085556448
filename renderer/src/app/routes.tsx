import { lazy } from 'react';
import type { ReactNode } from 'react';

import { BackupPage } from '../features/backup/index';
import { HomePage } from '../features/home/index';
import { AssessmentShell } from '../features/assessments/index';
import { EvidenceNodePage, LibraryPage } from '../features/evidence/index';
import { ReportPage } from '../features/report/index';

// Pages a focal point rarely opens (and Sở Nội vụ's receiving pages) load on first visit, keeping the
// start-up bundle small; App wraps every route in <Suspense>.
const InboxPage = lazy(async () => ({ default: (await import('../features/inbox/index')).InboxPage }));
const InboxDetailPage = lazy(async () => ({ default: (await import('../features/inbox/index')).InboxDetailPage }));
const RegistryPage = lazy(async () => ({ default: (await import('../features/registry/index')).RegistryPage }));
const SetsPage = lazy(async () => ({ default: (await import('../features/indicator-sets/index')).SetsPage }));
const SubmitWizard = lazy(async () => ({ default: (await import('../features/submission/index')).SubmitWizard }));
const VerifyPage = lazy(async () => ({ default: (await import('../features/trust/index')).VerifyPage }));
const HelpPage = lazy(async () => ({ default: (await import('../features/help/index')).HelpPage }));
const RoundPage = lazy(async () => ({ default: (await import('../features/round/index')).RoundPage }));
const RoundDashboardPage = lazy(async () => ({ default: (await import('../features/round/index')).RoundDashboardPage }));
const DecisionsPage = lazy(async () => ({ default: (await import('../features/decisions/index')).DecisionsPage }));
const DecisionDetailPage = lazy(async () => ({ default: (await import('../features/decisions/index')).DecisionDetailPage }));
const ReplyPage = lazy(async () => ({ default: (await import('../features/reply/index')).ReplyPage }));
const SurveyPage = lazy(async () => ({ default: (await import('../features/survey/index')).SurveyPage }));

/**
 * The route table. Features add their pages here (one line each); the first matching pattern wins.
 * Patterns use :params; the hash path is matched exactly.
 */
export type RouteDef = { pattern: string; render: (params: Record<string, string>) => ReactNode };

export const ROUTES: RouteDef[] = [
  { pattern: '/', render: () => <HomePage /> },
  { pattern: '/a/:assessmentId', render: (p) => <AssessmentShell assessmentId={p.assessmentId ?? ''} view={{ kind: 'dashboard' }} /> },
  { pattern: '/a/:assessmentId/tree', render: (p) => <AssessmentShell assessmentId={p.assessmentId ?? ''} view={{ kind: 'tree' }} /> },
  { pattern: '/a/:assessmentId/preflight', render: (p) => <AssessmentShell assessmentId={p.assessmentId ?? ''} view={{ kind: 'preflight' }} /> },
  {
    pattern: '/a/:assessmentId/n/:nodeId',
    render: (p) => <AssessmentShell assessmentId={p.assessmentId ?? ''} view={{ kind: 'node', nodeId: p.nodeId ?? '' }} />,
  },
  { pattern: '/a/:assessmentId/library', render: (p) => <LibraryPage assessmentId={p.assessmentId ?? ''} /> },
  { pattern: '/a/:assessmentId/evidence/:nodeId', render: (p) => <EvidenceNodePage assessmentId={p.assessmentId ?? ''} nodeId={p.nodeId ?? ''} /> },
  { pattern: '/a/:assessmentId/report', render: (p) => <ReportPage assessmentId={p.assessmentId ?? ''} /> },
  { pattern: '/a/:assessmentId/survey', render: (p) => <SurveyPage assessmentId={p.assessmentId ?? ''} /> },
  { pattern: '/a/:assessmentId/submit', render: (p) => <SubmitWizard assessmentId={p.assessmentId ?? ''} /> },
  { pattern: '/sets', render: () => <SetsPage /> },
  { pattern: '/verify', render: () => <VerifyPage /> },
  { pattern: '/backup', render: () => <BackupPage /> },
  { pattern: '/help', render: () => <HelpPage /> },
  { pattern: '/inbox', render: () => <InboxPage /> },
  { pattern: '/registry', render: () => <RegistryPage /> },
  { pattern: '/round', render: () => <RoundPage /> },
  { pattern: '/round/dashboard', render: () => <RoundDashboardPage /> },
  { pattern: '/decisions', render: () => <DecisionsPage /> },
  { pattern: '/decisions/:rowId', render: (p) => <DecisionDetailPage rowId={p.rowId ?? ''} /> },
  { pattern: '/reply', render: () => <ReplyPage /> },
  { pattern: '/inbox/:importId', render: (p) => <InboxDetailPage importId={p.importId ?? ''} /> },
];
