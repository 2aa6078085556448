import { unitDay } from '../services/assessments/unit-day';
import type { HandlerSlice } from './types';


export const appHandlers: HandlerSlice<'app.info' | 'settings.get' | 'settings.update' | 'jobs.get' | 'jobs.cancel'> = {
  'app.info': (_input, ctx) => ({
    version: ctx.appVersion,
    host: ctx.host.kind,
    dataDirLabel: ctx.dataDir,
    today: unitDay(ctx.now()),
  }),
  'settings.get': (_input, ctx) => ctx.host.settings.get(),
  'settings.update': (input, ctx) => ctx.host.settings.update(input),
  'jobs.get': (input, ctx) => ctx.jobs.get(input.jobId),
  'jobs.cancel': (input, ctx) => ctx.jobs.cancel(input.jobId),
};
