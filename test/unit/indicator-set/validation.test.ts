import { describe, expect, it } from 'vitest';

import { allNodes, leaves } from '../../../shared/domain/indicator-tree';
import { validateIndicatorSet } from '../../../shared/schemas/indicator-set-validate';
import { loadSampleSet } from '../scoring/fixtures';

const clone = <T>(v: T): T => structuredClone(v);

describe('sample sets', () => {
  it.each(['hp-2025-so', 'hp-2025-xa-phuong'] as const)('%s validates, is labelled as a sample, totals 100', (id) => {
    const set = loadSampleSet(id);
    expect(set.isSample).toBe(true);
    expect(set.sampleNotice).toBe('Bộ chỉ số mẫu — chờ quyết định chính thức của UBND thành phố');
    const sx = leaves(set).filter((n) => n.kind === 'SELF' || n.kind === 'SURVEY');
    expect(sx.reduce((s, n) => s + Math.round(n.maxPoints * 1000), 0)).toBe(100_000);
    expect(set.nodes.map((n) => n.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(new Set(allNodes(set).map((v) => v.node.id)).size).toBe(allNodes(set).length);
  });

  it('carries every row of table 11a (sở) and 11b (xã)', () => {
    const codes = (id: 'hp-2025-so' | 'hp-2025-xa-phuong') => leaves(loadSampleSet(id)).map((n) => n.code);
    expect(codes('hp-2025-so')).toEqual(expect.arrayContaining(['1.1.1', '1.1.2', '1.3.3', '2.2.2', '3.1.2', '3.11', '4.3.2', '5.6', '6.6', '7.9', '8.4']));
    expect(codes('hp-2025-so')).toHaveLength(57 + 8);
    expect(codes('hp-2025-xa-phuong')).toHaveLength(44 + 8);
  });
});

describe('a broken set yields Vietnamese errors that name the node and the field', () => {
  const base = loadSampleSet('hp-2025-so');
  const errorsOf = (mutate: (d: ReturnType<typeof clone<typeof base>>) => void): string[] => {
    const d = clone(base);
    mutate(d);
    const v = validateIndicatorSet(d);
    expect(v.ok).toBe(false);
    return v.ok ? [] : v.errors.map((e) => e.message);
  };

  it('children not summing to the parent', () => {
    const errs = errorsOf((d) => {
      d.nodes[2]!.children![2]!.maxPoints = 3.5; // 3.3
    });
    expect(errs).toContain('Tiêu chí 3 — maxPoints: tổng điểm các tiêu chí con (21,5) khác điểm tối đa (22)');
    expect(errs.some((e) => e.startsWith('Tiêu chí 3.3 — method.bands: khoảng cao nhất phải đạt điểm tối đa 3,5'))).toBe(true);
    expect(errs.some((e) => e.startsWith('Bộ chỉ số — maxTotal: tổng điểm tự đánh giá và điều tra (99,5)'))).toBe(true);
  });

  it('structural errors are located by code', () => {
    const errs = errorsOf((d) => {
      (d.nodes[0]!.children![0]!.children![1] as Record<string, unknown>).maxPoints = 'một';
      (d.nodes[1]!.children![0]! as Record<string, unknown>).naPolicy = 'SOMETIMES';
      delete (d.nodes[3]!.children![1]! as Record<string, unknown>).title;
    });
    expect(errs).toEqual(
      expect.arrayContaining([
        'Tiêu chí 1.1.2 — maxPoints: sai kiểu dữ liệu (cần number)',
        'Tiêu chí 2.1 — naPolicy: giá trị không hợp lệ (chấp nhận: NOT_ALLOWED, RESCALE, FULL_MARKS)',
        'Tiêu chí 4.2 — title: thiếu trường bắt buộc',
      ]),
    );
  });

  it('method parameters, codes, duplicates, classification', () => {
    const errs = errorsOf((d) => {
      const n33 = d.nodes[2]!.children![2]!;
      if (n33.method?.type === 'BANDS') n33.method.bands[1]!.min = 100; // unordered bands (98 → 100)
      d.nodes[2]!.children![3]!.id = d.nodes[2]!.children![2]!.id; // duplicate id
      d.nodes[4]!.children![0]!.code = '6.1'; // wrong prefix + duplicate
      d.classification[1]!.minIndex = 95;
    });
    expect(errs).toEqual(
      expect.arrayContaining([
        'Tiêu chí 3.3 — method.bands.1.min: các khoảng phải xếp từ cao xuống thấp, không trùng nhau',
        'Tiêu chí 3.4 — id: mã định danh "so25-3.3" trùng với tiêu chí 3.3',
        'Tiêu chí 6.1 — code: mã phải bắt đầu bằng "5."',
        'Bộ chỉ số — classification.1.minIndex: các mức xếp loại phải giảm dần',
      ]),
    );
  });

  it('node ids that every JavaScript object already has (a hostile set keying objects by id)', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const errs = errorsOf((d) => {
        d.nodes[0]!.children![0]!.children![0]!.id = id;
      });
      expect(errs).toContain('Tiêu chí 1.1.1 — id: Mã định danh nút trùng tên dành riêng của JavaScript (như constructor, __proto__)');
    }
  });

  it('a leaf without a method and a survey node with a self-scoring method', () => {
    const errs = errorsOf((d) => {
      delete d.nodes[0]!.children![1]!.method; // 1.2
      d.nodes[0]!.children![6]!.method = { type: 'BINARY', question: '' }; // 1.7 SURVEY
    });
    expect(errs).toEqual(
      expect.arrayContaining([
        'Tiêu chí 1.2 — method: tiêu chí lá phải có phương pháp chấm điểm',
        'Tiêu chí 1.7 — method: phương pháp BINARY không dùng được cho loại SURVEY',
      ]),
    );
  });
});
