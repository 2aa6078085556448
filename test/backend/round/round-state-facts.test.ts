import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { unitRoundFacts } from '../../../electron/backend/db/repos/round-state-repo';
import { addUnit, openYear } from '../../../electron/backend/services/registry/register';
import { createTestBackend } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

/**
 * The dashboard's later facts come from the tables of the packages after the submission: a result package
 * issued (0230 issued_result), a giải trình received (0240 received_explanation), the year closed for the unit
 * (0240 closed_unit). Rows are written directly (foreign keys off for this connection), so the test pins the
 * query alone: each fact for its own unit, the year respected.
 */
let b: TestBackend;
beforeAll(() => {
  b = createTestBackend();
  openYear(b.ctx, 2025);
  for (const [code, block] of [['STP-HP', 'SO'], ['P-HA', 'PHUONG'], ['X-CH', 'XA_DAC_KHU'], ['P-LC', 'PHUONG']] as const) addUnit(b.ctx, 2025, { code, name: code, block });
  const db = b.ctx.db;
  db.pragma('foreign_keys = OFF');
  const T = '2026-01-02T00:00:00.000Z';
  db.prepare(`INSERT INTO issued_result VALUES ('r1', 1, 'imp-1', 'round', 2025, 'STP-HP', 'SO', 'a', 1, 'f', '{}', ?)`).run(T);
  db.prepare(`INSERT INTO issued_result VALUES ('r9', 1, 'imp-9', 'round', 2024, 'P-LC', 'PHUONG', 'a', 1, 'f', '{}', ?)`).run(T);
  db.prepare(`INSERT INTO received_explanation VALUES ('x1', 'e1', 1, 2025, 'p-ha', 'P-HA', 'PHUONG', 'r2', 1, 'b', 1, 's', 's', '2026-01-06', '{}', '{}', ?)`).run(T);
  db.prepare(`INSERT INTO round_closing VALUES (2025, 'round', ?)`).run(T);
  db.prepare(`INSERT INTO closed_unit VALUES (2025, 'X-CH', 'X-CH', 'XA_DAC_KHU', 'imp-3', NULL, NULL, 0, NULL, 1, '{}')`).run();
  db.pragma('foreign_keys = ON');
});
afterAll(() => b?.cleanup());

describe('round dashboard facts from the result, giải trình and closing tables', () => {
  it('each unit gets exactly its own facts (unit codes compared without case), and another year counts for nothing', () => {
    const facts = unitRoundFacts(b.ctx.db, 2025).map((f) => [f.code, f.resultSent, f.explanationReceived, f.closed]);
    expect(facts.sort()).toEqual([
      ['P-HA', false, true, false],
      ['P-LC', false, false, false],
      ['STP-HP', true, false, false],
      ['X-CH', false, false, true],
    ]);
  });
});
