// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { PlatformApi } from '../../shared/ipc/contract';
import { AppProvider } from '../../renderer/src/app/app-context';
import { UnitProfileForm } from '../../renderer/src/features/unit/UnitProfileForm';
import type { Platform } from '../../renderer/src/platform/index';

const setup = () => {
  const save = vi.fn(async (p: Record<string, unknown>) => ({ ...p, updatedAt: '2025-12-01T00:00:00.000Z' }));
  const platform = { api: { unit: { save } } as unknown as PlatformApi, kind: 'web', download: vi.fn(), uploadFiles: vi.fn(), fileObjectUrl: vi.fn(), fileBytes: vi.fn() } as Platform;
  render(
    <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}>
      <UnitProfileForm initial={null} onSaved={() => {}} />
    </AppProvider>,
  );
  fireEvent.change(screen.getByLabelText('Tên đơn vị'), { target: { value: 'Ủy ban nhân dân phường Lê Chân' } });
  fireEvent.change(screen.getByLabelText('Mã đơn vị'), { target: { value: 'LC' } });
  fireEvent.change(screen.getByLabelText('Loại đơn vị'), { target: { value: 'PHUONG' } });
  for (const group of ['Cán bộ đầu mối CCHC', 'Thủ trưởng đơn vị']) {
    fireEvent.change(within(screen.getByRole('group', { name: group })).getByLabelText('Họ và tên'), { target: { value: 'Lê An' } });
  }
  return { save, letterhead: screen.getByRole('group', { name: 'Mẫu văn bản (mặc định cho báo cáo)' }) };
};

afterEach(cleanup);

describe('unit profile: document template', () => {
  it('shows the defaults of the unit type as typed (place from the ward name) and sends no letterhead untouched', async () => {
    const { save, letterhead } = setup();
    const field = (label: string) => within(letterhead).getByLabelText(label) as HTMLInputElement;
    expect([field('Địa danh').value, field('Ký hiệu báo cáo').value, field('Quyền hạn ký').value]).toEqual(['Lê Chân', 'BC-UBND', 'TM. ỦY BAN NHÂN DÂN']);
    expect(field('Nơi nhận').value).toBe('Sở Nội vụ thành phố Hải Phòng\nLưu: VT');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0]).not.toHaveProperty('letterhead');
  });

  it('sends the whole letterhead once edited, recipients one per line without blanks', async () => {
    const { save, letterhead } = setup();
    fireEvent.change(within(letterhead).getByLabelText('Ký hiệu báo cáo'), { target: { value: 'BC-UBND-VP' } });
    fireEvent.change(within(letterhead).getByLabelText('Nơi nhận'), { target: { value: 'Sở Nội vụ thành phố Hải Phòng\n\nThường trực Đảng ủy\nLưu: VT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(save.mock.calls[0]?.[0].letterhead).toEqual({
      governingBody: '',
      issuingBody: '',
      place: 'Lê Chân',
      symbol: 'BC-UBND-VP',
      recipients: ['Sở Nội vụ thành phố Hải Phòng', 'Thường trực Đảng ủy', 'Lưu: VT'],
      signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
    });
  });
});
