import { afterEach, describe, expect, it } from 'vitest';

import type { IndicatorSetSummary } from '../../../shared/schemas/indicator-set-summary';
import { callOk, createTestBackend } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { installOfficialSets } from './fixtures';

const open: TestBackend[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.cleanup();
});

describe('round fixtures: the official sets of 2025', () => {
  it('carry an official name (no "(mẫu)"), version 2025.1 and isSample false', async () => {
    const b = createTestBackend();
    open.push(b);
    installOfficialSets(b);
    const sets = await callOk<IndicatorSetSummary[]>(b, 'indicatorSets.list', {});
    const official = sets.filter((s) => s.version === '2025.1').map((s) => ({ id: s.id, name: s.name, isSample: s.isSample }));
    expect(official.sort((a, c) => a.id.localeCompare(c.id))).toEqual([
      { id: 'hp-2025-so', name: 'Bộ chỉ số CCHC sở, ban, ngành năm 2025', isSample: false },
      { id: 'hp-2025-xa-phuong', name: 'Bộ chỉ số CCHC xã, phường, đặc khu năm 2025', isSample: false },
    ]);
  });
});
