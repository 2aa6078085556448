import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

import { main } from '../../electron/cli/main';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SO = join(ROOT, 'resources/indicator-sets/hp-2025-so.json');

const run = async (argv: string[], cwd = ROOT) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd, env: {} });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe('cchc set validate', () => {
  it('exits 0 for both sample sets and prints the canonical hash', async () => {
    for (const f of ['hp-2025-so.json', 'hp-2025-xa-phuong.json']) {
      const r = await run(['set', 'validate', `resources/indicator-sets/${f}`]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Bộ chỉ số hợp lệ/);
      expect(r.out).toMatch(/SHA-256 \(JSON chuẩn hóa\): [0-9a-f]{64}/);
    }
  });

  it('exits 1 listing every error, each naming its node', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    const doc = JSON.parse(readFileSync(SO, 'utf8'));
    doc.nodes[2].children[2].maxPoints = 3.5;
    doc.nodes[0].children[1].method.perEvent = -1;
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc));
    const r = await run(['set', 'validate', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/KHÔNG hợp lệ/);
    expect(r.err).toContain('- Tiêu chí 1.2 — method.perEvent:');
    const json = await run(['set', 'validate', bad, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).valid).toBe(false);
  });

  it('exits 1 for malformed JSON and 2 for usage errors', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    writeFileSync(join(tmp, 'x.json'), '{');
    expect((await run(['set', 'validate', join(tmp, 'x.json')])).code).toBe(1);
    expect((await run(['set', 'validate'])).code).toBe(2);
    expect((await run(['set', 'validate', 'a.txt'])).code).toBe(2);
    expect((await run(['set', 'validate', 'a.json', 'b.json'])).code).toBe(2);
    expect((await run(['set', 'validate', SO, '--nope'])).code).toBe(2);
  });
});

describe('cchc set convert', () => {
  it('json → xlsx → json keeps the canonical hash; the xlsx validates', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    const xlsx = join(tmp, 'so.xlsx');
    const json = join(tmp, 'so.json');
    const a = await run(['set', 'convert', SO, xlsx]);
    expect(a.code).toBe(0);
    const b = await run(['set', 'convert', xlsx, json]);
    expect(b.code).toBe(0);
    const hash = (s: string) => /SHA-256 \(JSON chuẩn hóa\): ([0-9a-f]{64})/.exec(s)![1];
    expect(hash(b.out)).toBe(hash(a.out));
    const v = await run(['set', 'validate', xlsx]);
    expect(v.code).toBe(0);
    expect(hash(v.out)).toBe(hash(a.out));
  });

  it('exits 2 on usage errors and 1 on an invalid input', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
    expect((await run(['set', 'convert', SO])).code).toBe(2);
    expect((await run(['set', 'convert', SO, join(tmp, 'x.csv')])).code).toBe(2);
    writeFileSync(join(tmp, 'bad.json'), '{"id":"x"}');
    expect((await run(['set', 'convert', join(tmp, 'bad.json'), join(tmp, 'out.xlsx')])).code).toBe(1);
  });
});
