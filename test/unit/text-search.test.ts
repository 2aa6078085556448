import { describe, expect, it } from 'vitest';

import { buildSearchIndex, foldText, matchesQuery } from '../../shared/domain/text-search';

describe('diacritics-insensitive search', () => {
  it('"giai ngan" finds "giải ngân" and đ/Đ fold to d', () => {
    expect(matchesQuery('Tỷ lệ giải ngân vốn đầu tư công', 'giai ngan')).toBe(true);
    expect(matchesQuery('Đăng ký kinh doanh', 'dang ky')).toBe(true);
    expect(matchesQuery('Đăng ký kinh doanh', 'ĐĂNG KÝ')).toBe(true);
    expect(foldText('Đường  Điện Biên Phủ')).toBe('duong dien bien phu');
  });

  it('matches NFD input and every word, in any order', () => {
    const nfd = 'Giải ngân'.normalize('NFD');
    expect(matchesQuery(nfd, 'giải ngân')).toBe(true);
    expect(matchesQuery('Kế hoạch cải cách hành chính', 'hanh chinh ke hoach')).toBe(true);
    expect(matchesQuery('Kế hoạch cải cách hành chính', 'hanh chinh tuyen truyen')).toBe(false);
  });

  it('searches by code and returns everything for an empty query', () => {
    const items = [
      { code: '3.3.1', title: 'Tỷ lệ hồ sơ đúng hạn' },
      { code: '6.2', title: 'Giải ngân vốn' },
    ];
    const idx = buildSearchIndex(items, (i) => `${i.code} ${i.title}`);
    expect(idx.filter('3.3.1').map((i) => i.code)).toEqual(['3.3.1']);
    expect(idx.filter('giai ngan').map((i) => i.code)).toEqual(['6.2']);
    expect(idx.filter('  ')).toHaveLength(2);
    expect(idx.filter('xyz')).toHaveLength(0);
  });
});
