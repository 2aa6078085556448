import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { dataPaths } from '../../../electron/backend/data-dir';
import { openDatabase } from '../../../electron/backend/db/connection';
import { MIGRATIONS } from '../../../electron/backend/db/migrations/index';
import { migrate } from '../../../electron/backend/db/migrations/runner';
import { listAutomaticBackups, takeAutomaticBackup } from '../../../electron/backend/services/backup/auto';
import { errnoError, setBackupFaults } from '../../../electron/backend/services/backup/faults';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { validUnit } from '../evidence/fixtures';

const open: TestBackend[] = [];
afterEach(() => {
  while (open.length) open.pop()!.cleanup();
});

/** Opens a backend on `dataDir` at a pinned clock; closes it (keeping the folder) unless `keep`. */
const start = (dataDir: string, at: string, keep?: number) => {
  const b = createTestBackend({ dataDir, now: () => new Date(at), ...(keep ? { backupKeep: keep } : {}) });
  return b;
};

describe('automatic backups', () => {
  it('a brand-new data folder is not backed up; afterwards one start-up backup per 24 h', async () => {
    const dir = makeTempDir();
    const backups = dataPaths(dir).backups;
    const b1 = start(dir, '2025-08-01T08:00:00Z');
    expect(listAutomaticBackups(backups)).toEqual([]);
    await callOk(b1, 'unit.save', validUnit);
    b1.close();
    start(dir, '2025-08-01T09:00:00Z').close();
    expect(listAutomaticBackups(backups).map((x) => x.name)).toEqual(['cchc-20250801-090000-startup.sqlite']);
    start(dir, '2025-08-02T08:59:00Z').close(); // 23 h 59 min later: not due
    expect(listAutomaticBackups(backups)).toHaveLength(1);
    const last = start(dir, '2025-08-02T09:00:01Z');
    open.push(last);
    const list = listAutomaticBackups(backups);
    expect(list.map((x) => x.name)).toEqual(['cchc-20250802-090001-startup.sqlite', 'cchc-20250801-090000-startup.sqlite']);
    // Each is a complete, consistent SQLite database containing the committed data, plus an evidence inventory.
    const copy = new Database(join(backups, list[0]!.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM unit_profile').pluck().get()).toBe(validUnit.name);
    copy.close();
    const inv = JSON.parse(readFileSync(join(backups, `${list[0]!.name}.evidence.json`), 'utf8')) as { format: string; files: unknown[] };
    expect(inv.format).toBe('CCHC-EVIDENCE-INVENTORY/1');
    expect((await callOk<{ backups: unknown[]; keep: number }>(last, 'backup.list')).backups).toHaveLength(2);
  });

  it('keeps only the newest N (backupKeep), with their inventories', () => {
    const b = start(makeTempDir(), '2025-08-01T00:00:00Z', 3);
    open.push(b);
    const env = { backupsDir: dataPaths(b.dataDir).backups, dataDir: b.dataDir, rt: {}, keep: 3 };
    for (let i = 0; i < 5; i++) takeAutomaticBackup(b.ctx.db, { ...env, now: () => new Date(Date.UTC(2025, 7, 1 + i)) }, 'startup');
    const names = listAutomaticBackups(env.backupsDir).map((x) => x.name);
    expect(names).toEqual(['cchc-20250805-000000-startup.sqlite', 'cchc-20250804-000000-startup.sqlite', 'cchc-20250803-000000-startup.sqlite']);
    expect(readdirSync(env.backupsDir).sort()).toEqual(names.flatMap((n) => [n, `${n}.evidence.json`]).sort());
  });

  it('before every migration: a snapshot of the OLD schema and data is taken first', async () => {
    const dir = makeTempDir();
    // A database as an older app version left it: only the first migration applied, with data in it.
    const old = openDatabase(dataPaths(dir).database);
    migrate(old, MIGRATIONS.slice(0, 1));
    const oldVersion = MIGRATIONS[0]!.version;
    old
      .prepare("INSERT INTO unit_profile (id, name, code, type, focal_point_json, head_json, updated_at) VALUES (1, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z')")
      .run(validUnit.name, validUnit.code, validUnit.type, JSON.stringify(validUnit.focalPoint), JSON.stringify(validUnit.head));
    old.close();
    const b = start(dir, '2025-08-03T10:00:00Z');
    open.push(b);
    const list = listAutomaticBackups(dataPaths(dir).backups);
    expect(list.map((x) => x.reason)).toEqual(['pre-migrate']);
    const snap = new Database(join(dataPaths(dir).backups, list[0]!.name), { readonly: true });
    expect(snap.pragma('user_version', { simple: true })).toBe(oldVersion);
    expect(snap.prepare('SELECT count(*) FROM unit_profile').pluck().get()).toBe(1);
    snap.close();
    expect(b.ctx.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    // The same start-up does not add a second (start-up) backup: the pre-migration one is less than a day old.
    expect(listAutomaticBackups(dataPaths(dir).backups)).toHaveLength(1);
  });

  it('if the pre-migration backup cannot be written, the upgrade is refused and the old database is untouched', () => {
    const dir = makeTempDir();
    const old = openDatabase(dataPaths(dir).database);
    migrate(old, MIGRATIONS.slice(0, 1));
    old.close();
    // The disk fills up just as the snapshot is about to be committed.
    setBackupFaults({ beforeRename: () => { throw errnoError('ENOSPC'); } });
    try {
      expect(() => start(dir, '2025-08-03T10:00:00Z')).toThrow(/Không sao lưu được dữ liệu trước khi nâng cấp.*Ổ đĩa đã đầy/);
    } finally {
      setBackupFaults({});
    }
    expect(readdirSync(dataPaths(dir).backups)).toEqual([]); // no half snapshot left behind
    const check = new Database(dataPaths(dir).database, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS[0]!.version);
    check.close();
    expect(existsSync(dataPaths(dir).database)).toBe(true);
  });
});
