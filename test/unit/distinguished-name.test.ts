import { describe, expect, it } from 'vitest';

import { parseDn, personOf } from '../../shared/domain/distinguished-name';

describe('signer names from a subject DN', () => {
  it('reads name, title, organisation and place, with escaped commas and UTF-8 hex escapes', () => {
    const dn = 'CN=Nguyễn Văn An, T=Chánh Văn phòng, OU=Văn phòng, O=UBND phường Hồng Bàng\\, Hải Phòng, L=Hải Phòng, C=VN, 0.9.2342.19200300.100.1.1=CMND:0123';
    expect(personOf(dn)).toEqual({ name: 'Nguyễn Văn An', title: 'Chánh Văn phòng', organisation: 'Văn phòng, UBND phường Hồng Bàng, Hải Phòng', place: 'Hải Phòng' });
    expect(parseDn('CN=L\\C3\\AA Th\\E1\\BB\\8B B, O="Sở Tư pháp, Hải Phòng"')).toEqual([
      { type: 'CN', value: 'Lê Thị B' },
      { type: 'O', value: 'Sở Tư pháp, Hải Phòng' },
    ]);
    expect(personOf('2.5.4.12=Giám đốc+CN=Trần C, O=Sở Nội vụ')).toEqual({ name: 'Trần C', title: 'Giám đốc', organisation: 'Sở Nội vụ', place: null });
  });

  it('a DN without CN is named by its organisation; one without anything by the raw text', () => {
    expect(personOf('O=Test PKI, C=VN').name).toBe('Test PKI');
    expect(personOf('C=VN')).toEqual({ name: 'C=VN', title: null, organisation: null, place: null });
  });
});
