/**
 * The verification worker: runs the full bundle verification in a separate process (an Electron
 * utilityProcess in the app, a child process under plain Node), so a hostile file can at worst kill this
 * process. The parent applies a wall-clock timeout. Never imports 'electron'.
 */
import { verifyBundle, verifyPackage } from '../backend/services/bundle/verify/verify-bundle';
import type { VerifyOptions } from '../backend/services/bundle/verify/verify-bundle';
import { sha256OfFile } from '../backend/storage/file-digest';
import { onParentGone, onParentMessage, postToParent } from './parent-port';
import type { VerifyWorkerRequest, VerifyWorkerResponse } from '../backend/workers-seam/verify-protocol';

const reply = (r: VerifyWorkerResponse): void => postToParent(r);

onParentMessage<VerifyWorkerRequest>((msg) => {
  void (async () => {
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
        onProgress: (done, total, label) => reply({ id: msg.id, type: 'progress', done, total, label }),
      };
      const rounds = msg.importedRounds ?? [];
      // Both read the file; the digest's reads interleave with the verifier's (an unreadable file fails both).
      const digest = msg.fileDigest ? sha256OfFile(msg.file).catch(() => null) : Promise.resolve(null);
      const verdict = msg.anyKind
        ? (
            await verifyPackage(msg.file, {
              ...options,
              ...(msg.expectKind ? { expectKind: msg.expectKind } : {}),
              isRoundReplay: (roundId, revision) => rounds.some((r) => r.roundId === roundId && r.revision >= revision),
            })
          ).result
        : await verifyBundle(msg.file, options);
      const bundleSha256 = await digest;
      reply({ id: msg.id, type: 'result', result: bundleSha256 ? { ...verdict, bundleSha256 } : verdict });
    } catch (e) {
      reply({ id: msg.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
onParentGone(() => process.exit(0));
