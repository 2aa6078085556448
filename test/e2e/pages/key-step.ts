import { expect } from '@playwright/test';
import type { Download, Page } from '@playwright/test';

import { CA_NAME, ROOT_NAME } from '../../helpers/round-pki';

/** The shared key step of every signed export (features/submission KeyStep): a .p12 and its password. */
export const unlockKey = async (page: Page, p12: string, password: string): Promise<void> => {
  await page.getByLabel('Chọn tệp .p12 hoặc .pfx').setInputFiles(p12);
  await page.getByLabel('Mật khẩu của tệp chứng thư số').fill(password);
  await page.getByRole('button', { name: 'Mở khóa ký' }).click();
};

/** Unlocks the key and waits for the one download the export produces (web host: a download, not a save dialog). */
export const signAndDownload = async (page: Page, p12: string, password: string): Promise<Download> => {
  const downloading = page.waitForEvent('download', { timeout: 120_000 });
  await unlockKey(page, p12, password);
  return downloading;
};

/**
 * Adds the root certificate, then its CRLs, through "Chứng thư gốc tin cậy" (round page, verify page); each
 * import says what it added (the CRLs are named by their issuers).
 */
export const addTrust = async (page: Page, pki: { caFile: string; crlFile: string }): Promise<void> => {
  const input = page.getByLabel('Thêm chứng thư gốc (PEM/DER) hoặc CRL');
  const note = page.getByTestId('trust-note');
  await input.setInputFiles(pki.caFile);
  await expect(note).toHaveText(`Đã thêm: ${ROOT_NAME}`);
  await input.setInputFiles(pki.crlFile);
  await expect(note).toHaveText(`Đã thêm: ${ROOT_NAME}; ${CA_NAME}`);
};
