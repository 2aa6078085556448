import type { UnitProfile } from '../../../../shared/schemas/unit';
import type { Db } from '../connection';

type Row = {
  name: string;
  code: string;
  type: UnitProfile['type'];
  focal_point_json: string;
  head_json: string;
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
    updatedAt: row.updated_at,
  };
};

export const saveUnitProfile = (db: Db, p: Omit<UnitProfile, 'updatedAt'>, now: string): UnitProfile => {
  db.prepare(
    `INSERT INTO unit_profile (id, name, code, type, focal_point_json, head_json, updated_at)
     VALUES (1, @name, @code, @type, @fp, @head, @now)
     ON CONFLICT(id) DO UPDATE SET name = @name, code = @code, type = @type,
       focal_point_json = @fp, head_json = @head, updated_at = @now`,
  ).run({ name: p.name, code: p.code, type: p.type, fp: JSON.stringify(p.focalPoint), head: JSON.stringify(p.head), now });
  return { ...p, updatedAt: now };
};
