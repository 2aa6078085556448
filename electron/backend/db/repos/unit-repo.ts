import { defaultLetterhead } from '../../../../shared/domain/admin-document/defaults';
import type { Letterhead } from '../../../../shared/schemas/document-fields';
import type { UnitProfile } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

type Row = {
  name: string;
  code: string;
  type: UnitProfile['type'];
  focal_point_json: string;
  head_json: string;
  letterhead_json: string | null;
  updated_at: string;
};

export const getUnitProfile = (db: Db): UnitProfile | null => {
  const row = db.prepare('SELECT * FROM unit_profile WHERE id = 1').get() as Row | undefined;
  if (!row) return null;
  return {
    name: row.name,
    code: row.code,
    type: row.type,
    focalPoint: JSON.parse(row.focal_point_json) as UnitProfile['focalPoint'],
    head: JSON.parse(row.head_json) as UnitProfile['head'],
    // never saved: the defaults for the unit's type (so a later unit type or name change still applies)
    letterhead: row.letterhead_json ? (JSON.parse(row.letterhead_json) as Letterhead) : defaultLetterhead(row.type, row.name),
    updatedAt: row.updated_at,
  };
};

export type UnitProfileSave = Omit<UnitProfile, 'updatedAt' | 'letterhead'> & { letterhead?: Letterhead | undefined };

/** Saves the profile; a missing letterhead keeps the stored one (clients that do not edit it leave it alone). */
export const saveUnitProfile = (db: Db, p: UnitProfileSave, now: string): UnitProfile => {
  db.prepare(
    `INSERT INTO unit_profile (id, name, code, type, focal_point_json, head_json, letterhead_json, updated_at)
     VALUES (1, @name, @code, @type, @fp, @head, @letterhead, @now)
     ON CONFLICT(id) DO UPDATE SET name = @name, code = @code, type = @type,
       focal_point_json = @fp, head_json = @head, letterhead_json = COALESCE(@letterhead, letterhead_json), updated_at = @now`,
  ).run({
    name: p.name,
    code: p.code,
    type: p.type,
    fp: JSON.stringify(p.focalPoint),
    head: JSON.stringify(p.head),
    letterhead: p.letterhead ? JSON.stringify(p.letterhead) : null,
    now,
  });
  return getUnitProfile(db)!;
};
