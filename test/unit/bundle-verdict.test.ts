import { describe, expect, it } from 'vitest';

import { BUNDLE_CODES } from '../../shared/domain/bundle-codes';
import { bundleVerdict } from '../../shared/domain/bundle-verdict';

describe('one verdict for a verification outcome', () => {
  it('warnings: every warning explained, in order; the trust warning says plainly that the signer is not established', () => {
    const v = bundleVerdict({ status: 'VALID_WITH_WARNINGS', code: 'W_TRUST_NOT_CONFIGURED', message: 'x', warnings: ['W_TRUST_NOT_CONFIGURED', 'W_REVOCATION_UNKNOWN'] });
    expect(v.status).toBe('VALID_WITH_WARNINGS');
    expect(v.explanations.map((e) => e.code)).toEqual(['W_TRUST_NOT_CONFIGURED', 'W_REVOCATION_UNKNOWN']);
    expect(v.explanations[0]!.vi).toMatch(/^Chưa cấu hình chứng thư gốc tin cậy — không xác định được người ký có được tin cậy\./);
    expect(v.explanations[1]!.vi).toBe(BUNDLE_CODES.W_REVOCATION_UNKNOWN.vi);
  });

  it('INVALID explains its error; VALID says OK; an unknown status is INVALID and an unknown code keeps the message', () => {
    expect(bundleVerdict({ status: 'INVALID', code: 'E_DIGEST_MISMATCH', message: '', warnings: [] }).explanations).toEqual([{ code: 'E_DIGEST_MISMATCH', ...BUNDLE_CODES.E_DIGEST_MISMATCH }]);
    expect(bundleVerdict({ status: 'VALID', code: 'OK', message: '', warnings: [] }).explanations).toEqual([{ code: 'OK', ...BUNDLE_CODES.OK }]);
    expect(bundleVerdict({ status: 'WHAT', code: 'X_NEW', message: 'Lỗi lạ', warnings: [] })).toEqual({ status: 'INVALID', code: 'X_NEW', explanations: [{ code: 'X_NEW', vi: 'Lỗi lạ', en: 'Lỗi lạ' }] });
  });
});
