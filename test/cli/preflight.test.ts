import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../electron/backend/backend';
import { main } from '../../electron/cli/main';
import { ASCII_PASSWORD, createTestPki } from '../helpers/pki';
import type { TestPki } from '../helpers/pki';

/**
 * The CLI applies the app's preflight (shared/domain/preflight.ts): a manual score off its step or a rate
 * 101/100 makes score, report and pack exit 1 naming the criterion and the value; nothing is written.
 */
const EXAMPLES = join(PROJECT_ROOT, 'resources', 'examples');
const run = async (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

let dir: string;
let pki: TestPki;
type Answers = { unit: { code: string }; answers: { nodeId: string; inputs: Record<string, unknown> }[] };
const example = (): Answers => JSON.parse(readFileSync(join(EXAMPLES, 'hp-2025-so-answers.json'), 'utf8')) as Answers;
const write = (name: string, v: unknown) => {
  writeFileSync(join(dir, name), JSON.stringify(v));
  return join(dir, name);
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-cli-pre-'));
  pki = await createTestPki();
  // The shipped set has no MANUAL criterion: 1.1.1 becomes one (step 0,25) in a copy of the set.
  const set = JSON.parse(readFileSync(join(PROJECT_ROOT, 'resources', 'indicator-sets', 'hp-2025-so.json'), 'utf8'));
  const walk = (nodes: { id: string; method?: unknown; children?: unknown[] }[]): void => {
    for (const n of nodes) {
      if (n.id === 'so25-1.1.1') n.method = { type: 'MANUAL', step: 0.25 };
      if (n.children) walk(n.children as typeof nodes);
    }
  };
  walk(set.nodes);
  write('set-manual.json', set);
  const offStep = example();
  offStep.answers.find((a) => a.nodeId === 'so25-1.1.1')!.inputs = { manualPoints: 0.3 };
  write('off-step.json', offStep);
  const onStep = example();
  onStep.answers.find((a) => a.nodeId === 'so25-1.1.1')!.inputs = { manualPoints: 0.75 };
  write('on-step.json', onStep);
  const rate = example();
  rate.answers.find((a) => a.nodeId === 'so25-1.1.2')!.inputs = { numerator: 101, denominator: 100 };
  write('rate.json', rate);
  const badCode = example();
  badCode.unit.code = 'SỞ TƯ PHÁP';
  write('bad-code.json', badCode);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OFF_STEP = 'Tiêu chí 1.1.1: số liệu chưa hợp lệ — Điểm 0,3 phải là bội số của 0,25. Hãy sửa lại.';
const RATE = 'Tiêu chí 1.1.2: số liệu chưa hợp lệ — "Số nhiệm vụ đã hoàn thành" (101) lớn hơn "Tổng số nhiệm vụ trong KH" (100). Hãy sửa lại.';

describe('cchc score / report / pack apply the app preflight', () => {
  it('score: exit 1 naming the node and the value; a value on its step scores (exit 0)', async () => {
    const bad = await run(['score', '--set', join(dir, 'set-manual.json'), '--answers', join(dir, 'off-step.json')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe(`Tệp câu trả lời có số liệu ứng dụng không chấp nhận:\n- ${OFF_STEP}`);
    const rate = await run(['score', '--set', 'hp-2025-so', '--answers', join(dir, 'rate.json')]);
    expect(rate.code).toBe(1);
    expect(rate.err).toBe(`Tệp câu trả lời có số liệu ứng dụng không chấp nhận:\n- ${RATE}`);
    const good = await run(['score', '--set', join(dir, 'set-manual.json'), '--answers', join(dir, 'on-step.json')]);
    expect(good.err).toBe('');
    expect(good.code).toBe(0);
  });

  it('score --json lists every node with its score and problems as codes with params, and the preflight', async () => {
    const r = await run(['score', '--set', join(dir, 'set-manual.json'), '--answers', join(dir, 'off-step.json'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out) as {
      nodes: { code: string; score: number; max: number; status: string; problems: { code: string; params: unknown; text: string }[] }[];
      preflight: { ok: boolean; errors: { code: string; nodeCode: string; problem?: unknown }[] };
    };
    const count = (ns: { children?: unknown[] }[]): number => ns.reduce((k, n) => k + 1 + count((n.children ?? []) as { children?: unknown[] }[]), 0);
    const set = JSON.parse(readFileSync(join(dir, 'set-manual.json'), 'utf8')) as { nodes: { children?: unknown[] }[] };
    expect(j.nodes).toHaveLength(count(set.nodes));
    expect(j.nodes).toHaveLength(81);
    expect(j.nodes.find((n) => n.code === '1.1.1')).toEqual({
      id: 'so25-1.1.1',
      code: '1.1.1',
      isLeaf: true,
      status: 'INVALID',
      score: 0,
      max: 1,
      problems: [{ code: 'NOT_STEP', params: { points: 300, step: 250 }, text: 'Điểm 0,3 phải là bội số của 0,25' }],
    });
    expect(j.nodes.find((n) => n.code === '1.1.2')).toMatchObject({ status: 'SCORED', score: 0.5, max: 1, problems: [] });
    expect(j.preflight.ok).toBe(false);
    // what the app's preflight would also block: the example cites no file for 37 criteria that require one (20
    // without a word, 17 with only a giải trình, which no longer waives evidence: that takes "evidenceWaiver")
    expect(j.preflight.errors.filter((e) => e.code === 'EVIDENCE_MISSING')).toHaveLength(37);
    expect(j.preflight.errors.filter((e) => e.code === 'INVALID')).toEqual([
      { code: 'INVALID', nodeCode: '1.1.1', params: { code: '1.1.1', title: expect.any(String), detail: 'Điểm 0,3 phải là bội số của 0,25' }, problem: { code: 'NOT_STEP', params: { points: 300, step: 250 } }, message: OFF_STEP },
    ]);
  });

  it('report --answers: exit 1 before writing anything', async () => {
    const out = join(dir, 'r.xlsx');
    const r = await run(['report', '--set', 'hp-2025-so', '--answers', join(dir, 'rate.json'), '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`Lỗi: Tệp câu trả lời có số liệu ứng dụng không chấp nhận:\n- ${RATE}`);
    expect(existsSync(out)).toBe(false);
  });

  it('pack --answers: a rate 101/100 or a unit code the app refuses is never signed', async () => {
    const signer = ['--p12', pki.p12.modernAscii, '--password-env', 'P12_PASSWORD'];
    const env = { P12_PASSWORD: ASCII_PASSWORD };
    const out = join(dir, 'b.asice');
    const base = ['pack', '--set', 'hp-2025-so', '--evidence-dir', join(EXAMPLES, 'evidence'), ...signer, '--out', out];
    const rate = await run([...base, '--answers', join(dir, 'rate.json')], env);
    expect(rate.code).toBe(1);
    expect(rate.err).toBe(`Lỗi: Chưa thể ký: tệp câu trả lời có số liệu ứng dụng không chấp nhận:\n- ${RATE}`);
    const code = await run([...base, '--answers', join(dir, 'bad-code.json')], env);
    expect(code.code).toBe(1);
    expect(code.err).toBe('Lỗi: Mã đơn vị "SỞ TƯ PHÁP" trong tệp câu trả lời không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (ví dụ STP-HP).');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  }, 60_000);
});
