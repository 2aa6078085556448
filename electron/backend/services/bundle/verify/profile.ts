import type { PackageKind } from '../../../../../shared/schemas/package-kind';
import { ROUND_SET_PATH_RE } from '../../../../../shared/schemas/round';
import { APPRAISAL_RESULT_PATH } from '../../../../../shared/schemas/appraisal-result';
import { EXPLANATION_PATH } from '../../../../../shared/schemas/explanation';
import { FINAL_RESULT_PATH } from '../../../../../shared/schemas/final-result';
import {
  BUNDLE_FOLDERS,
  ENTRY_NAME_RE,
  EXPLANATION_ENTRY_NAME_RE,
  FINAL_ENTRY_NAME_RE,
  META_ONLY_FOLDERS,
  RESULT_ENTRY_NAME_RE,
  ROUND_ENTRY_NAME_RE,
  ROUND_FOLDERS,
  ROUND_PATH,
  SUBMISSION_PATH,
} from '../constants';

/**
 * What one package kind adds to the generic container checks (steps 1–7: zip, manifest, CMS, certificate,
 * coverage and digests): the entry names it allows and the JSON file that carries its content. The kind's
 * own semantics (step 8, e.g. semantics.ts for a submission, round-semantics.ts for a round) run on that
 * file once the container passed. docs/package-formats.md lists the kinds.
 */
/** A test on zip entry names (a RegExp, or the union of several kinds' lists). */
export type NameRule = { test: (name: string) => boolean };

export type ContainerProfile = {
  kind: PackageKind;
  /** Every entry name the kind allows; anything else is E_UNEXPECTED_ENTRY. */
  entryName: NameRule;
  /** Folders of the layout: a directory entry with one of these names is E_DIRECTORY_ENTRY. */
  folders: ReadonlySet<string>;
  /** The content JSON, which the manifest must list. Its presence is what names the kind of a package. */
  contentPath: string;
  /** Other small entries whose digest-checked bytes the kind's semantics read (each ≤ maxMetaBytes). */
  keep?: RegExp;
};

export const SUBMISSION_PROFILE: ContainerProfile = {
  kind: 'submission',
  entryName: ENTRY_NAME_RE,
  folders: BUNDLE_FOLDERS,
  contentPath: SUBMISSION_PATH,
};

export const ROUND_PROFILE: ContainerProfile = {
  kind: 'round',
  entryName: ROUND_ENTRY_NAME_RE,
  folders: ROUND_FOLDERS,
  contentPath: ROUND_PATH,
  keep: ROUND_SET_PATH_RE,
};

export const APPRAISAL_RESULT_PROFILE: ContainerProfile = {
  kind: 'appraisal-result',
  entryName: RESULT_ENTRY_NAME_RE,
  folders: META_ONLY_FOLDERS,
  contentPath: APPRAISAL_RESULT_PATH,
};

export const EXPLANATION_PROFILE: ContainerProfile = {
  kind: 'explanation',
  entryName: EXPLANATION_ENTRY_NAME_RE,
  folders: BUNDLE_FOLDERS,
  contentPath: EXPLANATION_PATH,
};

export const FINAL_RESULT_PROFILE: ContainerProfile = {
  kind: 'final-result',
  entryName: FINAL_ENTRY_NAME_RE,
  folders: META_ONLY_FOLDERS,
  contentPath: FINAL_RESULT_PATH,
};

/** Every kind, submission first: a package without any kind's content file is judged as a submission. */
export const PACKAGE_PROFILES: readonly ContainerProfile[] = [SUBMISSION_PROFILE, ROUND_PROFILE, APPRAISAL_RESULT_PROFILE, EXPLANATION_PROFILE, FINAL_RESULT_PROFILE];

/** One profile accepting the names of all of them: the entry table is read once, then the kind is chosen. */
export const anyKindProfile = (profiles: readonly ContainerProfile[]): ContainerProfile => ({
  kind: profiles[0]!.kind,
  entryName: { test: (name: string) => profiles.some((p) => p.entryName.test(name)) },
  folders: new Set(profiles.flatMap((p) => [...p.folders])),
  contentPath: profiles[0]!.contentPath,
});

/**
 * The kind of a package from its entry names: the profile whose content file is present. Two content files
 * (a submission.json next to a round.json) are refused as an entry outside the first kind's layout.
 */
export const chooseProfile = (names: readonly string[], profiles: readonly ContainerProfile[]): { profile: ContainerProfile; stray: string | null } => {
  const present = profiles.filter((p) => names.includes(p.contentPath));
  const profile = present[0] ?? profiles[0]!;
  const stray = names.find((n) => !profile.entryName.test(n)) ?? null;
  return { profile, stray };
};
