import { randomUUID } from 'node:crypto';

import { AppFailure, isAppFailure } from '../../../../shared/ipc/result';
import { emptyEvidenceMeta, MEDIA_TYPES } from '../../../../shared/schemas/evidence';
import type { AttachResult } from '../../../../shared/schemas/evidence';
import type { OnProgress } from '../../../../shared/domain/progress-steps';
import { step } from '../../../../shared/domain/progress-steps';
import type { Db } from '../../db/connection';
import { findDocumentByHash, insertDocument, insertLink } from '../../db/repos/evidence-repo';
import { requireEditable, withEditable } from '../assessments/guards';
import { detectFileKind } from './detect';
import { evidenceMaxBytes } from './limits';
import { checkSourceFile, commitTemp, copyToTemp, discardTemp } from './store';
import type { StoreFaults } from './store';

export type AttachFile = { path: string; name: string };

export type AttachOptions = {
  maxBytes?: number;
  signal?: AbortSignal;
  /** Bytes done / total over all files, for the job's progress bar. */
  onProgress?: OnProgress;
  faults?: StoreFaults;
  now?: () => Date;
};

/** Keeps the name as display metadata only: NFC, no control/bidi characters, no folders, bounded. */
export const cleanOriginalName = (name: string): string => {
  const base = name.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (clean || 'tai-lieu').slice(0, 255);
};

/**
 * Attaches files to an assessment's library (and to `nodeId` when given): each file is stream-copied into
 * the store, type-checked by content, then recorded. Files are independent: a refused file does not stop
 * the others; if every file is refused, the first refusal is thrown so the UI shows its message.
 */
export const attachFiles = async (
  db: Db,
  dataDir: string,
  req: { assessmentId: string; nodeId: string | null; files: AttachFile[] },
  opts: AttachOptions = {},
): Promise<AttachResult> => {
  requireEditable(db, req.assessmentId);
  const maxBytes = opts.maxBytes ?? evidenceMaxBytes();
  const now = opts.now ?? (() => new Date());
  const result: AttachResult = { documents: [], refused: [] };
  const refusals: AppFailure[] = [];

  // Sizes first: the total for the progress bar, and an early, clear refusal of files over the cap.
  const sizes = req.files.map((f) => {
    try {
      return checkSourceFile(f.path, cleanOriginalName(f.name), maxBytes).size;
    } catch {
      return 0;
    }
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  let doneBefore = 0;

  for (const [i, f] of req.files.entries()) {
    const name = cleanOriginalName(f.name);
    if (opts.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
    opts.onProgress?.(doneBefore, total, step('FILE', { name }));
    try {
      const copy = await copyToTemp(dataDir, f.path, {
        maxBytes,
        displayName: name,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.faults ? { faults: opts.faults } : {}),
        onBytes: (n) => opts.onProgress?.(doneBefore + n, total),
      });
      let fileKind;
      try {
        fileKind = await detectFileKind(copy.tmpPath, copy.head, name);
        if (opts.signal?.aborted) throw AppFailure.of('CANCELLED_BY_USER');
        // Once more before the file enters the store: the lock may have been taken while it was copied.
        requireEditable(db, req.assessmentId);
      } catch (e) {
        discardTemp(copy.tmpPath);
        throw e;
      }
      // From here to the end of the transaction everything is synchronous: file durable, then row.
      commitTemp(dataDir, copy, opts.faults);
      const outcome = withEditable({ db, now }, req.assessmentId, ({ now: stamp }) => {
        const existing = findDocumentByHash(db, req.assessmentId, copy.sha256);
        const documentId = existing?.id ?? randomUUID();
        if (!existing) {
          insertDocument(db, {
            id: documentId,
            assessmentId: req.assessmentId,
            sha256: copy.sha256,
            size: copy.size,
            fileKind,
            mediaType: MEDIA_TYPES[fileKind],
            originalName: name,
            meta: emptyEvidenceMeta(),
            createdAt: stamp,
            updatedAt: stamp,
          });
        }
        if (req.nodeId) insertLink(db, req.assessmentId, req.nodeId, documentId, stamp);
        return { documentId, originalName: existing?.originalName ?? name, deduplicated: !!existing };
      });
      result.documents.push(outcome);
    } catch (e) {
      if (isAppFailure(e) && (e.code === 'BAD_FILE' || e.code === 'FILE_TOO_LARGE' || e.code === 'FILE_CHANGED')) {
        refusals.push(e);
        const { code, message, reason, params } = e.toError();
        result.refused.push({ name, code, message, ...(reason ? { reason } : {}), ...(params ? { params } : {}) });
      } else throw e;
    }
    doneBefore += sizes[i] ?? 0;
    opts.onProgress?.(doneBefore, total);
  }
  const first = refusals[0];
  if (result.documents.length === 0 && first) throw first;
  return result;
};
