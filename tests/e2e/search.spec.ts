import { test, expect } from './fixtures.js';

/** The global search (Ctrl+K) on the Kiên Giang demo data: unaccented words find dispatch 864, Enter opens it. */
test('Ctrl+K finds dispatch 864 without diacritics and Enter opens it', async ({ appPage: page }) => {
  // The shortcut works once the main window is up (its title bar shows the search button).
  await expect(page.getByRole('banner').getByRole('button', { name: 'Tìm kiếm' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Tìm kiếm' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('ra rac thai nhua');

  const group = dialog.getByRole('group', { name: 'Văn bản đi' });
  const result = group.getByTestId('global-search-result').filter({ hasText: '864' }).first();
  await expect(result).toBeVisible();
  await expect(result.locator('mark').first()).toBeVisible();

  // Make the 864 result the chosen one (it need not be first), then open it with Enter.
  const options = dialog.getByTestId('global-search-result');
  const count = await options.count();
  for (let i = 0; i < count && (await result.getAttribute('aria-selected')) !== 'true'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(result).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/van-ban-di\/\d+$/);
  await expect(page.getByText('Số: 864/STTTT-TTBCBC').first()).toBeVisible();
});

/** The filters under the box: a kind chip, then a year, narrow what the same words find. */
test('Ctrl+K filters: "Văn bản đi" keeps the dispatches, a year and a status narrow them', async ({ appPage: page }) => {
  await expect(page.getByRole('banner').getByRole('button', { name: 'Tìm kiếm' })).toBeVisible();
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Tìm kiếm' });
  await dialog.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('kien giang');

  // Unfiltered, "kien giang" finds units (Đài Phát thanh và Truyền hình Kiên Giang, Báo Kiên Giang…) and dispatch 864.
  await expect(dialog.getByRole('group', { name: 'Đơn vị' })).toBeVisible();
  await expect(dialog.getByRole('group', { name: 'Văn bản đi' })).toBeVisible();

  await dialog.getByRole('group', { name: 'Tìm trong' }).getByRole('button', { name: 'Văn bản đi' }).click();
  await expect(dialog.getByRole('group', { name: 'Đơn vị' })).toBeHidden();
  await expect(dialog.getByRole('group', { name: 'Văn bản đi' }).getByTestId('global-search-result').filter({ hasText: '864' })).toBeVisible();

  await dialog.getByLabel('Năm').selectOption('2021');
  await expect(dialog.getByRole('group', { name: 'Văn bản đi' }).getByTestId('global-search-result').filter({ hasText: '864' })).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Trạng thái' }).selectOption({ label: 'Dự thảo' });
  await expect(dialog.getByText('Không tìm thấy “kien giang”.')).toBeVisible();
});
