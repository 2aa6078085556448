import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { toMilli } from '../../shared/domain/points';
import {
  daysUntil,
  formatBytes,
  formatDate,
  formatDateTime,
  formatDeduction,
  formatDifference,
  formatIndex,
  formatPercent,
  formatPercentOf,
  formatPoints,
  isCompleteDmy,
  isoDateOf,
  numberInputExample,
  parseNumberInput,
  parseDmy,
} from '../../shared/format/index';

describe('typed numbers', () => {
  it('reads the one format the UI prints: vi "1.234,5", en "1,234.5", as exact scaled integers', () => {
    expect(parseNumberInput('12.345,6', 'vi', 3)).toBe(12_345_600);
    expect(parseNumberInput('2,5', 'vi', 3)).toBe(2500);
    expect(parseNumberInput('1.000', 'vi', 0)).toBe(1000);
    expect(parseNumberInput('1000', 'vi', 0)).toBe(1000);
    expect(parseNumberInput('88.125', 'vi', 3)).toBe(88_125_000);
    expect(parseNumberInput('88.125', 'en', 3)).toBe(88_125);
    expect(parseNumberInput('1,234.5', 'en', 3)).toBe(1_234_500);
    expect(parseNumberInput('2,50', 'vi', 3)).toBe(2500);
    expect(parseNumberInput('  ', 'vi', 3)).toBeUndefined();
  });

  it('refuses every other shape instead of guessing', () => {
    for (const t of ['12 345,6', '2.5', '1.00', '12.34.5', '1,2345', '-1', '+1', '1e3', 'abc', '12,5.0', ',5']) expect(parseNumberInput(t, 'vi', 3), t).toBeNull();
    expect(parseNumberInput('12,5', 'vi', 0)).toBeNull();
    expect(parseNumberInput('2,5', 'en', 3)).toBeNull();
    expect(numberInputExample('vi', 3)).toBe('1.234,5');
    expect(numberInputExample('vi', 0)).toBe('1.234');
    expect(numberInputExample('en', 3)).toBe('1,234.5');
  });
});

describe('points', () => {
  it('prints milli-points exactly, with the language decimal sign and thousands grouping', () => {
    expect(formatPoints(12500)).toBe('12,5');
    expect(formatPoints(12500, 'en')).toBe('12.5');
    expect(formatPoints(12000, 'vi', 2)).toBe('12,00');
    expect(formatPoints(125)).toBe('0,125');
    expect(formatPoints(-1500)).toBe('-1,5');
    expect(formatPoints(1234567)).toBe('1.234,567');
    expect(formatPoints(1234567, 'en')).toBe('1,234.567');
    expect(() => formatPoints(0.5)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (m) => {
        const [int, frac = ''] = formatPoints(m).replace(/\./g, '').split(',');
        expect(Number(int) * 1000 + Number(frac.padEnd(3, '0'))).toBe(m);
      }),
    );
  });

  it('never shows float drift: 0.1 + 0.2 points print as 0,3', () => {
    expect(formatPoints(toMilli(0.1)! + toMilli(0.2)!)).toBe('0,3');
    expect(formatPoints(toMilli(0.1)! + toMilli(0.2)!, 'en')).toBe('0.3');
  });

  it('deductions carry a real minus sign', () => {
    expect(formatDeduction(500)).toBe('−0,5');
    expect(formatDeduction(2000, 'en')).toBe('−2');
    expect(formatDeduction(0)).toBe('0');
    expect(formatDeduction(500, 'vi', 2)).toBe('−0,50');
  });

  it('a difference of points is signed both ways', () => {
    expect([formatDifference(-500), formatDifference(250), formatDifference(0), formatDifference(1500, 'en')]).toEqual(['−0,5', '+0,25', '0', '+1.5']);
  });
});

describe('percentages and the index', () => {
  it('milli-percent trims zeros, the index always has two decimals', () => {
    expect(formatPercent(98_600)).toBe('98,6');
    expect(formatPercent(100_000, 'en')).toBe('100');
    expect(formatIndex(9617)).toBe('96,17');
    expect(formatIndex(9000, 'en')).toBe('90.00');
  });

  it('a share of two integers rounds half up, exactly', () => {
    expect(formatPercentOf(8500, 10000)).toBe('85,00%');
    expect(formatPercentOf(1, 3)).toBe('33,33%');
    expect(formatPercentOf(2, 3)).toBe('66,67%');
    expect(formatPercentOf(1, 8)).toBe('12,50%');
    expect(formatPercentOf(2, 3, 'en')).toBe('66.67%');
    expect(formatPercentOf(1, 0)).toBe('—');
  });
});

describe('sizes', () => {
  it('B below a kibibyte, KB below a mebibyte, MB with one decimal', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(48_128, 'vi')).toBe('47 KB');
    expect(formatBytes(3 * 1024 * 1024 + 200_000, 'vi')).toBe('3,2 MB');
    expect(formatBytes(3 * 1024 * 1024 + 200_000, 'en')).toBe('3.2 MB');
  });
});

describe('dates', () => {
  it('ISO days print as dd/mm/yyyy in both languages; free text is kept', () => {
    expect(formatDate('2025-03-07')).toBe('07/03/2025');
    expect(formatDate('2025-03-07T23:59:00.000Z')).toBe('07/03/2025');
    expect(formatDate(null)).toBe('');
    expect(formatDate('tháng 3/2025')).toBe('tháng 3/2025');
  });

  it('timestamps print in the local calendar with the time', () => {
    const local = new Date(2025, 11, 10, 9, 5);
    expect(formatDateTime(local.toISOString(), 'vi')).toBe('10/12/2025 09:05');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
    expect(isoDateOf(local)).toBe('2025-12-10');
  });

  it('typed dd/mm/yyyy dates must exist', () => {
    expect(parseDmy('7/3/2025')).toBe('2025-03-07');
    expect(parseDmy('07.03.2025')).toBe('2025-03-07');
    expect(parseDmy('31/02/2025')).toBeUndefined();
    expect(parseDmy('2025-03-07')).toBeUndefined();
    expect(parseDmy('  ')).toBeNull();
  });

  it('eight digits typed on a keypad are ddmmyyyy, never a five-digit year', () => {
    expect(parseDmy('20012025')).toBe('2025-01-20');
    expect(parseDmy('31022025')).toBeUndefined();
    expect(parseDmy('2001202')).toBeUndefined();
    expect(parseDmy('200120251')).toBeUndefined();
    expect(isCompleteDmy('20012025')).toBe(true);
    expect(isCompleteDmy('31/02/2026')).toBe(true);
    expect(isCompleteDmy('31/02/202')).toBe(false);
  });

  it('daysUntil counts calendar days, negative when overdue', () => {
    expect(daysUntil('2025-12-10', '2025-12-31')).toBe(21);
    expect(daysUntil('2025-12-10', '2025-12-10')).toBe(0);
    expect(daysUntil('2025-12-31', '2026-01-02')).toBe(2);
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysUntil('2025-12-10', '2025-12-01')).toBe(-9);
  });
});
