import fs from 'node:fs';
import path from 'node:path';
import { degradeToScan, scanPdf, syntheticPage, textPage } from '../support/scan-samples.js';
import { sharedDir } from '../support/shared-fixtures.js';
import { test, expect } from './fixtures.js';

/**
 * What issue 7 shows the clerk: the pages after the first of a scan are read in the background
 * with a quiet note in the status bar, after which search finds their words; a signed PDF's page
 * says "Ký số bởi …, lúc …" with what was checked and that the chain was not.
 */

test('page 2 of a scan is read in the background, with a note in the status bar, then found by search', async ({ appPage: page, dataDir }) => {
  test.setTimeout(180_000);
  const pages = await Promise.all([degradeToScan(syntheticPage(200), { seed: 21 }), degradeToScan(textPage(['PHỤ LỤC', 'Xã Hòa Điền: 3 buổi, 210 người tham dự.']), { seed: 22 })]);
  const file = path.join(dataDir, 'BC 25 scan.pdf');
  fs.writeFileSync(file, await scanPdf(pages));

  await page.getByRole('link', { name: 'Nhập văn bản đến' }).click();
  await page.getByLabel('Chọn tệp…').setInputFiles(file);
  await expect(page.getByTestId('import-progress')).toContainText('Đã nhập xong 1 tệp.', { timeout: 60_000 });

  // The note appears while page 2 waits or is read, and goes once it is done.
  const note = page.getByTestId('ocr-progress');
  await expect(note).toContainText(/nhận dạng chữ/, { timeout: 30_000 });
  await expect(note).toBeHidden({ timeout: 120_000 });

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Tìm kiếm' });
  await dialog.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('"hoa dien"');
  await expect(dialog.getByTestId('global-search-result').first()).toContainText('Văn bản đến số 1/');
});

test('a signed PDF shows who signed, when (as the file says), what was checked, and that the chain was not', async ({ appPage: page }) => {
  const shared = sharedDir();
  if (shared === null) {
    console.log('Bỏ qua: không tìm thấy ../shared (đặt VANTHU_SHARED để chỉ thư mục).');
    test.skip(true, 'Không có thư mục ../shared.');
    return;
  }
  await page.getByRole('link', { name: 'Nhập văn bản đến' }).click();
  await page.getByLabel('Chọn tệp…').setInputFiles(path.join(shared, 'fixtures', 'real', '106-BC-STC_2019-05_tiep-cong-dan.pdf'));
  await expect(page.getByTestId('import-progress')).toContainText('Đã nhập xong 1 tệp.', { timeout: 60_000 });
  await page.getByTestId('import-row').first().click();

  // The review screen (not a demo unit: it waits for the clerk), then the document's own page.
  const lines = page.getByTestId('signatures').getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('Ký số bởi Sở Tài chính, Tỉnh Đắk Nông, lúc 28/05/2019 08:24:38 UTC');
  await expect(lines.nth(0)).toContainText('chữ ký khớp với nội dung đã ký; sau khi ký chỉ có thêm chữ ký khác; chưa xác minh chuỗi chứng thư');
  await expect(lines.nth(1)).toContainText('lúc 28/05/2019 08:24:47 UTC');
  await expect(lines.nth(1)).toContainText('sau khi ký không có thay đổi nào');

  await page.goto(page.url().replace(/#.*$/, '#/so-van-ban-den/1'));
  const detail = page.getByTestId('signatures');
  await expect(detail.getByRole('listitem')).toHaveCount(2);
  await expect(detail).not.toContainText('hợp lệ');
});
