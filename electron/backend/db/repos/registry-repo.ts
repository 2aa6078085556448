import type { UnitType } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

/** Sở Nội vụ's register of units and their signers per year, and its audit log (migration 0140). */

export type RegistryUnitRow = { year: number; code: string; name: string; block: UnitType; addedAt: string };

export type RegistrySignerRow = {
  id: number;
  year: number;
  unitCode: string;
  sha256: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  source: 'template' | 'bundle';
  addedAt: string;
  addedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
};

export type RegistryAuditRow = {
  at: string;
  who: string;
  action: 'OPEN_YEAR' | 'IMPORT_TEMPLATE' | 'ADD_UNIT' | 'TRUST_BUNDLE_SIGNER' | 'REVOKE_SIGNER';
  year: number;
  unitCode: string;
  sha256: string;
  detail: string;
};

const SIGNER_COLUMNS = `id, year, unit_code AS unitCode, sha256, subject, issuer, serial, not_before AS notBefore, not_after AS notAfter,
  source, added_at AS addedAt, added_by AS addedBy, revoked_at AS revokedAt, revoked_by AS revokedBy`;

export const listRegistryYears = (db: Db): number[] =>
  (db.prepare('SELECT year FROM registry_year ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);

export const isYearOpen = (db: Db, year: number): boolean => !!db.prepare('SELECT 1 FROM registry_year WHERE year = ?').get(year);

export const insertYear = (db: Db, year: number, at: string, by: string): boolean =>
  db.prepare('INSERT INTO registry_year (year, opened_at, opened_by) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING').run(year, at, by).changes > 0;

export const findRegistryUnit = (db: Db, year: number, code: string): RegistryUnitRow | null =>
  (db.prepare('SELECT year, code, name, block, added_at AS addedAt FROM registry_unit WHERE year = ? AND code = ?').get(year, code) as
    | RegistryUnitRow
    | undefined) ?? null;

export const listRegistryUnits = (db: Db, year: number): RegistryUnitRow[] =>
  db.prepare('SELECT year, code, name, block, added_at AS addedAt FROM registry_unit WHERE year = ? ORDER BY block, code').all(year) as RegistryUnitRow[];

/** Inserts a unit, or updates its name and block (a re-imported list corrects them). */
/**
 * The code the register spells a unit with, found whatever the case of `code` (unit codes are ASCII: SQLite's
 * lower() is enough). A register holds one unit per code regardless of case: "p-hongbang" is P-HONGBANG.
 */
export const registryUnitCodeOf = (db: Db, year: number, code: string): string | null =>
  (db.prepare('SELECT code FROM registry_unit WHERE year = ? AND lower(code) = lower(?) ORDER BY code LIMIT 1').get(year, code) as { code: string } | undefined)?.code ?? null;

export const upsertRegistryUnit = (db: Db, u: RegistryUnitRow): void => {
  db.prepare(
    `INSERT INTO registry_unit (year, code, name, block, added_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (year, code) DO UPDATE SET name = excluded.name, block = excluded.block`,
  ).run(u.year, u.code, u.name, u.block, u.addedAt);
};

export const listRegistrySigners = (db: Db, year: number): RegistrySignerRow[] =>
  db.prepare(`SELECT ${SIGNER_COLUMNS} FROM registry_signer WHERE year = ? ORDER BY unit_code, added_at, id`).all(year) as RegistrySignerRow[];

export const findRegistrySigner = (db: Db, id: number): RegistrySignerRow | null =>
  (db.prepare(`SELECT ${SIGNER_COLUMNS} FROM registry_signer WHERE id = ?`).get(id) as RegistrySignerRow | undefined) ?? null;

/** The active (not revoked) registration of this certificate for this unit and year, if any. */
export const findActiveSigner = (db: Db, year: number, unitCode: string, sha256: string): RegistrySignerRow | null =>
  (db
    .prepare(`SELECT ${SIGNER_COLUMNS} FROM registry_signer WHERE year = ? AND unit_code = ? AND sha256 = ? AND revoked_at IS NULL`)
    .get(year, unitCode, sha256) as RegistrySignerRow | undefined) ?? null;

export type NewSigner = Omit<RegistrySignerRow, 'id' | 'revokedAt' | 'revokedBy'>;

/** Adds a signer; false when the same certificate is already active for the unit (nothing changes). */
export const insertSigner = (db: Db, s: NewSigner): boolean =>
  db
    .prepare(
      `INSERT INTO registry_signer (year, unit_code, sha256, subject, issuer, serial, not_before, not_after, source, added_at, added_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (year, unit_code, sha256) WHERE revoked_at IS NULL DO NOTHING`,
    )
    .run(s.year, s.unitCode, s.sha256, s.subject, s.issuer, s.serial, s.notBefore, s.notAfter, s.source, s.addedAt, s.addedBy).changes > 0;

export const revokeSignerRow = (db: Db, id: number, at: string, by: string): boolean =>
  db.prepare('UPDATE registry_signer SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL').run(at, by, id).changes > 0;

export const insertAudit = (db: Db, a: RegistryAuditRow): void => {
  db.prepare('INSERT INTO registry_audit (at, who, action, year, unit_code, sha256, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    a.at,
    a.who,
    a.action,
    a.year,
    a.unitCode,
    a.sha256,
    a.detail,
  );
};

export const listAudit = (db: Db, year: number, limit = 200): RegistryAuditRow[] =>
  db
    .prepare('SELECT at, who, action, year, unit_code AS unitCode, sha256, detail FROM registry_audit WHERE year = ? ORDER BY id DESC LIMIT ?')
    .all(year, limit) as RegistryAuditRow[];
