import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The architecture rules of eslint.config.mjs are real: each planted violation makes lint fail (an error
 * from the rule that guards it) for the file's location, and the allowed imports stay silent.
 */
const ARCHITECTURE_RULES = ['local/environment', 'local/boundaries', 'local/no-import-cycle', 'no-restricted-syntax'];

const eslint = new ESLint({ cwd: process.cwd() });

/** Errors of the architecture rules for `code` linted as if it were the file `filePath`. */
const lint = async (filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> => {
  const [res] = await eslint.lintText(code, { filePath });
  return (res?.messages ?? []).filter((m) => m.severity === 2 && ARCHITECTURE_RULES.includes(m.ruleId ?? ''));
};

const use = (name: string) => `\nexport const used = ${name};\n`;

describe('environment: every import is classified, a file imports only what runs where it runs', () => {
  it.each([
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';" + use('readFileSync')],
    ['shared/domain/x.ts', "import fs from 'fs';" + use('fs')],
    ['shared/domain/x.ts', "import { readFile } from 'fs/promises';" + use('readFile')],
    ['shared/domain/x.ts', "import { app } from 'electron';" + use('app')],
    ['shared/domain/x.ts', "import { handlers } from '../../electron/backend/handlers/index';" + use('handlers')],
    ['shared/domain/x.ts', "import ExcelJS from 'exceljs';" + use('ExcelJS')],
    ['shared/domain/x.ts', "import { useState } from 'react';" + use('useState')],
    ['renderer/src/x.ts', "import { join } from 'node:path';" + use('join')],
    ['renderer/src/x.ts', "import { ReadableStream } from 'stream/web';" + use('ReadableStream')],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';" + use('ipcRenderer')],
    ['renderer/src/x.ts', "import { openDatabase } from '../../electron/backend/db/connection';" + use('openDatabase')],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';" + use('Database')],
    ['renderer/src/x.ts', "import forge from 'node-forge';" + use('forge')],
    ['renderer/src/x.ts', "import type { PDFDocument } from '@libpdf/core';\nexport type D = PDFDocument;"],
    ['electron/backend/x.ts', "import { dialog } from 'electron';" + use('dialog')],
    ['electron/backend/x.ts', "import { App } from '../../renderer/src/app/App';" + use('App')],
    ['electron/backend/x.ts', "import { createTestBackend } from '../../test/helpers/backend';" + use('createTestBackend')],
    ['electron/backend/x.ts', "import leftPad from 'left-pad';" + use('leftPad')],
    ['electron/webhost/x.ts', "import { app } from 'electron';" + use('app')],
    ['electron/cli/x.ts', "import { utilityLauncher } from '../main/utility-launcher';" + use('utilityLauncher')],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';" + use('readFileSync')],
  ])('%s may not: %s', async (file, code) => {
    expect((await lint(file, code)).map((m) => m.ruleId)).toContain('local/environment');
  });

  it.each([
    ['shared/domain/x.ts', "import { z } from 'zod';" + use('z')],
    ['shared/domain/x.ts', "import { toMilli } from './points';" + use('toMilli')],
    ['renderer/src/x.ts', "import { useState } from 'react';\nimport { milli } from '../../shared/domain/points';" + use('[useState, milli]')],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { createBackend } from '../backend/backend';" + use('[app, createBackend]')],
    ['electron/backend/x.ts', "import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';" + use('[readFileSync, readFile]')],
    ['electron/workers/x.ts', "import { verifyBundle } from '../backend/services/bundle/verify/verify-bundle';" + use('verifyBundle')],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('boundaries: handlers → services → db/repos, no backend → workers, features through index.ts', () => {
  it.each([
    ['electron/backend/handlers/x.ts', "import { openDatabase } from '../db/connection';" + use('openDatabase')],
    ['electron/backend/handlers/x.ts', "import { inTransaction } from '../db/transaction';" + use('inTransaction')],
    ['electron/backend/handlers/x.ts', "import { migrate } from '../db/migrations/runner';" + use('migrate')],
    ['electron/backend/services/evidence/x.ts', "import { handlers } from '../../handlers/index';" + use('handlers')],
    ['electron/backend/services/evidence/x.ts', "import type { HandlerSlice } from '../../handlers/types';\nexport type S = HandlerSlice<'app.info'>;"],
    ['electron/backend/db/repos/x.ts', "import { requireAssessment } from '../../services/assessments/guards';" + use('requireAssessment')],
    ['electron/backend/db/repos/x.ts', "import type { BackendContext } from '../../context';\nexport type C = BackendContext;"],
    ['electron/backend/services/backup/x.ts', "import Database from 'better-sqlite3';" + use('Database')],
    ['electron/backend/services/signing/x.ts', "import { launchWorker } from '../../../workers/launch';" + use('launchWorker')],
    ['electron/backend/x.ts', "import type { WorkerLauncher } from '../workers/launch';\nexport type L = WorkerLauncher;"],
    ['renderer/src/features/inbox/x.tsx', "import { Modal } from '../evidence/Modal';" + use('Modal')],
    ['renderer/src/features/submission/x.tsx', "import { preflightItems } from '../assessments/PreflightIssueItem';" + use('preflightItems')],
    ['renderer/src/features/trust/x.tsx', "import '../submission/submission.css';\nexport const a = 1;"],
    ['renderer/src/app/x.tsx', "import { HomePage } from '../features/home/HomePage';" + use('HomePage')],
  ])('%s may not: %s', async (file, code) => {
    expect((await lint(file, code)).map((m) => m.ruleId)).toContain('local/boundaries');
  });

  it.each([
    ['electron/backend/handlers/x.ts', "import { getUnitProfile } from '../db/repos/unit-repo';\nimport { withEditable } from '../services/assessments/guards';" + use('[getUnitProfile, withEditable]')],
    ['electron/backend/services/x/y.ts', "import { inTransaction } from '../../db/transaction';\nimport type { Db } from '../../db/connection';\nexport const f = (db: Db) => inTransaction(db, () => 1);"],
    ['electron/backend/db/repos/x.ts', "import Database from 'better-sqlite3';\nimport type { Db } from '../connection';\nimport type { Assessment } from '../../../../shared/schemas/assessment';\nexport const a: [typeof Database, Db?, Assessment?] = [Database];"],
    ['electron/backend/x.ts', "import type { WorkerLauncher } from './workers-seam/launcher';\nexport type L = WorkerLauncher;"],
    ['renderer/src/features/inbox/x.tsx', "import { Modal } from '../evidence/index';\nimport { AppraisalRow } from './AppraisalRow';" + use('[Modal, AppraisalRow]')],
    ['renderer/src/app/x.tsx', "import { HomePage } from '../features/home/index';" + use('HomePage')],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('SQL only in electron/backend/db', () => {
  it.each([
    ['electron/backend/services/x.ts', "export const n = (db: { prepare: (s: string) => { get: () => unknown } }) => db.prepare('SELECT 1').get();"],
    ['electron/backend/handlers/x.ts', 'export const t = (ctx: { db: { transaction: (f: () => void) => () => void } }) => ctx.db.transaction(() => {})();'],
    ['electron/backend/services/x.ts', "export const p = (db: { pragma: (s: string) => unknown }) => db.pragma('integrity_check');"],
    ['electron/backend/services/x.ts', "export const e = (db: { exec: (s: string) => void }) => db.exec('DELETE FROM answer');"],
    ['electron/backend/services/x.ts', "export const e = (conn: { exec: (s: string) => void }, sql: string) => conn.exec(sql);"],
    ['electron/cli/x.ts', "export const e = (ctx: { db: { backup: (f: string) => Promise<void> } }) => ctx.db.backup('x.sqlite');"],
  ])('%s may not: %s', async (file, code) => {
    expect((await lint(file, code)).map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });

  it.each([
    ['electron/backend/db/repos/x.ts', "export const n = (db: { prepare: (s: string) => { get: () => unknown } }) => db.prepare('SELECT 1').get();"],
    ['electron/backend/services/x.ts', 'export const m = (s: string) => /^(\\d+)$/.exec(s);'],
    ['electron/backend/services/x.ts', 'const RE = /a(b)/g;\nexport const m = (s: string) => RE.exec(s);'],
  ])('%s may: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe("one <main>, the app shell's", () => {
  it('a renderer feature may not render <main>; a <div className="page"> is fine, and so is the shell', async () => {
    const page = (tag: string) => `export const P = () => <${tag} className="page"><h1>Trang</h1></${tag}>;`;
    expect((await lint('renderer/src/features/x/XPage.tsx', page('main'))).map((m) => m.ruleId)).toContain('no-restricted-syntax');
    expect(await lint('renderer/src/features/x/XPage.tsx', page('div'))).toEqual([]);
    expect(await lint('renderer/src/app/Shell.tsx', page('main'))).toEqual([]);
  });
});

describe('no import cycles, type-only imports included', () => {
  it.each([
    // shared/schemas/assessment.ts imports ./common: a type-only import back closes the cycle.
    ['shared/schemas/common.ts', "import type { Assessment } from './assessment';\nexport type A = Assessment;"],
    // The cycle this repository had: the set schema applying the rules that walk the tree with its types.
    ['shared/schemas/indicator-set.ts', "import { checkIndicatorSet } from './indicator-set-rules';" + use('checkIndicatorSet')],
    // services/assessments/guards.ts takes a BackendContext: the context may not name its types back.
    ['electron/backend/context.ts', "import type { EditableWrite } from './services/assessments/guards';\nexport type W = EditableWrite;"],
  ])('%s may not: %s', async (file, code) => {
    const messages = await lint(file, code);
    expect(messages.map((m) => m.ruleId)).toContain('local/no-import-cycle');
    expect(messages.find((m) => m.ruleId === 'local/no-import-cycle')!.message).toMatch(/^Import cycle: /);
  });

  it('a dynamic import() may point back (it loads later and forms no load-order cycle)', async () => {
    expect(await lint('shared/schemas/common.ts', "export const later = () => import('./assessment');")).toEqual([]);
  });
});
