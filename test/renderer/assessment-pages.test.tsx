// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppFailure } from '../../shared/ipc/result';
import { AUTOSAVE_DELAY_MS, useAssessment } from '../../renderer/src/features/assessments/assessment-store';
import { Dashboard } from '../../renderer/src/features/assessments/Dashboard';
import { NavTree } from '../../renderer/src/features/assessments/NavTree';
import { NodePage } from '../../renderer/src/features/assessments/NodePage';
import { parseNumberText } from '../../renderer/src/components/NumberField';
import { formatPoints, parseDmy } from '../../shared/format/index';
import { assessmentOf, fakeApi, renderWithStore } from './assessment-harness';
import { ans, fullAnswers } from './fixtures/mini-set';

afterEach(cleanup);

vi.mock('../../renderer/src/features/evidence/index', () => ({
  EvidencePanel: () => <p data-testid="evidence-panel">panel</p>,
}));

/** Shows the live total and save state, as the shell's bar does. */
const Total = () => {
  const s = useAssessment();
  return (
    <p>
      <span data-testid="total">{formatPoints(s.score.final)}</span> <span data-testid="save">{s.save.kind}</span>
    </p>
  );
};

describe('number input', () => {
  it('accepts Vietnamese and English decimals and grouped whole numbers, refuses the rest', () => {
    expect(parseNumberText('2,5', 3)).toBe(2.5);
    expect(parseNumberText('88.125', 3, 'en')).toBe(88.125);
    // One format per language: in Vietnamese "." groups thousands, so 88.125 is eighty-eight thousand.
    expect(parseNumberText('88.125', 3)).toBe(88125);
    expect(parseNumberText('12 345,6', 3)).toBeNull();
    expect(parseNumberText('1,2345', 3)).toBeNull();
    expect(parseNumberText('1.000', 0)).toBe(1000);
    expect(parseNumberText('12,5', 0)).toBeNull();
    expect(parseNumberText('', 0)).toBeUndefined();
  });

  it('dates are typed dd/MM/yyyy and must exist', () => {
    expect(parseDmy('31/12/2025')).toBe('2025-12-31');
    expect(parseDmy('1/2/2026')).toBe('2026-02-01');
    expect(parseDmy('')).toBeNull();
    expect(parseDmy('31/02/2026')).toBeUndefined();
    expect(parseDmy('2025-12-31')).toBeUndefined();
  });
});

