/** Long work in the renderer: follow a backend job (useJob, runJob) and show its progress (JobProgress). */
export { followJob, jobFailure, runJob } from './follow';
export { JobProgress, trackedProgress } from './JobProgress';
export type { JobProgressProps } from './JobProgress';
export { useJob } from './use-job';
export type { UseJobOptions, UseJobResult } from './use-job';
export { useFileJob } from './use-file-job';
export type { FileJobInput } from './use-file-job';
export { useSingleFlight } from './single-flight';
export type { SingleFlight } from './single-flight';
