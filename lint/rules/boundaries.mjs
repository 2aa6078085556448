import { classify, importVisitors, repoPath } from '../zones.mjs';

const BACKEND = 'electron/backend/';
const FEATURES = 'renderer/src/features/';

/**
 * The import directions inside a layer (docs/architecture.md, "Layers"):
 * - backend: handlers → services → db/repos. Handlers reach the database only through db/repos (never
 *   db/connection, migrations or transactions: a write that needs a transaction is a service); services
 *   never import handlers, nor does anything below them (only backend.ts and dispatch.ts wire handlers/);
 *   db/ imports nothing of the backend above it; better-sqlite3 is imported only in db/;
 * - the backend never imports electron/workers: it declares what it needs in workers-seam/ and each host
 *   wires a launcher in;
 * - renderer features import another feature only through its index.ts, so a feature's files stay private.
 */
const problemOf = (from, to, spec) => {
  if (from.startsWith(BACKEND)) {
    const here = from.slice(BACKEND.length);
    if (to === null) return spec === 'better-sqlite3' && !here.startsWith('db/') ? 'sqlite' : null;
    if (to.startsWith('electron/workers/')) return 'workers';
    if (!to.startsWith(BACKEND)) return null;
    const there = to.slice(BACKEND.length);
    if (here.startsWith('handlers/') && there.startsWith('db/') && !there.startsWith('db/repos/')) return 'handlerDb';
    if (there.startsWith('handlers/') && !here.startsWith('handlers/') && here.includes('/')) return 'intoHandlers';
    if (here.startsWith('db/') && !there.startsWith('db/')) return 'dbUp';
    return null;
  }
  if (from.startsWith('renderer/') && to?.startsWith(FEATURES)) {
    const [feature, ...rest] = to.slice(FEATURES.length).split('/');
    const own = from.startsWith(`${FEATURES}${feature}/`);
    if (!own && !/^index\.tsx?$/.test(rest.join('/'))) return 'featureIndex';
  }
  return null;
};

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Import directions inside the backend and between renderer features.' },
    schema: [],
    messages: {
      handlerDb: "Handlers reach the database only through db/repos ('{{spec}}'); a write needing a transaction belongs in a service (withEditable, inTransaction).",
      intoHandlers: "Only handlers/, backend.ts and dispatch.ts import handlers/ ('{{spec}}'): services and repos never call up.",
      dbUp: "db/ imports only db/ and shared/ ('{{spec}}'): repositories know nothing of services, handlers or the context.",
      sqlite: 'better-sqlite3 is used only in electron/backend/db/ (connection, migrations, repos).',
      workers: "The backend never imports electron/workers ('{{spec}}'): use workers-seam/ and the launcher the host wires into createBackend.",
      featureIndex: "Import another feature only through its index.ts ('{{spec}}'): export what it should share there.",
    },
  },
  create(context) {
    const from = repoPath(context.filename);
    if (!from || !(from.startsWith(BACKEND) || from.startsWith('renderer/'))) return {};
    return importVisitors((node, spec) => {
      const c = classify(context.filename, spec);
      const to = c.kind === 'file' ? c.path : null;
      const messageId = problemOf(from, to, spec);
      if (messageId) context.report({ node, messageId, data: { spec } });
    });
  },
};
