import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';

import { computeLeafProgress, summarizeProgress } from '../../../../shared/domain/progress';
import type { EvidenceCounts, LeafProgress, ProgressSummary } from '../../../../shared/domain/progress';
import { scoreAssessment } from '../../../../shared/domain/scoring/index';
import type { AssessmentScore } from '../../../../shared/domain/scoring/index';
import type { Answer, ScorableAnswer } from '../../../../shared/schemas/answers';
import type { Assessment } from '../../../../shared/schemas/assessment';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { useLang, usePlatform } from '../../app/app-context';
import { useLoad } from '../../data/use-load';
import { draftsOf, withDraft } from './drafts';
import type { Draft, Drafts } from './drafts';

/**
 * One assessment's data while the user works on it: the set, the answers (local first, so the score and
 * the tree update on every keystroke), and autosave. Edits are written to the backend after a short pause
 * (well under the 1 s promise); pages only call `update`, there is no save button.
 */

export type SaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Kept locally, not sent: a "không áp dụng" or a "không có tài liệu kiểm chứng" without its reason. */
  | { kind: 'needReason'; what: 'na' | 'waiver' }
  | { kind: 'error'; error: unknown };

export type EditableAnswer = Pick<Answer, 'nodeId' | 'inputs' | 'notApplicable' | 'explanation'> & Partial<Pick<Answer, 'evidenceWaiver'>>;

export type AssessmentStore = {
  assessment: Assessment;
  set: IndicatorSet;
  answers: ReadonlyMap<string, EditableAnswer>;
  evidence: EvidenceCounts;
  score: AssessmentScore;
  leaves: LeafProgress[];
  leafById: ReadonlyMap<string, LeafProgress>;
  progress: ProgressSummary;
  readOnly: boolean;
  save: SaveState;
  update: (answer: EditableAnswer) => void;
  /** Writes pending edits now (before preflight, navigation away, reload). */
  flush: () => Promise<void>;
  undo: () => Promise<{ undone: boolean; nodeId: string | null }>;
  refreshEvidence: () => void;
  /** The last evidence-count refresh failed (shown by the shell; the counts on screen are the previous ones). */
  evidenceError: unknown;
  setAssessment: (a: Assessment) => void;
  /** Invalid values typed and not saved, per sub-criterion (./drafts.ts). */
  drafts: Drafts;
  setDraft: (nodeId: string, field: string, draft: Draft | null) => void;
};

const StoreContext = createContext<AssessmentStore | null>(null);

export const useAssessment = (): AssessmentStore => {
  const s = useContext(StoreContext);
  if (!s) throw new Error('useAssessment outside AssessmentProvider');
  return s;
};

/** How long to wait after the last keystroke before writing (the issue asks for ≤ 1 s). */
export const AUTOSAVE_DELAY_MS = 350;

type Loaded = { assessment: Assessment; set: IndicatorSet; answers: Map<string, EditableAnswer>; evidence: EvidenceCounts };

const strip = (a: Answer | EditableAnswer): EditableAnswer => ({
  nodeId: a.nodeId,
  inputs: a.inputs,
  notApplicable: a.notApplicable,
  explanation: a.explanation,
  evidenceWaiver: a.evidenceWaiver ?? null,
});

/**
 * An N/A or an evidence waiver without a reason is kept locally (the field shows an error) but not sent: the
 * backend refuses it. Returns what lacks its reason, or null when the answer can be saved.
 */
const missingReason = (a: EditableAnswer): 'na' | 'waiver' | null =>
  a.notApplicable && a.notApplicable.reason.trim() === '' ? 'na' : a.evidenceWaiver && a.evidenceWaiver.reason.trim() === '' ? 'waiver' : null;
const savable = (a: EditableAnswer): boolean => missingReason(a) === null;
const needReason = (answers: Iterable<EditableAnswer>): SaveState => {
  for (const a of answers) {
    const what = missingReason(a);
    if (what) return { kind: 'needReason', what };
  }
  return { kind: 'pending' };
};

export const useLoadAssessment = (assessmentId: string) => {
  const { api } = usePlatform();
  return useLoad(
    useCallback(async (): Promise<Loaded> => {
      const assessment = await api.assessments.get({ assessmentId });
      const [set, list, evidence] = await Promise.all([
        api.indicatorSets.get({ id: assessment.indicatorSetId }),
        api.answers.list({ assessmentId }),
        api.assessments.evidenceCounts({ assessmentId }),
      ]);
      return { assessment, set: set as IndicatorSet, answers: new Map(list.map((a) => [a.nodeId, strip(a)])), evidence };
    }, [api, assessmentId]),
  );
};

