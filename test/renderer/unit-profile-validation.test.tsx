// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PlatformApi } from '../../shared/ipc/contract';
import type { Language } from '../../shared/schemas/settings';
import { AppProvider } from '../../renderer/src/app/app-context';
import { UnitProfileForm } from '../../renderer/src/features/unit/UnitProfileForm';
import type { Platform } from '../../renderer/src/platform/index';

const setup = (lang: Language) => {
  const save = vi.fn(async (p: Record<string, unknown>) => ({ ...p, updatedAt: '2025-12-01T00:00:00.000Z' }));
  const platform = { api: { unit: { save } } as unknown as PlatformApi, kind: 'web', download: vi.fn(), uploadFiles: vi.fn(), fileObjectUrl: vi.fn(), fileBytes: vi.fn() } as Platform;
  render(
    <AppProvider value={{ platform, lang, setLang: () => {} }}>
      <UnitProfileForm initial={null} onSaved={() => {}} />
    </AppProvider>,
  );
  return save;
};

afterEach(cleanup);

describe('unit profile: the form validates itself, in the app language', () => {
  it('an empty form is not saved: Vietnamese messages under each field, a banner, focus on the first field, no browser bubble', async () => {
    const save = setup('vi');
    const form = screen.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }).closest('form') as HTMLFormElement;
    expect(form.noValidate).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }));
    expect(await screen.findByTestId('unit-not-saved')).toHaveProperty('textContent', 'Chưa lưu: còn 4 ô cần sửa (đánh dấu bên dưới).');
    const name = screen.getByLabelText('Tên đơn vị');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual([
      'Chưa lưu: còn 4 ô cần sửa (đánh dấu bên dưới).',
      'Hãy nhập tên đơn vị.',
      'Hãy nhập mã đơn vị.',
      'Hãy nhập họ và tên.',
      'Hãy nhập họ và tên.',
    ]);
    expect(save).not.toHaveBeenCalled();
  });

  it('a bad code and email block saving with their own messages; the focus goes to the first one; corrected, it saves', async () => {
    const save = setup('vi');
    fireEvent.change(screen.getByLabelText('Tên đơn vị'), { target: { value: 'Ủy ban nhân dân phường Lê Chân' } });
    fireEvent.change(screen.getByLabelText('Mã đơn vị'), { target: { value: 'P LE CHAN' } });
    for (const group of ['Cán bộ đầu mối CCHC', 'Thủ trưởng đơn vị']) {
      fireEvent.change(within(screen.getByRole('group', { name: group })).getByLabelText('Họ và tên'), { target: { value: 'Lê An' } });
    }
    const headEmail = within(screen.getByRole('group', { name: 'Thủ trưởng đơn vị' })).getByLabelText('Thư điện tử');
    fireEvent.change(headEmail, { target: { value: 'le.an@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }));
    expect(await screen.findByText('Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (không có dấu cách).')).toBeTruthy();
    expect(screen.getByText('Thư điện tử không hợp lệ, ví dụ dung.nguyen@haiphong.gov.vn.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Mã đơn vị'));
    expect(save).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Mã đơn vị'), { target: { value: 'P-LECHAN' } });
    fireEvent.change(headEmail, { target: { value: 'le.an@haiphong.gov.vn' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId('unit-not-saved')).toBeNull();
  });

  it('says it in English in English mode', async () => {
    setup('en');
    fireEvent.click(screen.getByRole('button', { name: 'Save unit profile' }));
    expect(await screen.findByTestId('unit-not-saved')).toHaveProperty('textContent', 'Not saved: 4 fields need correcting (marked below).');
    expect(screen.getByText('Enter the unit name.')).toBeTruthy();
    expect(screen.getAllByText('Enter the full name.')).toHaveLength(2);
  });
});
