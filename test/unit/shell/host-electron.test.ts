import { beforeEach, describe, expect, it, vi } from 'vitest';

import type { Settings } from '../../../shared/schemas/settings';

// The real module needs the Electron binary; the host only calls these two functions of it.
const showOpenDialog = vi.fn(async (..._a: unknown[]) => ({ canceled: true, filePaths: [] as string[] }));
const showSaveDialog = vi.fn(async (..._a: unknown[]) => ({ canceled: true, filePath: undefined as string | undefined }));
vi.mock('electron', () => ({ dialog: { showOpenDialog, showSaveDialog }, shell: {} }));

const { createElectronHost } = await import('../../../electron/main/host-electron');

describe('native dialogs speak the language chosen in the app', () => {
  let language: Settings['language'] = 'en';
  const host = createElectronHost(() => null, { get: () => ({ language }) as Settings, update: () => ({}) as Settings });
  const title = { vi: 'Chọn gói đợt đánh giá của Sở Nội vụ', en: 'Choose the Department’s round package' };
  const filters = [{ name: { vi: 'Gói ký số', en: 'Signed package' }, extensions: ['asice'] }];
  beforeEach(() => {
    showOpenDialog.mockClear();
    showSaveDialog.mockClear();
  });

  it('English, then Vietnamese after a switch: title and file-type names, read when each dialog opens', async () => {
    await host.pickFiles({ title, filters, multiple: false });
    expect(showOpenDialog.mock.calls[0]![0]).toMatchObject({ title: 'Choose the Department’s round package', filters: [{ name: 'Signed package', extensions: ['asice'] }] });
    language = 'vi';
    await host.chooseSaveTarget({ title: { vi: 'Lưu gói đợt đánh giá', en: 'Save the round package' }, defaultName: 'a.asice', filters });
    expect(showSaveDialog.mock.calls[0]![0]).toMatchObject({ title: 'Lưu gói đợt đánh giá', defaultPath: 'a.asice', filters: [{ name: 'Gói ký số', extensions: ['asice'] }] });
    await host.pickFolder!({ title: { vi: 'Chọn thư mục', en: 'Choose a folder' } });
    expect(showOpenDialog.mock.calls[1]![0]).toMatchObject({ title: 'Chọn thư mục' });
  });
});
