import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../electron/backend/db/connection';
import { MIGRATIONS } from '../../../electron/backend/db/migrations/index';
import { migrate } from '../../../electron/backend/db/migrations/runner';
import { listAssessments } from '../../../electron/backend/db/repos/assessment-repo';
import type { Assessment } from '../../../shared/schemas/assessment';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

const UNIT = {
  name: 'Ủy ban nhân dân phường Hồng Bàng',
  code: 'P-HONGBANG',
  type: 'PHUONG',
  focalPoint: { name: 'Trần Thị Ngọc Ánh', title: 'Công chức', phone: '', email: '' },
  head: { name: 'Nguyễn Văn Đức', title: 'Chủ tịch', phone: '', email: '' },
};
const SET = 'hp-2025-xa-phuong';

let b: TestBackend | null = null;
afterEach(() => {
  b?.cleanup();
  b = null;
});

describe('one assessment per year and indicator set', () => {
  it('refuses a second assessment of the same year and set with ASSESSMENT_EXISTS naming the existing one; another year is fine', async () => {
    b = createTestBackend();
    expect((await b.call('unit.save', UNIT)).ok).toBe(true);
    const first = await callOk<Assessment>(b, 'assessments.create', { year: 2025, indicatorSetId: SET });
    const again = await b.call('assessments.create', { year: 2025, indicatorSetId: SET, deadline: '2025-12-31' });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.code).toBe('CONFLICT');
    expect(again.error.reason).toBe('ASSESSMENT_EXISTS');
    expect(again.error.params).toEqual({ year: 2025, set: first.indicatorSetName, assessmentId: first.id });
    const list = await callOk<Assessment[]>(b, 'assessments.list', {});
    expect(list.map((a) => a.id)).toEqual([first.id]);
    const other = await b.call('assessments.create', { year: 2026, indicatorSetId: SET });
    expect(other.ok).toBe(true);
  });
});

describe('migration 0160 on a database that already holds twins', () => {
  it('keeps every row and its answers, marks all but one per year and set as duplicate_of the kept one, and the index refuses a new twin', () => {
    const dir = makeTempDir('cchc-0160-');
    const db = openDatabase(join(dir, 'db.sqlite'));
    migrate(db, MIGRATIONS.filter((m) => m.version < 160));
    const row = (id: string, year: number, revision: number, updated: string) =>
      db
        .prepare(
          `INSERT INTO assessment (id, year, indicator_set_id, indicator_set_version, indicator_set_name, indicator_set_sha256,
             revision, status, created_at, updated_at) VALUES (?, ?, ?, '2025.1', 'Bộ chỉ số phường 2025', ?, ?, 'draft', '2025-03-01T00:00:00.000Z', ?)`,
        )
        .run(id, year, SET, 'ab'.repeat(32), revision, updated);
    row('a-old', 2025, 1, '2025-04-01T00:00:00.000Z');
    row('a-latest', 2025, 1, '2025-06-01T00:00:00.000Z');
    row('a-other', 2025, 1, '2025-05-01T00:00:00.000Z');
    row('b-2024', 2024, 1, '2025-01-01T00:00:00.000Z');
    db.prepare("INSERT INTO answer (assessment_id, node_id, inputs_json, updated_at) VALUES ('a-old', 'xa25-1.2', '{\"count\":1}', '2025-04-01T00:00:00.000Z')").run();

    migrate(db, MIGRATIONS);

    const byId = new Map(listAssessments(db).map((a) => [a.id, a]));
    expect([...byId.keys()].sort()).toEqual(['a-latest', 'a-old', 'a-other', 'b-2024']);
    expect(byId.get('a-latest')?.duplicateOf).toBeUndefined();
    expect(byId.get('a-old')?.duplicateOf).toBe('a-latest');
    expect(byId.get('a-other')?.duplicateOf).toBe('a-latest');
    expect(byId.get('b-2024')?.duplicateOf).toBeUndefined();
    expect(db.prepare("SELECT inputs_json FROM answer WHERE assessment_id = 'a-old'").pluck().get()).toBe('{"count":1}');
    expect(() => row('a-new', 2025, 1, '2025-07-01T00:00:00.000Z')).toThrow(/UNIQUE constraint failed/);
    db.close();
  });
});
