import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { leaves } from '../../../shared/domain/indicator-tree';
import type { ReportAnswer, ReportEvidenceInput } from '../../../shared/domain/report/builder';
import type { IndicatorNode, IndicatorSet } from '../../../shared/schemas/indicator-set';
import { validateIndicatorSet } from '../../../shared/schemas/indicator-set-validate';

/** The shipped sample set, validated and normalised exactly as the catalog does. */
export const loadSampleSet = (id: 'hp-2025-so' | 'hp-2025-xa-phuong'): IndicatorSet => {
  const raw: unknown = JSON.parse(readFileSync(join(process.cwd(), 'resources', 'indicator-sets', `${id}.json`), 'utf8'));
  const res = validateIndicatorSet(raw);
  if (!res.ok) throw new Error(`sample set ${id} invalid`);
  return res.set;
};

/** Plausible answers for every leaf (all methods, some N/A where allowed, some left empty). */
export const answerEveryLeaf = (set: IndicatorSet): ReportAnswer[] =>
  leaves(set).flatMap((n: IndicatorNode, i): ReportAnswer[] => {
    const m = n.method;
    if (!m || i % 17 === 16) return [];
    const base = { nodeId: n.id, notApplicable: null, explanation: `Giải trình tiêu chí ${n.code}: đã thực hiện đầy đủ.` };
    if (n.naPolicy !== 'NOT_ALLOWED' && i % 9 === 4) {
      return [{ ...base, inputs: {}, notApplicable: { reason: 'Trong năm không phát sinh nhiệm vụ' } }];
    }
    const den = 200 + i;
    switch (m.type) {
      case 'BINARY':
        return [{ ...base, inputs: { met: i % 4 !== 1 } }];
      case 'LEVELS':
        return [{ ...base, inputs: { levelId: m.levels[i % m.levels.length]!.id } }];
      case 'BANDS':
      case 'LINEAR':
      case 'PIECEWISE':
        return [{ ...base, inputs: m.complement ? { numerator: i % 6, denominator: den } : { numerator: den - (i % 11), denominator: den } }];
      case 'COUNT_DEDUCT':
      case 'COUNT':
        return [{ ...base, inputs: { count: i % 3 } }];
      case 'EXTERNAL':
        return [{ ...base, inputs: { externalValue: Math.min(m.scaleMax, (m.scaleMax * (70 + (i % 30))) / 100) } }];
      case 'MANUAL':
        return [{ ...base, inputs: { manualPoints: 0 } }];
      case 'SURVEY':
        return i % 2 ? [{ ...base, inputs: { percent: 80 + (i % 20) } }] : [];
    }
  });

/** `count` evidence documents spread over the answered leaves (the bench uses 500). */
export const makeEvidenceFor = (set: IndicatorSet, count: number): ReportEvidenceInput[] => {
  const ids = leaves(set).map((n) => n.id);
  return Array.from({ length: count }, (_, i) => ({
    id: `doc${String(i + 1).padStart(4, '0')}`,
    docType: ['Kế hoạch', 'Báo cáo', 'Quyết định', 'Công văn'][i % 4]!,
    number: `${i + 1}/${['KH', 'BC', 'QĐ', 'CV'][i % 4]}-UBND`,
    issuedDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    summary: `Về việc thực hiện nhiệm vụ cải cách hành chính năm 2025 (đợt ${(i % 4) + 1})`,
    issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
    originalName: `Văn bản số ${i + 1}.pdf`,
    sizeBytes: 50_000 + i * 311,
    sha256: (i * 2654435761 >>> 0).toString(16).padStart(8, '0').repeat(8),
    nodeIds: [ids[i % ids.length]!, ids[(i * 7) % ids.length]!],
  }));
};
