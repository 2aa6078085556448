import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';


import { expect, test } from './fixtures';
import { answerNextDialog, callApp as call, seriousA11y } from './helpers';
import type { AppHarness } from './fixtures';

const unit = {
  name: 'Sở Tư pháp thành phố Hải Phòng',
  code: 'STP-HP',
  type: 'SO',
  focalPoint: { name: 'Trần Văn An', title: 'Chuyên viên', phone: '', email: '' },
  head: { name: 'Lê Thị Bình', title: 'Giám đốc', phone: '', email: '' },
};


const seed = async (app: AppHarness): Promise<string> => {
  await call(app, 'unit.save', unit);
  const a = await call<{ id: string }>(app, 'assessments.create', { year: 2025, indicatorSetId: 'hp-2025-so' });
  return a.id;
};

// See export.spec.ts: close the browser context first so the web host can close at once.
test.afterEach(async ({ context }) => {
  await context.close();
});


test('survey page: type a result, import the Sở Nội vụ sheet, totals follow', async ({ page, app }) => {
  const id = await seed(app);
  await app.open(page);
  await page.goto(`${page.url().split('#')[0]}#/a/${id}/survey`);
  await expect(page.getByRole('heading', { name: 'Kết quả điều tra xã hội học' })).toBeVisible();
  await expect(page.getByTestId('survey-table').locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('survey-total')).toHaveText('Điểm điều tra xã hội học: 0/33');

  // 1.7 (max 3): 85,5 % → 2,565 points.
  await page.getByLabel('Kết quả 1.7').fill('85,5');
  await page.getByLabel('Nguồn / ghi chú 1.7').fill('Công văn 123/SNV-CCHC');
  await page.getByTestId('survey-row-1.7').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('survey-status')).toHaveText('Đã lưu kết quả tiêu chí 1.7.');
  await expect(page.getByTestId('survey-score-1.7')).toHaveText('2,565');
  await expect(page.getByTestId('survey-total')).toHaveText('Điểm điều tra xã hội học: 2,565/33');

  // An invalid value is caught before it is sent.
  await page.getByLabel('Kết quả 2.5').fill('khá');
  await page.getByTestId('survey-row-2.5').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('survey-row-2.5')).toContainText('Kết quả phải là số');
  // Typed and not saved: leaving the page asks first; declined, the page and the typed text stay.
  const asked = answerNextDialog(page, 'dismiss');
  await page.getByRole('navigation', { name: 'Chức năng chung' }).getByRole('link', { name: 'Trợ giúp' }).click();
  await expect.poll(() => asked).toEqual(['Kết quả tiêu chí 2.5 có thay đổi chưa lưu. Rời trang thì các thay đổi này sẽ mất. Vẫn rời trang?']);
  await expect(page.getByLabel('Kết quả 2.5')).toHaveValue('khá');

  // Import a CSV: two rows applied, one error reported with its row number.
  const csv = 'Mã;Kết quả;Ghi chú\n2.5;50;Phiếu đợt 2\n3.11;90 %;\n1.1.1;40;\n';
  await page.getByTestId('survey-import-input').setInputFiles({ name: 'xhh-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const report = page.getByTestId('survey-import-report');
  await expect(report).toContainText('Đã nhập 2 dòng từ tệp xhh-2025.csv; 1 dòng lỗi.');
  await expect(report.locator('tbody tr')).toHaveText([/^4\s*A\s*Tiêu chí 1\.1\.1 không phải tiêu chí điều tra xã hội học/]);
  await expect(page.getByTestId('survey-score-2.5')).toHaveText('1');
  await expect(page.getByTestId('survey-score-3.11')).toHaveText('5,4');
  await expect(page.getByTestId('survey-total')).toHaveText('Điểm điều tra xã hội học: 8,965/33');
  await expect(page.getByTestId('survey-row-2.5')).toContainText('Nhập từ tệp xhh-2025.csv');

  // The values are real answers: the scoring engine sees them.
  const score = await call<{ survey: { score: number } }>(app, 'scoring.compute', { assessmentId: id });
  expect(score.survey.score).toBe(8965);

  await page.reload();
  await expect(page.getByLabel('Kết quả 1.7')).toHaveValue('85,5');
  await expect(page.getByLabel('Nguồn / ghi chú 1.7')).toHaveValue('Công văn 123/SNV-CCHC');
  expect(await seriousA11y(page)).toEqual([]);
});

test('sets page: lists the sample sets, imports a new version with errors shown first, exports JSON', async ({ page, app }) => {
  await app.open(page);
  await page.goto(`${page.url().split('#')[0]}#/sets`);
  await expect(page.getByRole('heading', { name: 'Bộ chỉ số', level: 1 })).toBeVisible();
  const row = page.getByTestId('set-row-hp-2025-so-2025.0-mau');
  await expect(row).toContainText('Bộ mẫu');
  await expect(row).toContainText('Đang dùng');
  await expect(row).toContainText('Có sẵn');
  await expect(row.locator('code')).toHaveText(/^[0-9a-f]{12}…$/);

  const raw = JSON.parse(readFileSync(fileURLToPath(new URL('../../resources/indicator-sets/hp-2025-so.json', import.meta.url)), 'utf8'));
  const broken = { ...raw, version: '2025.1', nodes: raw.nodes.map((n: { maxPoints: number }, i: number) => (i === 0 ? { ...n, maxPoints: 11 } : n)) };
  await page.getByTestId('set-import-input').setInputFiles({ name: 'bo-chi-so.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  const result = page.getByTestId('set-import-result');
  await expect(result).toContainText('Tệp bo-chi-so.json không hợp lệ');
  await expect(result).toContainText('Tiêu chí 1, trường maxPoints');

  const fixed = { ...raw, version: '2025.1', isSample: false, sourceDecision: { number: '3552/QĐ-UBND', date: '2025-12-01', issuer: 'UBND thành phố Hải Phòng' } };
  await page.getByTestId('set-import-input').setInputFiles({ name: 'chinh-thuc.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fixed)) });
  await expect(result).toContainText('phiên bản 2025.1');
  const newRow = page.getByTestId('set-row-hp-2025-so-2025.1');
  await expect(newRow).toContainText('Đang dùng');
  await expect(newRow).toContainText('3552/QĐ-UBND');
  await expect(newRow).toContainText('01/12/2025');
  await expect(newRow).toContainText('Đã nhập');
  await expect(newRow).not.toContainText('Bộ mẫu');
  await expect(row).toContainText('Phiên bản cũ');

  const waiting = page.waitForEvent('download');
  await newRow.getByRole('button', { name: 'Xuất JSON' }).click();
  const download = await waiting;
  expect(download.suggestedFilename()).toBe('hp-2025-so-2025.1.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(exported.version).toBe('2025.1');
  await expect(page.getByTestId('sets-status')).toHaveText('Đã xuất tệp hp-2025-so-2025.1.json.');
  expect(await seriousA11y(page)).toEqual([]);
});
