import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

import { unsignedDocumentFields } from '../../../shared/domain/admin-document/defaults';
import { buildReportModel } from '../../../shared/domain/report/builder';
import type { ReportAnswer, ReportEvidenceInput } from '../../../shared/domain/report/builder';
import { formatPoints } from '../../../shared/format/index';
import { EMPTY_NARRATIVE } from '../../../shared/domain/report/model';
import type { ReportModel } from '../../../shared/domain/report/model';
import { portableAnswersFileSchema } from '../../../shared/schemas/answers';
import type { IndicatorSet } from '../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../shared/schemas/indicator-set-validate';
import { PROJECT_ROOT } from '../../backend/project-root';
import { loadReportModel } from '../../backend/services/report/report-source';
import { loadPdfBuilder, loadWorkbookBuilder } from '../../backend/services/office-loader';
import { appearanceImagesOf } from '../../backend/services/unit/signature-images';
import type { AppearanceImages } from '../../backend/services/unit/signature-images';
import { writeFileAtomicSync } from '../../backend/storage/atomic-write';
import { answersPreflight, valueErrors } from '../preflight';
import type { CliCommand, CliIo } from '../types';
import { parseFlags, UsageError } from '../types';
import { withStoredBackend } from '../stored-backend';
import { signingRequest, signReportForCli, SIGNING_FLAGS } from './report-signing';

const USAGE =
  'report (--data <thư mục dữ liệu> --assessment <mã> | --set <mã bộ chỉ số hoặc tệp .json> --answers <answers.json>) --format xlsx|pdf --out <tệp> ' +
  '[--draft | --p12 <tệp .p12> --password-env <BIẾN> [--signature-image <ảnh.png>] [--seal-image <ảnh.png> [--seal-width <mm>]]]';

const SUMMARY =
  'Xuất bảng tự đánh giá (xlsx) hoặc báo cáo tự đánh giá (pdf)\n' +
  '      --draft: báo cáo PDF là bản dự thảo (cho phép thiếu số, ngày, người ký, nội dung; có chữ "DỰ THẢO"). Tệp câu trả lời\n' +
  '        (--set, --answers) không có các trường này nên chỉ xuất được bản dự thảo.\n' +
  '      --p12, --password-env: ký số báo cáo PDF chính thức (PAdES, chữ ký hiển thị theo Nghị định 30/2020/NĐ-CP); mật khẩu\n' +
  '        đọc từ biến môi trường. --signature-image, --seal-image: ảnh chữ ký, ảnh con dấu (PNG nền trong suốt, tối đa 1 MiB;\n' +
  '        --seal-width: độ rộng thật của con dấu, mặc định 36 mm); không có thì dùng ảnh trong hồ sơ đơn vị (--data) hoặc\n' +
  '        chữ ký dạng chữ. Không có --p12: báo cáo PDF không ký như trước.';

