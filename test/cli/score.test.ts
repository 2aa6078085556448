import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

import { main } from '../../electron/cli/main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: ROOT, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe('cchc score', () => {
  it('scores the shipped example (sở) with exact totals in text and JSON', async () => {
    const args = ['score', '--set', 'hp-2025-so', '--answers', 'resources/examples/hp-2025-so-answers.json'];
    const text = await run(args);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Bộ chỉ số mẫu — chờ quyết định chính thức của UBND thành phố');
    expect(text.out).toMatch(/Tổng điểm: +86,141 \/ 95,5 \(thang 100\)/);
    expect(text.out).toMatch(/Chỉ số: +90,20 %/);
    expect(text.out).toMatch(/Xếp loại: +Tốt/);
    const json = await run([...args, '--json']);
    expect(json.code).toBe(0);
    const r = JSON.parse(json.out);
    expect(r.final).toBe(86.141);
    expect(r.index).toBe(90.2);
    expect(r.maxTotal).toBe(100);
    expect(r.applicableMax).toBe(95.5);
    expect(r.domains).toHaveLength(9);
    expect(r.completeness).toEqual({ leaves: 65, scored: 61, na: 4, unanswered: 0, pendingSurvey: 0, invalid: 0 });
    expect(r.problems).toEqual([]);
  });

  it('scores the xã/phường example from the set FILE as well as by id, identically', async () => {
    const byId = await run(['score', '--set', 'hp-2025-xa-phuong', '--answers', 'resources/examples/hp-2025-xa-phuong-answers.json', '--json']);
    const byFile = await run(['score', '--set', 'resources/indicator-sets/hp-2025-xa-phuong.json', '--answers', 'resources/examples/hp-2025-xa-phuong-answers.json', '--json']);
    expect(byId.code).toBe(0);
    expect(byFile.out).toBe(byId.out);
    expect(JSON.parse(byId.out).completeness.leaves).toBe(52);
  });

  it('exits 1 when the answers belong to another set or name unknown nodes; 2 on usage', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cchc-score-'));
    const wrong = await run(['score', '--set', 'hp-2025-so', '--answers', 'resources/examples/hp-2025-xa-phuong-answers.json']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/dành cho bộ chỉ số "hp-2025-xa-phuong"/);
    const f = JSON.parse(readFileSync(join(ROOT, 'resources/examples/hp-2025-so-answers.json'), 'utf8'));
    f.answers.push({ nodeId: 'so25-99.9', inputs: {} });
    writeFileSync(join(tmp, 'a.json'), JSON.stringify(f));
    const unknown = await run(['score', '--set', 'hp-2025-so', '--answers', join(tmp, 'a.json')]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('không có tiêu chí "so25-99.9"');
    expect((await run(['score', '--set', 'hp-2025-so'])).code).toBe(2);
    expect((await run(['score', '--set', 'nope-set', '--answers', 'x.json'])).code).toBe(1);
  });

  it('every example answer cites evidence files that exist and are small real PDF/PNG files', () => {
    for (const id of ['hp-2025-so', 'hp-2025-xa-phuong']) {
      const f = JSON.parse(readFileSync(join(ROOT, `resources/examples/${id}-answers.json`), 'utf8'));
      const paths = new Set<string>(f.answers.flatMap((a: { evidence: string[] }) => a.evidence));
      expect(paths.size).toBeGreaterThan(3);
      for (const p of paths) {
        const data = readFileSync(join(ROOT, 'resources/examples/evidence', p));
        expect(data.length).toBeLessThan(20_000);
        const magic = data.subarray(0, 5).toString('latin1');
        expect(p.endsWith('.pdf') ? magic === '%PDF-' : data.subarray(1, 4).toString() === 'PNG').toBe(true);
      }
    }
  });
});
