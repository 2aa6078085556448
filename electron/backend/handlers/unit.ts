import { getUnitProfile, saveUnitProfile } from '../db/repos/unit-repo';
import type { HandlerSlice } from './types';

export const unitHandlers: HandlerSlice<'unit.get' | 'unit.save'> = {
  'unit.get': (_input, ctx) => getUnitProfile(ctx.db),
  'unit.save': (input, ctx) => saveUnitProfile(ctx.db, input, ctx.now().toISOString()),
};
