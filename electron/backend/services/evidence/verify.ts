import { statSync } from 'node:fs';

import { AppFailure } from '../../../../shared/ipc/result';
import { evidenceProblemText } from '../../../../shared/domain/evidence-problems';
import type { EvidenceCheck, EvidenceProblem } from '../../../../shared/schemas/evidence';
import type { Db } from '../../db/connection';
import { listDocumentRows } from '../../db/repos/evidence-repo';
import { sha256OfFile } from '../../storage/file-digest';
import { storePathFor } from './store';

export const hashFile = sha256OfFile;

type Problem = EvidenceProblem;

/** Checks one stored file against the size and hash recorded at attach time. Null when intact. */
export const checkStoredFile = async (
  dataDir: string,
  sha256: string,
  size: number,
  opts: { rehash?: boolean; signal?: AbortSignal } = {},
): Promise<Problem | null> => {
  const path = storePathFor(dataDir, sha256);
  let actual: number;
  try {
    actual = statSync(path).size;
  } catch {
    return 'MISSING';
  }
  if (actual !== size) return 'SIZE_CHANGED';
  if (opts.rehash === false) return null;
  return (await hashFile(path, opts.signal)) === sha256 ? null : 'HASH_CHANGED';
};

/**
 * Re-reads every file of an assessment's evidence and reports any that vanished or changed since it was
 * attached. The bundle export calls this before packing (never silently ship a changed file).
 * Each distinct file is hashed once even if several documents share it.
 */
export const verifyEvidence = async (
  db: Db,
  dataDir: string,
  assessmentId: string,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; rehash?: boolean } = {},
): Promise<EvidenceCheck> => {
  const rows = listDocumentRows(db, assessmentId);
  const byHash = new Map<string, Problem | null>();
  const problems: EvidenceCheck['problems'] = [];
  let done = 0;
  for (const r of rows) {
    if (!byHash.has(r.sha256)) {
      byHash.set(r.sha256, await checkStoredFile(dataDir, r.sha256, r.size, { rehash: opts.rehash ?? true, ...(opts.signal ? { signal: opts.signal } : {}) }));
    }
    const problem = byHash.get(r.sha256) ?? null;
    if (problem) {
      problems.push({ documentId: r.id, sha256: r.sha256, originalName: r.originalName, problem, message: evidenceProblemText(problem, r.originalName) });
    }
    opts.onProgress?.(++done, rows.length);
  }
  return { ok: problems.length === 0, checked: rows.length, problems };
};

/** verifyEvidence, but throws FILE_CHANGED (with the report as details) when anything is wrong. */
export const assertEvidenceIntact = async (db: Db, dataDir: string, assessmentId: string, signal?: AbortSignal): Promise<void> => {
  const report = await verifyEvidence(db, dataDir, assessmentId, signal ? { signal } : {});
  if (!report.ok) {
    const first = report.problems[0]!;
    const params = { problem: first.problem, name: first.originalName };
    const more = report.problems.length - 1;
    throw more > 0 ? AppFailure.of('EVIDENCE_CHANGED_MORE', { ...params, more }, report) : AppFailure.of('EVIDENCE_CHANGED', params, report);
  }
};
