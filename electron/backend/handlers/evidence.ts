import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { AppFailure } from '../../../shared/ipc/result';
import { PREVIEWABLE_KINDS } from '../../../shared/schemas/evidence';
import type { BackendContext } from '../context';
import { dataPaths } from '../data-dir';
import { touchAssessment } from '../db/repos/assessment-repo';
import { deleteDocument, deleteLink, insertLink, updateDocumentMeta } from '../db/repos/evidence-repo';
import { attachFiles } from '../services/evidence/attach';
import type { AttachFile } from '../services/evidence/attach';
import { documentsForNode, getDocument, listDocuments, nodeResolverFor, requireAssessment, requireDocument, requireWritable } from '../services/evidence/documents';
import { cleanupTempFiles, deleteBlobIfUnreferenced } from '../services/evidence/gc';
import { storePathFor } from '../services/evidence/store';
import { checkStoredFile, verifyEvidence } from '../services/evidence/verify';
import type { HandlerSlice } from './types';

type Channels =
  | 'evidence.attach'
  | 'evidence.list'
  | 'evidence.forNode'
  | 'evidence.link'
  | 'evidence.unlink'
  | 'evidence.remove'
  | 'evidence.updateMeta'
  | 'evidence.preview'
  | 'evidence.openExternal'
  | 'evidence.check';

/** Orphan temp files of a crashed attach are removed once per backend, before its first evidence call. */
const cleaned = new WeakSet<BackendContext>();
const startup = (ctx: BackendContext): void => {
  if (cleaned.has(ctx)) return;
  cleaned.add(ctx);
  const removed = cleanupTempFiles(ctx.dataDir);
  if (removed.length) ctx.logger.info('evidence: removed orphan temp files', { count: removed.length });
};

const resolverFor = (ctx: BackendContext, assessmentId: string) =>
  nodeResolverFor(ctx.catalog, requireAssessment(ctx.db, assessmentId).indicatorSetId);

const docOut = (ctx: BackendContext, documentId: string) => {
  const d = requireDocument(ctx.db, documentId);
  return getDocument(ctx.db, documentId, resolverFor(ctx, d.assessmentId));
};

const FILTERS = [
  { name: 'Tài liệu kiểm chứng', extensions: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'jpeg', 'png', 'zip'] },
];

/** A file-system-safe name for the read-only copy opened in the system's program. */
const safeOpenName = (name: string, kind: string): string => {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
  const base = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '').slice(0, 120) || 'tai-lieu';
  const ext = `.${kind}`;
  return base.toLowerCase().endsWith(ext) || (kind === 'jpg' && /\.jpe?g$/i.test(base)) ? base : `${base}${ext}`;
};

const requireIntact = async (ctx: BackendContext, sha256: string, size: number, name: string): Promise<string> => {
  const problem = await checkStoredFile(ctx.dataDir, sha256, size, { rehash: false });
  if (problem) throw new AppFailure('FILE_CHANGED', `Tệp "${name}" không còn nguyên vẹn trong kho dữ liệu; hãy đính kèm lại.`);
  return storePathFor(ctx.dataDir, sha256);
};

