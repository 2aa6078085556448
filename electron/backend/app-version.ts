import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The version in package.json (the single source; the Electron shell reads the same file). */
export const readAppVersion = (projectRoot: string): string => {
  try {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
};
