import { z } from 'zod';

import { progressStepSchema } from '../domain/progress-steps';
import { appErrorSchema } from '../ipc/result';

/**
 * Long work (attaching big files, exports, signing) runs as a job: the channel that starts it returns a
 * job id at once, the UI polls `jobs.get` for progress and may call `jobs.cancel`. Polling works the same
 * over IPC and HTTP, so the contract stays request/response only.
 */
export const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** `step`: what the job is doing, worded by the UI in its language; `label`: the same in Vietnamese (CLI, logs). */
  progress: z.object({ done: z.number(), total: z.number(), label: z.string(), step: progressStepSchema.optional() }),
  result: z.unknown().optional(),
  error: appErrorSchema.optional(),
});
export type Job = z.infer<typeof jobSchema>;
