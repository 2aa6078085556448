import { readFileSync } from 'node:fs';

import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { pdfToText } from '../backend/exports/tools';
import { callApp as call } from './helpers';
import type { AppHarness } from './fixtures';

const unit = {
  name: 'Sở Nội vụ thành phố Hải Phòng',
  code: 'SNV-HP',
  type: 'SO',
  focalPoint: { name: 'Nguyễn Thị Hằng', title: 'Chuyên viên', phone: '0225 3821 111', email: 'hang@haiphong.gov.vn' },
  head: { name: 'Sài Thị Yến', title: 'Giám đốc', phone: '', email: '' },
};


/** Unit + a 2025 assessment of the sở set with two answers, set up through the real backend. */
const seed = async (app: AppHarness): Promise<string> => {
  await call(app, 'unit.save', unit);
  const sets = await call<Array<{ id: string; year: number; unitTypes: string[] }>>(app, 'indicatorSets.list');
  const set = sets.find((s) => s.unitTypes.includes('SO') && s.year === 2025) ?? sets.find((s) => s.unitTypes.includes('SO'));
  if (!set) throw new Error('no SO set');
  const a = await call<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: set.id });
  await call(app, 'answers.save', { assessmentId: a.id, nodeId: 'so25-3.3', answer: { nodeId: 'so25-3.3', inputs: { numerator: 20, denominator: 1000 } } });
  await call(app, 'answers.save', {
    assessmentId: a.id,
    nodeId: 'so25-6.1',
    answer: { nodeId: 'so25-6.1', notApplicable: { reason: 'Không được giao vốn đầu tư công năm 2025' } },
  });
  return a.id;
};

// Chromium may hold a preconnected socket that never sends a request; the web host's server.close() waits
// for it until Node's headers timeout (~60 s). Closing the browser context first releases it.
test.afterEach(async ({ context }) => {
  await context.close();
});

const bytesOf = async (d: Download): Promise<Buffer> => readFileSync(await d.path());

const exportAndDownload = async (page: Page, button: string): Promise<Download> => {
  const waiting = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return waiting;
};

