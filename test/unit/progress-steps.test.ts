import { describe, expect, it } from 'vitest';

import { PROGRESS_STEPS, progressStepSchema, progressText, step } from '../../shared/domain/progress-steps';
import { placeholdersOf } from '../../shared/ipc/errors/text';

describe('progress steps: codes the UI words in its language', () => {
  it('every step has a Vietnamese and an English wording with the same placeholders', () => {
    for (const [code, w] of Object.entries(PROGRESS_STEPS)) {
      expect(w.vi.trim(), code).not.toBe('');
      expect(w.en.trim(), code).not.toBe('');
      expect(placeholdersOf(w.en), code).toEqual(placeholdersOf(w.vi));
      expect(w.vi, code).toBe(w.vi.normalize('NFC'));
    }
  });

  it('fills its parameters, and words a stage (itself a step) in the same language', () => {
    const s = step('PACKAGE_OF_BATCH_STAGE', { i: 2, n: 60, name: 'P-HB.asice', stage: 'CHECKING_PACKAGE' });
    expect(progressText(s, 'vi')).toBe('Hồ sơ 2/60: P-HB.asice — Đang kiểm tra chữ ký và các tệp');
    expect(progressText(s, 'en')).toBe('Package 2/60: P-HB.asice — Checking the signature and the files');
    expect(progressText(step('DONE'), 'en')).toBe('Done');
    // A name that looks like a code stays a name; only `stage` is worded.
    expect(progressText(step('FILE', { name: 'DONE' }), 'en')).toBe('DONE');
    expect(progressText(step('FILE_STAGE', { name: 'a.asice', stage: 'not a code' }), 'en')).toBe('a.asice: not a code');
  });

  it('the job schema refuses a code it does not know (what crosses to the renderer is checked)', () => {
    expect(progressStepSchema.safeParse({ code: 'DONE' }).success).toBe(true);
    expect(progressStepSchema.safeParse({ code: 'toString' }).success).toBe(false);
    expect(progressStepSchema.safeParse({ code: 'DONE', params: { n: {} } }).success).toBe(false);
  });
});
