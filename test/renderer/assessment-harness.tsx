import type { ReactNode } from 'react';
import { vi } from 'vitest';

import type { PlatformApi } from '../../shared/ipc/contract';
import type { Answer } from '../../shared/schemas/answers';
import type { Assessment } from '../../shared/schemas/assessment';
import type { IndicatorSet } from '../../shared/schemas/indicator-set';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { AssessmentProvider } from '../../renderer/src/features/assessments/assessment-store';
import type { Platform } from '../../renderer/src/platform/index';
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

/** A fake backend for the assessment pages: answers.save/undo are spies; unknown calls answer []. */
export const fakeApi = (opts: { assessment?: Assessment; undo?: unknown } = {}) => {
  const assessment = opts.assessment ?? assessmentOf();
  const save = vi.fn(async ({ answer }: { answer: Answer }) => ({ answer: { ...answer, evidenceIds: [] } }));
  const undo = vi.fn(async () => opts.undo ?? { undone: false, nodeId: null, answer: null });
  const newRevision = vi.fn(async () => ({ ...assessment, status: 'draft', revision: assessment.revision + 1, supersedesRevision: assessment.revision }));
  const known: Record<string, Record<string, unknown>> = {
    answers: { save, undo, list: async () => [] },
    assessments: {
      get: async () => assessment,
      evidenceCounts: async () => ({}),
      revisions: async () => [{ revision: 1, supersedes: null, createdAt: assessment.createdAt }],
      newRevision,
      setDeadline: async ({ deadline }: { deadline: string | null }) => ({ ...assessment, deadline }),
      preflight: async () => ({ ok: true, errors: [], warnings: [] }),
    },
    indicatorSets: { get: async () => miniSet },
  };
  const api = new Proxy(known, {
    get: (target, ns: string) =>
      new Proxy(target[ns] ?? {}, { get: (fns, m: string) => fns[m] ?? (async () => []) }),
  }) as unknown as PlatformApi;
  return { api, save, undo, newRevision, assessment };
};

export const renderWithStore = (
  ui: ReactNode,
  fake: ReturnType<typeof fakeApi>,
  opts: { lang?: Language; answers?: Answer[]; set?: IndicatorSet } = {},
) => {
  const platform = { api: fake.api, kind: 'web', download: vi.fn(), uploadFiles: vi.fn(), fileObjectUrl: vi.fn() } as unknown as Platform;
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
