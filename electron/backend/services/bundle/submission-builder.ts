import { randomBytes } from 'node:crypto';

import { cleanDisplayText } from '../../../../shared/domain/display-text';
import { scoreAssessment } from '../../../../shared/domain/scoring';
import type { AnswerInputs } from '../../../../shared/schemas/answers';
import type { IndicatorSet } from '../../../../shared/schemas/indicator-set';
import { SUBMISSION_FORMAT } from '../../../../shared/schemas/submission';
import type { Submission, SubmissionAnswer, SubmissionEvidence } from '../../../../shared/schemas/submission';
import type { UnitType } from '../../../../shared/schemas/unit';
import { mediaTypeFor } from './constants';
import type { PackEvidence } from './pack';

export type BuilderEvidence = {
  /** The caller's key (evidence document id, or relative path in the answers file). */
  key: string;
  source: string;
  originalName: string;
  mediaType?: string;
  size: number;
  sha256: string;
  metadata?: Record<string, string>;
};

export type BuilderAnswer = {
  nodeId: string;
  inputs: AnswerInputs;
  notApplicable: { reason: string } | null;
  explanation: string;
  /** "Không có tài liệu kiểm chứng — lý do: …" (absent/null: none). */
  evidenceWaiver?: { reason: string } | null;
  evidenceKeys: readonly string[];
};

export type BuilderInput = {
  set: IndicatorSet;
  setSha256: string;
  answers: readonly BuilderAnswer[];
  evidence: readonly BuilderEvidence[];
  agency: { code: string; name: string; type?: UnitType };
  period: string;
  submissionId: string;
  revision: number;
  supersedes: number | null;
  appName: string;
  appVersion: string;
  now: Date;
};

/** UUID v7 (time-ordered): the submission's identity across its revisions. */
export const uuidV7 = (now = Date.now()): string => {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/** Display names only: NFC, no control or bidi characters (the "gpj.exe" trick), capped. Never a path. */
export const displayName = (name: string): string => {
  const clean = cleanDisplayText(name).replace(/[\u200b-\u200d\ufeff]/g, '').trim();
  return (clean || 'tai-lieu').slice(0, 255);
};

/**
 * Free text the unit typed (notes, reasons, metadata) follows the bundle's display rule
 * (shared/domain/display-text.ts), which the receiver enforces: CR LF becomes LF, invisible control and
 * bidi characters are dropped here rather than making the whole bundle unacceptable.
 */
const block = (s: string): string => cleanDisplayText(s, true);

/** The signer's clock in Vietnam's zone, e.g. 2025-06-30T08:00:00+07:00 (informational). */
const vnTime = (d: Date): string => `${new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;

const extensionOf = (name: string): string => {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  return m ? m[1]!.toLowerCase() : 'bin';
};

/**
 * submission.json and the evidence list for the zip from an assessment's data: every answer with its
 * declared inputs, the engine's score and explanation, evidence under app-chosen names evidence/NNNN.ext
 * (the original Vietnamese names stay in the JSON for display).
 */
export const buildSubmission = (i: BuilderInput): { submission: Submission; evidence: PackEvidence[]; selfScores: Record<string, number> } => {
  const score = scoreAssessment(i.set, i.answers);
  const pathOf = new Map<string, string>();
  const evidence: PackEvidence[] = [];
  const listed: SubmissionEvidence[] = [];
  const bySha = new Map<string, string>();
  for (const e of i.evidence) {
    // The same bytes attached twice travel once.
    const existing = bySha.get(e.sha256);
    if (existing) {
      pathOf.set(e.key, existing);
      continue;
    }
    const path = `evidence/${String(evidence.length + 1).padStart(4, '0')}.${extensionOf(e.originalName)}`;
    pathOf.set(e.key, path);
    bySha.set(e.sha256, path);
    evidence.push({ path, source: e.source, size: e.size, sha256: e.sha256, name: displayName(e.originalName) });
    listed.push({
      path,
      originalName: displayName(e.originalName),
      mediaType: (e.mediaType || mediaTypeFor(path)).slice(0, 127),
      size: e.size,
      sha256: e.sha256,
      ...(e.metadata && Object.keys(e.metadata).length
        ? { metadata: Object.fromEntries(Object.entries(e.metadata).map(([k, v]) => [cleanDisplayText(k), block(v)])) }
        : {}),
    });
  }
  const answers: SubmissionAnswer[] = i.answers.map((a) => {
    const s = score.byId[a.nodeId];
    const paths = [...new Set(a.evidenceKeys.map((k) => pathOf.get(k)).filter((p): p is string => !!p))];
    return {
      indicatorId: a.nodeId,
      value: {
        inputs: a.inputs,
        notApplicable: a.notApplicable ? { reason: block(a.notApplicable.reason) } : null,
      } as Submission['answers'][number]['value'],
      ...(a.explanation ? { note: block(a.explanation) } : {}),
      // Optional field (docs/submission-format.md): bundles without it still verify, readers that predate it skip it.
      ...(a.evidenceWaiver ? { evidenceWaiver: { reason: block(a.evidenceWaiver.reason) } } : {}),
      evidence: paths,
      score: s ? { points: s.score, max: s.max, explanation: block(s.explanation).slice(0, 4000) } : null,
    };
  });
  const submission: Submission = {
    format: SUBMISSION_FORMAT,
    submissionId: i.submissionId,
    revision: i.revision,
    supersedes: i.supersedes,
    createdAt: vnTime(i.now),
    app: { name: i.appName, version: i.appVersion },
    agency: { code: i.agency.code, name: cleanDisplayText(i.agency.name), ...(i.agency.type ? { type: i.agency.type } : {}) },
    period: i.period,
    indicatorSet: { id: i.set.id, version: i.set.version, sha256: i.setSha256 },
    answers,
    totals: { points: score.final, max: score.maxTotal },
    evidence: listed,
  };
  // The unit's score of every leaf, kept with its record of this bundle (submission-repo.ts) so a result's
  // "self" column can be checked against what was sent (services/reply/self-check.ts).
  const selfScores = Object.fromEntries(score.nodes.filter((n) => n.isLeaf).map((n) => [n.nodeId, n.score]));
  return { submission, evidence, selfScores };
};

/** "<AgencyCode>_<Period>_<submissionId8>.asice" (docs/submission-format.md §2). */
export const bundleFileName = (agencyCode: string, period: string, submissionId: string, revision: number): string =>
  `${agencyCode.replace(/[^A-Za-z0-9._-]/g, '_')}_${period}_${submissionId.slice(0, 8)}${revision > 1 ? `_r${revision}` : ''}.asice`;
