import type { AnswerInputs } from '../../schemas/answers';
import type { ScoringMethod } from '../../schemas/indicator-set-methods';
import { formatScaled } from '../../format/index';
import { milli } from '../points';

/** Scoring rules and declared figures in words, for the "Phương pháp chấm" and "Số liệu kê khai" columns. */

/** A number as written in the set (points 1.5, percent 98.6; ≤ 3 decimals by schema) → "1,5" / "98,6", exactly. */
const num = (v: number): string => formatScaled(milli(v), 3, 'vi');
const pts = (v: number): string => `${num(v)} điểm`;

export const describeMethod = (m: ScoringMethod | undefined, maxPoints: number): string => {
  if (!m) return '';
  switch (m.type) {
    case 'BINARY':
      return `Đạt: ${pts(maxPoints)}; không đạt: 0 điểm`;
    case 'LEVELS':
      return m.levels.map((l) => `${l.label}: ${pts(l.points)}`).join('; ');
    case 'BANDS': {
      const bands = m.bands.map((b) => `${b.inclusive ? 'từ' : 'trên'} ${num(b.min)}%: ${pts(b.points)}`);
      const rate = m.complement ? `Tỷ lệ (100% − ${m.numeratorLabel}/${m.denominatorLabel})` : 'Tỷ lệ';
      return `${rate} ${bands.join('; ')}; thấp hơn: ${pts(m.otherwisePoints)}`;
    }
    case 'LINEAR':
      return `Điểm = tỷ lệ ÷ ${num(m.targetPct)}% × ${pts(maxPoints)}${m.capPoints !== null ? `, tối đa ${pts(m.capPoints)}` : ''}`;
    case 'PIECEWISE':
      return `Nội suy tuyến tính: ${m.points.map((p) => `${num(p.pct)}% → ${pts(p.points)}`).join('; ')}; thấp hơn: ${pts(m.belowPoints)}`;
    case 'COUNT_DEDUCT':
      return `Trừ ${pts(m.perEvent)} cho mỗi lần (${m.countLabel}), tối thiểu 0 điểm`;
    case 'COUNT':
      return `${pts(m.perEvent)} cho mỗi lần (${m.countLabel}), tối đa ${pts(maxPoints)}`;
    case 'EXTERNAL':
      return `Quy đổi từ ${m.source} (thang ${num(m.scaleMax)}) về ${pts(maxPoints)}`;
    case 'MANUAL':
      return `Tự chấm từ 0 đến ${pts(maxPoints)}, bước ${num(m.step)}`;
    case 'SURVEY':
      return `${m.source} (Sở Nội vụ chấm)`;
  }
};

export const describeInputs = (m: ScoringMethod | undefined, inputs: AnswerInputs | undefined): string => {
  if (!m || !inputs) return '';
  switch (m.type) {
    case 'BINARY':
      return inputs.met === undefined ? '' : inputs.met ? 'Có' : 'Không';
    case 'LEVELS':
      return m.levels.find((l) => l.id === inputs.levelId)?.label ?? '';
    case 'BANDS':
    case 'LINEAR':
    case 'PIECEWISE':
      if (inputs.numerator !== undefined && inputs.denominator !== undefined) {
        return `${m.numeratorLabel}: ${inputs.numerator}; ${m.denominatorLabel}: ${inputs.denominator}`;
      }
      return inputs.percent !== undefined ? `${num(inputs.percent)}%` : '';
    case 'COUNT_DEDUCT':
    case 'COUNT':
      return inputs.count === undefined ? '' : `${m.countLabel}: ${inputs.count}`;
    case 'EXTERNAL':
      return inputs.externalValue === undefined ? '' : `${m.source}: ${num(inputs.externalValue)}`;
    case 'MANUAL':
      return inputs.manualPoints === undefined ? '' : pts(inputs.manualPoints);
    case 'SURVEY':
      return inputs.percent === undefined ? '' : `${num(inputs.percent)}%`;
  }
};

