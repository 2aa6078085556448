import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { _electron as electron, expect, test } from '@playwright/test';

// Runs only where an Electron binary exists (a machine with internet, after `npm run build`):
//   ELECTRON_E2E=1 npm run test:e2e-electron
// On our offline machines Electron cannot be downloaded, so this reports "skipped".
test.skip(!process.env.ELECTRON_E2E, 'Electron binary not available (set ELECTRON_E2E=1 where it is)');

test('the desktop app starts hardened and creates a unit profile', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cchc-electron-'));
  const app = await electron.launch({ args: ['.'], env: { ...process.env, CCHC_DATA_DIR: dataDir } });
  try {
    const win = await app.firstWindow();
    expect(win.url()).toBe('app://app/index.html');
    // The renderer has no Node and no ipcRenderer; only the contract bridge.
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => Object.keys((window as unknown as { cchc: object }).cchc).sort())).toEqual(['api', 'registerDroppedFiles']);
    await win.getByLabel('Tên đơn vị').fill('Sở Tư pháp');
    await win.getByLabel('Mã đơn vị').fill('STP');
    await win.getByRole('group', { name: 'Cán bộ đầu mối CCHC' }).getByLabel('Họ và tên').fill('Lê Văn Bình');
    await win.getByRole('group', { name: 'Thủ trưởng đơn vị' }).getByLabel('Họ và tên').fill('Phạm Thị Hoa');
    await win.getByRole('button', { name: 'Lưu hồ sơ đơn vị' }).click();
    await expect(win.getByTestId('unit-name')).toHaveText('Sở Tư pháp');
    // Navigation away is refused.
    await win.evaluate(() => { window.location.href = 'https://example.com/'; });
    await expect(win.getByTestId('unit-name')).toHaveText('Sở Tư pháp');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