/** A set by id (shipped in resources/indicator-sets) or by path to a JSON file. */
const loadSet = (ref: string, cwd: string): IndicatorSet => {
  const asPath = resolve(cwd, ref);
  const file = existsSync(asPath) && statSync(asPath).isFile() ? asPath : join(PROJECT_ROOT, 'resources', 'indicator-sets', `${ref}.json`);
  if (!existsSync(file)) throw new UsageError(`Không tìm thấy bộ chỉ số "${ref}"`);
  const v = validateIndicatorSet(JSON.parse(readFileSync(file, 'utf8')));
  if (!v.ok) throw new Error(`Bộ chỉ số không hợp lệ:\n${v.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return v.set;
};

/** Portable answers cite evidence by path under evidence/: fingerprint the files that exist. */
const portableModel = (setRef: string, answersFile: string, io: CliIo): ReportModel => {
  const set = loadSet(setRef, io.cwd);
  const file = resolve(io.cwd, answersFile);
  const parsed = portableAnswersFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Tệp câu trả lời không hợp lệ:\n${parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const f = parsed.data;
  if (f.indicatorSetId !== set.id) throw new Error(`Tệp câu trả lời dành cho bộ chỉ số "${f.indicatorSetId}", không phải "${set.id}"`);
  // The app never reports a value it refuses (score off its step, rate above 100 %…): neither does the CLI.
  const bad = valueErrors(answersPreflight(set, f.answers));
  if (bad.length) throw new Error(['Tệp câu trả lời có số liệu ứng dụng không chấp nhận:', ...bad.map((i) => `- ${i.message}`)].join('\n'));
  const evidenceDir = join(dirname(file), f.evidenceDir);
  const byPath = new Map<string, ReportEvidenceInput>();
  const answers: ReportAnswer[] = f.answers.map((a) => {
    for (const p of a.evidence) {
      const doc = byPath.get(p);
      if (doc) {
        doc.nodeIds = [...doc.nodeIds, a.nodeId];
        continue;
      }
      const abs = join(evidenceDir, p);
      const data = existsSync(abs) ? readFileSync(abs) : null;
      byPath.set(p, {
        id: p,
        docType: '',
        number: '',
        issuedDate: null,
        summary: basename(p, extname(p)),
        issuer: '',
        originalName: basename(p),
        sizeBytes: data?.length ?? 0,
        sha256: data ? createHash('sha256').update(data).digest('hex') : '',
        nodeIds: [a.nodeId],
      });
    }
    return { nodeId: a.nodeId, inputs: a.inputs, notApplicable: a.notApplicable, explanation: a.explanation, evidenceWaiver: a.evidenceWaiver };
  });
  return buildReportModel({
    set,
    answers,
    evidence: [...byPath.values()],
    unit: { name: f.unit?.name ?? '', code: f.unit?.code ?? '' },
    document: unsignedDocumentFields({ name: f.unit?.name ?? '', type: f.unit?.type ?? 'SO' }),
    year: f.year,
    revision: 1,
    generatedAt: new Date().toISOString(),
    narrative: { ...EMPTY_NARRATIVE },
  });
};

/** From the app's data folder: the same model the export buttons use. */
const storedModel = (dataDir: string, assessmentId: string, io: CliIo): Promise<{ model: ReportModel; profileImages: AppearanceImages }> =>
  withStoredBackend(dataDir, io.cwd, (backend) => ({ model: loadReportModel(backend.ctx, assessmentId).model, profileImages: appearanceImagesOf(backend.ctx.db) }));

export const reportCommand: CliCommand = {
  name: 'report',
  summary: SUMMARY,
  usage: USAGE,
  run: async (args, io) => {
    const { flags, switches } = parseFlags(args, { values: ['data', 'assessment', 'set', 'answers', 'format', 'out', ...SIGNING_FLAGS], switches: ['draft'] });
    const format = flags.format;
    if (format !== 'xlsx' && format !== 'pdf') throw new UsageError('--format phải là xlsx hoặc pdf');
    if (!flags.out) throw new UsageError('Thiếu --out');
    const signing = signingRequest(flags, format, switches.has('draft'));
    let model: ReportModel;
    let profileImages: AppearanceImages = null;
    if (flags.data && flags.assessment) ({ model, profileImages } = await storedModel(flags.data, flags.assessment, io));
    else if (flags.set && flags.answers) model = portableModel(flags.set, flags.answers, io);
    else throw new UsageError('Cần --data và --assessment, hoặc --set và --answers');
    const resourcesDir = join(PROJECT_ROOT, 'resources');
    const data = signing
      ? await signReportForCli(model, signing, io, { profileImages, resourcesDir })
      : format === 'xlsx'
        ? await (await loadWorkbookBuilder())(model)
        : await (await loadPdfBuilder())(model, { resourcesDir, draft: switches.has('draft') });
    const out = resolve(io.cwd, flags.out);
    writeFileAtomicSync(out, data);
    io.out(`Đã ghi ${out} (${data.length} byte${signing ? ', đã ký số' : ''}). Tổng điểm: ${formatPoints(model.totals.scoreMilli)}/${formatPoints(model.totals.maxMilli)}`);
    return 0;
  },
};
