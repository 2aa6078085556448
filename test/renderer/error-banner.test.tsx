// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';

import { toInputIssue } from '../../shared/ipc/errors/validation';
import { AppFailure, errOf } from '../../shared/ipc/result';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { ErrorBanner, errorMessage } from '../../renderer/src/components/ErrorBanner';
import { fakePlatform } from './fake-platform';

const show = (error: unknown, lang: Language) =>
  render(
    <AppProvider value={{ platform: fakePlatform({}), lang, setLang: () => {} }}>
      <ErrorBanner error={error} onDismiss={() => {}} />
    </AppProvider>,
  );

afterEach(cleanup);

describe('ErrorBanner', () => {
  it('words a reason in the UI language, with its parameters formatted for that language', () => {
    const e = AppFailure.of('EVIDENCE_TOO_LARGE', { name: 'Kế hoạch.pdf', max: 200 * 1024 * 1024, size: 210 * 1024 * 1024 + 512 * 1024 });
    expect(e.message).toBe(
      'Tệp "Kế hoạch.pdf" quá lớn: mỗi tệp kiểm chứng tối đa 200 MB (tệp này từ 210,5 MB trở lên). Hãy giảm dung lượng (ví dụ quét PDF đen trắng 200 dpi) hoặc tách thành nhiều tệp.',
    );
    show(e, 'en');
    expect(screen.getByRole('alert').textContent).toBe(
      'The file "Kế hoạch.pdf" is too large: each evidence file may have at most 200 MB (this one has 210.5 MB or more). Reduce it (for example scan the PDF in black and white at 200 dpi) or split it.×',
    );
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
  });

  it('a reason survives the trip as data (envelope → AppFailure), sentence parts included', () => {
    const wire = JSON.parse(JSON.stringify(errOf('BACKUP_NOT_VALID', { why: 'BK_DUPLICATE_ENTRY', entry: 'evidence/ab' })));
    const e = AppFailure.fromError(wire.error);
    expect(errorMessage(e, 'vi')).toBe(
      'Tệp này không phải là tệp sao lưu hợp lệ của ứng dụng CCHC Tự đánh giá (mục trùng tên "evidence/ab"). Dữ liệu hiện tại không bị thay đổi.',
    );
    expect(errorMessage(e, 'en')).toBe('This is not a valid backup file of the CCHC self-assessment app (duplicate entry "evidence/ab"). The current data was not changed.');
  });

  it('a refused payload names the field and the rule in English', () => {
    const schema = z.object({ deadline: z.string().max(10), year: z.number().int() }).strict();
    const payload = { deadline: '2025-12-31T00:00', year: 'x' };
    const parsed = schema.safeParse(payload);
    const issues = parsed.success ? [] : parsed.error.issues.map((i) => toInputIssue(i, payload));
    const e = AppFailure.of('INVALID_INPUT', { field: 'Hạn nộp', detail: issues[0]!.message }, { issues });
    expect(errorMessage(e, 'en')).toBe('The data sent is not valid — Deadline: Too big: expected string to have <=10 characters');
    expect(issues[1]).toMatchObject({ path: 'year', code: 'invalid_type', expected: 'number', received: 'string' });
    expect(JSON.stringify(issues)).not.toContain('2025-12-31T00:00');
  });

  it('a failure without a reason keeps its own words', () => {
    show(new AppFailure('IO', 'Không ghi được tệp'), 'en');
    expect(screen.getByRole('alert').textContent).toBe('Không ghi được tệp×');
  });
});
