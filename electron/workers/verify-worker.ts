/**
 * The verification worker: runs the full bundle verification in a separate process (an Electron
 * utilityProcess in the app, a child process under plain Node), so a hostile file can at worst kill this
 * process. The parent applies a wall-clock timeout. Never imports 'electron'.
 */
import { verifyPackage, verifySubmission } from '../backend/services/bundle/verify/verify-bundle';
import type { VerifyOptions } from '../backend/services/bundle/verify/verify-bundle';
import { entryStager } from '../backend/services/evidence/staging';
import { sha256OfFileSync } from '../backend/storage/file-digest';
import { onParentGone, onParentMessage, postToParent } from './parent-port';
import type { VerifyWorkerRequest, VerifyWorkerResponse } from '../backend/workers-seam/verify-protocol';

const reply = (r: VerifyWorkerResponse): void => postToParent(r);

/** One file at a time, in the order sent: the parent may queue several (verify-process.ts openVerifySession). */
let queue: Promise<void> = Promise.resolve();

onParentMessage<VerifyWorkerRequest>((msg) => {
  queue = queue.then(async () => {
    const stager = msg.stage ? entryStager(msg.stage) : null;
    try {
      const sets = new Map(msg.knownSets.map((s) => [`${s.id}\u0000${s.version}`, s]));
      const imported = msg.imported;
      const options: VerifyOptions = {
        trust: {
          anchors: msg.trust.anchors.map((b) => new Uint8Array(Buffer.from(b, 'base64'))), crls: msg.trust.crls.map((b) => new Uint8Array(Buffer.from(b, 'base64'))),
          ...(msg.trust.selfCheckWhenEmpty ? { selfCheckWhenEmpty: true } : {}),
        },
        ...(msg.now ? { now: new Date(msg.now) } : {}),
        ...(msg.limits ? { limits: msg.limits } : {}),
        ...(msg.checkSets
          ? {
              lookupIndicatorSet: (id: string, version: string) => {
                const s = sets.get(`${id}\u0000${version}`);
                return s ? { sha256: s.sha256, ...(s.indicatorIds ? { indicatorIds: s.indicatorIds } : {}) } : null;
              },
            }
          : {}),
        isReplay: (submissionId, revision) => imported.some((i) => i.submissionId === submissionId && i.revision >= revision),
        onProgress: (done, total) => reply({ id: msg.id, type: 'progress', done, total }),
        // This process does nothing else: synchronous reads keep it busy (zip-reader.ts blockingReads).
        blockingReads: true,
      };
      const rounds = msg.importedRounds ?? [];
      // A staging request (a submission or a giải trình being imported) writes evidence entries as they are hashed.
      if (stager) options.sink = stager.sink;
      const checked = msg.anyKind
        ? await verifyPackage(msg.file, {
            ...options,
            ...(msg.expectKind ? { expectKind: msg.expectKind } : {}),
            isRoundReplay: (roundId, revision) => rounds.some((r) => r.roundId === roundId && r.revision >= revision),
          })
        : await verifySubmission(msg.file, options);
      if (!stager && !msg.withContent) return reply({ id: msg.id, type: 'result', result: checked.result });
      if (checked.result.status === 'INVALID' || !checked.content) {
        stager?.discardAll();
        const failure = stager?.failure();
        return reply({ id: msg.id, type: 'result', result: checked.result, ...(failure ? { stagingError: failure } : {}) });
      }
      const kept = Object.fromEntries([...checked.kept].map(([path, bytes]) => [path, bytes.toString('utf8')]));
      const fileSha256 = msg.fileDigest ? sha256OfFileSync(msg.file) : undefined;
      reply({ id: msg.id, type: 'result', result: checked.result, staged: stager?.staged ?? [], content: checked.content.toString('utf8'), kept, ...(fileSha256 ? { fileSha256 } : {}) });
    } catch (e) {
      stager?.discardAll();
      reply({ id: msg.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
});
onParentGone(() => process.exit(0));
