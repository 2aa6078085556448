import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../electron/backend/db/connection';
import type { Db } from '../../electron/backend/db/connection';
import { MIGRATIONS } from '../../electron/backend/db/migrations/index';
import { currentVersion, migrate } from '../../electron/backend/db/migrations/runner';
import { listAnswers } from '../../electron/backend/db/repos/answer-repo';
import { findAssessment } from '../../electron/backend/db/repos/assessment-repo';
import { listDocumentRows } from '../../electron/backend/db/repos/evidence-repo';
import { listSubmissions } from '../../electron/backend/db/repos/submission-repo';
import { getReportDocument, saveReportDocument } from '../../electron/backend/db/repos/report-document-repo';
import { getSignatureImage } from '../../electron/backend/db/repos/signature-image-repo';
import { assessmentRoundId, bindAssessmentsToRound, listReceivedRounds, saveReceivedRound } from '../../electron/backend/db/repos/received-round-repo';
import { getUnitProfile } from '../../electron/backend/db/repos/unit-repo';
import { defaultLetterhead } from '../../shared/domain/admin-document/defaults';
import { EMPTY_REPORT_DOCUMENT } from '../../shared/schemas/document-fields';
import { makeTempDir } from '../helpers/backend';

/**
 * Upgrades of databases that already hold data: for every older schema version N, a database is built by
 * running the migrations up to N, filled with realistic rows written in THAT version's schema (raw SQL on
 * purpose: the repos speak the newest schema), then migrated to the newest. Every row must survive with
 * its values, the newest repos must read them, and the constraints must still hold.
 */
/** `readAs`: the table's name in the newest schema when a later migration renamed it (0280: `answer_*` → `reply_*`). */
type Seed = { since: number; table: string; readAs?: string; rows: Record<string, string | number | null>[] };

const A1 = '0190a1b2-0000-7000-8000-000000000001';
const A2 = '0190a1b2-0000-7000-8000-000000000002';
const SHA = 'ab'.repeat(32);
const T0 = '2025-03-01T08:00:00.000Z';
const T1 = '2025-06-30T09:30:00.000Z';

