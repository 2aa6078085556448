import { resolve } from 'node:path';

import { bundleMessage } from '../../../shared/domain/bundle-codes';
import { escapeForDisplay } from '../../../shared/domain/display-text';
import { inspectBundle } from '../../backend/services/bundle/verify/inspect';
import type { CliCommand } from '../types';
import { KIND_NAMES } from './verify';
import { parseFlags, UsageError } from '../types';

export const inspectCommand: CliCommand = {
  name: 'inspect',
  summary: 'Xem tóm tắt một gói ký số mọi loại (loại gói; đơn vị và kỳ, hoặc đợt đánh giá; người ký khai báo; danh sách tệp) mà KHÔNG kiểm tra chữ ký.',
  usage: 'inspect <tệp.asice> [--json]',
  run: async (args, io) => {
    const { switches, positional } = parseFlags(args, { switches: ['json'] });
    if (positional.length !== 1) throw new UsageError('Cần đúng một tệp hồ sơ');
    const s = await inspectBundle(resolve(io.cwd, positional[0]!));
    if (switches.has('json')) {
      io.out(JSON.stringify(s, null, 2));
      return s.problem && s.entries.length === 0 ? 1 : 0;
    }
    // Nothing here is verified: every string from the bundle is shown with control/bidi characters escaped.
    const show = (v: unknown): string => escapeForDisplay(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
    io.out('Tóm tắt gói (CHƯA kiểm tra chữ ký số — dùng "cchc verify" để thẩm định):');
    io.out(`Loại gói: ${KIND_NAMES[s.kind]}`);
    if (s.problem) io.out(`Lỗi cấu trúc [${s.problem.code}]: ${bundleMessage(s.problem.code)} (${show(s.problem.detail)})`);
    const sub = s.submission;
    if (sub) {
      const agency = (sub.agency ?? {}) as { name?: unknown; code?: unknown };
      io.out(`Định dạng: ${show(sub.format)}; mã hồ sơ ${show(sub.submissionId)}, lần nộp ${show(sub.revision)}`);
      io.out(`Đơn vị: ${show(agency.name ?? '')} (${show(agency.code ?? '')}); kỳ đánh giá: ${show(sub.period)}`);
      io.out(`Bộ chỉ số: ${show(sub.indicatorSet)}; số câu trả lời: ${String(sub.answers)}`);
    }
    const round = s.round;
    if (round) {
      const issuer = (round.issuer ?? {}) as { name?: unknown; code?: unknown };
      io.out(`Đợt đánh giá năm ${show(round.year)}, lần ${show(round.revision)}; mã đợt ${show(round.roundId)}`);
      io.out(`Ban hành: ${show(issuer.name ?? '')} (${show(issuer.code ?? '')}); số đơn vị: ${String(round.units)}`);
      io.out(`Bộ chỉ số: ${show(round.sets)}`);
      io.out(`Thời hạn: ${show(round.deadlines)}`);
    }
    if (s.claimedSigner) {
      io.out(`Người ký (khai báo): ${show(s.claimedSigner.subject)}`);
      io.out(`Tổ chức cấp: ${show(s.claimedSigner.issuer)}; hiệu lực đến ${s.claimedSigner.notAfter}`);
      io.out(`SHA-256 chứng thư: ${s.claimedSigner.sha256}; thời điểm ký khai báo: ${s.claimedSigningTime ?? '?'}`);
    }
    const names = new Map((sub?.evidence ?? []).map((e) => [e.path, e.originalName]));
    io.out(`Các tệp (${s.entries.length}):`);
    for (const e of s.entries) io.out(`  ${show(e.name)}  ${e.size} B${names.has(e.name) ? `  (${show(names.get(e.name))})` : ''}`);
    return s.entries.length === 0 ? 1 : 0;
  },
};
