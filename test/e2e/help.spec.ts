import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';

/**
 * First start and Help, as a new focal point meets them: the welcome says what the app does, the steps and
 * where the data lives; required fields are marked; the unit-code example follows the unit type; the Help
 * page has the glossary and points to the user guide.
 */
test.afterEach(async ({ context }) => {
  await context.close();
});

test('first start: welcome, required marks, a code example for the unit type; Help: steps, glossary, guide', async ({ page, app }) => {
  await app.open(page);
  const welcome = page.getByTestId('welcome');
  await expect(welcome.getByRole('heading', { name: 'Chào mừng đến với CCHC Tự đánh giá', level: 1 })).toBeVisible();
  await expect(welcome.locator('ol li')).toHaveCount(5);
  await expect(welcome.locator('ol li').first()).toHaveText('Khai báo hồ sơ đơn vị ngay bên dưới (một lần).');
  await expect(page.getByTestId('welcome-data')).toContainText(`trong thư mục: ${app.dataDir}`);
  await expect(welcome).toContainText('Các ô có dấu * là bắt buộc.');

  // Required fields carry the mark (CSS generated, not read out twice) and the required attribute.
  const star = async (label: string) =>
    page.locator('label', { hasText: label }).first().evaluate((el) => getComputedStyle(el, '::after').content);
  expect(await star('Tên đơn vị')).toBe('" *" / ""');
  expect(await star('Mã đơn vị')).toBe('" *" / ""');
  expect(await star('Điện thoại')).toBe('none');
  await expect(page.getByLabel('Tên đơn vị')).toHaveAttribute('required', '');

  // The code example follows the unit type.
  const code = page.getByLabel('Mã đơn vị');
  const hintOf = async () => page.locator(`#${await code.getAttribute('aria-describedby')}`).textContent();
  expect(await hintOf()).toContain('ví dụ sở: STP-HP cho Sở Tư pháp');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Phường' });
  expect(await hintOf()).toContain('ví dụ phường: P-HONGBANG cho phường Hồng Bàng');
  await page.getByLabel('Loại đơn vị').selectOption({ label: 'Xã, đặc khu' });
  expect(await hintOf()).toContain('ví dụ xã: X-ANLAO cho xã An Lão');
  expect(await seriousA11y(page)).toEqual([]);

  // Help, from the top navigation.
  await page.getByRole('navigation', { name: 'Chức năng chung' }).getByRole('link', { name: 'Trợ giúp' }).click();
  await expect(page.getByRole('heading', { name: 'Trợ giúp', level: 1 })).toBeVisible();
  await expect(page.getByTestId('help-steps').locator('li')).toHaveCount(5);
  const terms = page.getByTestId('help-glossary-list').locator('dt');
  for (const term of ['CCHC', 'TLKC', 'XHH', 'SIPAS', 'PVHCC', 'TTHC', 'Bộ chỉ số 766']) await expect(terms.filter({ hasText: term }).first()).toBeVisible();
  await expect(page.getByTestId('help-glossary-list')).toContainText('PVHCCTrung tâm Phục vụ hành chính công');
  await expect(page.getByTestId('help-guide')).toContainText('docs/user-guide.md');
  expect(await seriousA11y(page)).toEqual([]);
});
