import { randomUUID } from 'node:crypto';

import { isLeaf, isSurveyNode, nodeIndex } from '../../../../shared/domain/indicator-tree';
import type { CarryForwardReport } from '../../../../shared/ipc/channels/assessments';
import { AppFailure } from '../../../../shared/ipc/result';
import type { IndicatorNode, IndicatorSet } from '../../../../shared/schemas/indicator-set';
import type { BackendContext } from '../../context';
import { listAnswers, replaceAnswers } from '../../db/repos/answer-repo';
import { findDocument, findDocumentByHash, insertDocument, insertLink, linksByDocument } from '../../db/repos/evidence-repo';
import { inTransaction } from '../../db/transaction';
import { carryForward } from '../indicator-sets/carry-forward';
import { assertAssessmentEditable, requireAssessment, withEditable } from './guards';

/**
 * Applies the year-to-year mapping (`continuesFrom`, see carry-forward.ts) between two assessments of this
 * data folder: last year's answers, explanations and N/A reasons become this year's starting answers, and the
 * evidence documents linked to a mapped node are linked to its successor (the document row is copied into
 * the new assessment; the stored file is content-addressed, so nothing is copied on disk).
 * Never overwrites: a node already answered this year is left alone (with its evidence), and survey nodes
 * are skipped (last year's survey is not this year's). dryRun reports the same figures without writing.
 */

/** Same set on both sides (e.g. a unit assessing twice with one set): every leaf continues itself. */
const identityMapped = (set: IndicatorSet): IndicatorSet => {
  const map = (nodes: IndicatorNode[]): IndicatorNode[] =>
    nodes.map((n) => (isLeaf(n) ? { ...n, continuesFrom: n.id } : { ...n, children: map(n.children ?? []) }));
  return { ...set, nodes: map(set.nodes) };
};

export const applyCarryForward = (
  ctx: BackendContext,
  fromId: string,
  toId: string,
  dryRun: boolean,
): CarryForwardReport => {
  if (fromId === toId) throw AppFailure.of('CARRY_FROM_ITSELF');
  const from = requireAssessment(ctx.db, fromId);
  const to = requireAssessment(ctx.db, toId);
  if (!dryRun) assertAssessmentEditable(to);
  const prev = ctx.catalog.get(from.indicatorSetId).document;
  const next = ctx.catalog.get(to.indicatorSetId).document;
  let mapped: IndicatorSet;
  if (prev.id === next.id) mapped = identityMapped(next);
  else if (next.previousSetId === prev.id) mapped = next;
  else {
    throw AppFailure.of('CARRY_SETS_UNRELATED', { next: next.name, previous: prev.name });
  }
  const nextNodes = nodeIndex(next);

  const plan = (now: string): CarryForwardReport => {
    const prevAnswers = listAnswers(ctx.db, from.id);
    const res = carryForward(prev, mapped, prevAnswers);
    const carried = new Map(res.answers.map((a) => [a.nodeId, a]));
    const answeredNow = new Set(listAnswers(ctx.db, to.id).map((a) => a.nodeId));
    // node id of last year → its documents (links may exist on nodes without an answer row).
    const docsByNode = new Map<string, string[]>();
    for (const [docId, nodes] of linksByDocument(ctx.db, from.id)) {
      for (const n of nodes) docsByNode.set(n, [...(docsByNode.get(n) ?? []), docId]);
    }
    const report: CarryForwardReport = {
      dryRun,
      fromSetId: prev.id,
      toSetId: next.id,
      nodes: [],
      answersCarried: 0,
      evidenceLinks: 0,
      documentsCopied: 0,
      unknownSources: res.unknownSources,
    };
    const copies = new Map<string, string>(); // sha256 → document id in the new assessment (or a placeholder)
    const toWrite: typeof res.answers = [];
    for (const m of res.nodeMap) {
      const node = nextNodes.get(m.to)!;
      const base = { fromNodeId: m.from, toNodeId: m.to, code: node.code, inputsCarried: false, evidenceLinked: 0 };
      if (isSurveyNode(node)) {
        report.nodes.push({ ...base, outcome: 'survey' });
        continue;
      }
      if (answeredNow.has(m.to)) {
        report.nodes.push({ ...base, outcome: 'already-answered' });
        continue;
      }
      const answer = carried.get(m.to);
      let linked = 0;
      for (const docId of docsByNode.get(m.from) ?? []) {
        const doc = findDocument(ctx.db, docId);
        if (!doc) continue;
        let target = copies.get(doc.sha256) ?? findDocumentByHash(ctx.db, to.id, doc.sha256)?.id;
        if (!target) {
          target = dryRun ? `dry-${doc.sha256}` : randomUUID();
          if (!dryRun) insertDocument(ctx.db, { ...doc, id: target, assessmentId: to.id, createdAt: now, updatedAt: now });
          report.documentsCopied++;
        }
        copies.set(doc.sha256, target);
        if (dryRun || insertLink(ctx.db, to.id, m.to, target, now)) linked++;
      }
      if (!answer && linked === 0) {
        report.nodes.push({ ...base, outcome: 'no-answer' });
        continue;
      }
      if (answer) {
        toWrite.push(answer);
        report.answersCarried++;
      }
      report.evidenceLinks += linked;
      const inputsCarried = !!answer && Object.keys(answer.inputs).length > 0;
      report.nodes.push({ ...base, outcome: 'carried', inputsCarried, evidenceLinked: linked });
    }
    if (!dryRun) replaceAnswers(ctx.db, to.id, toWrite, now);
    return report;
  };
  // A dry run reads in one transaction (one consistent picture) and writes nothing: a locked target is fine.
  if (dryRun) return inTransaction(ctx.db, () => plan(ctx.now().toISOString()));
  return withEditable(ctx, to.id, ({ now }) => plan(now), (r) => r.answersCarried > 0 || r.evidenceLinks > 0);
};
