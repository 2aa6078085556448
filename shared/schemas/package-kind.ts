import { z } from 'zod';

/**
 * The kinds of signed package carried in the one ASiC-E + CAdES container (docs/package-formats.md). A
 * `submission` (unit → Sở Nội vụ) is the original SATB/1 bundle and carries no `kind` field, so bundles
 * written before kinds existed stay byte-identical; every later kind names itself in its content JSON.
 */
export const PACKAGE_KINDS = ['submission', 'round', 'appraisal-result', 'explanation', 'final-result'] as const;
export const packageKindSchema = z.enum(PACKAGE_KINDS);
export type PackageKind = z.infer<typeof packageKindSchema>;
