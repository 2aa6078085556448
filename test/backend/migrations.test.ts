import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../electron/backend/db/connection';
import { MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { assertMonotonic, currentVersion, migrate } from '../../electron/backend/db/migrations/runner';
import type { Migration } from '../../electron/backend/db/migrations/types';
import { AppFailure } from '../../shared/ipc/result';
import { createTestBackend, makeTempDir } from '../helpers/backend';

const dirs: string[] = [];
const freshDb = () => {
  const d = makeTempDir();
  dirs.push(d);
  return openDatabase(join(d, 'db.sqlite'));
};
afterEach(() => dirs.splice(0));

describe('migration runner', () => {
  it('applies every migration and records the version; uses WAL + synchronous=FULL', () => {
    const db = freshDb();
    const report = migrate(db, MIGRATIONS);
    expect(report.to).toBe(MIGRATIONS.at(-1)!.version);
    expect(currentVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrate(db, MIGRATIONS).applied).toEqual([]);
  });

  it('refuses a database newer than the app, and changes nothing', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS);
    db.pragma(`user_version = ${MIGRATIONS.at(-1)!.version + 10}`);
    expect(() => migrate(db, MIGRATIONS)).toThrow(AppFailure);
    try {
      migrate(db, MIGRATIONS);
    } catch (e) {
      expect((e as AppFailure).code).toBe('DB_TOO_NEW');
      expect((e as AppFailure).message).toMatch(/phiên bản ứng dụng mới hơn/);
    }
    expect(currentVersion(db)).toBe(MIGRATIONS.at(-1)!.version + 10);
  });

  it('the backend refuses to open a newer database', () => {
    const first = createTestBackend();
    first.ctx.db.pragma('user_version = 99999');
    first.close();
    expect(() => createTestBackend({ dataDir: first.dataDir })).toThrow(/mới hơn/);
  });

  it('rolls back a failing migration completely (old schema intact)', () => {
    const db = freshDb();
    const broken: Migration[] = [
      { version: 10, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 20, name: 'broken', up: (d) => { d.exec('CREATE TABLE b (x INTEGER) STRICT'); throw new Error('boom'); } },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(currentVersion(db)).toBe(10);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
  });

  it('calls beforeMigrate once before pending steps (backup hook)', () => {
    const db = freshDb();
    const calls: Array<[number, number]> = [];
    migrate(db, MIGRATIONS, (from, to) => calls.push([from, to]));
    migrate(db, MIGRATIONS, (from, to) => calls.push([from, to]));
    expect(calls).toEqual([[0, MIGRATIONS.at(-1)!.version]]);
  });

  it('detects mis-numbered migration lists', () => {
    expect(() => assertMonotonic([{ version: 20, name: 'a', up: () => {} }, { version: 10, name: 'b', up: () => {} }])).toThrow(/out of order/);
  });
});
