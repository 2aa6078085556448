import { resolve } from 'node:path';

import { indicatorSetSha256 } from '../../backend/services/indicator-sets/catalog';
import { readSetFile, setFormatOf, writeSetFile } from '../../backend/services/indicator-sets/set-io';
import type { CliCommand } from '../types';
import { parseFlags, UsageError } from '../types';

/** cchc set convert <in> <out>: JSON ⇄ Excel template (the set is validated on the way; same canonical hash). */
export const setConvertCommand: CliCommand = {
  name: 'set convert',
  summary: 'Chuyển bộ chỉ số giữa JSON và mẫu Excel (.json ⇄ .xlsx)',
  usage: 'set convert <vào.json|vào.xlsx> <ra.xlsx|ra.json>',
  run: async (args, io) => {
    const { positional } = parseFlags(args, {});
    if (positional.length !== 2) throw new UsageError('Cần tệp vào và tệp ra');
    const [input, output] = positional.map((p) => resolve(io.cwd, p)) as [string, string];
    if (!setFormatOf(input) || !setFormatOf(output)) throw new UsageError('Chỉ hỗ trợ tệp .json hoặc .xlsx');
    if (input === output) throw new UsageError('Tệp ra phải khác tệp vào');
    const res = await readSetFile(input);
    if (!res.ok) {
      io.err([`Bộ chỉ số KHÔNG hợp lệ (${res.errors.length} lỗi):`, ...res.errors.map((e) => `- ${e}`)].join('\n'));
      return 1;
    }
    await writeSetFile(res.set, output);
    io.out(`Đã ghi ${output}\nSHA-256 (JSON chuẩn hóa): ${indicatorSetSha256(res.set)}`);
    return 0;
  },
};
