import { resolve } from 'node:path';

import { leaves } from '../../../shared/domain/indicator-tree';
import { milli } from '../../../shared/domain/points';
import { formatPoints } from '../../../shared/format/index';
import { indicatorSetSha256 } from '../../backend/services/indicator-sets/catalog';
import { readSetFile, setFormatOf } from '../../backend/services/indicator-sets/set-io';
import type { CliCommand } from '../types';
import { parseFlags, UsageError } from '../types';

/** cchc set validate <file.json|file.xlsx>: 0 valid, 1 invalid (every error listed), 2 usage. */
export const setValidateCommand: CliCommand = {
  name: 'set validate',
  summary: 'Kiểm tra một bộ chỉ số (JSON hoặc mẫu Excel); liệt kê mọi lỗi theo tiêu chí/ô',
  usage: 'set validate <tệp.json|tệp.xlsx> [--json]',
  run: async (args, io) => {
    const { positional, switches } = parseFlags(args, { switches: ['json'] });
    if (positional.length !== 1) throw new UsageError('Cần đúng một tệp bộ chỉ số');
    const file = resolve(io.cwd, positional[0]!);
    if (!setFormatOf(file)) throw new UsageError('Chỉ hỗ trợ tệp .json hoặc .xlsx');
    const res = await readSetFile(file);
    if (!res.ok) {
      if (switches.has('json')) io.out(JSON.stringify({ valid: false, errors: res.errors }, null, 2));
      else io.err([`Bộ chỉ số KHÔNG hợp lệ (${res.errors.length} lỗi):`, ...res.errors.map((e) => `- ${e}`)].join('\n'));
      return 1;
    }
    const { set } = res;
    const sha256 = indicatorSetSha256(set);
    if (switches.has('json')) {
      io.out(JSON.stringify({ valid: true, id: set.id, version: set.version, sha256, leaves: leaves(set).length }, null, 2));
      return 0;
    }
    io.out(
      [
        `Bộ chỉ số hợp lệ: ${set.name} (${set.id}, phiên bản ${set.version})${set.isSample ? ` — ${set.sampleNotice}` : ''}`,
        `Lĩnh vực: ${set.nodes.length}; tiêu chí chấm điểm: ${leaves(set).length}; tổng điểm tối đa: ${formatPoints(milli(set.maxTotal))}`,
        `SHA-256 (JSON chuẩn hóa): ${sha256}`,
      ].join('\n'),
    );
    return 0;
  },
};
