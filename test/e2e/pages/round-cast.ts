import type { UnitType } from '../../../shared/schemas/unit';
import { unitProfile } from '../../backend/round/fixtures';

/**
 * The people and units of the whole-round e2e (test/e2e/whole-round.spec.ts): Sở Nội vụ and one unit per
 * block, each with the signer whose certificate its .p12 holds (test/helpers/round-pki.ts).
 */
export type CastUnit = { key: 'so' | 'phuong' | 'xa'; profile: ReturnType<typeof unitProfile>; setId: 'hp-2025-so' | 'hp-2025-xa-phuong'; signer: string };

export const SNV = { profile: unitProfile('SNV-HP', 'Sở Nội vụ thành phố Hải Phòng', 'SO'), signer: 'CN=Lê Thị Hoa, O=Sở Nội vụ thành phố Hải Phòng, C=VN' };

const unit = (key: CastUnit['key'], code: string, name: string, type: UnitType, signer: string): CastUnit => ({
  key,
  profile: unitProfile(code, name, type),
  setId: type === 'SO' ? 'hp-2025-so' : 'hp-2025-xa-phuong',
  signer,
});

export const UNITS: readonly CastUnit[] = [
  unit('so', 'STP-HP', 'Sở Tư pháp thành phố Hải Phòng', 'SO', 'CN=Nguyễn Văn An, O=Sở Tư pháp thành phố Hải Phòng, C=VN'),
  unit('phuong', 'P-HONGBANG', 'UBND phường Hồng Bàng', 'PHUONG', 'CN=Trần Thị Bình, O=UBND phường Hồng Bàng, C=VN'),
  unit('xa', 'X-CATHAI', 'UBND đặc khu Cát Hải', 'XA_DAC_KHU', 'CN=Phạm Văn Cường, O=UBND đặc khu Cát Hải, C=VN'),
];

export const SIGNER_SUBJECTS = { snv: SNV.signer, so: UNITS[0]!.signer, phuong: UNITS[1]!.signer, xa: UNITS[2]!.signer };
