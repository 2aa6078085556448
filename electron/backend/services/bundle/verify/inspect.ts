import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

import type { BundleCode } from '../../../../../shared/domain/bundle-codes';
import type { PackageKind } from '../../../../../shared/schemas/package-kind';
import type { SignerDetails } from '../../../../../shared/schemas/submission';
import { certDetails, certDer, ensurePkiEngine, OID, toArrayBuffer } from '../../signing/pki';
import { DEFAULT_LIMITS, MANIFEST_PATH, ROUND_PATH, SIGNATURE_PATH, SUBMISSION_PATH } from '../constants';
import { parseContentJson } from './content-json';
import { BundleFailure, fail } from './failure';
import { anyKindProfile, chooseProfile, PACKAGE_PROFILES } from './profile';
import { BundleZipReader } from './zip-reader';

export type InspectSummary = {
  /** The kind the entry names say (docs/package-formats.md): the one whose content file is present. */
  kind: PackageKind;
  /** First structural problem found (the bundle is then certainly invalid), or null. Not a verification. */
  problem: { code: BundleCode; detail: string } | null;
  entries: { name: string; size: number; compressedSize: number; method: number }[];
  /** Claimed signer, NOT checked against any trust anchor. */
  claimedSigner: SignerDetails | null;
  claimedSigningTime: string | null;
  submission: {
    format: unknown;
    submissionId: unknown;
    revision: unknown;
    agency: unknown;
    period: unknown;
    indicatorSet: unknown;
    answers: number | null;
    evidence: { path: string; originalName: string; size: number }[];
  } | null;
  /** What a round package's round.json claims (shallow, not validated). */
  round: {
    kind: unknown;
    roundId: unknown;
    revision: unknown;
    year: unknown;
    issuer: unknown;
    sets: unknown;
    units: number | null;
    deadlines: unknown;
  } | null;
};

const claimedSigner = (p7s: Buffer): { signer: SignerDetails | null; time: string | null } => {
  ensurePkiEngine();
  try {
    const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(p7s));
    const sd = new pkijs.SignedData({ schema: ci.content });
    const si = sd.signerInfos[0];
    const sid = si?.sid;
    const cert = (sd.certificates ?? []).find(
      (c): c is pkijs.Certificate =>
        c instanceof pkijs.Certificate && sid instanceof pkijs.IssuerAndSerialNumber && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber),
    );
    const st = si?.signedAttrs?.attributes.find((a) => a.type === OID.signingTime)?.values[0];
    const time = st instanceof asn1js.UTCTime || st instanceof asn1js.GeneralizedTime ? st.toDate().toISOString() : null;
    return { signer: cert ? certDetails(certDer(cert)) : null, time };
  } catch {
    return { signer: null, time: null };
  }
};

/**
 * A read-only summary for `cchc inspect`: what a package of any kind claims (its kind; agency, period or
 * round; signer; files), without trusting it. Uses the same strict zip reader as the verifier; nothing is extracted.
 */
export const inspectBundle = async (file: string): Promise<InspectSummary> => {
  const out: InspectSummary = { kind: 'submission', problem: null, entries: [], claimedSigner: null, claimedSigningTime: null, submission: null, round: null };
  let reader: BundleZipReader | null = null;
  try {
    reader = await BundleZipReader.open(file, DEFAULT_LIMITS);
    const entries = await reader.readEntries(DEFAULT_LIMITS, anyKindProfile(PACKAGE_PROFILES));
    const { profile, stray } = chooseProfile(
      entries.map((e) => e.name),
      PACKAGE_PROFILES,
    );
    out.kind = profile.kind;
    if (stray) out.problem = { code: 'E_UNEXPECTED_ENTRY', detail: stray };
    out.entries = entries.map(({ name, entry }) => ({ name, size: entry.uncompressedSize, compressedSize: entry.compressedSize, method: entry.compressionMethod }));
    const byName = new Map(entries.map((e) => [e.name, e]));
    const sig = byName.get(SIGNATURE_PATH);
    if (sig) {
      const c = claimedSigner(await reader.readSmall(sig, DEFAULT_LIMITS.maxMetaBytes, 'E_META_TOO_LARGE'));
      out.claimedSigner = c.signer;
      out.claimedSigningTime = c.time;
    }
    const roundEntry = profile.kind === 'round' ? byName.get(ROUND_PATH) : undefined;
    if (roundEntry) {
      try {
        const parsed = parseContentJson(await reader.readSmall(roundEntry, DEFAULT_LIMITS.maxMetaBytes, 'E_META_TOO_LARGE'), 'E_ROUND_SCHEMA');
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail('E_ROUND_SCHEMA', 'round.json is not a JSON object');
        const j = parsed as Record<string, unknown>;
        out.round = {
          kind: j.kind,
          roundId: j.roundId,
          revision: j.revision,
          year: j.year,
          issuer: j.issuer,
          sets: j.sets,
          units: Array.isArray(j.units) ? j.units.length : null,
          deadlines: j.deadlines,
        };
      } catch (e) {
        if (!(e instanceof BundleFailure)) throw e;
        out.problem ??= { code: e.code, detail: e.detail };
      }
    }
    const sub = profile.kind === 'submission' ? byName.get(SUBMISSION_PATH) : undefined;
    if (sub) {
      const bytes = await reader.readSmall(sub, DEFAULT_LIMITS.maxMetaBytes, 'E_META_TOO_LARGE');
      try {
        // Same guard as the verifier (BOM, nesting), then only a shallow look: nothing here is trusted.
        const parsed = parseContentJson(bytes);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail('E_SUBMISSION_SCHEMA', 'submission.json is not a JSON object');
        const j = parsed as Record<string, unknown>;
        const ev = Array.isArray(j.evidence) ? (j.evidence as Record<string, unknown>[]) : [];
        out.submission = {
          format: j.format,
          submissionId: j.submissionId,
          revision: j.revision,
          agency: j.agency,
          period: j.period,
          indicatorSet: j.indicatorSet,
          answers: Array.isArray(j.answers) ? j.answers.length : null,
          evidence: ev.slice(0, 10_000).map((e) => ({ path: String(e.path ?? ''), originalName: String(e.originalName ?? ''), size: Number(e.size ?? 0) })),
        };
      } catch (e) {
        if (!(e instanceof BundleFailure)) throw e;
        out.problem ??= { code: e.code, detail: e.detail };
      }
    }
    if (!byName.has(MANIFEST_PATH) || !sig) out.problem ??= { code: 'E_UNSIGNED', detail: 'manifest or signature missing' };
    await reader.checkMimetype(entries[0]!);
  } catch (e) {
    const f = e instanceof BundleFailure ? e : reader ? reader.classifyError(e) : new BundleFailure('E_IO', String(e));
    out.problem ??= { code: f.code, detail: f.detail };
  } finally {
    reader?.close();
  }
  return out;
};
