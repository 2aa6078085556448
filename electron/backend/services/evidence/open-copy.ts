import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { AppFailure } from '../../../../shared/ipc/result';
import { dataPaths } from '../../data-dir';
import type { EvidenceRow } from '../../db/repos/evidence-repo';
import { storePathFor } from './store';
import { checkStoredFile } from './verify';

/** The stored file of a document, after a size check (a missing or altered file is FILE_CHANGED, never served). */
export const intactStorePath = async (dataDir: string, d: Pick<EvidenceRow, 'sha256' | 'size' | 'originalName'>): Promise<string> => {
  const problem = await checkStoredFile(dataDir, d.sha256, d.size, { rehash: false });
  if (problem) throw AppFailure.of('EVIDENCE_NOT_INTACT', { name: d.originalName });
  return storePathFor(dataDir, d.sha256);
};

/** A file-system-safe name for the read-only copy opened in the system's program. */
export const safeOpenName = (name: string, kind: string): string => {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const base = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').slice(0, 120) || 'tai-lieu';
  const ext = `.${kind}`;
  return base.toLowerCase().endsWith(ext) || (kind === 'jpg' && /\.jpe?g$/i.test(base)) ? base : `${base}${ext}`;
};

/**
 * A copy of the stored file under tmp/open/<document id>/ with a proper extension: the system's program picks
 * itself by extension, and whatever it saves can never alter the stored evidence.
 */
export const openableCopy = (dataDir: string, documentId: string, storedPath: string, fileName: string): string => {
  const dir = join(dataPaths(dataDir).tmp, 'open', documentId);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, fileName);
  copyFileSync(storedPath, copy);
  return copy;
};
