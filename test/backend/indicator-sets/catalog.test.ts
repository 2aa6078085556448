import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

import { canonicalJson } from '../../../shared/domain/canonical-json';
import { IndicatorSetCatalog, indicatorSetSha256, sha256Hex } from '../../../electron/backend/services/indicator-sets/catalog';

const SETS = fileURLToPath(new URL('../../../resources/indicator-sets/', import.meta.url));
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('indicator-set catalog', () => {
  it('lists both shipped sets, validated, with the SHA-256 of the canonical normalised document', () => {
    const c = new IndicatorSetCatalog(SETS);
    const list = c.list();
    expect(list.map((s) => s.id).sort()).toEqual(['hp-2025-so', 'hp-2025-xa-phuong']);
    expect(c.problems).toEqual([]);
    const so = c.get('hp-2025-so');
    expect(so.summary.isSample).toBe(true);
    expect(so.summary.sha256).toBe(sha256Hex(canonicalJson(so.document)));
    expect(so.summary.sha256).toBe(indicatorSetSha256(so.document));
    expect(so.summary.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the hash ignores formatting and key order but not content', () => {
    const raw = JSON.parse(readFileSync(join(SETS, 'hp-2025-so.json'), 'utf8'));
    const reordered = Object.fromEntries(Object.entries(raw).reverse());
    expect(indicatorSetSha256(reordered)).toBe(indicatorSetSha256(raw));
    expect(indicatorSetSha256({ ...raw, version: '2025.1' })).not.toBe(indicatorSetSha256(raw));
  });

  it('skips an invalid file, keeps its errors, and still serves the valid ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'cchc-catalog-'));
    copyFileSync(join(SETS, 'hp-2025-so.json'), join(dir, 'a.json'));
    const bad = JSON.parse(readFileSync(join(SETS, 'hp-2025-xa-phuong.json'), 'utf8'));
    bad.nodes[0].maxPoints = 11;
    writeFileSync(join(dir, 'b.json'), JSON.stringify(bad));
    const c = new IndicatorSetCatalog(dir);
    expect(c.list().map((s) => s.id)).toEqual(['hp-2025-so']);
    expect(c.problems).toHaveLength(1);
    expect(c.problems[0]).toContain('b.json: Tiêu chí 1 — maxPoints: tổng điểm các tiêu chí con (10) khác điểm tối đa (11)');
    expect(() => c.get('hp-2025-xa-phuong')).toThrow(/Không tìm thấy bộ chỉ số/);
  });
});
