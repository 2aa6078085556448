import { afterEach, describe, expect, it } from 'vitest';

import type { RoundDetail } from '../../../shared/ipc/channels/round';
import { callOk } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { DEADLINES, OFFICIAL_SETS, registerRoundUnits, roundInput, soBackendIn } from './fixtures';

const open: TestBackend[] = [];
const soBackend = async (): Promise<TestBackend> => {
  const b = await soBackendIn(open);
  registerRoundUnits(b);
  return b;
};
afterEach(() => {
  for (const b of open.splice(0)) b.cleanup();
});

/**
 * The round form's rules (shared/domain/round-form.ts) are refused by `round.save` with their own reason, in
 * words a user reads (no schema path, no English inside the Vietnamese), and nothing is stored. Before, these
 * came back as ROUND_INVALID "(deadlines.explanationEnd): giải trình window ends before it starts".
 */
describe('round.save refuses what the round form forbids, each with its reason, nothing stored', () => {
  it.each([
    [
      'the giải trình window ends before it starts',
      { ...roundInput(), deadlines: { ...DEADLINES, explanationStart: '2026-01-20', explanationEnd: '2026-01-10' } },
      'ROUND_WINDOW_ORDER',
      'Ngày kết thúc giải trình (10/01/2026) đứng trước ngày bắt đầu (20/01/2026): hãy sửa một trong hai ngày.',
    ],
    [
      'a deadline two years on',
      { ...roundInput(), deadlines: { ...DEADLINES, explanationEnd: '2027-01-15' } },
      'ROUND_DATE_OUTSIDE',
      'Ngày 15/01/2027 (ngày kết thúc giải trình) phải thuộc năm 2025 hoặc năm 2026.',
    ],
    [
      'a block of the register without a set',
      { ...roundInput(), sets: OFFICIAL_SETS.filter((s) => s.block !== 'XA_DAC_KHU') },
      'ROUND_BLOCK_WITHOUT_SET',
      'Sổ đăng ký năm 2025 có đơn vị thuộc khối Xã, đặc khu nhưng chưa chọn bộ chỉ số chính thức cho khối này. Hãy chọn bộ chỉ số cho khối Xã, đặc khu.',
    ],
    [
      'a ward set for the sở block',
      { ...roundInput(), sets: OFFICIAL_SETS.map((s) => (s.block === 'SO' ? { ...s, setId: 'hp-2025-xa-phuong' } : s)) },
      'ROUND_SET_NOT_FOR',
      'Bộ chỉ số «hp-2025-xa-phuong» không dùng được cho khối Sở, ban, ngành năm 2025.',
    ],
  ])('%s', async (_what, input, reason, vi) => {
    const so = await soBackend();
    const res = await so.call('round.save', input);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error).toMatchObject({ code: 'VALIDATION', reason, message: vi });
    }
    expect((await callOk<{ rounds: RoundDetail[] }>(so, 'round.list', {})).rounds).toEqual([]);
  });

  it('the same round with every rule kept is saved', async () => {
    const so = await soBackend();
    const round = await callOk<RoundDetail>(so, 'round.save', roundInput());
    expect(round.year).toBe(2025);
  });
});