export const AssessmentProvider = ({ initial, children }: { initial: Loaded; children: ReactNode }) => {
  const { api } = usePlatform();
  const [assessment, setAssessment] = useState(initial.assessment);
  const [answers, setAnswers] = useState<ReadonlyMap<string, EditableAnswer>>(initial.answers);
  const [evidence, setEvidence] = useState<EvidenceCounts>(initial.evidence);
  const [save, setSave] = useState<SaveState>({ kind: 'saved' });
  const set = initial.set;
  const id = assessment.id;
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(initial.assessment.id));
  const setDraft = useCallback((nodeId: string, field: string, draft: Draft | null) => setDrafts(withDraft(id, nodeId, field, draft)), [id]);
  // Closing or reloading the window with a value that could not be saved asks first.
  useEffect(() => {
    if (drafts.size === 0) return;
    const onLeave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, [drafts]);

  const pending = useRef(new Map<string, EditableAnswer>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const writePending = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // Serialise writes so an older value can never overwrite a newer one.
    chain.current = chain.current.then(async () => {
      const batch = [...pending.current.values()].filter(savable);
      if (batch.length === 0) {
        if (pending.current.size > 0) setSave(needReason(pending.current.values()));
        return;
      }
      setSave({ kind: 'saving' });
      try {
        for (const a of batch) {
          if (pending.current.get(a.nodeId) === a) pending.current.delete(a.nodeId);
          await api.answers.save({ assessmentId: id, nodeId: a.nodeId, answer: a });
        }
        setSave(
          pending.current.size === 0 ? { kind: 'saved' } : [...pending.current.values()].some(savable) ? { kind: 'pending' } : needReason(pending.current.values()),
        );
      } catch (e) {
        for (const a of batch) if (!pending.current.has(a.nodeId)) pending.current.set(a.nodeId, a);
        setSave({ kind: 'error', error: e });
      }
    });
    return chain.current;
  }, [api, id]);

  const update = useCallback(
    (a: EditableAnswer) => {
      setAnswers((prev) => {
        const next = new Map(prev);
        next.set(a.nodeId, a);
        return next;
      });
      pending.current.set(a.nodeId, a);
      setSave(needReason([a]));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void writePending(), AUTOSAVE_DELAY_MS);
    },
    [writePending],
  );

  const flush = useCallback(() => writePending(), [writePending]);

  // Refreshed on every page change and window focus: only the latest answer counts, and a failure is shown.
  const [evidenceError, setEvidenceError] = useState<unknown>(null);
  const evidenceRequest = useRef(0);
  const refreshEvidence = useCallback(() => {
    const request = ++evidenceRequest.current;
    api.assessments.evidenceCounts({ assessmentId: id }).then(
      (counts) => {
        if (evidenceRequest.current !== request) return;
        setEvidence(counts);
        setEvidenceError(null);
      },
      (e: unknown) => evidenceRequest.current === request && setEvidenceError(e),
    );
  }, [api, id]);

  const undo = useCallback(async () => {
    await writePending();
    const r = await api.answers.undo({ assessmentId: id });
    if (r.undone && r.nodeId) {
      const nodeId = r.nodeId;
      setAnswers((prev) => {
        const next = new Map(prev);
        if (r.answer) next.set(nodeId, strip(r.answer));
        else next.delete(nodeId);
        return next;
      });
    }
    setSave({ kind: 'saved' });
    return { undone: r.undone, nodeId: r.nodeId };
  }, [api, id, writePending]);

  // Best effort on tab close / reload: the debounce is short, this catches the last keystrokes.
  useEffect(() => {
    const onHide = () => void writePending();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void writePending();
    };
  }, [writePending]);

  const lang = useLang();
  const score = useMemo(() => scoreAssessment(set, answers as ReadonlyMap<string, ScorableAnswer>, lang), [set, answers, lang]);
  const leaves = useMemo(() => computeLeafProgress(set, answers, evidence, score.byId), [set, answers, evidence, score]);
  const leafById = useMemo(() => new Map(leaves.map((l) => [l.node.id, l])), [leaves]);
  const progress = useMemo(() => summarizeProgress(leaves), [leaves]);

  const value = useMemo<AssessmentStore>(
    () => ({
      assessment,
      set,
      answers,
      evidence,
      score,
      leaves,
      leafById,
      progress,
      readOnly: assessment.status === 'locked',
      save,
      update,
      flush,
      undo,
      refreshEvidence,
      evidenceError,
      setAssessment,
      drafts,
      setDraft,
    }),
    [assessment, set, answers, evidence, score, leaves, leafById, progress, save, update, flush, undo, refreshEvidence, evidenceError, drafts, setDraft],
  );
  return <StoreContext.Provider value={value}>{children}</StoreContext.Provider>;
};
