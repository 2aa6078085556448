import type { Submission } from '../../../../shared/schemas/submission';
import { SUBMISSION_PATH } from './constants';
import { packContainer } from './pack-container';
import type { ContainerPackOptions, PackEvidence, PackResult } from './pack-container';

export type { PackEvidence, PackResult } from './pack-container';
export type PackReport = { path: 'report.pdf' | 'report.xlsx'; data: Uint8Array };

export type PackOptions = Omit<ContainerPackOptions, 'content' | 'files' | 'buffers'> & {
  submission: Submission;
  evidence: PackEvidence[];
  reports?: PackReport[];
};

/**
 * Writes a signed submission bundle (docs/submission-format.md): submission.json, evidence, reports
 * (stored as they are: already compressed), with the generic container writer (pack-container.ts).
 */
export const packBundle = ({ submission, evidence, reports, ...rest }: PackOptions): Promise<PackResult> =>
  packContainer({
    ...rest,
    content: { path: SUBMISSION_PATH, value: submission },
    files: evidence,
    buffers: (reports ?? []).map((r) => ({ path: r.path, data: r.data, compress: false })),
  });
