import { cleanDisplayText } from '../../../../shared/domain/display-text';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppraisalResult } from '../../../../shared/schemas/appraisal-result';
import type { Explanation } from '../../../../shared/schemas/explanation';
import type { BackendContext } from '../../context';
import { latestFinal } from '../../db/repos/reply-result-repo';
import { replyEvidenceOf, draftItems, sentFor } from '../../db/repos/reply-draft-repo';
import { findDocument } from '../../db/repos/evidence-repo';
import type { PackEvidence } from '../bundle/pack-container';
import { displayName, uuidV7 } from '../bundle/submission-builder';
import { storePathFor } from '../evidence/store';
import { APP_NAME } from '../round/export-round';
import { checkItems, requireResult } from './draft';
import { requireWindowOpen } from './window';

const extensionOf = (name: string): string => {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return m ? m[1]!.toLowerCase() : 'bin';
};

/** `<unit>_GiaiTrinh_<year>_r<revision>.asice`: the file the unit sends to Sở Nội vụ. */
export const explanationFileName = (unitCode: string, year: number, revision: number): string => `${unitCode}_GiaiTrinh_${year}_r${revision}.asice`;

export type PreparedExplanation = { explanation: Explanation; files: PackEvidence[]; resultRevision: number; resultSha256: string };

/**
 * explanation.json and its files from the draft, after every rule of the export (docs/package-formats.md §5,
 * unit side): the round is not closed (no final result held), the window is open today, the draft has at
 * least one item, and every item still fits the LATEST result revision (criterion in it, score ≤ max, files
 * in the library). It answers that latest revision, quoting the SHA-256 of the package file imported; the
 * explanation id stays the same across re-exports and the revision rises by one each time.
 */
export const prepareExplanation = (ctx: BackendContext, resultId: string): PreparedExplanation => {
  const row = requireResult(ctx, resultId);
  if (latestFinal(ctx.db, resultId)) throw AppFailure.of('REPLY_ROUND_CLOSED');
  requireWindowOpen(ctx, row.year);
  const items = draftItems(ctx.db, resultId);
  if (items.length === 0) throw AppFailure.of('REPLY_NOTHING_TO_SEND');
  checkItems(ctx, row, items);
  const r = JSON.parse(row.json) as AppraisalResult;
  const added = new Map(replyEvidenceOf(ctx.db, resultId).map((e) => [e.id, e]));
  const files: PackEvidence[] = [];
  const listed: Explanation['evidence'] = [];
  const bySha = new Map<string, string>();
  const pathFor = (f: { sha256: string; size: number; originalName: string; mediaType: string }): string => {
    const known = bySha.get(f.sha256);
    if (known) return known; // the same bytes cited twice travel once
    const path = `evidence/${String(files.length + 1).padStart(4, '0')}.${extensionOf(f.originalName)}`;
    const name = displayName(f.originalName);
    bySha.set(f.sha256, path);
    files.push({ path, source: storePathFor(ctx.dataDir, f.sha256), size: f.size, sha256: f.sha256, name });
    listed.push({ path, originalName: name, mediaType: f.mediaType.slice(0, 127), size: f.size, sha256: f.sha256 });
    return path;
  };
  const out: Explanation['items'] = items.map((it) => {
    const c = r.criteria.find((x) => x.nodeId === it.nodeId)!;
    const paths = it.evidence.map((e) => {
      const f = e.source === 'NEW' ? added.get(e.refId) : findDocument(ctx.db, e.refId);
      if (!f) throw AppFailure.of('REPLY_EVIDENCE_UNKNOWN');
      return pathFor(f);
    });
    return { nodeId: c.nodeId, code: c.code, text: cleanDisplayText(it.text, true), requested: it.requested, evidence: [...new Set(paths)] };
  });
  const sent = sentFor(ctx.db, resultId);
  const explanation: Explanation = {
    format: 'SATB/1',
    kind: 'explanation',
    explanationId: sent[0]?.explanationId ?? uuidV7(ctx.now().getTime()),
    revision: (sent.at(-1)?.revision ?? 0) + 1,
    createdAt: ctx.now().toISOString(),
    app: { name: APP_NAME, version: ctx.appVersion },
    roundId: r.roundId,
    year: r.year,
    unit: r.unit,
    answers: { resultId: r.resultId, resultRevision: row.revision, resultSha256: row.packageSha256 },
    items: out,
    evidence: listed,
  };
  return { explanation, files, resultRevision: row.revision, resultSha256: row.packageSha256 };
};
