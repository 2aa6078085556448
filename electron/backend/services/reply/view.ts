import type { ReplyRow, ReplyView } from '../../../../shared/ipc/channels/reply';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import type { FinalResult } from '../../../../shared/schemas/final-result';
import type { BackendContext } from '../../context';
import { latestFinal, listResults } from '../../db/repos/reply-result-repo';
import type { ReplyResultRow } from '../../db/repos/reply-result-repo';
import { replyEvidenceOf, draftItems, sentFor } from '../../db/repos/reply-draft-repo';
import type { DraftEvidenceRef } from '../../db/repos/reply-draft-repo';
import { listDocumentRows } from '../../db/repos/evidence-repo';
import { findSubmissionRevision } from '../../db/repos/submission-repo';
import { selfDifferences } from './self-check';
import { windowOf } from './window';

type FileRef = ReplyView['library'][number];

/** Differences first (largest loss first, then gains), the rest in the set's order as the package lists them. */
export const sideBySide = (r: AppraisalResult): ReplyRow[] => {
  const rows = r.criteria.map((c, i) => ({ row: { nodeId: c.nodeId, code: c.code, title: c.title, max: c.max, self: c.self, appraised: c.appraised, difference: c.appraised - c.self, reason: c.reason }, i }));
  const changed = rows.filter((x) => x.row.difference !== 0).sort((a, b) => a.row.difference - b.row.difference || a.i - b.i);
  const same = rows.filter((x) => x.row.difference === 0);
  return [...changed, ...same].map((x) => x.row);
};

/** The files a giải trình of this result may cite: the assessment's library, then those added for it. */
export const libraryOf = (ctx: BackendContext, row: Pick<ReplyResultRow, 'resultId' | 'assessmentId'>): FileRef[] => [
  ...listDocumentRows(ctx.db, row.assessmentId).map((d) => ({ source: 'DOCUMENT' as const, refId: d.id, name: d.originalName, size: d.size })),
  ...replyEvidenceOf(ctx.db, row.resultId).map((e) => ({ source: 'NEW' as const, refId: e.id, name: e.originalName, size: e.size })),
];

const finalOf = (row: { revision: number; importedAt: string; json: string }, sent: Record<string, number> | null): NonNullable<ReplyView['final']> => {
  const content = JSON.parse(row.json) as FinalResult;
  return { revision: row.revision, importedAt: row.importedAt, content, selfDiffers: selfDifferences(sent, content.criteria) };
};

const viewOf = (ctx: BackendContext, row: ReplyResultRow, older: number[]): ReplyView => {
  const r = JSON.parse(row.json) as AppraisalResult;
  const library = libraryOf(ctx, row);
  const find = (e: DraftEvidenceRef): FileRef => library.find((f) => f.source === e.source && f.refId === e.refId) ?? { ...e, name: '?', size: 0 };
  const final = latestFinal(ctx.db, row.resultId);
  // A re-export of a revision replaces its record (submission-repo.ts), so the appraised file may be an earlier one.
  const exported = findSubmissionRevision(ctx.db, row.submissionId, row.submissionRevision);
  return {
    resultId: row.resultId,
    revision: row.revision,
    supersededRevisions: older,
    year: row.year,
    roundId: row.roundId,
    issuer: r.issuer,
    assessmentId: row.assessmentId,
    submission: {
      submissionId: row.submissionId,
      revision: row.submissionRevision,
      exportedAt: exported?.createdAt ?? null,
      sameFile: exported?.bundleSha256 === r.submission.bundleSha256,
      selfDiffers: selfDifferences(exported?.selfScores ?? null, r.criteria),
    },
    packageSha256: row.packageSha256,
    importedAt: row.importedAt,
    rows: sideBySide(r),
    survey: r.survey,
    totals: r.totals,
    rank: r.rank,
    window: windowOf(ctx, row.year),
    draft: draftItems(ctx.db, row.resultId).map((d) => ({ nodeId: d.nodeId, text: d.text, requested: d.requested, evidence: d.evidence.map(find) })),
    library,
    sent: sentFor(ctx.db, row.resultId).map((s) => ({ explanationId: s.explanationId, revision: s.revision, resultRevision: s.resultRevision, packageSha256: s.packageSha256, fileName: s.fileName, sentAt: s.sentAt })),
    final: final ? finalOf(final, exported?.selfScores ?? null) : null,
  };
};

/** One view per result (its latest revision), newest year first. */
export const listReplyViews = (ctx: BackendContext): ReplyView[] => {
  const all = listResults(ctx.db);
  const latest = all.filter((r) => r.supersededAt === null);
  return latest.map((r) => viewOf(ctx, r, all.filter((o) => o.resultId === r.resultId && o.revision < r.revision).map((o) => o.revision)));
};

export const replyViewOf = (ctx: BackendContext, resultId: string): ReplyView | null => listReplyViews(ctx).find((v) => v.resultId === resultId) ?? null;
