import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules are real: each forbidden import is reported for the file's location. */
const lint = async (filePath: string, code: string): Promise<string[]> => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [res] = await eslint.lintText(code, { filePath });
  return (res?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
};

describe('layer rules', () => {
  it.each([
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/domain/x.ts', "import fs from 'fs';\nexport const a = fs;"],
    ['shared/domain/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/domain/x.ts', "import { handlers } from '../../electron/backend/handlers/index';\nexport const a = handlers;"],
    ['renderer/src/x.ts', "import { join } from 'node:path';\nexport const a = join;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../electron/backend/db/connection';\nexport const a = openDatabase;"],
    ['electron/backend/x.ts', "import { dialog } from 'electron';\nexport const a = dialog;"],
    ['electron/webhost/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('%s may not: %s', async (file, code) => {
    expect((await lint(file, code)).length).toBeGreaterThan(0);
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';\nexport const a = z;"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/backend/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
