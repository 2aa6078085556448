import { z } from 'zod';

import { BUNDLE_CODE_LIST } from '../domain/bundle-codes';
import type { BundleCode } from '../domain/bundle-codes';
import { displayTextIssue } from '../domain/display-text';
import { packageKindSchema } from './package-kind';
import { UNIT_CODE_RE, unitTypeSchema } from './unit';

/** The only format this app writes and accepts. A future "SATB/2" is refused with E_FORMAT_VERSION. */
export const SUBMISSION_FORMAT = 'SATB/1';

/** Zip path of an evidence file: chosen by the app, never the user's name. */
export const EVIDENCE_PATH_RE = /^evidence\/\d{4}\.[a-z0-9]{1,5}$/;

/**
 * Every string of submission.json is shown to someone (appraiser, IT staff): it must follow the display
 * rule of shared/domain/display-text.ts (NFC, no control or bidi characters). Refused, never rewritten.
 */
const displayText = (max: number, multiline: boolean) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const why = displayTextIssue(s, multiline);
      if (why) ctx.addIssue({ code: 'custom', message: `text ${why}` });
    });
/** One line (names, codes, labels). */
export const lineText = (max: number) => displayText(max, false);
/** Free text (notes, explanations): TAB and LF allowed. */
export const blockText = (max: number) => displayText(max, true);

type JsonPath = (string | number)[];
/** The strings (keys too) inside a free JSON value, with their paths. */
const jsonStrings = (v: unknown, path: JsonPath, out: { path: JsonPath; text: string }[]): void => {
  if (typeof v === 'string') out.push({ path, text: v });
  else if (Array.isArray(v)) v.forEach((x, i) => jsonStrings(x, [...path, i], out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      out.push({ path: [...path, k], text: k });
      jsonStrings(x, [...path, k], out);
    }
  }
};
/** A declared answer value: any JSON (nesting is bounded before parsing), every string a block text. */
const answerValue = z.json().superRefine((v, ctx) => {
  const found: { path: JsonPath; text: string }[] = [];
  jsonStrings(v, [], found);
  for (const f of found) {
    const why = displayTextIssue(f.text, true);
    if (why) ctx.addIssue({ code: 'custom', message: `text ${why}`, path: f.path });
  }
});

export const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const milli = z.number().int().min(-100_000_000).max(100_000_000);

const evidencePath = z.string().max(32).regex(EVIDENCE_PATH_RE);

export const submissionEvidenceSchema = z
  .object({
    path: evidencePath,
    /** Display only: NFC, no control/bidi characters, capped. Never used as a path. */
    originalName: lineText(255),
    mediaType: lineText(127),
    size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    sha256: hex64,
    /** Free metadata the unit entered (title, document number, date…). */
    metadata: z.record(lineText(64), blockText(2000)).optional(),
  })
  .strict();
export type SubmissionEvidence = z.infer<typeof submissionEvidenceSchema>;

export const submissionScoreSchema = z
  .object({
    /** Milli-points (integer thousandths of a point). */
    points: milli,
    max: milli,
    explanation: blockText(4000),
  })
  .strict();

export const submissionAnswerSchema = z
  .object({
    indicatorId: lineText(64).pipe(z.string().min(1)),
    /** The declared inputs, as the indicator set's answer type defines them. */
    value: answerValue,
    note: blockText(20_000).optional(),
    /** The unit's explicit "no evidence document" and its reason (optional: absent in older bundles = none). */
    evidenceWaiver: z.object({ reason: blockText(2000) }).strict().optional(),
    evidence: z.array(evidencePath).max(1000),
    score: submissionScoreSchema.nullable().optional(),
  })
  .strict();
export type SubmissionAnswer = z.infer<typeof submissionAnswerSchema>;

