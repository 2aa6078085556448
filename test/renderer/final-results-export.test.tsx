// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Job } from '../../shared/schemas/job';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { FinalResultsExport } from '../../renderer/src/features/decisions/FinalResultsExport';
import { fakePlatform } from './fake-platform';

afterEach(cleanup);

const JOB: Job = { id: 'j1', kind: 'decisions.exportResults', state: 'running', progress: { done: 0, total: 2, label: 'Chọn nơi lưu tệp' } };

const show = (lang: Language) => {
  const exportResults = vi.fn(async () => JOB);
  const platform = fakePlatform({ decisions: { exportResults } });
  const started: (() => Promise<Job>)[] = [];
  const start = async (work: () => Promise<Job>) => {
    started.push(work);
    await work();
  };
  render(
    <AppProvider value={{ platform, lang, setLang: () => {} }}>
      <FinalResultsExport year={2025} busy={false} start={start} />
    </AppProvider>,
  );
  return { exportResults, started };
};

describe('final results export (number and symbol of Sở\'s notice)', () => {
  it('no number: the PDF is offered as a draft; a number in words blocks the PDF and says why; a valid number is sent with the symbol', async () => {
    const { exportResults } = show('vi');
    const pdf = () => screen.getByRole('button', { name: /Xuất văn bản kết quả \(PDF/ }) as HTMLButtonElement;
    expect(pdf().textContent).toBe('Xuất văn bản kết quả (PDF, bản dự thảo)');
    fireEvent.change(screen.getByLabelText('Số văn bản'), { target: { value: 'mười lăm' } });
    expect(screen.getByText('Số văn bản chỉ gồm chữ số, tối đa 7 chữ số (ví dụ 15).')).toBeTruthy();
    expect(pdf().disabled).toBe(true);
    fireEvent.click(pdf());
    expect(exportResults).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Ký hiệu văn bản'), { target: { value: 'TB SNV' } });
    expect(screen.getByText(/Ký hiệu gồm chữ in hoa và số/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Số văn bản'), { target: { value: ' 15 ' } });
    fireEvent.change(screen.getByLabelText('Ký hiệu văn bản'), { target: { value: 'TB-SNV' } });
    expect(pdf().disabled).toBe(false);
    expect(pdf().textContent).toBe('Xuất văn bản kết quả (PDF)');
    fireEvent.click(pdf());
    await vi.waitFor(() => expect(exportResults).toHaveBeenCalledWith({ year: 2025, format: 'pdf', number: '15', symbol: 'TB-SNV' }));
  });

  it('in English: labels, the draft wording and the reason a number is refused', () => {
    show('en');
    expect(screen.getByRole('button', { name: 'Export the results document (PDF, draft)' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Document number'), { target: { value: '12345678' } });
    expect(screen.getByText('The document number is digits only, at most 7 (e.g. 15).')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Export the results document (PDF)' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
