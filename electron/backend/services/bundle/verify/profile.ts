import { BUNDLE_FOLDERS, ENTRY_NAME_RE, SUBMISSION_PATH } from '../constants';

/**
 * What one package kind adds to the generic container checks (steps 1–7: zip, manifest, CMS, certificate,
 * coverage and digests): the entry names it allows and the JSON file that carries its content. The kind's
 * own semantics (step 8, e.g. semantics.ts for a submission) run on that file once the container passed.
 */
export type ContainerProfile = {
  kind: string;
  /** Every entry name the kind allows; anything else is E_UNEXPECTED_ENTRY. */
  entryName: RegExp;
  /** Folders of the layout: a directory entry with one of these names is E_DIRECTORY_ENTRY. */
  folders: ReadonlySet<string>;
  /** The content JSON, which the manifest must list. */
  contentPath: string;
};

export const SUBMISSION_PROFILE: ContainerProfile = {
  kind: 'submission',
  entryName: ENTRY_NAME_RE,
  folders: BUNDLE_FOLDERS,
  contentPath: SUBMISSION_PATH,
};
