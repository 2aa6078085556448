import { expect, test } from './fixtures';
import { seriousA11y } from './helpers';

/**
 * Issue 12: the browser's own file control prints "Choose File / No file chosen" whatever the app's language.
 * Every page that takes a file shows the app's chooser instead (components/FileInput.tsx or UploadButton), in
 * Vietnamese and in English; the real inputs are visually hidden, still labelled, and reachable by keyboard.
 */
test.afterEach(async ({ context }) => {
  await context.close();
});

const PAGES = ['#/verify', '#/round', '#/backup', '#/inbox'];

test('pages that take a file show the app chooser in the UI language, never the browser control', async ({ page, app }) => {
  await app.open(page);
  const base = page.url().split('#')[0]!;
  for (const hash of PAGES) {
    await page.goto(`${base}${hash}`);
    await expect(page.locator('.file-input').first()).toBeVisible();
    const inputs = page.locator('input[type="file"]');
    const n = await inputs.count();
    expect(n, hash).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(inputs.nth(i), `${hash} input ${i}`).toHaveClass(/visually-hidden/);
    await expect(page.locator('.file-input').first()).toContainText('Chọn tệp…');
    await expect(page.locator('.file-input').first()).toContainText('Chưa chọn tệp nào');
    expect(await seriousA11y(page), hash).toEqual([]);
  }
  await page.goto(`${base}#/verify`);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('.file-input').first()).toContainText('Choose a file…');
  // Choosing a file names it next to the button (the app's words, not the browser's).
  await page.locator('.file-input input').first().setInputFiles({ name: 'ho-so.asice', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
  await expect(page.locator('.file-input').first()).toContainText('ho-so.asice');
});
