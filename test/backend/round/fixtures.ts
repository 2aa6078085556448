import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Backend } from '../../../electron/backend/backend';
import type { RoundPackage } from '../../../shared/schemas/round';
import type { UnitType } from '../../../shared/schemas/unit';
import { PROJECT_ROOT } from '../../../electron/backend/backend';
import { addUnit, openYear } from '../../../electron/backend/services/registry/register';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';

/** Sở Nội vụ and one unit per block, as the unit profile form saves them. */
const person = { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '', email: '' };
export const unitProfile = (code: string, name: string, type: UnitType) => ({ name, code, type, focalPoint: person, head: { ...person, name: 'Trần Văn Bình', title: 'Giám đốc' } });
export const SNV = unitProfile('SNV-HP', 'Sở Nội vụ thành phố Hải Phòng', 'SO');
export const STP = unitProfile('STP-HP', 'Sở Tư pháp thành phố Hải Phòng', 'SO');

export const ROUND_UNITS = [
  { code: 'STP-HP', name: 'Sở Tư pháp thành phố Hải Phòng', block: 'SO' as const },
  { code: 'P-HONGBANG', name: 'Phường Hồng Bàng', block: 'PHUONG' as const },
  { code: 'X-CATHAI', name: 'Đặc khu Cát Hải', block: 'XA_DAC_KHU' as const },
];
export const DEADLINES = { selfAssessmentDue: '2025-11-30', explanationStart: '2026-01-05', explanationEnd: '2026-01-15' };

/**
 * The "official" sets of 2025 for the tests: the shipped samples under the same id with a higher version,
 * isSample false and the sample's "(mẫu)" taken out of the name (as the decision of the city's People's
 * Committee would publish them), written into the backend's imported-sets folder.
 */
export const installOfficialSets = (b: Backend): void => {
  const dir = b.ctx.catalog.userDir!;
  mkdirSync(dir, { recursive: true });
  for (const f of ['hp-2025-so.json', 'hp-2025-xa-phuong.json']) {
    const doc = JSON.parse(readFileSync(join(PROJECT_ROOT, 'resources', 'indicator-sets', f), 'utf8')) as Record<string, unknown>;
    const name = String(doc.name).replace(/\s*\(mẫu\)$/u, '');
    writeFileSync(join(dir, f), JSON.stringify({ ...doc, name, version: '2025.1', isSample: false, sampleNotice: '' }, null, 2));
  }
  b.ctx.catalog.reload();
};

export const OFFICIAL_SETS = [
  { block: 'SO' as const, setId: 'hp-2025-so', setVersion: '2025.1' },
  { block: 'PHUONG' as const, setId: 'hp-2025-xa-phuong', setVersion: '2025.1' },
  { block: 'XA_DAC_KHU' as const, setId: 'hp-2025-xa-phuong', setVersion: '2025.1' },
];

/** The round's units come from the register of the year: Sở Nội vụ lists them there (services/registry). */
export const registerRoundUnits = (b: Backend, units: readonly { code: string; name: string; block: UnitType }[] = ROUND_UNITS, year = 2025): void => {
  openYear(b.ctx, year);
  for (const u of units) addUnit(b.ctx, year, u);
};

export const roundInput = () => ({ year: 2025, sets: OFFICIAL_SETS, deadlines: DEADLINES });

/** Sở Nội vụ's backend with its profile and the official sets, added to `open` for the test's cleanup. */
export const soBackendIn = async (open: TestBackend[]): Promise<TestBackend> => {
  const b = createTestBackend();
  open.push(b);
  await callOk(b, 'unit.save', SNV);
  installOfficialSets(b);
  return b;
};

export type { RoundPackage };

/** Rewrites one entry with python's zipfile (mimetype stored first, the rest deflated): a well-formed zip whose content changed. */
export const rewriteEntry = (file: string, name: string, data: Buffer): string => {
  const out = join(makeTempDir('cchc-rp-t-'), 'tampered.asice');
  const py = `
import sys, zipfile
src, dst, name, repl = sys.argv[1:5]
zin = zipfile.ZipFile(src)
with zipfile.ZipFile(dst, 'w') as z:
    for i in zin.infolist():
        data = open(repl, 'rb').read() if i.filename == name else zin.read(i.filename)
        z.writestr(zipfile.ZipInfo(i.filename, (2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_STORED if i.filename == 'mimetype' else zipfile.ZIP_DEFLATED)
`;
  const repl = join(makeTempDir('cchc-rp-r-'), 'entry');
  writeFileSync(repl, data);
  execFileSync('python3', ['-c', py, file, out, name, repl]);
  return out;
};
