import { test, expect } from './fixtures.js';

/** "Cài đặt" → "Quy tắc làm việc": the rules are saved by the core and shown again after a reload. */

test('the duplicate-file policy is kept after a reload; an out-of-range file limit is refused with the core’s sentence', async ({ appPage: page }) => {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt', exact: true }).click();
  const rules = page.getByTestId('work-rules');
  await expect(rules.getByRole('radio', { name: 'Báo trùng, không vào sổ lần nữa (khuyên dùng)' })).toBeChecked();

  await rules.getByLabel('Giới hạn kích thước tệp (MB)').fill('5000');
  await rules.getByRole('button', { name: 'Lưu quy tắc' }).click();
  await expect(rules.getByRole('alert')).toContainText('tối đa 2000 MB');

  await rules.getByLabel('Giới hạn kích thước tệp (MB)').fill('20');
  await rules.getByRole('radio', { name: 'Từ chối' }).check();
  const ocr = rules.getByRole('checkbox', { name: /OCR/ });
  await expect(ocr).toBeChecked();
  await ocr.uncheck();
  await rules.getByRole('button', { name: 'Lưu quy tắc' }).click();
  await expect(page.getByText('Đã lưu quy tắc làm việc.')).toBeVisible();

  await page.reload();
  await expect(rules.getByRole('radio', { name: 'Từ chối' })).toBeChecked();
  await expect(rules.getByLabel('Giới hạn kích thước tệp (MB)')).toHaveValue('20');
  await expect(rules.getByRole('checkbox', { name: /OCR/ })).not.toBeChecked();
});
