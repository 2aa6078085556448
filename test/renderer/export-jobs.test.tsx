// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { Job } from '../../shared/schemas/job';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { ExportButtons } from '../../renderer/src/features/report/index';
import { useJob } from '../../renderer/src/jobs/index';
import { fakePlatform } from './fake-platform';

/** A job table the test drives by hand: `advance(id, patch)` is what the backend's work would do. */
const fakeJobs = () => {
  const jobs = new Map<string, Job>();
  let n = 0;
  return {
    jobs,
    create: (kind: string): Job => {
      const job: Job = { id: `job${++n}`, kind, state: 'running', progress: { done: 0, total: 3, label: 'Chọn nơi lưu tệp' } };
      jobs.set(job.id, job);
      return { ...job };
    },
    advance: (id: string, patch: Partial<Job>) => {
      jobs.set(id, { ...jobs.get(id)!, ...patch });
    },
    get: vi.fn(async ({ jobId }: { jobId: string }) => ({ ...jobs.get(jobId)! })),
    cancel: vi.fn(async ({ jobId }: { jobId: string }) => ({ ...jobs.get(jobId)! })),
  };
};

const setup = (kind: 'web' | 'electron', lang: Language = 'vi') => {
  const j = fakeJobs();
  const api = {
    jobs: { get: j.get, cancel: j.cancel },
    report: {
      xlsx: vi.fn(async () => j.create('report.xlsx')),
      pdf: vi.fn(async () => j.create('report.pdf')),
      showInFolder: vi.fn(async () => ({ shown: true })),
    },
  };
  const platform = fakePlatform(api, { kind });
  const download = platform.download;
  const wrap = (ui: React.ReactNode) => <AppProvider value={{ platform, lang, setLang: () => {} }}>{ui}</AppProvider>;
  return { j, api, download, wrap };
};

afterEach(cleanup);

describe('useJob', () => {
  const Probe = ({ id, initial, onSettled }: { id: string | null; initial?: Job; onSettled: (j: Job) => void }) => {
    const { job, running, cancel } = useJob(id, { intervalMs: 10, ...(initial ? { initial } : {}), onSettled });
    return (
      <div>
        <span data-testid="state">{job ? `${job.state}:${job.progress.done}/${job.progress.total}` : 'none'}</span>
        <span data-testid="running">{String(running)}</span>
        <button type="button" onClick={() => void cancel()}>
          cancel
        </button>
      </div>
    );
  };

  it('polls jobs.get until the job leaves running, and calls onSettled exactly once', async () => {
    const { j, wrap } = setup('web');
    const job = j.create('x');
    const settled = vi.fn();
    render(wrap(<Probe id={job.id} initial={job} onSettled={settled} />));
    expect(screen.getByTestId('state').textContent).toBe('running:0/3');
    act(() => j.advance(job.id, { progress: { done: 2, total: 3, label: 'b' } }));
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('running:2/3'));
    act(() => j.advance(job.id, { state: 'done', progress: { done: 3, total: 3, label: 'c' }, result: 42 }));
    await waitFor(() => expect(screen.getByTestId('state').textContent).toBe('done:3/3'));
    const calls = j.get.mock.calls.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(j.get.mock.calls.length).toBe(calls); // polling stopped
    expect(settled).toHaveBeenCalledTimes(1);
    expect(settled.mock.calls[0]?.[0]).toMatchObject({ state: 'done', result: 42 });
    expect(screen.getByTestId('running').textContent).toBe('false');
  });

  it('does nothing without an id, and settles a job that was already finished without polling', async () => {
    const { j, wrap } = setup('web');
    const settled = vi.fn();
    const { rerender } = render(wrap(<Probe id={null} onSettled={settled} />));
    expect(screen.getByTestId('state').textContent).toBe('none');
    const job = j.create('x');
    j.advance(job.id, { state: 'failed', error: { code: 'IO', message: 'Lỗi ghi tệp' } });
    rerender(wrap(<Probe id={job.id} initial={{ ...j.jobs.get(job.id)! }} onSettled={settled} />));
    await waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
    expect(j.get).not.toHaveBeenCalled();
  });

  it('a new job id shows its initial job in the very first render, never the previous state', () => {
    const { j, wrap } = setup('web');
    const seen: string[] = [];
    const Renders = ({ id, initial }: { id: string | null; initial?: Job }) => {
      const { job, running } = useJob(id, { intervalMs: 10, ...(initial ? { initial } : {}) });
      seen.push(`${id}:${job?.state ?? 'none'}:${running}`);
      return null;
    };
    const { rerender } = render(wrap(<Renders id={null} />));
    const job = j.create('x');
    rerender(wrap(<Renders id={job.id} initial={job} />));
    // Every render for the new id, the first included, shows the running job (a gap made a progress bar
    // show "Đang bắt đầu…" with a disabled cancel button until the first poll answered).
    expect(seen.filter((s) => s.startsWith(`${job.id}:`))[0]).toBe(`${job.id}:running:true`);
  });

  it('cancel asks the backend and the job ends as cancelled', async () => {
    const { j, wrap } = setup('web');
    const job = j.create('x');
    const settled = vi.fn();
    render(wrap(<Probe id={job.id} initial={job} onSettled={settled} />));
    j.cancel.mockImplementationOnce(async ({ jobId }) => {
      j.advance(jobId, { state: 'cancelled', error: { code: 'CANCELLED', message: 'Đã hủy theo yêu cầu' } });
      return { ...j.jobs.get(jobId)! };
    });
    fireEvent.click(screen.getByRole('button', { name: 'cancel' }));
    await waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
    expect(j.cancel).toHaveBeenCalledWith({ jobId: job.id });
    expect(settled.mock.calls[0]?.[0]).toMatchObject({ state: 'cancelled' });
  });
});

