import { describe, expect, it } from 'vitest';

import { interpolate } from '../../renderer/src/i18n/messages';

describe('message placeholders', () => {
  it('chooses the English singular for exactly 1 and the plural otherwise', () => {
    expect(interpolate('{n} {n|point|points}', { n: 1 })).toBe('1 point');
    expect(interpolate('{n} {n|point|points}', { n: 2 })).toBe('2 points');
    expect(interpolate('{n} {n|sub-criterion|sub-criteria}', { n: 0 })).toBe('0 sub-criteria');
    expect(interpolate('{n} {n|file|files} of {m}', { n: 1, m: 3 })).toBe('1 file of 3');
    expect(interpolate('{x|a|b}', { n: 1 })).toBe('{x|a|b}');
  });
});
