import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { pdfWithOpenActionJs } from './crafted-pdf';
import { expect, test } from './fixtures';
import type { AppHarness } from './fixtures';

/**
 * A received PDF whose /OpenAction calls app.alert must not run when it is previewed. The preview draws
 * PDFs with pdf.js (renderer/src/components/PdfPreview.tsx); the negative control shows that this very
 * browser runs the script as soon as the same bytes are shown the way the preview used to show them (an
 * iframe → Chromium's PDF viewer), so an empty dialog list on the app's page is a real result, and putting
 * the iframe back would make this test fail. Dialogs are collected for the whole context.
 */

const FILE = 'Báo cáo có mã độc.pdf';
const MARK = 'PDF-SCRIPT-RAN';

const callOk = async <T,>(app: AppHarness, channel: string, payload: unknown): Promise<T> => {
  const res = await app.backend.call(channel, payload);
  if (!res.ok) throw new Error(`${channel}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
};

test('a PDF with /OpenAction JavaScript is drawn by pdf.js and its script never runs; the same bytes in an iframe run it (control)', async ({ page, app, context }) => {
  const pdf = pdfWithOpenActionJs(`app.alert("${MARK}");`);
  const dialogs: Array<{ where: string; message: string }> = [];
  context.on('page', (p) => p.on('dialog', (d) => void d.dismiss()));
  page.on('dialog', (d) => {
    dialogs.push({ where: 'app', message: d.message() });
    void d.dismiss();
  });

  await callOk(app, 'unit.save', {
    name: 'Sở Nội vụ thành phố Hải Phòng', code: 'SNV-HP', type: 'SO',
    focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '', email: '' }, head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
  });
  const { id } = await callOk<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
  await app.open(page);
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `/a/${id}/evidence/so25-1.1.1`);
  const panel = page.getByTestId('evidence-panel');
  await page.getByTestId('ev-file-input').setInputFiles({ name: FILE, mimeType: 'application/pdf', buffer: pdf });
  await expect(panel.getByTestId('ev-name')).toHaveText(FILE);

  // The preview: pdf.js drew page 1 on a canvas, and there is no frame for Chromium's viewer.
  await panel.getByRole('button', { name: `Xem: ${FILE}` }).click();
  const preview = page.getByRole('dialog', { name: `Xem trước: ${FILE}` }).getByTestId('ev-preview');
  await expect(preview).toHaveAttribute('data-state', 'done');
  const canvas = preview.getByRole('img', { name: 'Trang 1/1' });
  await expect(canvas).toBeVisible();
  expect(await canvas.evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(100);
  expect(page.frames()).toHaveLength(1);
  expect(page.frames().some((f) => f.url().startsWith('chrome-extension://'))).toBe(false);

  // Control: the same bytes in an iframe on a plain local page (what the preview used to do).
  const server = createServer((req, res) => {
    if (req.url === '/doc.pdf') {
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      res.end(pdf);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><iframe src="/doc.pdf" width="600" height="600"></iframe>');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const control = await context.newPage();
    const ran = control.waitForEvent('dialog', { timeout: 30_000 });
    await control.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const dialog = await ran;
    dialogs.push({ where: 'control', message: dialog.message() });
    await control.close();
  } finally {
    server.close();
  }

  // The app's page, open the whole time, never saw the script run; the control did.
  expect(dialogs).toEqual([{ where: 'control', message: MARK }]);
  await expect(canvas).toBeVisible();
});
