import { z } from 'zod';

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
  progress: z.object({ done: z.number(), total: z.number(), label: z.string() }),
  result: z.unknown().optional(),
  error: appErrorSchema.optional(),
});
export type Job = z.infer<typeof jobSchema>;
