// @vitest-environment happy-dom
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { buildRawApi, unwrapApi } from '../../../shared/ipc/client';
import type { ChannelName } from '../../../shared/ipc/contract';
import { AppProvider } from '../../../renderer/src/app/app-context';
import { BackupPage } from '../../../renderer/src/features/backup/index';
import type { Platform } from '../../../renderer/src/platform/index';
import { callOk, createTestBackend, makeTempDir } from '../../helpers/backend';
import type { TestBackend } from '../../helpers/backend';
import { validUnit } from '../evidence/fixtures';

/** The page against the REAL backend (SQLite in a temp folder), as the Electron renderer would call it. */
const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanup();
  while (cleanups.length) cleanups.pop()!();
});

const mount = (b: TestBackend) => {
  const platform: Platform = {
    api: unwrapApi(buildRawApi((channel: ChannelName, input: unknown) => b.call(channel, input))),
    kind: 'electron',
    uploadFiles: vi.fn(),
    fileObjectUrl: vi.fn(),
    download: vi.fn(async () => {}),
  };
  render(
    <AppProvider value={{ platform, lang: 'vi', setLang: () => {} }}>
      <BackupPage />
    </AppProvider>,
  );
};

describe('Sao lưu / Khôi phục page', () => {
  it('creates a backup file, then restores it after an explicit confirmation', async () => {
    const b = createTestBackend();
    cleanups.push(() => b.cleanup());
    const out = makeTempDir('cchc-page-');
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    await callOk(b, 'unit.save', validUnit);
    mount(b);
    expect(await screen.findByText('Chưa có bản sao lưu tự động nào.')).toBeTruthy();

    const file = join(out, 'sao-luu.cchcbak');
    b.host.nextSaveTargets.push(file);
    fireEvent.click(screen.getByRole('button', { name: 'Tạo tệp sao lưu…' }));
    await waitFor(() => expect(screen.getByTestId('backup-created').textContent).toMatch(/^Đã sao lưu vào "sao-luu\.cchcbak" \(\d+ KB, 0 tài liệu kiểm chứng\)/), { timeout: 5000 });
    expect(existsSync(file)).toBe(true);

    await callOk(b, 'unit.save', { ...validUnit, name: 'Tên đã đổi sau khi sao lưu' });
    b.host.nextPicks.push([file]);
    fireEvent.click(screen.getByRole('button', { name: 'Chọn tệp sao lưu…' }));
    // Nothing happens until the user confirms.
    expect(screen.getByTestId('backup-confirm').textContent).toContain('Dữ liệu hiện tại sẽ được thay thế.');
    expect(((await callOk(b, 'unit.get', {})) as { name: string }).name).toBe('Tên đã đổi sau khi sao lưu');
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(screen.getByTestId('backup-restored').textContent).toMatch(/Đã khôi phục dữ liệu.*0 tài liệu kiểm chứng.*cchc-\d{8}-\d{6}-pre-restore\.sqlite/), { timeout: 5000 });
    expect(((await callOk(b, 'unit.get', {})) as { name: string }).name).toBe(validUnit.name);
    // The safety snapshot appears in the automatic list, restorable.
    await waitFor(() => expect(screen.getByTestId('backup-auto-list').textContent).toContain('Trước khi khôi phục'));
    expect(screen.getByRole('button', { name: 'Khôi phục bản này' })).toBeTruthy();
  });

  it('a refused file shows the backend’s Vietnamese message', async () => {
    const b = createTestBackend();
    cleanups.push(() => b.cleanup());
    mount(b);
    b.host.nextPicks.push([join(b.dataDir, 'settings.json')]);
    await callOk(b, 'settings.update', { language: 'vi' });
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn tệp sao lưu…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Tệp này không phải là tệp sao lưu hợp lệ/), { timeout: 5000 });
  });
});
