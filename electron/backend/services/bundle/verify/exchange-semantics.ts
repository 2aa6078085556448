import type { BundleWarningCode } from '../../../../../shared/domain/bundle-codes';
import { APPRAISAL_RESULT_KIND, appraisalResultIssues, appraisalResultSchema } from '../../../../../shared/schemas/appraisal-result';
import type { AppraisalResult } from '../../../../../shared/schemas/appraisal-result';
import { EXPLANATION_KIND, explanationIssues, explanationSchema } from '../../../../../shared/schemas/explanation';
import type { Explanation } from '../../../../../shared/schemas/explanation';
import { FINAL_RESULT_KIND, finalResultIssues, finalResultSchema } from '../../../../../shared/schemas/final-result';
import type { FinalResult } from '../../../../../shared/schemas/final-result';
import type { SignerDetails } from '../../../../../shared/schemas/submission';
import { parseContentJson } from './content-json';
import { fail } from './failure';

/** The content of a package of one of the kinds that follow a submission, once its step 8 passed. */
export type CheckedExchange =
  | { kind: typeof APPRAISAL_RESULT_KIND; content: AppraisalResult }
  | { kind: typeof EXPLANATION_KIND; content: Explanation }
  | { kind: typeof FINAL_RESULT_KIND; content: FinalResult };
export type ExchangeKind = CheckedExchange['kind'];
/** The content type of one kind. */
export type ExchangeContent<K extends ExchangeKind> = Extract<CheckedExchange, { kind: K }>['content'];

type Rules<T> = { schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }; issues: (v: T) => [string, string][] };
const RULES: { [K in ExchangeKind]: Rules<Extract<CheckedExchange, { kind: K }>['content']> } = {
  [APPRAISAL_RESULT_KIND]: { schema: appraisalResultSchema, issues: appraisalResultIssues },
  [EXPLANATION_KIND]: { schema: explanationSchema, issues: explanationIssues },
  [FINAL_RESULT_KIND]: { schema: finalResultSchema, issues: finalResultIssues },
};

const norm = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * Step 8 for an appraisal result, a giải trình or a final result (docs/package-formats.md): the content JSON
 * under the same guards as any content file, its `kind`, its strict schema and the rules the schema cannot
 * say; for a giải trình, its evidence list equal to the evidence files of the package (same paths, sizes,
 * digests). Step 9 (a warning only): a package from Sở Nội vụ is signed by someone whose certificate names
 * the issuer. Who may send a giải trình for which unit is the importer's rule (the receiver's register),
 * as is replay: both need the importer's data, and this step reads nothing but the package.
 */
export const checkExchangeSemantics = (
  kind: ExchangeKind,
  json: Buffer,
  files: ReadonlyMap<string, { size: number; sha256: string }>,
  signer: SignerDetails,
): { checked: CheckedExchange; warnings: BundleWarningCode[] } => {
  const raw = parseContentJson(json, 'E_PACKAGE_SCHEMA');
  const head = raw && typeof raw === 'object' ? (raw as { kind?: unknown }) : {};
  if (head.kind !== kind) fail('E_WRONG_KIND', `kind ${String(head.kind).slice(0, 30)}, ${kind} expected`);
  const rules = RULES[kind] as Rules<CheckedExchange['content']>;
  const parsed = rules.schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('E_PACKAGE_SCHEMA', `${issue?.path.map(String).join('.') ?? ''}: ${issue?.message ?? ''}`.slice(0, 200));
  }
  const content = parsed.data;
  const issue = rules.issues(content)[0];
  // Totals that do not follow from the lines have their own code: the reader is told which promise broke.
  if (issue) fail(issue[0].startsWith('totals.') ? 'E_PACKAGE_TOTALS' : 'E_PACKAGE_SCHEMA', `${issue[0]}: ${issue[1]}`);
  const checked = { kind, content } as CheckedExchange;
  if (checked.kind === EXPLANATION_KIND) {
    const listed = new Set(checked.content.evidence.map((e) => e.path));
    for (const e of checked.content.evidence) {
      const z = files.get(e.path) ?? fail('E_INCONSISTENT', `${e.path} is not in the package`);
      if (z.size !== e.size || z.sha256 !== e.sha256) fail('E_INCONSISTENT', `${e.path}: size or SHA-256 differs from the file`);
    }
    for (const path of files.keys()) if (path.startsWith('evidence/') && !listed.has(path)) fail('E_INCONSISTENT', `${path} is not in explanation.json`);
    return { checked, warnings: [] };
  }
  const warnings: BundleWarningCode[] = norm(signer.subject).includes(norm(checked.content.issuer.name)) ? [] : ['W_SIGNER_NOT_REGISTERED'];
  return { checked, warnings };
};
