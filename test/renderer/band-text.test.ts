import { describe, expect, it } from 'vitest';

import { bandText } from '../../renderer/src/i18n/band-text';

describe('bandText (xếp loại as shown)', () => {
  it('Vietnamese: the set\'s label; English: the standard band by id or by its Vietnamese label; a band of its own keeps its label', () => {
    expect(bandText('vi', { id: 'YEU', label: 'Yếu' })).toBe('Yếu');
    expect(bandText('en', { id: 'YEU', label: 'Yếu' })).toBe('Weak');
    expect(bandText('en', 'Trung bình')).toBe('Average');
    // The same words in decomposed Unicode (as some spreadsheets send them) are the same band.
    expect(bandText('en', 'Kha\u0301')).toBe('Fairly good');
    expect(bandText('en', { id: 'XUAT_SAC', label: 'Xuất sắc' })).toBe('Xuất sắc');
    expect(bandText('en', null)).toBe('—');
    expect(bandText('en', undefined, 'not yet')).toBe('not yet');
  });
});
