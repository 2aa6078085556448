import type { BundleCode } from '../../../../../shared/domain/bundle-codes';

/** Ends verification at the first failed check (docs/submission-format.md §5: stop at the first failure). */
export class BundleFailure extends Error {
  constructor(
    readonly code: BundleCode,
    /** Technical detail for IT staff: which entry, which check. Never secrets. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'BundleFailure';
  }
}

export const fail = (code: BundleCode, detail: string): never => {
  throw new BundleFailure(code, detail);
};
