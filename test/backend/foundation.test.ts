import { afterEach, describe, expect, it } from 'vitest';

import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import { handlers } from '../../electron/backend/handlers/index';
import { callOk, createTestBackend } from '../helpers/backend';
import type { TestBackend } from '../helpers/backend';

const validUnit = {
  name: 'Sở Nội vụ thành phố Hải Phòng',
  code: 'SNV-HP',
  type: 'SO',
  focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '0225 3821 111', email: 'hang@haiphong.gov.vn' },
  head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
};

let b: TestBackend | undefined;
afterEach(() => {
  b?.cleanup();
  b = undefined;
});

describe('contract ↔ handlers', () => {
  it('every contract channel has a handler and no handler lacks a channel', () => {
    const handled = Object.keys(handlers).sort();
    expect(handled).toEqual([...CHANNEL_NAMES].sort());
  });
});

describe('unit profile and assessments (real SQLite)', () => {
  it('saves the unit profile with Vietnamese text intact (NFC)', async () => {
    b = createTestBackend();
    const nfd = { ...validUnit, name: validUnit.name.normalize('NFD') };
    const saved = await callOk<{ name: string }>(b, 'unit.save', nfd);
    expect(saved.name).toBe(validUnit.name);
    const again = await callOk<{ name: string }>(b, 'unit.get');
    expect(again.name).toBe(validUnit.name);
  });

  it('rejects an invalid payload with VALIDATION and a Vietnamese message, and the handler never runs', async () => {
    b = createTestBackend();
    const res = await b.call('unit.save', { ...validUnit, name: '', extra: 1 });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('VALIDATION');
      expect(res.error.message).toMatch(/không hợp lệ/);
    }
    expect(await callOk(b, 'unit.get')).toBeNull();
  });

  it('refuses an unknown channel', async () => {
    b = createTestBackend();
    const res = await b.call('__proto__', {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('UNKNOWN_CHANNEL');
  });

  it('creates an assessment that survives closing and reopening the database', async () => {
    b = createTestBackend();
    await callOk(b, 'unit.save', validUnit);
    const sets = await callOk<Array<{ id: string; unitTypes: string[] }>>(b, 'indicatorSets.list');
    const set = sets.find((s) => s.unitTypes.includes('SO'));
    expect(set?.id).toBe('hp-2025-so');
    const created = await callOk<{ id: string }>(b, 'assessments.create', { year: 2025, indicatorSetId: set!.id });
    const dataDir = b.dataDir;
    b.close();
    const reopened = createTestBackend({ dataDir });
    b = reopened;
    const list = await callOk<Array<{ id: string; year: number }>>(reopened, 'assessments.list');
    expect(list.map((a) => a.id)).toContain(created.id);
  });
});
