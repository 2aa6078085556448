import { describe, expect, it } from 'vitest';

import { createTestBackend } from '../../helpers/backend';
import { sampleFinal, sampleResult, WARD_SET_REF } from './exchange-fixtures';

describe('exchange fixtures', () => {
  it('name the shipped ward set exactly as the catalog does (a unit checks a result against the set its submission used)', () => {
    const b = createTestBackend();
    try {
      const s = b.ctx.catalog.get(WARD_SET_REF.id).summary;
      expect({ id: s.id, version: s.version, sha256: s.sha256 }).toEqual(WARD_SET_REF);
      expect([sampleResult().indicatorSet, sampleFinal().indicatorSet]).toEqual([WARD_SET_REF, WARD_SET_REF]);
    } finally {
      b.cleanup();
    }
  });
});