/** Rows in the order their tables appeared (parents before children). */
const SEEDS: Seed[] = [
  {
    since: 10,
    table: 'unit_profile',
    rows: [{ id: 1, name: 'Sở Tư pháp thành phố Hải Phòng', code: 'STP-HP', type: 'SO', focal_point_json: '{"name":"Lê Thị Hoa","title":"Chuyên viên","phone":"","email":""}', head_json: '{"name":"Phạm Văn Đông","title":"Giám đốc","phone":"","email":""}', updated_at: T0 }],
  },
  {
    since: 10,
    table: 'assessment',
    rows: [
      { id: A1, year: 2025, indicator_set_id: 'hp-2025-so', indicator_set_version: '2025.1', indicator_set_name: 'Bộ chỉ số sở 2025', indicator_set_sha256: SHA, revision: 1, supersedes_revision: null, status: 'draft', deadline: '2025-12-15', created_at: T0, updated_at: T1 },
      { id: A2, year: 2024, indicator_set_id: 'hp-2025-so', indicator_set_version: '2025.1', indicator_set_name: 'Bộ chỉ số sở 2025', indicator_set_sha256: SHA, revision: 2, supersedes_revision: 1, status: 'locked', deadline: null, created_at: T0, updated_at: T1 },
    ],
  },
  {
    since: 20,
    table: 'answer',
    rows: [
      { assessment_id: A1, node_id: 'so25-3.3', inputs_json: '{"numerator":14,"denominator":1000}', is_na: 0, na_reason: '', explanation: '14 hồ sơ trễ hạn do phải xác minh thực địa.', updated_at: T1 },
      { assessment_id: A1, node_id: 'so25-6.1', inputs_json: '{}', is_na: 1, na_reason: 'Không được giao vốn đầu tư công.', explanation: '', updated_at: T1 },
    ],
  },
  {
    since: 20,
    table: 'answer_history',
    rows: [{ id: 1, assessment_id: A1, node_id: 'so25-3.3', previous_json: 'null', changed_at: T0 }],
  },
  {
    since: 30,
    table: 'evidence_document',
    rows: [{ id: 'doc-1', assessment_id: A1, sha256: SHA, size: 12_345, file_kind: 'pdf', media_type: 'application/pdf', original_name: 'Kế hoạch CCHC 2025.pdf', doc_type: 'Kế hoạch', doc_number: '12/KH-STP', issued_on: '2025-01-10', summary: 'Kế hoạch cải cách hành chính năm 2025', issuer: 'Sở Tư pháp', note: '', created_at: T0, updated_at: T0 }],
  },
  {
    since: 30,
    table: 'evidence_link',
    rows: [{ assessment_id: A1, node_id: 'so25-1.1.1', document_id: 'doc-1', created_at: T0 }],
  },
  {
    since: 40,
    table: 'submission',
    rows: [{ id: 'sub-1', assessment_id: A2, submission_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', revision: 1, supersedes: null, bundle_sha256: 'cd'.repeat(32), bundle_size: 1_048_576, path: '/home/hoa/STP-HP_2024_0190a1b2.asice', signer_subject: 'CN=Nguyễn Văn An', signer_sha256: 'ef'.repeat(32), verification_code: 'OK', created_at: T1 }],
  },
  {
    since: 50,
    table: 'report_narrative',
    rows: [{ assessment_id: A1, basis: 'Kế hoạch số 12/KH-STP', strengths: 'Hoàn thành đúng hạn.', weaknesses: 'Còn hồ sơ trễ hạn.', causes: 'Thiếu nhân lực.', recommendations: 'Bổ sung biên chế.', updated_at: T1 }],
  },
  {
    // From 0060 on the revision history is written by the app; below 0060 the migration backfills it.
    since: 60,
    table: 'assessment_revision',
    rows: [
      { assessment_id: A1, revision: 1, supersedes: null, created_at: T0 },
      { assessment_id: A2, revision: 1, supersedes: null, created_at: T0 },
      { assessment_id: A2, revision: 2, supersedes: 1, created_at: T1 },
    ],
  },
  {
    since: 70,
    table: 'survey_result',
    rows: [{ assessment_id: A1, node_id: 'so25-1.7', source_note: 'Kết quả điều tra XHH 2025 do Sở Nội vụ cung cấp', origin: 'import', file_name: 'xhh-2025.xlsx', updated_at: T1 }],
  },
  {
    since: 80,
    table: 'imported_submission',
    rows: [{ id: 'imp-1', submission_id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', revision: 1, supersedes: null, unit_code: 'HB', unit_name: 'Ủy ban nhân dân phường Hồng Bàng', unit_type: 'PHUONG', year: 2025, set_id: 'hp-2025-xa-phuong', set_version: '2025.1', set_sha256: SHA, bundle_sha256: 'cd'.repeat(32), bundle_size: 2_097_152, signer_subject: 'CN=Nguyễn Văn Đức', signer_sha256: 'ef'.repeat(32), status: 'VALID', verification_json: '{"code":"VALID"}', submission_json: '{}', imported_at: T1 }],
  },
  {
    since: 80,
    table: 'imported_answer',
    rows: [{ import_id: 'imp-1', node_id: 'xa25-1.2', value_json: '{"count":0}', note: '', evidence_json: '[]', declared_points: 1500, declared_max: 1500, declared_explanation: 'Không có vi phạm.' }],
  },
  {
    since: 80,
    table: 'imported_evidence',
    rows: [{ import_id: 'imp-1', path: 'evidence/ke-hoach.pdf', original_name: 'Kế hoạch.pdf', media_type: 'application/pdf', size: 4_096, sha256: SHA, metadata_json: '{}' }],
  },
  {
    since: 80,
    table: 'appraisal',
    rows: [{ import_id: 'imp-1', node_id: 'xa25-1.2', appraised_milli: 1000, comment: 'Thiếu báo cáo quý IV.', updated_at: T1 }],
  },
  { since: 140, table: 'registry_year', rows: [{ year: 2025, opened_at: T0, opened_by: 'Lê Thị Hoa' }] },
  { since: 140, table: 'registry_unit', rows: [{ year: 2025, code: 'P-HB', name: 'UBND phường Hồng Bàng', block: 'PHUONG', added_at: T0 }] },
  {
    since: 140,
    table: 'registry_signer',
    rows: [{ id: 1, year: 2025, unit_code: 'P-HB', sha256: 'ef'.repeat(32), subject: 'CN=Nguyễn Văn Đức', issuer: 'CN=Test CA', serial: '0a1b', not_before: T0, not_after: '2027-03-01T08:00:00.000Z', source: 'template', added_at: T0, added_by: 'Lê Thị Hoa', revoked_at: null, revoked_by: null }],
  },
  {
    since: 140,
    table: 'registry_audit',
    rows: [{ id: 1, at: T0, who: 'Lê Thị Hoa', action: 'IMPORT_TEMPLATE', year: 2025, unit_code: '', sha256: '', detail: 'so-dang-ky-2025.xlsx: 1 đơn vị, 1 người ký' }],
  },
  {
    // The unit's giải trình draft and what it sent (0250), under the reply capability's names since 0280.
    since: 250,
    table: 'answer_item',
    readAs: 'reply_item',
    rows: [{ result_id: 'res-1', node_id: 'so25-3.3', text: 'Đã bổ sung báo cáo quý IV.', requested: 1500, updated_at: T1 }],
  },
  {
    since: 250,
    table: 'answer_evidence',
    readAs: 'reply_evidence',
    rows: [{ id: 'new-1', result_id: 'res-1', sha256: SHA, size: 2_048, file_kind: 'pdf', media_type: 'application/pdf', original_name: 'Báo cáo quý IV.pdf', created_at: T1 }],
  },
  {
    since: 250,
    table: 'answer_item_evidence',
    readAs: 'reply_item_evidence',
    rows: [{ result_id: 'res-1', node_id: 'so25-3.3', position: 0, source: 'NEW', ref_id: 'new-1' }],
  },
  {
    since: 250,
    table: 'answer_sent',
    readAs: 'reply_sent',
    rows: [{ explanation_id: 'exp-1', revision: 1, result_id: 'res-1', result_revision: 1, result_sha256: SHA, package_sha256: 'cd'.repeat(32), package_size: 8_192, file_name: 'STP-HP_GiaiTrinh_2025_r1.asice', explanation_json: '{}', sent_at: T1 }],
  },
];

const dirs: string[] = [];
afterEach(() => dirs.splice(0));
const openAt = (version: number): Db => {
  const d = makeTempDir('cchc-migrate-');
  dirs.push(d);
  const db = openDatabase(join(d, 'db.sqlite'));
  migrate(db, MIGRATIONS.filter((m) => m.version <= version));
  expect(currentVersion(db)).toBe(version);
  return db;
};
const insert = (db: Db, s: Seed): void => {
  for (const row of s.rows) {
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO ${s.table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  }
};
const rowsOf = (db: Db, table: string): Record<string, unknown>[] => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
const NEWEST = MIGRATIONS.at(-1)!.version;
const OLDER = MIGRATIONS.map((m) => m.version).filter((v) => v < NEWEST);

describe('migrations on databases that already hold rows', () => {
  it('there is an older version to upgrade from for every migration but the newest', () => {
    expect(OLDER).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 130, 140, 150, 160, 200, 230, 240, 250, 260, 270]);
  });

  it.each(OLDER)('from user_version %i: every row survives the upgrade, the newest repos read it, constraints hold', (from) => {
    const db = openAt(from);
    const seeded = SEEDS.filter((s) => s.since <= from);
    for (const s of seeded) insert(db, s);

    const report = migrate(db, MIGRATIONS);
    expect(report.from).toBe(from);
    expect(report.to).toBe(NEWEST);
    expect(report.applied).toEqual(MIGRATIONS.filter((m) => m.version > from).map((m) => `${m.version}-${m.name}`));

    for (const s of seeded) {
      const got = rowsOf(db, s.readAs ?? s.table);
      expect(got.length, s.table).toBe(s.rows.length);
      s.rows.forEach((row, i) => expect(got[i], `${s.table}[${i}]`).toMatchObject(row));
    }
    if (from < 60) {
      // 0060 backfills one history row per assessment from its current revision.
      expect(rowsOf(db, 'assessment_revision')).toEqual([
        { assessment_id: A1, revision: 1, supersedes: null, created_at: T0 },
        { assessment_id: A2, revision: 2, supersedes: 1, created_at: T0 },
      ]);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The newest code reads what the old schema stored (0090: the letterhead a unit never saved is its type's).
    expect(getUnitProfile(db)?.code).toBe('STP-HP');
    expect(getUnitProfile(db)?.letterhead).toEqual(defaultLetterhead('SO', 'Sở Tư pháp thành phố Hải Phòng'));
    expect(getReportDocument(db, A1)).toEqual({ document: EMPTY_REPORT_DOCUMENT, updatedAt: null });
    expect(findAssessment(db, A1)).toMatchObject({ id: A1, year: 2025, status: 'draft', revision: 1, deadline: '2025-12-15' });
    expect(findAssessment(db, A2)).toMatchObject({ id: A2, status: 'locked', revision: 2, supersedesRevision: 1 });
    // 0120: A1 and A2 differ in year, so neither is marked a duplicate; a second draft of A1's year and set is refused.
    expect(findAssessment(db, A1)?.duplicateOf).toBeUndefined();
    expect(findAssessment(db, A2)?.duplicateOf).toBeUndefined();
    if (from >= 20) {
      const answers = listAnswers(db, A1);
      expect(answers.map((a) => [a.nodeId, a.inputs, a.notApplicable])).toEqual([
        ['so25-3.3', { numerator: 14, denominator: 1000 }, null],
        ['so25-6.1', {}, { reason: 'Không được giao vốn đầu tư công.' }],
      ]);
      // 0260: the giải trình that stood for "no evidence" on 3.3 (no document linked) becomes its explicit waiver,
      // the giải trình itself stays; an N/A answer gets none. A row written in 0260's schema keeps what it says.
      expect(answers.map((a) => [a.nodeId, a.explanation, a.evidenceWaiver])).toEqual([
        ['so25-3.3', '14 hồ sơ trễ hạn do phải xác minh thực địa.', from < 260 ? { reason: '14 hồ sơ trễ hạn do phải xác minh thực địa.' } : null],
        ['so25-6.1', '', null],
      ]);
      expect(() => db.prepare("UPDATE answer SET evidence_waiver = '  ' WHERE node_id = 'so25-6.1'").run()).toThrow(/CHECK constraint failed/);
    }
    if (from >= 30) expect(listDocumentRows(db, A1).map((d) => [d.id, d.originalName, d.size])).toEqual([['doc-1', 'Kế hoạch CCHC 2025.pdf', 12_345]]);
    if (from >= 40) {
      // 0270: a bundle recorded before it has no record of its self scores (its results are shown without that check).
      expect(listSubmissions(db, A2).map((s) => [s.revision, s.bundleSize, s.selfScores])).toEqual([[1, 1_048_576, null]]);
      expect(() => db.prepare("UPDATE submission SET self_scores = 'not json'").run()).toThrow(/CHECK constraint failed/);
      expect(() => db.prepare("UPDATE submission SET self_scores = '[1000]'").run()).toThrow(/CHECK constraint failed/);
      // A backup's record that is an object but not {nodeId: integer} reads as no record (a restore is outside data).
      db.prepare(`UPDATE submission SET self_scores = '{"so25-1.1":"1000"}'`).run();
      expect(listSubmissions(db, A2).map((s) => s.selfScores)).toEqual([null]);
      db.prepare(`UPDATE submission SET self_scores = '{"so25-1.1":1000}'`).run();
      expect(listSubmissions(db, A2).map((s) => s.selfScores)).toEqual([{ 'so25-1.1': 1000 }]);
    }
    // 0200: existing assessments are bound to no round until the unit imports one; then the year's binds.
    expect([assessmentRoundId(db, A1), assessmentRoundId(db, A2), listReceivedRounds(db)]).toEqual([null, null, []]);
    const round = { roundId: '0190a1b2-0000-7000-8000-00000000000r', year: 2025, revision: 1, issuerCode: 'SNV-HP', issuerName: 'Sở Nội vụ thành phố Hải Phòng', signerSubject: 'CN=Lê Văn Cường', signerSha256: 'ab'.repeat(32), packageSha256: 'cd'.repeat(32), deadlines: { selfAssessmentDue: '2025-11-30', explanationStart: '2026-01-05', explanationEnd: '2026-01-15' }, roundJson: '{}', verificationJson: '{}', importedAt: T1 };
    saveReceivedRound(db, round, [{ block: 'SO', setId: 'hp-2025-so', setVersion: '2025.1', setSha256: SHA }]);
    expect(bindAssessmentsToRound(db, { roundId: round.roundId, year: 2025, setSha256: SHA, deadline: '2025-11-30', now: T1 })).toEqual({ bound: [A1], other: [] });
    expect([assessmentRoundId(db, A1), findAssessment(db, A1)?.deadline]).toEqual([round.roundId, '2025-11-30']);

    // 0130: no signature images before the unit uploads them; the table refuses a width on the signature.
    expect(getSignatureImage(db, 'signature')).toBeNull();
    expect(getSignatureImage(db, 'seal')).toBeNull();

    // Constraints still bite after the upgrade.
    const bad = (sql: string, params: unknown[]) => () => db.prepare(sql).run(...params);
    expect(bad("UPDATE assessment SET status = 'archived' WHERE id = ?", [A1])).toThrow(/CHECK constraint failed/);
    expect(bad('INSERT INTO unit_profile (id, name, code, type, focal_point_json, head_json, updated_at) VALUES (2, ?, ?, ?, ?, ?, ?)', ['x', 'x', 'SO', '{}', '{}', T0])).toThrow(/CHECK constraint failed/);
    expect(bad("INSERT INTO answer (assessment_id, node_id, inputs_json, updated_at) VALUES ('missing', 'n', '{}', ?)", [T0])).toThrow(/FOREIGN KEY constraint failed/);
    const twice = "INSERT INTO answer (assessment_id, node_id, inputs_json, updated_at) VALUES (?, 'so25-9.1.1', '{}', ?)";
    db.prepare(twice).run(A1, T0);
    expect(bad(twice, [A1, T0])).toThrow(/UNIQUE constraint failed/);
    expect(bad("INSERT INTO answer (assessment_id, node_id, inputs_json, updated_at) VALUES (?, 'n', 'not json', ?)", [A1, T0])).toThrow(/CHECK constraint failed/);
    expect(bad("INSERT INTO assessment (id, year, indicator_set_id, indicator_set_version, indicator_set_name, indicator_set_sha256, created_at, updated_at) VALUES ('twin', 2025, 'hp-2025-so', '2025.1', 'x', ?, ?, ?)", [SHA, T0, T0])).toThrow(/UNIQUE constraint failed/);
    expect(bad("INSERT INTO evidence_document (id, assessment_id, sha256, size, file_kind, media_type, original_name, created_at, updated_at) VALUES ('d2', ?, 'short', 1, 'pdf', 'application/pdf', 'a.pdf', ?, ?)", [A1, T0, T0])).toThrow(/CHECK constraint failed/);
    const image = "INSERT INTO unit_signature_image (kind, png, width, height, sha256, width_mm, updated_at) VALUES (?, x'89504e470d0a1a0a', 10, 10, ?, ?, ?)";
    expect(bad(image, ['signature', SHA, 36, T0])).toThrow(/CHECK constraint failed/);
    expect(bad(image, ['seal', SHA, 5, T0])).toThrow(/CHECK constraint failed/);
    expect(bad(image, ['stamp', SHA, null, T0])).toThrow(/CHECK constraint failed/);
    expect(bad("INSERT INTO round_set (round_id, block, set_id, set_version, set_sha256) VALUES ('r', 'QUAN', 's', '1', 'x')", [])).toThrow(/CHECK constraint failed/);
    expect(bad("UPDATE assessment SET round_id = 'no-such-round' WHERE id = ?", [A2])).toThrow(/FOREIGN KEY constraint failed/);
    expect(bad("INSERT INTO survey_result (assessment_id, node_id, source_note, origin, file_name, updated_at) VALUES (?, 'n', '', 'guessed', '', ?)", [A1, T0])).toThrow(/CHECK constraint failed/);
    // The register (0140): a signer hangs off a listed unit, a fingerprint is 64 lower-case hex digits.
    if (from < 140) db.prepare("INSERT INTO registry_year (year, opened_at, opened_by) VALUES (2025, ?, 'x')").run(T0);
    expect(bad("INSERT INTO registry_signer (year, unit_code, sha256, subject, issuer, serial, not_before, not_after, source, added_at, added_by) VALUES (2025, 'NONE', ?, '', '', '', ?, ?, 'template', ?, '')", ['ab'.repeat(32), T0, T1, T0])).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare("INSERT INTO registry_unit (year, code, name, block, added_at) VALUES (2025, 'X-AL', 'UBND xã An Lão', 'XA_DAC_KHU', ?)").run(T0);
    expect(bad("INSERT INTO registry_signer (year, unit_code, sha256, subject, issuer, serial, not_before, not_after, source, added_at, added_by) VALUES (2025, 'X-AL', ?, '', '', '', ?, ?, 'template', ?, '')", ['AB'.repeat(32), T0, T1, T0])).toThrow(/CHECK constraint failed/);
    expect(bad("INSERT INTO received_survey (year, unit_code, node_id, value, updated_at, updated_by) VALUES (2025, 'X-AL', 'n', -1, ?, '')", [T0])).toThrow(/CHECK constraint failed/);
    if (from >= 250) {
      // 0280: the renamed draft keeps its foreign key (a criterion's evidence goes with it) and its indexes.
      const names = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'reply\\_%' ESCAPE '\\' OR name LIKE 'answer\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
      // answer_history and its index are the answers capability's own (0020), not 0250's.
      expect(names).toEqual(['answer_history', 'answer_history_assessment', 'reply_evidence', 'reply_evidence_by_sha', 'reply_final', 'reply_item', 'reply_item_evidence', 'reply_result', 'reply_result_by_year', 'reply_sent', 'reply_sent_by_result']);
      expect(bad("INSERT INTO reply_item_evidence (result_id, node_id, position, source, ref_id) VALUES ('res-1', 'none', 0, 'NEW', 'new-1')", [])).toThrow(/FOREIGN KEY constraint failed/);
      db.prepare("DELETE FROM reply_item WHERE result_id = 'res-1'").run();
      expect(rowsOf(db, 'reply_item_evidence')).toEqual([]);
    }
    // Deleting an assessment still cascades to everything hanging off it.
    saveReportDocument(db, A1, { ...EMPTY_REPORT_DOCUMENT, number: '12' }, T1);
    db.prepare('DELETE FROM assessment WHERE id = ?').run(A1);
    for (const t of ['answer', 'answer_history', 'evidence_document', 'evidence_link', 'report_narrative', 'survey_result', 'report_document']) {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE assessment_id = ?`).get(A1), t).toEqual({ n: 0 });
    }
    db.close();
  });
});
