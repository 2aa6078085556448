import type { HandlerSlice } from './types';

/** The calendar day on this machine's clock (an agency in Hải Phòng at 06:00 is not "yesterday" in UTC). */
const localDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export const appHandlers: HandlerSlice<'app.info' | 'settings.get' | 'settings.update' | 'jobs.get' | 'jobs.cancel'> = {
  'app.info': (_input, ctx) => ({
    version: ctx.appVersion,
    host: ctx.host.kind,
    dataDirLabel: ctx.dataDir,
    today: localDay(ctx.now()),
  }),
  'settings.get': (_input, ctx) => ctx.host.settings.get(),
  'settings.update': (input, ctx) => ctx.host.settings.update(input),
  'jobs.get': (input, ctx) => ctx.jobs.get(input.jobId),
  'jobs.cancel': (input, ctx) => ctx.jobs.cancel(input.jobId),
};