export const evidenceHandlers: HandlerSlice<Channels> = {
  'evidence.attach': async (input, ctx) => {
    startup(ctx);
    requireWritable(ctx.db, input.assessmentId);
    let files: AttachFile[] | null;
    let release: () => void = () => {};
    if (input.source.kind === 'dialog') {
      const picked = await ctx.host.pickFiles({ title: 'Chọn tài liệu kiểm chứng', filters: FILTERS, multiple: true });
      if (!picked && ctx.host.kind === 'web') throw new AppFailure('UNSUPPORTED', 'Trên trình duyệt, hãy chọn hoặc kéo thả tệp vào khung đính kèm.');
      files = picked?.map((p) => ({ path: p, name: p.split(/[\\/]/).pop() ?? 'tai-lieu' })) ?? null;
    } else {
      const ups = input.source.uploadIds.map((id) => ctx.uploads.get(id));
      files = ups.map((u) => ({ path: u.path, name: u.name }));
      // Web uploads are our own temp copies; files dropped on the Electron window belong to the user.
      const owned = ctx.host.kind === 'web';
      release = () => ups.forEach((u) => ctx.uploads.release(u.id, owned));
    }
    const chosen = files;
    return ctx.jobs.start('evidence.attach', async (ctl) => {
      try {
        if (!chosen || chosen.length === 0) throw new AppFailure('CANCELLED', 'Chưa chọn tệp nào');
        return await attachFiles(
          ctx.db,
          ctx.dataDir,
          { assessmentId: input.assessmentId, nodeId: input.nodeId, files: chosen },
          { signal: ctl.signal, onProgress: (d, t, label) => ctl.progress(d, t, label), now: ctx.now },
        );
      } finally {
        release();
      }
    });
  },

  'evidence.list': (input, ctx) => {
    startup(ctx);
    return listDocuments(ctx.db, input.assessmentId, resolverFor(ctx, input.assessmentId));
  },

  'evidence.forNode': (input, ctx) =>
    documentsForNode(ctx.db, input.assessmentId, input.nodeId, resolverFor(ctx, input.assessmentId)),

  'evidence.link': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    requireWritable(ctx.db, d.assessmentId);
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      insertLink(ctx.db, d.assessmentId, input.nodeId, d.id, now);
      touchAssessment(ctx.db, d.assessmentId, now);
    })();
    return docOut(ctx, d.id);
  },

  'evidence.unlink': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    requireWritable(ctx.db, d.assessmentId);
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      if (deleteLink(ctx.db, d.assessmentId, input.nodeId, d.id)) touchAssessment(ctx.db, d.assessmentId, now);
    })();
    return docOut(ctx, d.id);
  },

  'evidence.remove': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    requireWritable(ctx.db, d.assessmentId);
    ctx.db.transaction(() => {
      deleteDocument(ctx.db, d.id); // links go with it (ON DELETE CASCADE)
      touchAssessment(ctx.db, d.assessmentId, ctx.now().toISOString());
    })();
    // After the commit: the file goes only if no other document, assessment or bundle record needs it.
    return { removed: true, fileDeleted: deleteBlobIfUnreferenced(ctx.db, ctx.dataDir, d.sha256) };
  },

  'evidence.updateMeta': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    requireWritable(ctx.db, d.assessmentId);
    const now = ctx.now().toISOString();
    ctx.db.transaction(() => {
      updateDocumentMeta(ctx.db, d.id, input.meta, now);
      touchAssessment(ctx.db, d.assessmentId, now);
    })();
    return docOut(ctx, d.id);
  },

  'evidence.preview': async (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    if (!PREVIEWABLE_KINDS.includes(d.fileKind)) {
      throw new AppFailure('UNSUPPORTED', 'Chỉ xem trước được PDF và ảnh; hãy mở tệp bằng chương trình trên máy.');
    }
    const path = await requireIntact(ctx, d.sha256, d.size, d.originalName);
    const served = ctx.served.register(path, d.originalName, d.mediaType, 'inline');
    return { fileId: served.id, mimeType: d.mediaType, fileName: d.originalName, fileKind: d.fileKind };
  },

  'evidence.openExternal': async (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    const path = await requireIntact(ctx, d.sha256, d.size, d.originalName);
    const fileName = safeOpenName(d.originalName, d.fileKind);
    if (ctx.host.kind === 'web') {
      const served = ctx.served.register(path, fileName, d.mediaType, 'attachment');
      return { opened: false, downloadId: served.id, fileName };
    }
    // Open a read-only copy with a proper extension: the program picks by extension, and whatever it
    // saves can never alter the stored evidence.
    const dir = join(dataPaths(ctx.dataDir).tmp, 'open', d.id);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const copy = join(dir, fileName);
    copyFileSync(path, copy);
    await ctx.host.openWithSystem(copy);
    return { opened: true, downloadId: null, fileName };
  },

  'evidence.check': async (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    return verifyEvidence(ctx.db, ctx.dataDir, input.assessmentId);
  },
};
