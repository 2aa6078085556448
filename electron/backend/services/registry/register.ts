import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { z } from 'zod';

import type { RegistryView } from '../../../../shared/ipc/channels/registry';
import { AppFailure } from '../../../../shared/ipc/result';
import { UNIT_CODE_RE, UNIT_TYPES } from '../../../../shared/schemas/unit';
import type { UnitType } from '../../../../shared/schemas/unit';
import type { BackendContext } from '../../context';
import {
  findRegistrySigner,
  findRegistryUnit,
  insertAudit,
  insertYear,
  isYearOpen,
  listAudit,
  listRegistrySigners,
  listRegistryUnits,
  listRegistryYears,
  registryUnitCodeOf,
  revokeSignerRow,
  upsertRegistryUnit,
} from '../../db/repos/registry-repo';
import type { RegistryAuditRow, RegistryUnitRow } from '../../db/repos/registry-repo';
import { inTransaction } from '../../db/transaction';
import { isListedActive } from './signer-check';

/** The name written in the audit log: the appraiser's name from the settings, else "appraiser". */
export const appraiserOf = (ctx: BackendContext): string => ctx.host.settings.get().appraiserName.trim() || 'appraiser';

export const audit = (ctx: BackendContext, a: Omit<RegistryAuditRow, 'at' | 'who'>): void =>
  insertAudit(ctx.db, { at: ctx.now().toISOString(), who: appraiserOf(ctx), ...a });

export const requireOpenYear = (ctx: BackendContext, year: number): void => {
  if (!isYearOpen(ctx.db, year)) throw AppFailure.of('REGISTRY_YEAR_NOT_OPEN', { year });
};

export const requireUnit = (ctx: BackendContext, year: number, code: string): RegistryUnitRow => {
  requireOpenYear(ctx, year);
  const u = findRegistryUnit(ctx.db, year, code);
  if (!u) throw AppFailure.of('REGISTRY_UNIT_NOT_FOUND', { code, year });
  return u;
};

/** Everything the register page shows for a year (the requested one, else the newest opened). */
export const registryView = (ctx: BackendContext, year?: number): RegistryView => {
  const years = listRegistryYears(ctx.db);
  const y = year !== undefined && years.includes(year) ? year : (years[0] ?? null);
  if (y === null) return { years, year: null, units: [], signers: [], audit: [] };
  const now = ctx.now();
  const signers = listRegistrySigners(ctx.db, y).map(({ year: _y, ...s }) => ({ ...s, active: isListedActive(s, now) }));
  const units = listRegistryUnits(ctx.db, y).map((u) => {
    const own = signers.filter((s) => s.unitCode === u.code);
    return { code: u.code, name: u.name, block: u.block, signers: own.length, activeSigners: own.filter((s) => s.active).length };
  });
  const auditRows = listAudit(ctx.db, y).map(({ year: _y, ...a }) => a);
  return { years, year: y, units, signers, audit: auditRows };
};

export const openYear = (ctx: BackendContext, year: number): RegistryView => {
  inTransaction(ctx.db, () => {
    if (insertYear(ctx.db, year, ctx.now().toISOString(), appraiserOf(ctx))) audit(ctx, { action: 'OPEN_YEAR', year, unitCode: '', sha256: '', detail: '' });
  });
  return registryView(ctx, year);
};

export const addUnit = (ctx: BackendContext, year: number, u: { code: string; name: string; block: UnitType }): RegistryView => {
  requireOpenYear(ctx, year);
  inTransaction(ctx.db, () => {
    // The same code in another case edits the unit the register has, under the register's spelling.
    const code = registryUnitCodeOf(ctx.db, year, u.code) ?? u.code;
    upsertRegistryUnit(ctx.db, { year, ...u, code, addedAt: ctx.now().toISOString() });
    audit(ctx, { action: 'ADD_UNIT', year, unitCode: code, sha256: '', detail: `${u.block} ${u.name}` });
  });
  return registryView(ctx, year);
};

export const revokeSigner = (ctx: BackendContext, signerId: number): RegistryView => {
  const s = findRegistrySigner(ctx.db, signerId);
  if (!s) throw AppFailure.of('REGISTRY_SIGNER_NOT_FOUND');
  inTransaction(ctx.db, () => {
    if (!revokeSignerRow(ctx.db, signerId, ctx.now().toISOString(), appraiserOf(ctx))) throw AppFailure.of('REGISTRY_SIGNER_ALREADY_REVOKED');
    audit(ctx, { action: 'REVOKE_SIGNER', year: s.year, unitCode: s.unitCode, sha256: s.sha256, detail: s.subject });
  });
  return registryView(ctx, s.year);
};

const sampleSchema = z.object({
  format: z.literal('cchc-registry-units'),
  formatVersion: z.literal(1),
  units: z.array(z.object({ code: z.string().regex(UNIT_CODE_RE).max(40), name: z.string().min(1).max(200), block: z.enum(UNIT_TYPES) }).strict()).max(2000),
});

/** The Hải Phòng sample list shipped in resources/registry (our own data, still validated). */
export const loadSample = (ctx: BackendContext, year: number): RegistryView => {
  let units: z.infer<typeof sampleSchema>['units'];
  try {
    units = sampleSchema.parse(JSON.parse(readFileSync(join(ctx.resourcesDir, 'registry', 'hai-phong-units.json'), 'utf8'))).units;
  } catch {
    throw AppFailure.of('REGISTRY_SAMPLE_UNREADABLE');
  }
  const at = ctx.now().toISOString();
  inTransaction(ctx.db, () => {
    insertYear(ctx.db, year, at, appraiserOf(ctx));
    for (const u of units) upsertRegistryUnit(ctx.db, { year, code: u.code, name: u.name.normalize('NFC'), block: u.block, addedAt: at });
    audit(ctx, { action: 'IMPORT_TEMPLATE', year, unitCode: '', sha256: '', detail: `danh sách mẫu hai-phong-units.json: ${units.length} đơn vị` });
  });
  return registryView(ctx, year);
};
