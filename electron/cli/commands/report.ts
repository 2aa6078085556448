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
import { PROJECT_ROOT } from '../../backend/backend';
import { loadReportModel } from '../../backend/services/report/report-source';
import { loadPdfBuilder, loadWorkbookBuilder } from '../../backend/services/office-loader';
import { writeFileAtomicSync } from '../../backend/storage/atomic-write';
import type { CliCommand, CliIo } from '../types';
import { parseFlags, UsageError } from '../types';
import { withStoredBackend } from '../stored-backend';

const USAGE =
  'report (--data <thư mục dữ liệu> --assessment <mã> | --set <mã bộ chỉ số hoặc tệp .json> --answers <answers.json>) --format xlsx|pdf --out <tệp> [--draft]\n' +
  '  --draft: báo cáo PDF là bản dự thảo (cho phép thiếu số, ngày, người ký, nội dung; có chữ "DỰ THẢO"). Tệp câu trả lời không có\n' +
  '  các trường này nên chỉ xuất được bản dự thảo.';

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
    return { nodeId: a.nodeId, inputs: a.inputs, notApplicable: a.notApplicable, explanation: a.explanation };
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
const storedModel = (dataDir: string, assessmentId: string, io: CliIo): Promise<ReportModel> =>
  withStoredBackend(dataDir, io.cwd, (backend) => loadReportModel(backend.ctx, assessmentId).model);

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'Xuất bảng tự đánh giá (xlsx) hoặc báo cáo tự đánh giá (pdf)',
  usage: USAGE,
  run: async (args, io) => {
    const { flags, switches } = parseFlags(args, { values: ['data', 'assessment', 'set', 'answers', 'format', 'out'], switches: ['draft'] });
    const format = flags.format;
    if (format !== 'xlsx' && format !== 'pdf') throw new UsageError('--format phải là xlsx hoặc pdf');
    if (!flags.out) throw new UsageError('Thiếu --out');
    let model: ReportModel;
    if (flags.data && flags.assessment) model = await storedModel(flags.data, flags.assessment, io);
    else if (flags.set && flags.answers) model = portableModel(flags.set, flags.answers, io);
    else throw new UsageError('Cần --data và --assessment, hoặc --set và --answers');
    const data = format === 'xlsx' ? await (await loadWorkbookBuilder())(model) : await (await loadPdfBuilder())(model, { resourcesDir: join(PROJECT_ROOT, 'resources'), draft: switches.has('draft') });
    const out = resolve(io.cwd, flags.out);
    writeFileAtomicSync(out, data);
    io.out(`Đã ghi ${out} (${data.length} byte). Tổng điểm: ${formatPoints(model.totals.scoreMilli)}/${formatPoints(model.totals.maxMilli)}`);
    return 0;
  },
};
