import { leaves as leavesOf } from '../../../../shared/domain/indicator-tree';
import type { Explanation } from '../../../../shared/schemas/explanation';
import type { SignerDetails } from '../../../../shared/schemas/submission';
import type { BackendContext } from '../../context';
import { findClosing, findIssuedResult, highestExplanation, latestIssuedResult } from '../../db/repos/decisions-repo';
import type { ExplanationRow, IssuedResultRef } from '../../db/repos/decisions-repo';
import { findImported } from '../../db/repos/inbox-repo';
import type { RegistryUnitRow } from '../../db/repos/registry-repo';
import { findRoundByYear } from '../../db/repos/round-repo';
import { unitDay } from '../assessments/unit-day';
import { checkRegisteredSender, ruleRefusal } from '../inbox/import-rules';
import { setOf } from '../inbox/model';

export type AcceptedExplanation = { unit: RegistryUnitRow; issued: IssuedResultRef; previous: ExplanationRow | null; receivedOn: string };

/**
 * Sở Nội vụ's rules for a giải trình that verified (docs/package-formats.md §5 "Quy tắc nhập của Sở Nội vụ"),
 * each refusal with its own code (shared/domain/bundle-codes.ts §9), checked before anything is copied and
 * again inside the write transaction:
 *  - the register's rules of a submission (services/inbox/import-rules.ts `checkRegisteredSender`);
 *  - explanationId belongs to the unit and year that first used it; a revision not above the one received is
 *    a replay (E_REPLAY); a higher one supersedes it;
 *  - it answers a result Sở issued to THIS unit (id + revision + package SHA-256 + round), else
 *    E_RESULT_UNKNOWN, and the latest one issued to it, else E_RESULT_SUPERSEDED;
 *  - the year is not closed (E_ROUND_CLOSED) and the arrival day (Vietnam's calendar) lies in the round's
 *    giải trình window, both days included (E_EXPLANATION_WINDOW);
 *  - every item names a leaf of the unit's set that Sở scores (not a survey leaf) of the unit's set (E_ITEM_NOT_LEAF).
 */
export const checkExplanationRules = (ctx: BackendContext, x: Explanation, signer: SignerDetails | null, signedAt: Date): AcceptedExplanation => {
  const db = ctx.db;
  const unit = checkRegisteredSender(db, { year: x.year, unitCode: x.unit.code, declaredBlock: x.unit.block }, signer, signedAt);
  const previous = highestExplanation(db, x.explanationId);
  if (previous && (previous.unitCode.toLowerCase() !== unit.code.toLowerCase() || previous.year !== x.year)) {
    throw ruleRefusal('E_EXPLANATION_OWNER', `${x.explanationId} → ${previous.unitCode} / ${previous.year}`);
  }
  if (previous && x.revision <= previous.revision) throw ruleRefusal('E_REPLAY', `${x.explanationId}: ${x.revision} ≤ ${previous.revision}`);
  const a = x.answers;
  const issued = findIssuedResult(db, a.resultId, a.resultRevision);
  if (!issued || issued.unitCode.toLowerCase() !== unit.code.toLowerCase() || issued.year !== x.year || issued.roundId !== x.roundId || issued.packageSha256 !== a.resultSha256) {
    throw ruleRefusal('E_RESULT_UNKNOWN', `${a.resultId} r${a.resultRevision}`);
  }
  const latest = latestIssuedResult(db, x.year, unit.code)!;
  if (latest.resultId !== issued.resultId || latest.revision !== issued.revision) {
    throw ruleRefusal('E_RESULT_SUPERSEDED', `r${issued.revision} → r${latest.revision}`);
  }
  if (findClosing(db, x.year)) throw ruleRefusal('E_ROUND_CLOSED', String(x.year));
  const round = findRoundByYear(db, x.year);
  const receivedOn = unitDay(ctx.now());
  if (!round || receivedOn < round.deadlines.explanationStart || receivedOn > round.deadlines.explanationEnd) {
    throw ruleRefusal('E_EXPLANATION_WINDOW', `${receivedOn}; ${round?.deadlines.explanationStart ?? '-'} – ${round?.deadlines.explanationEnd ?? '-'}`);
  }
  const row = findImported(db, issued.importId);
  const leaves = new Set(row ? leavesOf(setOf(ctx, row)).filter((n) => n.kind !== 'SURVEY').map((n) => n.id) : []);
  const stray = x.items.find((i) => !leaves.has(i.nodeId));
  if (stray) throw ruleRefusal('E_ITEM_NOT_LEAF', stray.nodeId.slice(0, 80));
  return { unit, issued, previous, receivedOn };
};
