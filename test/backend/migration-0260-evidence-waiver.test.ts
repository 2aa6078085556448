import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { openDatabase } from '../../electron/backend/db/connection';
import { MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { migrate } from '../../electron/backend/db/migrations/runner';
import { listAnswers } from '../../electron/backend/db/repos/answer-repo';
import { makeTempDir } from '../helpers/backend';

const A = '0190a1b2-0000-7000-8000-0000000002a1';
const T = '2025-06-30T09:30:00.000Z';

describe('migration 0260: the giải trình that stood for "no evidence" becomes an explicit waiver', () => {
  it('only where a giải trình was written, the answer is not N/A and no document is linked', () => {
    const db = openDatabase(join(makeTempDir('cchc-0260-'), 'db.sqlite'));
    migrate(db, MIGRATIONS.filter((m) => m.version < 260));
    db.prepare(
      `INSERT INTO assessment (id, year, indicator_set_id, indicator_set_version, indicator_set_name, indicator_set_sha256, created_at, updated_at)
       VALUES (?, 2025, 'hp-2025-so', '2025.1', 'Bộ chỉ số sở 2025', ?, ?, ?)`,
    ).run(A, 'ab'.repeat(32), T, T);
    const answer = db.prepare(
      "INSERT INTO answer (assessment_id, node_id, inputs_json, is_na, na_reason, explanation, updated_at) VALUES (?, ?, '{\"met\":true}', ?, ?, ?, ?)",
    );
    answer.run(A, 'so25-1.1.1', 0, '', 'Có kế hoạch, đính kèm.', T); // has a document
    answer.run(A, 'so25-1.2', 0, '', 'Văn bản mật, không đính kèm.', T); // relied on the giải trình
    answer.run(A, 'so25-1.3.1', 0, '', '   ', T); // blank giải trình
    answer.run(A, 'so25-1.3.2', 1, 'Không phát sinh.', 'Không phát sinh hồ sơ.', T); // N/A
    db.prepare(
      `INSERT INTO evidence_document (id, assessment_id, sha256, size, file_kind, media_type, original_name, created_at, updated_at)
       VALUES ('d1', ?, ?, 1, 'pdf', 'application/pdf', 'kh.pdf', ?, ?)`,
    ).run(A, 'cd'.repeat(32), T, T);
    db.prepare("INSERT INTO evidence_link (assessment_id, node_id, document_id, created_at) VALUES (?, 'so25-1.1.1', 'd1', ?)").run(A, T);

    migrate(db, MIGRATIONS);
    expect(listAnswers(db, A).map((a) => [a.nodeId, a.evidenceWaiver])).toEqual([
      ['so25-1.1.1', null],
      ['so25-1.2', { reason: 'Văn bản mật, không đính kèm.' }],
      ['so25-1.3.1', null],
      ['so25-1.3.2', null],
    ]);
    db.close();
  });
});