describe('sub-criterion page', () => {
  it('updates the score and the total as the user types, then autosaves once after a pause', async () => {
    const fake = fakeApi();
    render(renderWithStore(<><Total /><NodePage nodeId="n1-3" /></>, fake, { answers: fullAnswers().filter((a) => a.nodeId !== 'n1-3') }));
    expect(screen.getByTestId('total').textContent).toBe('8');
    fireEvent.change(screen.getByLabelText('Số hồ sơ đúng hạn'), { target: { value: '96' } });
    fireEvent.change(screen.getByLabelText('Tổng số hồ sơ'), { target: { value: '100' } });
    // Synchronous: no waiting for the backend.
    expect(screen.getByTestId('node-score').textContent).toBe('1/2 điểm');
    expect(screen.getByTestId('rate').textContent).toBe('Tỷ lệ: 96 %');
    expect(screen.getByTestId('total').textContent).toBe('9');
    expect(screen.getByTestId('save').textContent).toBe('pending');
    expect(fake.save).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('save').textContent).toBe('saved'), { timeout: AUTOSAVE_DELAY_MS + 800 });
    expect(fake.save).toHaveBeenCalledTimes(1);
    expect(fake.save.mock.calls[0]![0]).toMatchObject({ assessmentId: 'a1', nodeId: 'n1-3', answer: { inputs: { numerator: 96, denominator: 100 } } });
  });

  it('an invalid number shows an error and is never saved', async () => {
    const fake = fakeApi();
    render(renderWithStore(<NodePage nodeId="n2-2" />, fake));
    fireEvent.change(screen.getByLabelText('Giá trị Chỉ số 766 (trên thang 100)'), { target: { value: '88,12345' } });
    expect(screen.getByText('Không hợp lệ, chưa lưu: hãy nhập số như 1.234,5 (tối đa 3 chữ số thập phân).')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Giá trị Chỉ số 766 (trên thang 100)'), { target: { value: '120' } });
    expect(screen.getByText('Vượt mức cho phép (100), chưa lưu.')).toBeTruthy();
    await new Promise((r) => setTimeout(r, AUTOSAVE_DELAY_MS + 100));
    expect(fake.save).not.toHaveBeenCalled();
  });

  it('N/A needs a reason before it is saved; the explanation becomes mandatory below max', async () => {
    const fake = fakeApi();
    render(renderWithStore(<><Total /><NodePage nodeId="n1-3" /></>, fake));
    fireEvent.click(screen.getByLabelText('Không áp dụng (nhiệm vụ không phát sinh)'));
    expect(screen.getByText('Hãy nhập lý do không áp dụng.')).toBeTruthy();
    expect(screen.getByTestId('save').textContent).toBe('needReason');
    await new Promise((r) => setTimeout(r, AUTOSAVE_DELAY_MS + 100));
    expect(fake.save).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('Lý do không áp dụng (bắt buộc)'), { target: { value: 'Không phát sinh hồ sơ' } });
    await waitFor(() => expect(fake.save).toHaveBeenCalledTimes(1));
    expect(fake.save.mock.calls[0]![0].answer.notApplicable).toEqual({ reason: 'Không phát sinh hồ sơ' });
    cleanup();

    render(renderWithStore(<NodePage nodeId="n1-1" />, fakeApi()));
    fireEvent.click(screen.getByLabelText('Không đạt'));
    expect(screen.getByLabelText('Giải trình (bắt buộc vì điểm thấp hơn điểm tối đa)')).toBeTruthy();
    expect(screen.getByText('Cần giải trình vì điểm tự chấm thấp hơn điểm tối đa.')).toBeTruthy();
  });

  it('English: a missing explanation is said once, on its field, and other problems are worded in English', () => {
    render(renderWithStore(<NodePage nodeId="n1-1" />, fakeApi(), { lang: 'en' }));
    fireEvent.click(screen.getByLabelText('Not met'));
    expect(screen.getByLabelText('Explanation (required: the score is below the maximum)')).toBeTruthy();
    expect(screen.getAllByRole('alert').map((e) => e.textContent)).toEqual(['An explanation is required because the score is below the maximum.']);
    cleanup();
    render(renderWithStore(<NodePage nodeId="n1-3" />, fakeApi(), { lang: 'en', answers: [ans({ nodeId: 'n1-3', inputs: { numerator: 11, denominator: 10 } })] }));
    expect(screen.getAllByRole('alert').map((e) => e.textContent)).toEqual(['"Số hồ sơ đúng hạn" (11) is greater than "Tổng số hồ sơ" (10)']);
  });

  it('survey nodes are read-only and a locked assessment disables every input', () => {
    render(renderWithStore(<NodePage nodeId="n3-1" />, fakeApi()));
    expect(screen.getByText(/Tiêu chí điều tra xã hội học/)).toBeTruthy();
    expect(screen.queryByLabelText(/^Giải trình/)).toBeNull();
    cleanup();
    render(renderWithStore(<NodePage nodeId="n1-2" />, fakeApi({ assessment: assessmentOf({ status: 'locked' }) })));
    for (const radio of screen.getAllByRole('radio')) expect((radio as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Chỉ xem: bản tự đánh giá đã khóa.')).toBeTruthy();
  });

  it('English labels are complete', () => {
    render(renderWithStore(<NodePage nodeId="n1-1" />, fakeApi(), { lang: 'en' }));
    expect(screen.getByText('Declared figures')).toBeTruthy();
    expect(screen.getByLabelText('Met')).toBeTruthy();
    expect(screen.getByText('Next →')).toBeTruthy();
    expect(screen.getByText(/Scoring method: Met \/ not met/)).toBeTruthy();
  });
});

