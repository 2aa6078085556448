import { registerDefaultLauncher } from '../backend/workers-seam/default-launcher';
import { launchWorker } from '../workers/launch';
import { COMMANDS } from './commands/index';
import type { CliIo } from './types';
import { UsageError } from './types';

const helpText = (): string =>
  [
    'cchc — công cụ dòng lệnh của ứng dụng tự đánh giá Chỉ số CCHC',
    '',
    'Lệnh:',
    ...COMMANDS.map((c) => `  cchc ${c.usage}\n      ${c.summary}`),
    '',
    'Mã thoát: 0 thành công/hợp lệ, 1 không hợp lệ/thất bại, 2 sai cú pháp.',
  ].join('\n');

export const main = async (argv: string[], io?: Partial<CliIo>): Promise<number> => {
  const ctx: CliIo = {
    out: io?.out ?? ((t) => process.stdout.write(`${t}\n`)),
    err: io?.err ?? ((t) => process.stderr.write(`${t}\n`)),
    env: io?.env ?? process.env,
    cwd: io?.cwd ?? process.cwd(),
  };
  // Commands that read a workbook without a backend (set validate/convert) parse it in a worker too.
  registerDefaultLauncher(launchWorker);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    ctx.out(helpText());
    return argv.length === 0 ? 2 : 0;
  }
  // Longest name first so "set validate" wins over a hypothetical "set".
  const sorted = [...COMMANDS].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  const cmd = sorted.find((c) => {
    const words = c.name.split(' ');
    return words.every((w, i) => argv[i] === w);
  });
  if (!cmd) {
    ctx.err(`Lệnh không hợp lệ: ${argv.join(' ')}\n\n${helpText()}`);
    return 2;
  }
  try {
    return await cmd.run(argv.slice(cmd.name.split(' ').length), ctx);
  } catch (e) {
    if (e instanceof UsageError) {
      ctx.err(`${e.message}\nCách dùng: cchc ${cmd.usage}`);
      return 2;
    }
    ctx.err(`Lỗi: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
};
