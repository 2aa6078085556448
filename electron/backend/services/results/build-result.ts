import { AppFailure } from '../../../../shared/ipc/result';
import { APPRAISAL_RESULT_KIND, appraisalResultIssues, appraisalResultSchema } from '../../../../shared/schemas/appraisal-result';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import { allNodes, isLeaf } from '../../../../shared/domain/indicator-tree';
import type { NodeKind } from '../../../../shared/schemas/indicator-set';
import { SUBMISSION_FORMAT } from '../../../../shared/schemas/submission';
import type { BackendContext } from '../../context';
import { latestIssuedResult } from '../../db/repos/issued-result-repo';
import { activeImportOf } from '../../db/repos/inbox-repo';
import type { ImportedSubmissionRow } from '../../db/repos/inbox-repo';
import { findRoundByYear } from '../../db/repos/round-repo';
import { getUnitProfile } from '../../db/repos/unit-repo';
import { isReceiverMeasured } from '../inbox/answer-check';
import { rankedBlocks } from '../inbox/listing';
import type { Blocks } from '../inbox/listing';
import { loadModel } from '../inbox/model';
import type { ImportModel } from '../inbox/model';
import { firstMissingReason, linesOf, rankLine, resultFileName, resultIdOf } from './result-content';
import type { LeafFacts } from './result-content';

export const APP_NAME = 'CCHC Tự đánh giá';

/** The leaves of the inbox model with their code, title and the appraiser's entry (services/inbox/model.ts). */
export const leafFactsOf = (m: ImportModel): LeafFacts[] => {
  const byAppraisal = new Map(m.appraisals.map((a) => [a.nodeId, a]));
  const byLeaf = new Map(m.leaves.map((l) => [l.nodeId, l]));
  return allNodes(m.set)
    .filter(({ node }) => isLeaf(node) && byLeaf.has(node.id))
    .map(({ node }) => {
      const l = byLeaf.get(node.id)!;
      const a = byAppraisal.get(node.id);
      return {
        nodeId: node.id,
        code: node.code,
        title: node.title,
        kind: l.kind as NodeKind,
        max: l.max,
        self: l.self,
        override: a?.appraisedMilli ?? null,
        comment: a?.comment ?? '',
        receiverMeasured: isReceiverMeasured(node),
        surveyEntered: m.surveyValues.has(node.id),
      };
    });
};

export type BuiltResult = { content: AppraisalResult; fileName: string; row: ImportedSubmissionRow };

/**
 * The appraisal-result of one imported submission, as the inbox shows it now: lines and totals from the
 * model, the provisional rank among the year's active imports of the block, the round of that year (id,
 * giải trình window), the issuer from this installation's profile, the next revision of the unit's result.
 * Refused with a code when there is no round for the year or a changed score has no reason.
 */
export const buildResult = (ctx: BackendContext, row: ImportedSubmissionRow, ranked?: Blocks): BuiltResult => {
  const active = activeImportOf(ctx.db, row.unitCode, row.year);
  if (active && active.id !== row.id) throw AppFailure.of('INBOX_NOT_NEWEST', { revision: active.revision });
  const round = findRoundByYear(ctx.db, row.year);
  if (!round) throw AppFailure.of('RESULTS_NO_ROUND', { year: row.year });
  const issuer = getUnitProfile(ctx.db);
  if (!issuer) throw AppFailure.of('RESULTS_ISSUER_FIRST');
  const m = loadModel(ctx, row);
  const facts = leafFactsOf(m);
  const missing = firstMissingReason(facts);
  if (missing !== null) throw AppFailure.of('RESULTS_REASON_MISSING', { unit: row.unitName, code: missing });
  const { criteria, survey } = linesOf(facts);
  const resultId = resultIdOf(round.id, row.unitCode);
  const revision = (latestIssuedResult(ctx.db, round.id, row.unitCode)?.revision ?? 0) + 1;
  const content: AppraisalResult = {
    format: SUBMISSION_FORMAT,
    kind: APPRAISAL_RESULT_KIND,
    resultId,
    revision,
    createdAt: ctx.now().toISOString(),
    app: { name: APP_NAME, version: ctx.appVersion },
    issuer: { code: issuer.code, name: issuer.name },
    roundId: round.id,
    year: row.year,
    unit: { code: row.unitCode, name: row.unitName, block: row.unitType },
    submission: { submissionId: row.submissionId, revision: row.revision, bundleSha256: row.bundleSha256 },
    indicatorSet: { id: row.setId, version: row.setVersion, sha256: row.setSha256 },
    criteria,
    survey,
    totals: { self: m.self, appraised: m.appraised },
    // A block export ranks once for all its units (rankedBlocks scores every import of the year).
    rank: rankLine((ranked ?? rankedBlocks(ctx, row.year))[row.unitType], row.id),
    explanationWindow: { start: round.deadlines.explanationStart, end: round.deadlines.explanationEnd },
  };
  const parsed = appraisalResultSchema.safeParse(content);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw AppFailure.of('RESULTS_INVALID', { unit: row.unitName, field: i?.path.join('.') ?? '', why: i?.message ?? '' });
  }
  const issue = appraisalResultIssues(parsed.data)[0];
  if (issue) throw AppFailure.of('RESULTS_INVALID', { unit: row.unitName, field: issue[0], why: issue[1] });
  return { content: parsed.data, fileName: resultFileName(row.unitCode, row.year, revision), row };
};
