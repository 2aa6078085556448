import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { ScorableAnswer } from '../../../shared/schemas/answers';
import type { IndicatorNode, IndicatorNodeInput, IndicatorSet } from '../../../shared/schemas/indicator-set';
import { indicatorNodeSchema } from '../../../shared/schemas/indicator-set';
import { parseIndicatorSet } from '../../../shared/schemas/indicator-set-validate';

export const loadSampleSet = (id: 'hp-2025-so' | 'hp-2025-xa-phuong'): IndicatorSet =>
  parseIndicatorSet(JSON.parse(readFileSync(fileURLToPath(new URL(`../../../resources/indicator-sets/${id}.json`, import.meta.url)), 'utf8')));

/** A leaf node with defaults filled, for table-driven tests. */
export const leaf = (n: Partial<IndicatorNodeInput> & Pick<IndicatorNodeInput, 'maxPoints' | 'method'>): IndicatorNode =>
  indicatorNodeSchema.parse({ id: 't-1', code: '1', title: 'Thử', kind: 'SELF', ...n });

export const ans = (inputs: ScorableAnswer['inputs'], extra: Partial<ScorableAnswer> = {}): ScorableAnswer => ({
  nodeId: 't-1',
  inputs,
  notApplicable: null,
  explanation: '',
  ...extra,
});
