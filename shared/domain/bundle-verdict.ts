import { BUNDLE_CODES } from './bundle-codes';
import type { BundleCode } from './bundle-codes';

export type VerdictStatus = 'VALID' | 'VALID_WITH_WARNINGS' | 'INVALID';

/** What a verification says, whichever screen shows it (the wizard's re-check or "Kiểm tra hồ sơ"). */
export type BundleVerdict = {
  status: VerdictStatus;
  /** The headline code: OK, the error, or the first warning. */
  code: string;
  /** One explanation per code, in order: the error; or every warning; or OK. */
  explanations: { code: string; vi: string; en: string }[];
};

const isStatus = (s: string): s is VerdictStatus => s === 'VALID' || s === 'VALID_WITH_WARNINGS' || s === 'INVALID';
const known = (code: string): code is BundleCode => Object.hasOwn(BUNDLE_CODES, code);

/**
 * The one verdict function: the same verification outcome (status, code, warning codes) gives the same
 * status and the same words on every screen. An unknown status counts as INVALID; a code that is not a
 * bundle code keeps the backend's own message.
 */
export const bundleVerdict = (r: { status: string; code: string; message: string; warnings: readonly string[] }): BundleVerdict => {
  const status: VerdictStatus = isStatus(r.status) ? r.status : 'INVALID';
  const explain = (code: string) => (known(code) ? { code, ...BUNDLE_CODES[code] } : { code, vi: r.message, en: r.message });
  const codes = status === 'VALID_WITH_WARNINGS' && r.warnings.length ? [...r.warnings] : [r.code];
  return { status, code: r.code, explanations: codes.map(explain) };
};
