// @vitest-environment happy-dom
import { existsSync, readFileSync, rmSync } from 'node:fs';
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
import { createTestPki } from '../../helpers/pki';
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
    fileBytes: vi.fn(),
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

  it('after a restore, the page lists the trust anchors and marks the ones the backup added', async () => {
    const out = makeTempDir('cchc-page-trust-');
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const pki = await createTestPki();
    cleanups.push(() => rmSync(pki.dir, { recursive: true, force: true }));
    const src = createTestBackend();
    cleanups.push(() => src.cleanup());
    const ca = src.ctx.uploads.register(pki.caFile, 'root.pem', readFileSync(pki.caFile).length);
    await callOk(src, 'trust.import', { uploadId: ca.id });
    const file = join(out, 'co-goc.cchcbak');
    src.host.nextSaveTargets.push(file);
    expect((await src.ctx.jobs.wait((await callOk<{ id: string }>(src, 'backup.create', {})).id)).state).toBe('done');

    const b = createTestBackend();
    cleanups.push(() => b.cleanup());
    mount(b);
    b.host.nextPicks.push([file]);
    fireEvent.click(await screen.findByRole('button', { name: 'Chọn tệp sao lưu…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Khôi phục' }));
    const table = await screen.findByTestId('backup-restored-trust', {}, { timeout: 5000 });
    expect(table.textContent).toContain('Chứng thư gốc tin cậy và danh sách thu hồi sau khi khôi phục');
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => [r.getAttribute('data-added'), r.querySelector('td')!.textContent])).toEqual([['yes', 'CCHC Test Root CA Mới']]);
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
