import fs from 'node:fs';
import os from 'node:os';
import { test, expect } from './fixtures.js';

/**
 * "Sao lưu & khôi phục" on the demo data: "Sao lưu ngay" downloads a .vanthu-backup that the list
 * then shows as verified; restoring it and undoing the restore work from the screen; both are in
 * the audit log with who did them.
 */

test('"Sao lưu ngay" downloads a .vanthu-backup, the list shows it; restore and undo; the audit log records them', async ({ appPage: page, shell }, testInfo) => {
  // Electron asks where to save through its native save dialog, which a test cannot answer.
  test.skip(shell === 'electron', 'Hộp thoại lưu tệp của Electron không điều khiển được trong kiểm thử.');
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Sao lưu', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sao lưu & khôi phục' })).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^VanThu_\d{4}-\d{2}-\d{2}_\d{6}\.vanthu-backup$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip
  expect(bytes.includes(Buffer.from('manifest.json'))).toBe(true);
  await expect(page.getByText(`Đã sao lưu: ${download.suggestedFilename()}.`)).toBeVisible();

  const row = page.getByTestId('backups-table').getByRole('row').filter({ hasText: download.suggestedFilename() });
  await expect(row).toContainText('Sao lưu ngay');
  await expect(row).toContainText('Tốt');
  await expect(page.locator('.status-bar')).toContainText('Sao lưu gần nhất:');

  // Restore it (the page reloads onto the backup screen with the undo offer), then undo.
  await row.getByRole('button', { name: 'Khôi phục…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Khôi phục dữ liệu?' });
  await expect(confirm).toContainText('hoàn tác');
  await confirm.getByRole('button', { name: 'Khôi phục', exact: true }).click();
  const restored = page.getByRole('status').filter({ hasText: 'đã khôi phục dữ liệu từ tệp' });
  await expect(restored).toContainText(download.suggestedFilename());
  await restored.getByRole('button', { name: 'Hoàn tác khôi phục' }).click();
  await page.getByRole('dialog', { name: 'Hoàn tác khôi phục?' }).getByRole('button', { name: 'Hoàn tác', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sao lưu & khôi phục' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'đã khôi phục' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký thao tác', exact: true }).click();
  await page.getByLabel('Loại thao tác').selectOption({ label: 'Sao lưu, khôi phục' });
  const audit = page.getByTestId('audit-table');
  await expect(audit).toContainText('Hoàn tác lần khôi phục gần nhất');
  await expect(audit).toContainText(`Sao lưu ngay: tệp ${download.suggestedFilename()}`);
  // The restore entry is in the restored database, which the undo put aside: the pre-restore log
  // holds the backup and the undo. Who did it: the OS user of the test run.
  await expect(audit.getByRole('row').nth(1)).toContainText(os.userInfo().username);
});
