import { unitDay } from '../services/assessments/unit-day';
import type { HandlerSlice } from './types';

export const appHandlers: HandlerSlice<'app.info'> = {
  'app.info': (_input, ctx) => ({
    version: ctx.appVersion,
    host: ctx.host.kind,
    dataDirLabel: ctx.dataDir,
    today: unitDay(ctx.now()),
  }),
};
