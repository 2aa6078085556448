import type { HandlerSlice } from './types';

/** Progress and cancellation of long work started by other channels (electron/backend/jobs.ts). */
export const jobsHandlers: HandlerSlice<'jobs.get' | 'jobs.cancel'> = {
  'jobs.get': (input, ctx) => ctx.jobs.get(input.jobId),
  'jobs.cancel': (input, ctx) => ctx.jobs.cancel(input.jobId),
};
