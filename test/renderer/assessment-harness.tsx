import type { ReactNode } from 'react';
import { vi } from 'vitest';

import { scoreAssessment } from '../../shared/domain/scoring/index';
import { scoreTotalsOf } from '../../shared/domain/scoring/schema';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { answerSchema } from '../../shared/schemas/answers';
import type { Answer } from '../../shared/schemas/answers';
import type { Assessment } from '../../shared/schemas/assessment';
import type { IndicatorSet } from '../../shared/schemas/indicator-set';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { AssessmentProvider } from '../../renderer/src/features/assessments/assessment-store';
import { fakePlatform } from './fake-platform';
import type { FakeHandlers } from './fake-platform';
import { miniSet } from './fixtures/mini-set';

export const assessmentOf = (over: Partial<Assessment> = {}): Assessment => ({
  id: 'a1',
  year: 2025,
  indicatorSetId: miniSet.id,
  indicatorSetVersion: '1',
  indicatorSetName: miniSet.name,
  indicatorSetSha256: '0'.repeat(64),
  revision: 1,
  supersedesRevision: null,
  status: 'draft',
  deadline: '2025-12-31',
  createdAt: '2025-11-01T00:00:00.000Z',
  updatedAt: '2025-11-01T00:00:00.000Z',
  ...over,
});

type UndoAnswer = Pick<ChannelOutput<'answers.undo'>, 'undone' | 'nodeId' | 'answer'>;

/**
 * A fake backend for the assessment pages (typed by the contract, see fake-platform.ts): answers.save/undo
 * and assessments.newRevision are spies, the rest answers what the pages need; any other call fails the test.
 */
export const fakeApi = (opts: { assessment?: Assessment; undo?: UndoAnswer; today?: string } = {}) => {
  const assessment = opts.assessment ?? assessmentOf();
  // The backend's side of autosave: what was saved (undo answers the totals, scored by the real engine).
  const stored = new Map<string, Answer>();
  const totals = () => scoreTotalsOf(scoreAssessment(miniSet, stored));
  const save = vi.fn(async ({ answer }: ChannelInput<'answers.save'>): Promise<ChannelOutput<'answers.save'>> => {
    const saved = answerSchema.parse({ ...answer, evidenceIds: [] });
    stored.set(saved.nodeId, saved);
    return { answer: saved };
  });
  const undo = vi.fn(async (): Promise<ChannelOutput<'answers.undo'>> => ({ ...(opts.undo ?? { undone: false, nodeId: null, answer: null }), totals: totals() }));
  const newRevision = vi.fn(async (): Promise<Assessment> => ({ ...assessment, status: 'draft', revision: assessment.revision + 1, supersedesRevision: assessment.revision }));
  const revisions = vi.fn(async (): Promise<ChannelOutput<'assessments.revisions'>> => [{ revision: 1, supersedes: null, createdAt: assessment.createdAt }]);
  const handlers = {
    app: { info: async () => ({ version: '0.0.0-test', host: 'web' as const, dataDirLabel: 'cchc-test', today: opts.today ?? '2025-12-10' }) },
    answers: { save, undo, list: async () => [] },
    assessments: {
      get: async () => assessment,
      evidenceCounts: async () => ({}),
      revisions,
      newRevision,
      setDeadline: async ({ deadline }: { deadline: string | null }) => ({ ...assessment, deadline }),
      preflight: async () => ({ ok: true, errors: [], warnings: [] }),
    },
    indicatorSets: { get: async () => miniSet },
    // the dashboard lists exported bundles (none here; test/e2e/submission-history.spec.ts covers the list)
    submission: { history: async () => [] },
  } satisfies FakeHandlers;
  return { handlers, save, undo, newRevision, revisions, assessment };
};

export const renderWithStore = (
  ui: ReactNode,
  fake: ReturnType<typeof fakeApi>,
  opts: { lang?: Language; answers?: Answer[]; set?: IndicatorSet } = {},
) => {
  const platform = fakePlatform(fake.handlers);
  const initial = {
    assessment: fake.assessment,
    set: opts.set ?? miniSet,
    answers: new Map((opts.answers ?? []).map((a) => [a.nodeId, a])),
    evidence: {},
  };
  return (
    <AppProvider value={{ platform, lang: opts.lang ?? 'vi', setLang: () => {} }}>
      <AssessmentProvider initial={initial}>{ui}</AssessmentProvider>
    </AppProvider>
  );
};
