import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { test, expect } from './fixtures.js';

/**
 * The unit registry as a clerk uses it, on the Kiên Giang demo data: find, add, edit,
 * export to Excel, re-import (nothing changes), and import a broken file (nothing lands).
 */

// The application opens on "Tổng quan"; these steps start from the unit registry.
test.beforeEach(async ({ appPage: page }) => {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đơn vị nhận', exact: true }).click();
});

test('search without diacritics finds UBND huyện Kiên Lương', async ({ appPage: page }) => {
  await expect(page.getByRole('heading', { name: 'Đơn vị nhận' })).toBeVisible();
  await expect(page.getByTestId('unit-row')).toHaveCount(41);
  await page.getByTestId('units-search').fill('kien luong');
  await expect(page.getByTestId('unit-row')).toHaveCount(1);
  await expect(page.getByTestId('unit-row')).toContainText('UBND huyện Kiên Lương');
  await page.getByTestId('units-search').fill('đai phat thanh');
  await expect(page.getByTestId('unit-row')).toHaveCount(1);
  await expect(page.getByTestId('unit-row')).toContainText('Đài Phát thanh và Truyền hình Kiên Giang');
});

test('add a unit, edit it, export and re-import the list', async ({ appPage: page, dataDir }, testInfo) => {
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const add = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await add.getByLabel('Tên đơn vị').fill('Trung tâm Văn hóa - Thể thao tỉnh');
  await add.getByLabel('Nhóm').selectOption({ label: 'Các sở, ban, ngành cấp tỉnh' });
  await add.getByLabel('Email').fill('khong-phai-email');
  await add.getByRole('button', { name: 'Lưu' }).click();
  // A malformed address is refused with a message, and nothing is saved.
  await expect(add.getByText(/khong-phai-email.*không hợp lệ/).first()).toBeVisible();
  await add.getByLabel('Email').fill('ttvhtt@kiengiang.gov.vn');
  await add.getByRole('button', { name: 'Lưu' }).click();
  await expect(add).toBeHidden();

  await page.getByTestId('units-search').fill('van hoa the thao tinh');
  const row = page.getByTestId('unit-row').filter({ hasText: 'Trung tâm Văn hóa - Thể thao tỉnh' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('ttvhtt@kiengiang.gov.vn');

  await row.click();
  const edit = page.getByRole('dialog', { name: 'Sửa đơn vị' });
  await edit.getByLabel('Điện thoại').fill('0297 3 862 000');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('0297 3 862 000');

  // A duplicate name is refused, naming the unit it clashes with.
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const dup = page.getByRole('dialog', { name: 'Thêm đơn vị' });
  await dup.getByLabel('Tên đơn vị').fill('TRUNG TÂM VĂN HÓA - THỂ THAO TỈNH');
  await dup.getByRole('button', { name: 'Lưu' }).click();
  await expect(dup.getByText(/trùng tên/)).toBeVisible();
  await dup.getByRole('button', { name: 'Hủy' }).click();

  // Export, then import the same file: nothing changes.
  await page.getByTestId('units-search').fill('');
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Danh-sach-don-vi-nhan_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const exported = testInfo.outputPath('don-vi.xlsx');
  await download.saveAs(exported);
  await page.getByLabel('Nhập từ Excel…').setInputFiles(exported);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('Không thay đổi');
  await expect(result.locator('.import-count').filter({ hasText: 'Không thay đổi' })).toContainText('42');
  await expect(result.locator('.import-count').filter({ hasText: 'Thêm mới' })).toContainText('0');
  await result.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await expect(page.getByTestId('unit-row')).toHaveCount(42);

  // Break one row: the whole file is refused, and the row, column and reason are shown.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  const sheet = wb.getWorksheet('Đơn vị nhận')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  sheet.getRow(5).getCell(headers.indexOf('Email') + 1).value = 'sai@@dia-chi';
  sheet.getRow(2).getCell(headers.indexOf('Tên đơn vị') + 1).value = 'Tên đã sửa nhưng không được lưu';
  const broken = path.join(dataDir, 'hỏng.xlsx');
  await wb.xlsx.writeFile(broken);
  await page.getByLabel('Nhập từ Excel…').setInputFiles(broken);
  await expect(result).toContainText('chưa nhập dòng nào');
  const errorRow = result.locator('tbody tr').first();
  await expect(errorRow).toContainText('5');
  await expect(errorRow).toContainText('Email');
  await expect(errorRow).toContainText('sai@@dia-chi');
  await result.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  await page.getByTestId('units-search').fill('ten da sua');
  await expect(page.getByTestId('unit-row')).toHaveCount(0);
  expect(fs.existsSync(broken)).toBe(true);
});
