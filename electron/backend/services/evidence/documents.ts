import { AppFailure } from '../../../../shared/ipc/result';
import { metaWarnings } from '../../../../shared/schemas/evidence';
import type { EvidenceDocument, EvidenceUsage } from '../../../../shared/schemas/evidence';
import type { Db } from '../../db/connection';
import { findDocument, linksByDocument, linksOfDocument, listDocumentRows, listDocumentRowsForNode } from '../../db/repos/evidence-repo';
import type { EvidenceRow } from '../../db/repos/evidence-repo';
import type { IndicatorSetCatalog } from '../indicator-sets/catalog';
import { requireAssessment } from '../assessments/guards';

/** Resolves a node id to its code and title in the assessment's indicator set (null if unknown). */
export type NodeResolver = (nodeId: string) => { code: string; title: string } | null;

const noResolver: NodeResolver = () => null;

/**
 * Builds a resolver from the catalog's raw document without depending on the full indicator-set schema:
 * a node is anything with string id/code/title, children nested under `children`.
 */
export const nodeResolverFor = (catalog: IndicatorSetCatalog, indicatorSetId: string): NodeResolver => {
  const index = new Map<string, { code: string; title: string }>();
  try {
    const doc = catalog.get(indicatorSetId).document as { nodes?: unknown };
    const visit = (nodes: unknown): void => {
      if (!Array.isArray(nodes)) return;
      for (const n of nodes as Array<Record<string, unknown>>) {
        if (typeof n.id === 'string' && typeof n.code === 'string' && typeof n.title === 'string') {
          index.set(n.id, { code: n.code, title: n.title });
        }
        visit(n.children);
      }
    };
    visit(doc.nodes);
  } catch {
    return noResolver;
  }
  return (id) => index.get(id) ?? null;
};

export const requireDocument = (db: Db, documentId: string): EvidenceRow => {
  const d = findDocument(db, documentId);
  if (!d) throw AppFailure.of('EVIDENCE_NOT_FOUND');
  return d;
};

const usageOf = (nodeIds: string[], resolve: NodeResolver): EvidenceUsage[] =>
  nodeIds.map((nodeId) => {
    const n = resolve(nodeId);
    return { nodeId, nodeCode: n?.code ?? null, nodeTitle: n?.title ?? null };
  });

const toDocument = (r: EvidenceRow, nodeIds: string[], year: number, resolve: NodeResolver): EvidenceDocument => ({
  ...r,
  usage: usageOf(nodeIds, resolve),
  warnings: metaWarnings(r.meta, year),
});

/** The library: every document of the assessment, newest first, with where each is used. */
export const listDocuments = (db: Db, assessmentId: string, resolve: NodeResolver = noResolver): EvidenceDocument[] => {
  const a = requireAssessment(db, assessmentId);
  const links = linksByDocument(db, assessmentId);
  return listDocumentRows(db, assessmentId).map((r) => toDocument(r, links.get(r.id) ?? [], a.year, resolve));
};

/** Documents linked to one sub-criterion, in the order they were linked. */
export const documentsForNode = (
  db: Db,
  assessmentId: string,
  nodeId: string,
  resolve: NodeResolver = noResolver,
): EvidenceDocument[] => {
  const a = requireAssessment(db, assessmentId);
  const links = linksByDocument(db, assessmentId);
  return listDocumentRowsForNode(db, assessmentId, nodeId).map((r) => toDocument(r, links.get(r.id) ?? [], a.year, resolve));
};

export const getDocument = (db: Db, documentId: string, resolve: NodeResolver = noResolver): EvidenceDocument => {
  const r = requireDocument(db, documentId);
  const a = requireAssessment(db, r.assessmentId);
  return toDocument(r, linksOfDocument(db, r.id), a.year, resolve);
};
