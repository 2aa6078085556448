// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Job } from '../../shared/schemas/job';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { JobProgress } from '../../renderer/src/jobs/JobProgress';
import { fakePlatform } from './fake-platform';

afterEach(cleanup);

const show = (progress: Job['progress'], lang: Language) =>
  render(
    <AppProvider value={{ platform: fakePlatform({}), lang, setLang: () => {} }}>
      <JobProgress label="Tiến độ" progress={progress} testId="p" />
    </AppProvider>,
  );

describe('the progress bar words the step in the language shown', () => {
  const batch: Job['progress'] = {
    done: 10,
    total: 30,
    label: 'Hồ sơ 2/3: b.asice — Đang kiểm tra chữ ký và các tệp',
    step: { code: 'PACKAGE_OF_BATCH_STAGE', params: { i: 2, n: 3, name: 'b.asice', stage: 'CHECKING_PACKAGE' } },
  };

  it('English: from the step, not from the backend’s Vietnamese label', () => {
    show(batch, 'en');
    expect(screen.getByTestId('p').textContent).toBe('Package 2/3: b.asice — Checking the signature and the files');
  });

  it('Vietnamese: the same step in Vietnamese; a job that reports no step shows its label', () => {
    show(batch, 'vi');
    expect(screen.getByTestId('p').textContent).toBe('Hồ sơ 2/3: b.asice — Đang kiểm tra chữ ký và các tệp');
    cleanup();
    show({ done: 0, total: 3, label: 'Bước cũ' }, 'en');
    expect(screen.getByTestId('p').textContent).toBe('Bước cũ');
  });
});