describe('criteria tree', () => {
  it('searches without diacritics and filters by status', async () => {
    const answers = fullAnswers()
      .filter((a) => a.nodeId !== 'n2-3')
      .map((a) => (a.nodeId === 'n1-2' ? ans({ nodeId: 'n1-2', inputs: { levelId: 'half' } }) : a));
    render(renderWithStore(<NavTree />, fakeApi(), { answers }));
    const leafTexts = () => [...document.querySelectorAll('li.tree-leaf .tree-code')].map((e) => e.textContent);
    expect(leafTexts()).toHaveLength(8);
    fireEvent.change(screen.getByLabelText('Tìm theo mã hoặc nội dung'), { target: { value: 'giai ngan' } });
    expect(leafTexts()).toEqual(['1.1']);
    fireEvent.change(screen.getByLabelText('Tìm theo mã hoặc nội dung'), { target: { value: 'bao cao tre' } });
    expect(leafTexts()).toEqual(['2.1']);
    fireEvent.change(screen.getByLabelText('Tìm theo mã hoặc nội dung'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Chưa chấm' }));
    expect(leafTexts()).toEqual(['2.3']);
    fireEvent.click(screen.getByRole('button', { name: 'Thiếu tài liệu' }));
    expect(leafTexts()).toEqual(['1.1']);
    fireEvent.click(screen.getByRole('button', { name: 'Dưới điểm tối đa' }));
    expect(leafTexts()).toEqual(['1.2']);
    expect(screen.getAllByRole('img', { name: 'Đã chấm' }).length).toBeGreaterThan(0);
  });
});

describe('undo', () => {
  it('restores the value the backend reports', async () => {
    const fake = fakeApi({ undo: { undone: true, nodeId: 'n1-1', answer: { ...ans({ nodeId: 'n1-1', inputs: { met: true } }), evidenceIds: [] } } });
    const Undo = () => {
      const s = useAssessment();
      return (
        <button type="button" onClick={() => void s.undo()}>
          undo
        </button>
      );
    };
    render(renderWithStore(<><Undo /><NodePage nodeId="n1-1" /></>, fake, { answers: [ans({ nodeId: 'n1-1', inputs: { met: false } })] }));
    expect((screen.getByLabelText('Không đạt') as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(screen.getByText('undo'));
    });
    expect(fake.undo).toHaveBeenCalledOnce();
    expect((screen.getByLabelText('Đạt') as HTMLInputElement).checked).toBe(true);
  });
});

describe('dashboard', () => {
  it('counts days to the deadline from the backend\'s "today" and lists revisions', async () => {
    const fake = fakeApi({ today: '2025-12-21' });
    fake.revisions.mockResolvedValueOnce([
      { revision: 1, supersedes: null, createdAt: '2025-11-01T00:00:00.000Z' },
      { revision: 2, supersedes: 1, createdAt: '2025-12-05T00:00:00.000Z' },
    ]);
    render(renderWithStore(<Dashboard />, fake, { answers: fullAnswers() }));
    expect(await screen.findByText('Còn 10 ngày')).toBeTruthy();
    expect(await screen.findByText('Lần 2: bắt đầu 05/12/2025')).toBeTruthy();
  });

  it('a failed load is shown, never swallowed', async () => {
    const fake = fakeApi();
    fake.revisions.mockRejectedValueOnce(new AppFailure('IO', 'Không đọc được lịch sử các lần nộp.'));
    render(renderWithStore(<Dashboard />, fake, { answers: fullAnswers() }));
    expect((await screen.findByRole('alert')).textContent).toContain('Không đọc được lịch sử các lần nộp.');
  });
});
