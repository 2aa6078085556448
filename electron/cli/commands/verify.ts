import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { bundleMessage } from '../../../shared/domain/bundle-codes';
import { formatIndex, formatPoints } from '../../../shared/format/numbers';
import type { PackageKind } from '../../../shared/schemas/package-kind';
import type { VerifyResult } from '../../../shared/schemas/submission';
import { PROJECT_ROOT } from '../../backend/project-root';
import { addCrlFiles, loadTrustStore } from '../../backend/services/bundle/verify/trust';
import { verifyPackage } from '../../backend/services/bundle/verify/verify-bundle';
import { IndicatorSetCatalog } from '../../backend/services/indicator-sets/catalog';
import type { CliCommand, CliIo } from '../types';
import { parseFlags, UsageError } from '../types';

const USAGE = 'verify <tệp.asice> --trust <tệp .pem | thư mục> [--crl <tệp>] [--sets <thư mục bộ chỉ số>] [--json]  (mọi loại gói: hồ sơ nộp, đợt đánh giá, kết quả thẩm định, giải trình, kết quả cuối cùng)';

/** A lookup over the indicator sets the appraiser has (shipped ones by default). */
export const catalogLookup = (dir: string) => {
  const catalog = new IndicatorSetCatalog(dir);
  return (id: string, version: string) => {
    const s = catalog.list().find((x) => x.id === id && x.version === version);
    return s ? { sha256: s.sha256 } : null;
  };
};

/** Vietnamese names of the package kinds (docs/package-formats.md). */
export const KIND_NAMES: Record<PackageKind, string> = {
  submission: 'hồ sơ nộp (submission)',
  round: 'gói đợt đánh giá (round)',
  'appraisal-result': 'kết quả thẩm định (appraisal-result)',
  explanation: 'giải trình (explanation)',
  'final-result': 'kết quả cuối cùng (final-result)',
};


export const printVerifyResult = (r: VerifyResult, io: CliIo): void => {
  io.out(`Loại gói: ${KIND_NAMES[r.kind ?? 'submission']}`);
  io.out(`Kết quả: ${r.status === 'VALID' ? 'HỢP LỆ' : r.status === 'VALID_WITH_WARNINGS' ? 'HỢP LỆ (có cảnh báo)' : 'KHÔNG HỢP LỆ'} [${r.code}]`);
  io.out(r.message);
  if (r.detail) io.out(`Chi tiết: ${r.detail}`);
  for (const w of r.warnings) if (w.code !== r.code) io.out(`Cảnh báo [${w.code}]: ${w.message}`);
  if (r.signer) {
    io.out(`Người ký: ${r.signer.subject}`);
    io.out(`Tổ chức cấp: ${r.signer.issuer}`);
    io.out(`Hiệu lực: ${r.signer.notBefore} → ${r.signer.notAfter}`);
    io.out(`SHA-256 chứng thư: ${r.signer.sha256}`);
  }
  if (r.submission) {
    io.out(`Đơn vị: ${r.submission.agency.name} (${r.submission.agency.code}), kỳ ${r.submission.period}, lần nộp ${r.submission.revision}`);
  }
  if (r.round) {
    io.out(`Đợt đánh giá năm ${r.round.year}, lần ${r.round.revision}, do ${r.round.issuer.name} (${r.round.issuer.code}) ban hành; ${r.round.units} đơn vị`);
    for (const s of r.round.sets) io.out(`  Khối ${s.block}: bộ chỉ số ${s.id} ${s.version}, SHA-256 ${s.sha256}`);
  }
  if (r.exchange) {
    const x = r.exchange;
    io.out(`Đơn vị: ${x.unit.name} (${x.unit.code}), khối ${x.unit.block}, năm ${x.year}, lần ${x.revision}${x.issuer ? `, do ${x.issuer.name} (${x.issuer.code}) ban hành` : ''}`);
    if (x.final) io.out(`Tổng điểm: ${formatPoints(x.final.points)}; chỉ số: ${x.final.index === null ? '—' : `${formatIndex(x.final.index)} %`}; xếp hạng: ${x.final.rank ?? '—'}/${x.final.of}; ${x.items} tiêu chí`);
    else io.out(`${x.items} tiêu chí được giải trình, ${x.evidence} tài liệu kiểm chứng mới`);
  }
  for (const f of r.files) io.out(`  ${f.path}  ${f.size} B  ${f.sha256}${f.originalName ? `  (${f.originalName})` : ''}`);
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Kiểm tra một gói ký số (.asice) mọi loại — hồ sơ nộp, đợt đánh giá, kết quả thẩm định, giải trình, kết quả cuối cùng: chữ ký, chứng thư, toàn vẹn từng tệp, nội dung. Mã thoát 0 hợp lệ, 1 không hợp lệ.',
  usage: USAGE,
  run: async (args, io) => {
    const { flags, switches, positional } = parseFlags(args, { values: ['trust', 'crl', 'sets'], switches: ['json'] });
    if (positional.length !== 1) throw new UsageError('Cần đúng một tệp hồ sơ');
    if (!flags.trust) throw new UsageError('Thiếu --trust (tệp hoặc thư mục chứng thư gốc tin cậy)');
    const file = resolve(io.cwd, positional[0]!);
    const trustPath = resolve(io.cwd, flags.trust);
    if (!existsSync(trustPath)) throw new UsageError(`Không tìm thấy ${flags.trust}`);
    const trust = loadTrustStore(trustPath);
    if (flags.crl) addCrlFiles(trust, [resolve(io.cwd, flags.crl)]);
    const setsDir = flags.sets ? resolve(io.cwd, flags.sets) : join(PROJECT_ROOT, 'resources', 'indicator-sets');
    const { result: r } = await verifyPackage(file, { trust, lookupIndicatorSet: catalogLookup(setsDir) });
    if (switches.has('json')) {
      io.out(JSON.stringify({ kind: r.kind, status: r.status, code: r.code, message: r.message || bundleMessage(r.code), signer: r.signer, files: r.files, round: r.round ?? null, exchange: r.exchange ?? null, warnings: r.warnings, detail: r.detail ?? null }, null, 2));
    } else printVerifyResult(r, io);
    return r.status === 'INVALID' ? 1 : 0;
  },
};