export const submissionSchema = z
  .object({
    format: z.string().max(16),
    submissionId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    revision: z.number().int().min(1).max(10_000),
    supersedes: z.number().int().min(1).max(10_000).nullable(),
    createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/),
    app: z.object({ name: lineText(500), version: lineText(40) }).strict(),
    agency: z
      .object({
        /** The unit code, in the format the unit profile enforces (shared/schemas/unit.ts). */
        code: z.string().max(40).regex(UNIT_CODE_RE),
        name: lineText(500).pipe(z.string().min(1)),
        type: unitTypeSchema.optional(),
      })
      .strict(),
    period: lineText(20),
    indicatorSet: z.object({ id: lineText(100), version: lineText(40), sha256: hex64 }).strict(),
    answers: z.array(submissionAnswerSchema).max(5000),
    totals: z.object({ points: milli, max: milli }).strict().optional(),
    evidence: z.array(submissionEvidenceSchema).max(9000),
  })
  .strict();
export type Submission = z.infer<typeof submissionSchema>;

// ---- Verification result (app, CLI --json, IPC) ----

export const VERIFY_STATUSES = ['VALID', 'VALID_WITH_WARNINGS', 'INVALID'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

const bundleCodeSchema = z.enum(BUNDLE_CODE_LIST as [BundleCode, ...BundleCode[]]);

export const signerDetailsSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** SHA-256 fingerprint of the DER certificate, lower-case hex. */
  sha256: z.string(),
});
export type SignerDetails = z.infer<typeof signerDetailsSchema>;

export const verifiedFileSchema = z.object({
  path: z.string(),
  size: z.number(),
  sha256: z.string(),
  /** From submission.json (display only); absent for submission.json / report files. */
  originalName: z.string().optional(),
});
export type VerifiedFile = z.infer<typeof verifiedFileSchema>;

/** What a verified round package declares (shown by "Kiểm tra hồ sơ" and the CLI). */
export const verifiedRoundSchema = z.object({
  roundId: z.string(),
  revision: z.number(),
  year: z.number(),
  issuer: z.object({ code: z.string(), name: z.string() }),
  sets: z.array(z.object({ block: unitTypeSchema, id: z.string(), version: z.string(), sha256: z.string() })),
  units: z.number(),
});
export type VerifiedRound = z.infer<typeof verifiedRoundSchema>;

/** What a verified appraisal result, giải trình or final result declares (shown by "Kiểm tra hồ sơ" and the CLI). */
export const verifiedExchangeSchema = z.object({
  kind: packageKindSchema,
  roundId: z.string(),
  year: z.number(),
  revision: z.number(),
  createdAt: z.string(),
  unit: z.object({ code: z.string(), name: z.string(), block: unitTypeSchema }),
  /** Sở Nội vụ, for the packages it issues (null for a giải trình). */
  issuer: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** Criteria in a result, or answered items in a giải trình. */
  items: z.number(),
  evidence: z.number(),
  /** The unit's total (appraised, or final), index and rank (null for a giải trình). */
  final: z.object({ points: z.number(), index: z.number().nullable(), rank: z.number().nullable(), of: z.number() }).nullable(),
});
export type VerifiedExchange = z.infer<typeof verifiedExchangeSchema>;

export const verifyResultSchema = z.object({
  /** Which package kind was verified (docs/package-formats.md); absent in reports stored before kinds existed = submission. */
  kind: packageKindSchema.optional(),
  status: z.enum(VERIFY_STATUSES),
  code: bundleCodeSchema,
  message: z.string(),
  /** Technical detail for IT staff (which entry, which step); never contains secrets. */
  detail: z.string().optional(),
  warnings: z.array(z.object({ code: bundleCodeSchema, message: z.string() })),
  signer: signerDetailsSchema.nullable(),
  /** Subjects of the certificate path from the signer up to the trust anchor. */
  chain: z.array(z.string()),
  signingTime: z.string().nullable(),
  files: z.array(verifiedFileSchema),
  submission: z
    .object({
      submissionId: z.string(),
      revision: z.number(),
      agency: z.object({ code: z.string(), name: z.string() }),
      period: z.string(),
      indicatorSet: z.object({ id: z.string(), version: z.string(), sha256: z.string() }),
    })
    .nullable(),
  /** A round package's declarations, once its content passed (null for other kinds). */
  round: verifiedRoundSchema.nullable().optional(),
  /** An appraisal result's, giải trình's or final result's declarations, once its content passed. */
  exchange: verifiedExchangeSchema.nullable().optional(),
  bundleSha256: z.string().nullable(),
  checkedAt: z.string(),
});
export type VerifyResult = z.infer<typeof verifyResultSchema>;
