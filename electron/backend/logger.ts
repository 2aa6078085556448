/* Minimal logger: the backend never logs secrets (PINs, passwords) or document contents. */
export type Logger = {
  info: (msg: string, extra?: Record<string, unknown>) => void;
  warn: (msg: string, extra?: Record<string, unknown>) => void;
  error: (msg: string, extra?: Record<string, unknown>) => void;
};

const write = (level: string, msg: string, extra?: Record<string, unknown>): void => {
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...extra });
  process.stderr.write(`${line}\n`);
};

export const consoleLogger: Logger = {
  info: (m, e) => write('info', m, e),
  warn: (m, e) => write('warn', m, e),
  error: (m, e) => write('error', m, e),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
