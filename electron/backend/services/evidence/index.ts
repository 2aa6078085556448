/**
 * Evidence service: the API other features use.
 * - listDocuments(db, assessmentId, resolve?) / documentsForNode(db, assessmentId, nodeId, resolve?) → EvidenceDocument[]
 * - storePathFor(dataDir, sha256): where the bytes are (the bundle packs evidence from here; read-only)
 * - verifyEvidence(db, dataDir, assessmentId) → EvidenceCheck; assertEvidenceIntact(...) throws FILE_CHANGED
 * - registerEvidenceReference({table, column}): protect files your table points at (by sha256) from GC
 * - attachFiles(db, dataDir, {assessmentId, nodeId, files}, opts) for the CLI / import of answers
 */
export type { EvidenceDocument, EvidenceMeta, EvidenceFileKind, EvidenceCheck } from '../../../../shared/schemas/evidence';
export { attachFiles, cleanOriginalName } from './attach';
export type { AttachFile, AttachOptions } from './attach';
export { documentsForNode, getDocument, listDocuments, nodeResolverFor } from './documents';
export type { NodeResolver } from './documents';
export { cleanupTempFiles, deleteBlobIfUnreferenced, EVIDENCE_REFERENCE_TABLES, isBlobReferenced, registerEvidenceReference, sweepStore } from './gc';
export type { EvidenceReference } from './gc';
export { DEFAULT_MAX_EVIDENCE_BYTES, evidenceMaxBytes } from './limits';
export { storePathFor } from './store';
export { assertEvidenceIntact, checkStoredFile, hashFile, verifyEvidence } from './verify';
