import { AppFailure } from '../../../shared/ipc/result';
import { PREVIEWABLE_KINDS } from '../../../shared/schemas/evidence';
import type { BackendContext } from '../context';
import { deleteDocument, deleteLink, insertLink, updateDocumentMeta } from '../db/repos/evidence-repo';
import { requireAssessment, requireEditable, withEditable } from '../services/assessments/guards';
import { attachFiles } from '../services/evidence/attach';
import type { AttachFile } from '../services/evidence/attach';
import { documentsForNode, getDocument, listDocuments, nodeResolverFor, requireDocument } from '../services/evidence/documents';
import { deleteBlobIfUnreferenced } from '../services/evidence/gc';
import { intactStorePath, openableCopy, safeOpenName } from '../services/evidence/open-copy';
import { linkDocumentToNodes } from '../services/evidence/link-many';
import { verifyEvidence } from '../services/evidence/verify';
import type { HandlerSlice } from './types';

type Channels =
  | 'evidence.attach'
  | 'evidence.list'
  | 'evidence.forNode'
  | 'evidence.link'
  | 'evidence.linkMany'
  | 'evidence.unlink'
  | 'evidence.remove'
  | 'evidence.updateMeta'
  | 'evidence.preview'
  | 'evidence.openExternal'
  | 'evidence.check';

const resolverFor = (ctx: BackendContext, assessmentId: string) =>
  nodeResolverFor(ctx.catalog, requireAssessment(ctx.db, assessmentId).indicatorSetId);

const docOut = (ctx: BackendContext, documentId: string) => {
  const d = requireDocument(ctx.db, documentId);
  return getDocument(ctx.db, documentId, resolverFor(ctx, d.assessmentId));
};

const FILTERS = [
  { name: { vi: 'Tài liệu kiểm chứng', en: 'Evidence documents' }, extensions: ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'jpg', 'jpeg', 'png', 'zip'] },
];

export const evidenceHandlers: HandlerSlice<Channels> = {
  'evidence.attach': async (input, ctx) => {
    requireEditable(ctx.db, input.assessmentId);
    let files: AttachFile[] | null;
    let release: () => void = () => {};
    if (input.source.kind === 'dialog') {
      const picked = await ctx.host.pickFiles({ title: { vi: 'Chọn tài liệu kiểm chứng', en: 'Choose evidence documents' }, filters: FILTERS, multiple: true });
      if (!picked && ctx.host.kind === 'web') throw AppFailure.of('WEB_ATTACH_BY_UPLOAD');
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
        if (!chosen || chosen.length === 0) throw AppFailure.of('NOTHING_PICKED');
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

  'evidence.list': (input, ctx) => listDocuments(ctx.db, input.assessmentId, resolverFor(ctx, input.assessmentId)),

  'evidence.forNode': (input, ctx) =>
    documentsForNode(ctx.db, input.assessmentId, input.nodeId, resolverFor(ctx, input.assessmentId)),

  'evidence.link': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    withEditable(ctx, d.assessmentId, ({ now }) => insertLink(ctx.db, d.assessmentId, input.nodeId, d.id, now));
    return docOut(ctx, d.id);
  },

  'evidence.linkMany': (input, ctx) => {
    const r = linkDocumentToNodes(ctx, input.documentId, input.nodeIds);
    return { document: docOut(ctx, input.documentId), ...r };
  },

  'evidence.unlink': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    withEditable(ctx, d.assessmentId, () => deleteLink(ctx.db, d.assessmentId, input.nodeId, d.id), (removed) => removed);
    return docOut(ctx, d.id);
  },

  'evidence.remove': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    withEditable(ctx, d.assessmentId, () => deleteDocument(ctx.db, d.id)); // links go with it (ON DELETE CASCADE)
    // After the commit: the file goes only if no other document, assessment or bundle record needs it.
    return { removed: true, fileDeleted: deleteBlobIfUnreferenced(ctx.db, ctx.dataDir, d.sha256) };
  },

  'evidence.updateMeta': (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    withEditable(ctx, d.assessmentId, ({ now }) => updateDocumentMeta(ctx.db, d.id, input.meta, now));
    return docOut(ctx, d.id);
  },

  'evidence.preview': async (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    if (!PREVIEWABLE_KINDS.includes(d.fileKind)) {
      throw AppFailure.of('PREVIEW_PDF_OR_IMAGE');
    }
    const path = await intactStorePath(ctx.dataDir, d);
    const served = ctx.served.register(path, d.originalName, d.mediaType, 'inline');
    return { fileId: served.id, mimeType: d.mediaType, fileName: d.originalName, fileKind: d.fileKind };
  },

  'evidence.openExternal': async (input, ctx) => {
    const d = requireDocument(ctx.db, input.documentId);
    const path = await intactStorePath(ctx.dataDir, d);
    const fileName = safeOpenName(d.originalName, d.fileKind);
    if (ctx.host.kind === 'web') {
      const served = ctx.served.register(path, fileName, d.mediaType, 'attachment');
      return { opened: false, downloadId: served.id, fileName };
    }
    await ctx.host.openWithSystem(openableCopy(ctx.dataDir, d.id, path, fileName));
    return { opened: true, downloadId: null, fileName };
  },

  'evidence.check': async (input, ctx) => {
    requireAssessment(ctx.db, input.assessmentId);
    return verifyEvidence(ctx.db, ctx.dataDir, input.assessmentId);
  },
};
