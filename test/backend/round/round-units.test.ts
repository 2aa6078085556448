import { afterEach, describe, expect, it } from 'vitest';

import type { RoundDetail, RoundRefreshResult } from '../../../shared/ipc/channels/round';
import { markRoundExported } from '../../../electron/backend/db/repos/round-repo';
import { addUnit, openYear } from '../../../electron/backend/services/registry/register';
import { callOk } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { registerRoundUnits, roundInput, soBackendIn } from './fixtures';

const open: TestBackend[] = [];
const soBackend = () => soBackendIn(open);
afterEach(() => {
  for (const b of open.splice(0)) b.cleanup();
});

const REGISTER_ORDER = [
  { code: 'STP-HP', name: 'Sở Tư pháp thành phố Hải Phòng', block: 'SO' },
  { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' },
  { code: 'X-CATHAI', name: 'Đặc khu Cát Hải', block: 'XA_DAC_KHU' },
];

describe('round: the unit list comes from the register of the year', () => {
  it('a year with no register (or an empty one) is refused with ROUND_NO_REGISTER and nothing is stored', async () => {
    const so = await soBackend();
    const none = await so.call('round.save', roundInput());
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error).toMatchObject({ code: 'PREFLIGHT_FAILED', reason: 'ROUND_NO_REGISTER', params: { year: 2025 } });
    openYear(so.ctx, 2025);
    const empty = await so.call('round.save', roundInput());
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.reason).toBe('ROUND_NO_REGISTER');
    expect((await callOk<{ rounds: RoundDetail[] }>(so, 'round.list', {})).rounds).toEqual([]);
  });

  it('the round lists exactly the register units (no typing), and a units field from the renderer is refused', async () => {
    const so = await soBackend();
    registerRoundUnits(so);
    const round = await callOk<RoundDetail>(so, 'round.save', roundInput());
    // The register's order: by block (as text), then code.
    expect(round.units).toEqual([
      { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' },
      { code: 'STP-HP', name: 'Sở Tư pháp thành phố Hải Phòng', block: 'SO' },
      { code: 'X-CATHAI', name: 'Đặc khu Cát Hải', block: 'XA_DAC_KHU' },
    ]);
    const typed = await so.call('round.save', { ...roundInput(), units: REGISTER_ORDER });
    expect(typed.ok).toBe(false);
    if (!typed.ok) expect(typed.error.code).toBe('VALIDATION');
  });

  it('refresh: same register → changed false, nothing written; a unit added later → added 1, revision raised only after an export', async () => {
    const so = await soBackend();
    registerRoundUnits(so);
    const round = await callOk<RoundDetail>(so, 'round.save', roundInput());
    expect(round.revision).toBe(1);

    const same = await callOk<RoundRefreshResult>(so, 'round.refreshUnits', { roundId: round.id });
    expect(same).toMatchObject({ changed: false, added: 0 });
    expect(same.round.revision).toBe(1);
    expect(same.round.updatedAt).toBe(round.updatedAt);

    // Not exported yet: the new unit joins revision 1.
    addUnit(so.ctx, 2025, { code: 'P-LECHAN', name: 'Phường Lê Chân', block: 'PHUONG' });
    const draft = await callOk<RoundRefreshResult>(so, 'round.refreshUnits', { roundId: round.id });
    expect(draft).toMatchObject({ changed: true, added: 1 });
    expect(draft.round.revision).toBe(1);
    expect(draft.round.units.map((u) => u.code)).toEqual(['P-HONGBANG', 'P-LECHAN', 'STP-HP', 'X-CATHAI']);

    // Exported: a change makes revision 2; refreshing again without a change keeps 2.
    markRoundExported(so.ctx.db, round.id, 1, 'a'.repeat(64), '2025-06-01T00:00:00.000Z');
    addUnit(so.ctx, 2025, { code: 'X-BACHLONGVI', name: 'Đặc khu Bạch Long Vĩ', block: 'XA_DAC_KHU' });
    const after = await callOk<RoundRefreshResult>(so, 'round.refreshUnits', { roundId: round.id });
    expect(after).toMatchObject({ changed: true, added: 1 });
    expect(after.round.revision).toBe(2);
    expect(after.round.units).toHaveLength(5);
    const again = await callOk<RoundRefreshResult>(so, 'round.refreshUnits', { roundId: round.id });
    expect(again).toMatchObject({ changed: false, added: 0 });
    expect(again.round.revision).toBe(2);

    // A renamed unit in the register is a change too (the register's name is the official one).
    addUnit(so.ctx, 2025, { code: 'P-LECHAN', name: 'UBND phường Lê Chân', block: 'PHUONG' });
    const renamed = await callOk<RoundRefreshResult>(so, 'round.refreshUnits', { roundId: round.id });
    expect(renamed).toMatchObject({ changed: true, added: 0 });
    expect(renamed.round.units.find((u) => u.code === 'P-LECHAN')?.name).toBe('UBND phường Lê Chân');
  });

  it('refresh of an unknown round is ROUND_NOT_FOUND', async () => {
    const so = await soBackend();
    const res = await so.call('round.refreshUnits', { roundId: '0190a1b2-c3d4-7e5f-8a9b-0000000000ff' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.reason).toBe('ROUND_NOT_FOUND');
  });
});

