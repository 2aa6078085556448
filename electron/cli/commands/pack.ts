import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';

import { unsignedDocumentFields } from '../../../shared/domain/admin-document/defaults';
import { buildReportModel } from '../../../shared/domain/report/builder';
import type { ReportAnswer, ReportEvidenceInput } from '../../../shared/domain/report/builder';
import { EMPTY_NARRATIVE } from '../../../shared/domain/report/model';
import type { IndicatorSet } from '../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../shared/schemas/indicator-set-validate';
import { PROJECT_ROOT } from '../../backend/project-root';
import { REPORT_PDF_PATH, REPORT_XLSX_PATH } from '../../backend/services/bundle/constants';
import { exportAssessment, selfCheckTrust } from '../../backend/services/bundle/export-assessment';
import { packBundle } from '../../backend/services/bundle/pack';
import type { PackResult } from '../../backend/services/bundle/pack';
import { buildSubmission, uuidV7 } from '../../backend/services/bundle/submission-builder';
import type { BuilderEvidence } from '../../backend/services/bundle/submission-builder';
import { addCrlFiles, loadTrustStore } from '../../backend/services/bundle/verify/trust';
import type { TrustStore } from '../../backend/services/bundle/verify/trust';
import { verifyBundle } from '../../backend/services/bundle/verify/verify-bundle';
import { loadPdfBuilder, loadWorkbookBuilder } from '../../backend/services/office-loader';
import { parsePortableAnswers, checkAnswersAgainstSet } from '../../backend/services/indicator-sets/answers-file';
import { indicatorSetSha256 } from '../../backend/services/indicator-sets/catalog';
import { openP12Signer } from '../../backend/services/signing/p12-signer';
import { openPkcs11Signer } from '../../backend/services/signing/pkcs11-signer';
import type { Signer } from '../../backend/services/signing/signer';
import { launchWorker } from '../../workers/launch';
import { answersPreflight, unitCodeProblem, valueErrors } from '../preflight';
import type { CliCommand, CliIo } from '../types';
import { parseFlags, UsageError } from '../types';
import { printVerifyResult } from './verify';
import { withStoredBackend } from '../stored-backend';

const USAGE =
  'pack (--set <mã|tệp.json> --answers <answers.json> --evidence-dir <thư mục> | --data <thư mục dữ liệu> --assessment <mã>) ' +
  '(--p12 <tệp> --password-env <BIẾN> | --pkcs11 <thư viện> --pin-env <BIẾN> [--token <serial>]) --out <tệp.asice> ' +
  '[--trust <pem|thư mục>] [--revision <n>] [--submission-id <uuid>]';

