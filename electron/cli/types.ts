/** A CLI command: returns the process exit code (0 ok, 1 failure/invalid, 2 usage). */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
};

export type CliCommand = {
  /** e.g. "set validate", "score", "verify" */
  name: string;
  summary: string;
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
};

export class UsageError extends Error {}

/** Parses `--flag value` and `--switch` pairs; positional arguments are returned in order. */
export const parseFlags = (
  args: string[],
  spec: { values?: string[]; switches?: string[] },
): { flags: Record<string, string>; switches: Set<string>; positional: string[] } => {
  const flags: Record<string, string> = {};
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (spec.switches?.includes(name)) switches.add(name);
      else if (spec.values?.includes(name)) {
        const v = args[++i];
        if (v === undefined) throw new UsageError(`Thiếu giá trị cho --${name}`);
        flags[name] = v;
      } else throw new UsageError(`Tùy chọn không hợp lệ: ${a}`);
    } else positional.push(a);
  }
  return { flags, switches, positional };
};