test('report page: narrative autosaves and survives a reload; Excel and PDF exports download', async ({ page, app }) => {
  const id = await seed(app);
  await app.open(page);
  await page.goto(`${page.url().split('#')[0]}#/a/${id}/report`);
  await expect(page.getByRole('heading', { name: 'Báo cáo và xuất tệp' })).toBeVisible();

  const strengths = 'Hoàn thành 100 % kế hoạch cải cách hành chính năm 2025; số hoá hồ sơ đạt tỷ lệ cao.';
  const recommendations = 'Đề nghị Sở Nội vụ tổ chức tập huấn về ký số.';
  await page.getByLabel('Ưu điểm').fill(strengths);
  await page.getByLabel('Kiến nghị, đề xuất').fill(recommendations);
  await expect(page.getByTestId('narrative-save-state')).toHaveText(/^Đã lưu/, { timeout: 3000 });

  await page.reload();
  await expect(page.getByLabel('Ưu điểm')).toHaveValue(strengths);
  await expect(page.getByLabel('Kiến nghị, đề xuất')).toHaveValue(recommendations);
  await expect(page.getByLabel('Căn cứ')).toHaveValue('');
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Keyboard only: the Excel button is reachable with Tab from the last text field.
  await page.getByLabel('Kiến nghị, đề xuất').focus();
  let reached = false;
  for (let i = 0; i < 6 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = (await page.evaluate(() => document.activeElement?.textContent ?? '')) === 'Xuất bảng tự đánh giá (Excel)';
  }
  expect(reached).toBe(true);
  const xlsxWaiting = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const xlsx = await xlsxWaiting;
  expect(xlsx.suggestedFilename()).toBe('SNV-HP_2025_bang-tu-danh-gia.xlsx');
  expect((await bytesOf(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(page.getByTestId('export-status')).toHaveText(/^Đã xuất tệp SNV-HP_2025_bang-tu-danh-gia\.xlsx \(\d+ KB\)\.$/);

  // A final report needs its number, date and every section: the refusal names what is missing.
  await page.getByRole('button', { name: 'Xuất báo cáo (PDF)' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Báo cáo chưa có số văn bản, ký hiệu văn bản, ngày ban hành, nội dung mục “Hạn chế”, nội dung mục “Nguyên nhân”.',
  );
  // A draft goes out anyway, marked as one.
  await page.getByLabel('Bản dự thảo').check();
  const draft = await exportAndDownload(page, 'Xuất báo cáo (PDF)');
  expect(draft.suggestedFilename()).toBe('SNV-HP_2025_bao-cao-tu-danh-gia_du-thao.pdf');
  const draftText = pdfToText(await bytesOf(draft));
  expect(draftText).toContain('DỰ THẢO');
  expect(draftText).toContain('Số: …/…');
  await page.getByLabel('Bản dự thảo').uncheck();

  // Fill in what was missing; the export saves the details on screen before it builds the file.
  await page.getByLabel('Số văn bản').fill('15');
  await page.getByLabel('Ký hiệu', { exact: true }).fill('bc-snv');
  await page.getByLabel('Ngày ban hành').fill('1/12/2025');
  await page.getByLabel('Ngày ban hành').press('Tab');
  await expect(page.getByTestId('document-preview')).toHaveText('Sẽ in: "Số: 15/BC-SNV" · "Hải Phòng, ngày 01 tháng 12 năm 2025"');
  // A day that does not exist blocks the export: it must not print the date typed before it.
  await page.getByLabel('Ngày ban hành').fill('31/02/2025');
  await page.getByRole('button', { name: 'Xuất báo cáo (PDF)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Ngày ban hành chưa hợp lệ: hãy sửa ô được đánh dấu' }).first()).toBeVisible();
  await page.getByLabel('Ngày ban hành').fill('1/12/2025');
  await page.getByLabel('Ngày ban hành').press('Tab');
  await page.getByLabel('Hạn chế').fill('Một số thủ tục còn giải quyết chậm.');
  await page.getByLabel('Nguyên nhân').fill('Thiếu nhân lực chuyên trách.');
  const pdf = await exportAndDownload(page, 'Xuất báo cáo (PDF)');
  expect(pdf.suggestedFilename()).toBe('SNV-HP_2025_bao-cao-tu-danh-gia.pdf');
  const pdfBytes = await bytesOf(pdf);
  expect(pdfBytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const text = pdfToText(pdfBytes);
  for (const line of ['UBND THÀNH PHỐ HẢI PHÒNG', 'SỞ NỘI VỤ', 'Số: 15/BC-SNV', 'Hải Phòng, ngày 01 tháng 12 năm 2025', 'GIÁM ĐỐC', 'Sài Thị Yến']) {
    expect(text).toContain(line);
  }
  expect(text.replace(/\s+/g, ' ')).toContain(strengths);
  expect(text).not.toContain('DỰ THẢO');
  await expect(page.getByTestId('export-status')).toHaveText(/^Đã xuất tệp SNV-HP_2025_bao-cao-tu-danh-gia\.pdf/);
  await expect(page.getByRole('button', { name: 'Tải lại tệp SNV-HP_2025_bao-cao-tu-danh-gia.pdf' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The narrative typed in the UI is what the backend has (and what the PDF was built from).
  const stored = await call<{ narrative: { strengths: string; recommendations: string } }>(app, 'report.getNarrative', { assessmentId: id });
  expect(stored.narrative.strengths).toBe(strengths);
  expect(stored.narrative.recommendations).toBe(recommendations);
});

test('report page of an unknown assessment shows the backend message', async ({ page, app }) => {
  await app.open(page);
  await page.goto(`${page.url().split('#')[0]}#/a/khongco/report`);
  await expect(page.getByRole('alert')).toHaveText('Không tìm thấy bản tự đánh giá');
});