export const loadSet = (ref: string, cwd: string): IndicatorSet => {
  const asPath = resolve(cwd, ref);
  const file = existsSync(asPath) && statSync(asPath).isFile() ? asPath : join(PROJECT_ROOT, 'resources', 'indicator-sets', `${ref}.json`);
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy bộ chỉ số "${ref}"`);
  const v = validateIndicatorSet(JSON.parse(readFileSync(file, 'utf8')));
  if (!v.ok) throw new Error(`Bộ chỉ số không hợp lệ:\n${v.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return v.set;
};

const hashFile = async (file: string): Promise<{ size: number; sha256: string }> => {
  const h = createHash('sha256');
  let size = 0;
  for await (const c of createReadStream(file, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    h.update(c);
    size += c.length;
  }
  return { size, sha256: h.digest('hex') };
};

/** The PIN/password comes from an environment variable (never a command-line argument, never logged). */
const secretFrom = (io: CliIo, name: string | undefined, flag: string): string => {
  if (!name) throw new UsageError(`Thiếu ${flag} (tên biến môi trường chứa mật khẩu/PIN)`);
  const v = io.env[name];
  if (v === undefined) throw new UsageError(`Biến môi trường ${name} chưa được đặt`);
  return v;
};

export const openSigner = async (flags: Record<string, string>, io: CliIo): Promise<Signer> => {
  if (flags.p12) return openP12Signer(readFileSync(resolve(io.cwd, flags.p12)), secretFrom(io, flags['password-env'], '--password-env'));
  if (flags.pkcs11) {
    return openPkcs11Signer(
      { module: resolve(io.cwd, flags.pkcs11), ...(flags.token ? { tokenSerial: flags.token } : {}), env: io.env, launcher: launchWorker },
      secretFrom(io, flags['pin-env'], '--pin-env'),
    );
  }
  throw new UsageError('Cần --p12 hoặc --pkcs11');
};

/** Portable mode: set + answers.json + evidence folder (paths must stay inside it). */
const packPortable = async (flags: Record<string, string>, io: CliIo, signer: Signer, trust: TrustStore | null, out: string): Promise<PackResult> => {
  const set = loadSet(flags.set!, io.cwd);
  const answersFile = resolve(io.cwd, flags.answers!);
  const read = parsePortableAnswers(readFileSync(answersFile, 'utf8'));
  if (!read.ok) throw new Error(`Tệp câu trả lời không hợp lệ:\n${read.errors.map((e) => `- ${e}`).join('\n')}`);
  const f = read.file;
  const problems = checkAnswersAgainstSet(f, set);
  if (problems.length) throw new Error(problems.map((p) => `- ${p}`).join('\n'));
  if (!f.unit) throw new Error('Tệp câu trả lời thiếu thông tin đơn vị ("unit"): cần để ghi vào hồ sơ nộp.');
  const codeProblem = unitCodeProblem(f.unit.code);
  if (codeProblem) throw new Error(codeProblem);
  // The app's preflight on the values (electron/cli/preflight.ts): nothing the app would refuse to store
  // gets signed. (Evidence rules stay the answers format's own: a portable file may cite no evidence.)
  const bad = valueErrors(answersPreflight(set, f.answers));
  if (bad.length) throw new Error(['Chưa thể ký: tệp câu trả lời có số liệu ứng dụng không chấp nhận:', ...bad.map((i) => `- ${i.message}`)].join('\n'));
  const evidenceDir = resolve(io.cwd, flags['evidence-dir'] ?? join(answersFile, '..', f.evidenceDir));
  const evidence: BuilderEvidence[] = [];
  const seen = new Set<string>();
  for (const a of f.answers) {
    for (const p of a.evidence) {
      if (seen.has(p)) continue;
      seen.add(p);
      const abs = resolve(evidenceDir, p);
      const rel = relative(evidenceDir, abs);
      if (!rel || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`Đường dẫn tài liệu nằm ngoài thư mục evidence: ${p}`);
      if (!existsSync(abs) || !statSync(abs).isFile()) throw new Error(`Không tìm thấy tài liệu kiểm chứng: ${p}`);
      evidence.push({ key: p, source: abs, originalName: basename(p), ...(await hashFile(abs)) });
    }
  }
  const now = new Date();
  const revision = flags.revision ? Number(flags.revision) : 1;
  if (!Number.isInteger(revision) || revision < 1) throw new UsageError('--revision phải là số nguyên ≥ 1');
  const { submission, evidence: packEvidence } = buildSubmission({
    set,
    setSha256: indicatorSetSha256(set),
    answers: f.answers.map((a) => ({ nodeId: a.nodeId, inputs: a.inputs, notApplicable: a.notApplicable, explanation: a.explanation, evidenceWaiver: a.evidenceWaiver, evidenceKeys: a.evidence })),
    evidence,
    agency: { code: f.unit.code, name: f.unit.name, type: f.unit.type },
    period: String(f.year),
    submissionId: flags['submission-id'] ?? uuidV7(now.getTime()),
    revision,
    supersedes: revision > 1 ? revision - 1 : null,
    appName: 'CCHC Tự đánh giá',
    appVersion: JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).version as string,
    now,
  });
  const reportEvidence: ReportEvidenceInput[] = evidence.map((e) => ({
    id: e.key,
    docType: '',
    number: '',
    issuedDate: null,
    summary: basename(e.key, extname(e.key)),
    issuer: '',
    originalName: e.originalName,
    sizeBytes: e.size,
    sha256: e.sha256,
    nodeIds: f.answers.filter((a) => a.evidence.includes(e.key)).map((a) => a.nodeId),
  }));
  const model = buildReportModel({
    set,
    answers: f.answers.map((a): ReportAnswer => ({ nodeId: a.nodeId, inputs: a.inputs, notApplicable: a.notApplicable, explanation: a.explanation, evidenceWaiver: a.evidenceWaiver, evidenceIds: a.evidence })),
    evidence: reportEvidence,
    unit: { name: f.unit.name, code: f.unit.code },
    document: unsignedDocumentFields(f.unit),
    year: f.year,
    revision,
    generatedAt: now.toISOString(),
    narrative: { ...EMPTY_NARRATIVE },
  });
  const selfTrust = selfCheckTrust(signer, trust);
  return packBundle({
    out,
    submission,
    evidence: packEvidence,
    reports: [
      // an answers file has no number, date or signer for the report: it goes in as a draft, marked as such
      { path: REPORT_PDF_PATH, data: await (await loadPdfBuilder())(model, { resourcesDir: join(PROJECT_ROOT, 'resources'), draft: true }) },
      { path: REPORT_XLSX_PATH, data: await (await loadWorkbookBuilder())(model) },
    ],
    signer,
    now,
    verify: (file) => verifyBundle(file, { trust: selfTrust }),
  });
};

export const packCommand: CliCommand = {
  name: 'pack',
  summary: 'Đóng gói và ký số hồ sơ nộp (.asice: ASiC-E + CAdES) từ tệp câu trả lời hoặc từ dữ liệu ứng dụng; tự kiểm tra lại trước khi ghi.',
  usage: USAGE,
  run: async (args, io) => {
    const { flags } = parseFlags(args, {
      values: ['set', 'answers', 'evidence-dir', 'data', 'assessment', 'p12', 'password-env', 'pkcs11', 'pin-env', 'token', 'out', 'trust', 'crl', 'revision', 'submission-id'],
    });
    if (!flags.out) throw new UsageError('Thiếu --out');
    const portable = !!(flags.set && flags.answers);
    const stored = !!(flags.data && flags.assessment);
    if (portable === stored) throw new UsageError('Cần --set và --answers (kèm --evidence-dir), hoặc --data và --assessment');
    if (flags['submission-id'] && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(flags['submission-id'])) {
      throw new UsageError('--submission-id phải là UUID viết thường');
    }
    const trust = flags.trust ? loadTrustStore(resolve(io.cwd, flags.trust)) : null;
    if (trust && flags.crl) addCrlFiles(trust, [resolve(io.cwd, flags.crl)]);
    const out = resolve(io.cwd, flags.out);
    const signer = await openSigner(flags, io);
    try {
      io.out(`Người ký: ${signer.details.subject}`);
      io.out(`Tổ chức cấp: ${signer.details.issuer}; hiệu lực ${signer.details.notBefore} → ${signer.details.notAfter}`);
      io.out(`SHA-256 chứng thư: ${signer.details.sha256}`);
      let res: PackResult;
      if (portable) {
        io.out('Báo cáo PDF trong hồ sơ là bản dự thảo: tệp câu trả lời không có số, ngày văn bản và người ký.');
        res = await packPortable(flags, io, signer, trust, out);
      }
      else {
        res = await withStoredBackend(flags.data!, io.cwd, (backend) =>
          exportAssessment(backend.ctx, { assessmentId: flags.assessment!, signer, out, trust }),
        );
      }
      io.out(`Đã ghi ${res.path} (${res.size} byte), SHA-256 ${res.sha256}`);
      if (res.verification) printVerifyResult(res.verification, io);
      return 0;
    } finally {
      await signer.close();
    }
  },
};