describe('ExportButtons', () => {
  const done = (format: 'xlsx' | 'pdf', downloadId?: string): Partial<Job> => ({
    state: 'done',
    progress: { done: 3, total: 3, label: 'Hoàn tất' },
    result: { format, fileName: `SNV-HP_2025_${format === 'xlsx' ? 'bang-tu-danh-gia.xlsx' : 'bao-cao-tu-danh-gia.pdf'}`, sizeBytes: 48_128, ...(downloadId ? { downloadId } : {}) },
  });

  it('web host: shows progress with a cancel button, then downloads the file by its id', async () => {
    const { j, api, download, wrap } = setup('web');
    const before = vi.fn(async () => {});
    render(wrap(<ExportButtons assessmentId="a1" beforeExport={before} />));
    fireEvent.click(screen.getByRole('button', { name: 'Xuất bảng tự đánh giá (Excel)' }));
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Tiến độ xuất tệp' }).getAttribute('max')).toBe('3'));
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('0');
    expect(screen.getByText('Chọn nơi lưu tệp')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hủy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Xuất báo cáo (PDF)' }).hasAttribute('disabled')).toBe(true);
    expect(before).toHaveBeenCalledTimes(1);
    expect(api.report.xlsx).toHaveBeenCalledWith({ assessmentId: 'a1' });
    act(() => j.advance('job1', done('xlsx', 'dl-1')));
    await waitFor(() => expect(download).toHaveBeenCalledWith('dl-1', 'SNV-HP_2025_bang-tu-danh-gia.xlsx'));
    expect(screen.getByTestId('export-status').textContent).toBe('Đã xuất tệp SNV-HP_2025_bang-tu-danh-gia.xlsx (47 KB).');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Mở thư mục' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Tải lại tệp SNV-HP_2025_bang-tu-danh-gia.xlsx' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
  });

  it('Electron: no download; "Mở thư mục" asks the backend to show the file of that job', async () => {
    const { j, api, download, wrap } = setup('electron');
    render(wrap(<ExportButtons assessmentId="a1" />));
    fireEvent.click(screen.getByRole('button', { name: 'Xuất báo cáo (PDF)' }));
    await screen.findByRole('progressbar');
    act(() => j.advance('job1', done('pdf')));
    fireEvent.click(await screen.findByRole('button', { name: 'Mở thư mục' }));
    await waitFor(() => expect(api.report.showInFolder).toHaveBeenCalledWith({ jobId: 'job1' }));
    expect(api.report.pdf).toHaveBeenCalledWith({ assessmentId: 'a1' });
    expect(download).not.toHaveBeenCalled();
  });

  it('a failed job shows its Vietnamese message in the error banner; buttons come back', async () => {
    const { j, wrap } = setup('web');
    render(wrap(<ExportButtons assessmentId="a1" />));
    fireEvent.click(screen.getByRole('button', { name: 'Xuất báo cáo (PDF)' }));
    await screen.findByRole('progressbar');
    act(() => j.advance('job1', { state: 'failed', error: { code: 'DISK_FULL', message: 'Ổ đĩa đã đầy' } }));
    expect((await screen.findByRole('alert')).textContent).toContain('Ổ đĩa đã đầy');
    expect(screen.getByRole('button', { name: 'Xuất báo cáo (PDF)' }).hasAttribute('disabled')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Đóng thông báo' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a channel error when starting (e.g. no unit profile) is shown too', async () => {
    const { api, wrap } = setup('web');
    api.report.xlsx.mockRejectedValueOnce(new Error('Chưa khai báo hồ sơ đơn vị'));
    render(wrap(<ExportButtons assessmentId="a1" />));
    fireEvent.click(screen.getByRole('button', { name: 'Xuất bảng tự đánh giá (Excel)' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Chưa khai báo hồ sơ đơn vị');
  });

  it('cancel while running ends with "Đã hủy xuất tệp." and no download', async () => {
    const { j, download, wrap } = setup('web');
    render(wrap(<ExportButtons assessmentId="a1" />));
    fireEvent.click(screen.getByRole('button', { name: 'Xuất bảng tự đánh giá (Excel)' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Hủy' }));
    await waitFor(() => expect(j.cancel).toHaveBeenCalledWith({ jobId: 'job1' }));
    act(() => j.advance('job1', { state: 'cancelled', error: { code: 'CANCELLED', message: 'Đã hủy theo yêu cầu' } }));
    await waitFor(() => expect(screen.getByTestId('export-status').textContent).toBe('Đã hủy xuất tệp.'));
    expect(download).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks English when the UI language is English', () => {
    const { wrap } = setup('web', 'en');
    render(wrap(<ExportButtons assessmentId="a1" />));
    expect(screen.getByRole('button', { name: 'Export the self-assessment table (Excel)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export the report (PDF)' })).toBeTruthy();
  });
});
