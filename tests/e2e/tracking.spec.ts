import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { reportDocx, reportEml } from '../support/report-samples.js';
import { test, expect, todayIs, vanthu } from './fixtures.js';

/**
 * Tracking who has reported, as a clerk does it on 20/11/2021 with the Kiên Giang demo data:
 * công văn 864/STTTT-TTBCBC asks for a report before 15/11 every year (last day 14/11). Kiên
 * Lương reported on 10/11 (on time), Hòn Đất on 18/11 (4 days late); the other 39 units have
 * not. The first screen shows the overdue period; the matrix shows each unit; Sở Y tế is
 * exempted; the reminder goes to the units still missing, and to no one else.
 */

todayIs('2021-11-20');

/** A district's 2021 report, e-mailed from its (sample) address on `day`, written where the CLI can import it. */
async function writeReport(dir: string, from: string, place: string, day: string, number: number): Promise<string> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const docx = reportDocx({
    agency: ['ỦY BAN NHÂN DÂN', `HUYỆN ${place.toLocaleUpperCase('vi')}`],
    number,
    symbol: 'BC-UBND',
    place,
    date: [d, m, y],
    title: 'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021',
    year: 2021,
  });
  const eml = await reportEml({ from, date: `${day}T09:00:00+07:00`, messageId: `<bc-${number}@kiengiang.gov.vn>`, attachments: [{ filename: `BC ${number}.docx`, content: docx }] });
  const file = path.join(dir, `bao-cao-${number}.eml`);
  fs.writeFileSync(file, eml);
  return file;
}

function unitRow(page: Page, name: string) {
  return page.getByTestId('tracking-row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

function cell(page: Page, unit: string, periodKey = '2021') {
  return unitRow(page, unit).locator(`[data-period="${periodKey}"]`);
}

function countLine(page: Page, label: string) {
  return page.getByTestId('tracking-counts').getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

test('the first screen shows 864’s overdue period; the matrix, an exemption and a reminder to exactly the units missing', async ({ appPage: page, dataDir }) => {
  const files = [
    await writeReport(dataDir, 'ubndkienluong@kiengiang.gov.vn', 'Kiên Lương', '2021-11-10', 101),
    await writeReport(dataDir, 'ubndhondat@kiengiang.gov.vn', 'Hòn Đất', '2021-11-18', 102),
  ];
  const imported = vanthu(dataDir, 'import', ...files, '--json');
  expect(imported.status, imported.stderr).toBe(0);
  expect((JSON.parse(imported.stdout) as { status: string }[]).map((r) => r.status)).toEqual(['registered', 'registered']);

  // Tổng quan is the first screen; the period 2021 of 864 is overdue with 39 units missing.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Tổng quan' })).toBeVisible();
  await expect(page.getByText(/^Hôm nay: .+, 20\/11\/2021$/)).toBeVisible();
  const overdue = page.getByTestId('overdue-item').filter({ hasText: '864/STTTT-TTBCBC' });
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText('Năm 2021');
  await expect(overdue).toContainText('Hạn cuối 14/11/2021');
  await expect(overdue).toContainText('Quá hạn 6 ngày');
  await expect(overdue).toContainText('39/41 đơn vị chưa báo cáo');
  await expect(page.getByTestId('latest-imports')).toContainText('UBND huyện Hòn Đất');

  // Clicking it opens the matrix at that dispatch and period.
  await overdue.click();
  await expect(page.getByRole('heading', { name: 'Theo dõi báo cáo' })).toBeVisible();
  expect(page.url()).toContain('?ky=2021');
  await expect(page.locator('.tracking-period-head[data-period="2021"]')).toContainText('Hạn cuối 14/11/2021');
  await expect(cell(page, 'UBND huyện Kiên Lương')).toContainText('Đúng hạn');
  await expect(cell(page, 'UBND huyện Kiên Lương')).toContainText('10/11/2021');
  await expect(cell(page, 'UBND huyện Hòn Đất')).toContainText('Trễ hạn');
  await expect(cell(page, 'UBND huyện Hòn Đất')).toContainText('18/11/2021 · trễ 4 ngày');
  await expect(cell(page, 'Sở Y tế')).toContainText('Chưa báo cáo');
  await expect(cell(page, 'Sở Y tế')).toContainText('quá hạn 6 ngày');
  await expect(page.getByRole('row', { name: /Các sở, ban, ngành cấp tỉnh/ })).toBeVisible();

  // The counts and rates under the column.
  const counts: [string, string][] = [
    ['Phải báo cáo', '41'],
    ['Đã nhận', '2'],
    ['Đúng hạn', '1'],
    ['Trễ hạn', '1'],
    ['Chưa báo cáo', '39'],
    ['Đang xem xét', '0'],
    ['Tỷ lệ báo cáo', '4,9%'],
    ['Tỷ lệ đúng hạn', '2,4%'],
  ];
  for (const [label, value] of counts) await expect(countLine(page, label).locator('[data-period="2021"]')).toHaveText(value);

  // The documents behind a cell, with a link to the incoming document.
  await cell(page, 'UBND huyện Hòn Đất').click();
  const panel = page.getByTestId('tracking-panel');
  await expect(panel).toContainText('UBND huyện Hòn Đất');
  await expect(panel).toContainText('trễ 4 ngày so với hạn cuối 14/11/2021');
  await expect(panel.getByRole('link', { name: /Số đến \d+\/2021/ })).toBeVisible();

  // Exempt Sở Y tế: a reason is required; its cell turns "Miễn" and it no longer counts.
  await cell(page, 'Sở Y tế').click();
  await expect(panel).toContainText('Sở Y tế');
  await panel.getByRole('button', { name: 'Miễn báo cáo…' }).click();
  const exempt = page.getByRole('dialog', { name: 'Miễn báo cáo' });
  await exempt.getByRole('button', { name: 'Miễn báo cáo' }).click();
  await expect(exempt.getByText('Hãy ghi lý do miễn báo cáo.')).toBeVisible();
  await exempt.getByLabel('Lý do miễn').fill('Đã báo cáo chung trong báo cáo của UBND tỉnh');
  await exempt.getByRole('button', { name: 'Miễn báo cáo' }).click();
  await expect(exempt).toBeHidden();
  await expect(cell(page, 'Sở Y tế')).toContainText('Miễn');
  await expect(panel).toContainText('Lý do: Đã báo cáo chung trong báo cáo của UBND tỉnh');
  await expect(countLine(page, 'Phải báo cáo').locator('[data-period="2021"]')).toHaveText('40');
  await expect(countLine(page, 'Chưa báo cáo').locator('[data-period="2021"]')).toHaveText('38');

  // The status filter shows only the units with that status.
  await page.getByRole('group', { name: 'Lọc theo tình trạng' }).getByRole('button', { name: /Trễ hạn/ }).click();
  await expect(page.getByTestId('tracking-row')).toHaveCount(1);
  await page.getByRole('group', { name: 'Lọc theo tình trạng' }).getByRole('button', { name: 'Tất cả' }).click();
  await expect(page.getByTestId('tracking-row')).toHaveCount(41);

  // "Xuất Excel" downloads the period's table.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất Excel' }).click();
  expect((await download).suggestedFilename()).toBe('Theo-doi-bao-cao_864-STTTT-TTBCBC_2021.xlsx');

  // "Đôn đốc…" drafts the reminder to the 38 units still missing and opens it in the editor.
  await page.getByRole('button', { name: 'Đôn đốc các đơn vị chưa báo cáo…' }).click();
  const remind = page.getByTestId('reminder-dialog');
  await expect(remind).toContainText('38 đơn vị');
  await expect(remind.getByRole('list', { name: 'Các đơn vị sẽ được đôn đốc' })).not.toContainText('Kiên Lương');
  await remind.getByRole('button', { name: 'Soạn công văn đôn đốc' }).click();
  await expect(page.getByRole('heading', { name: 'Dự thảo công văn' })).toBeVisible();
  const preview = page.getByTestId('document-preview');
  await expect(preview).toContainText('Kính gửi:');
  await expect(preview).toContainText('Sở Tư pháp');
  await expect(preview).toContainText('UBND huyện Tân Hiệp');
  await expect(preview).not.toContainText('Kiên Lương');
  await expect(preview).not.toContainText('Hòn Đất');
  await expect(preview).not.toContainText('Sở Y tế');

  // Back in the matrix, the exemption can be withdrawn: Sở Y tế is missing again.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Theo dõi báo cáo' })).toBeVisible();
  await cell(page, 'Sở Y tế').click();
  await panel.getByRole('button', { name: 'Bỏ miễn' }).click();
  await page.getByRole('dialog', { name: 'Bỏ miễn báo cáo' }).getByRole('button', { name: 'Bỏ miễn' }).click();
  await expect(cell(page, 'Sở Y tế')).toContainText('Chưa báo cáo');
});

test('an issued dispatch with a requirement opens its tracking from the editor', async ({ appPage: page }) => {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click();
  await page.getByTestId('dispatch-row').filter({ hasText: '864/STTTT-TTBCBC' }).click();
  await page.getByRole('main').getByRole('link', { name: 'Theo dõi báo cáo' }).click();
  await expect(page.getByRole('heading', { name: 'Theo dõi báo cáo' })).toBeVisible();
  // Every period, each with its computed last day; 2021 is overdue and nobody has reported yet.
  for (const year of [2021, 2022, 2023, 2024, 2025]) {
    await expect(page.locator(`.tracking-period-head[data-period="${year}"]`)).toContainText(`Hạn cuối 14/11/${year}`);
  }
  await expect(cell(page, 'Sở Y tế')).toContainText('Chưa báo cáo');
  await expect(cell(page, 'Sở Y tế', '2022')).toContainText('Chưa đến hạn');
});

test('a deadline extended after issue, and a document taken off the dispatch, change the matrix at once', async ({ appPage: page, dataDir }) => {
  const files = [
    await writeReport(dataDir, 'ubndkienluong@kiengiang.gov.vn', 'Kiên Lương', '2021-11-10', 101),
    await writeReport(dataDir, 'ubndhondat@kiengiang.gov.vn', 'Hòn Đất', '2021-11-18', 102),
  ];
  expect(vanthu(dataDir, 'import', ...files, '--json').status).toBe(0);

  // The superior body extended the deadline to "chậm nhất ngày 20/11": the printed công văn stays as it is.
  await page.reload();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click();
  await page.getByTestId('dispatch-row').filter({ hasText: '864/STTTT-TTBCBC' }).click();
  await page.getByTestId('requirement-section').getByRole('button', { name: 'Sửa yêu cầu báo cáo…' }).click();
  const edit = page.getByRole('dialog', { name: 'Sửa yêu cầu báo cáo' });
  await expect(edit).toContainText('nhật ký');
  await expect(edit.getByTestId('requirement-last-day')).toContainText('Hạn cuối: 14/11 hằng năm');
  await edit.getByLabel('Cách tính hạn').selectOption({ label: 'chậm nhất ngày …' });
  await edit.getByLabel('Ngày', { exact: true }).fill('20');
  await expect(edit.getByTestId('requirement-last-day')).toContainText('Hạn cuối: 20/11 hằng năm');
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByTestId('requirement-section').getByTestId('requirement-last-day')).toContainText('Hạn cuối: 20/11 hằng năm');

  // Hòn Đất's report of 18/11, late under the old deadline, is now on time.
  await page.getByRole('main').getByRole('link', { name: 'Theo dõi báo cáo' }).click();
  await expect(page.locator('.tracking-period-head[data-period="2021"]')).toContainText('Hạn cuối 20/11/2021');
  await expect(cell(page, 'UBND huyện Hòn Đất')).toContainText('Đúng hạn');

  // Kiên Lương's document, taken off the dispatch from its page, no longer counts: the unit has not reported
  // (and since today, 20/11, is the new last day, it is not overdue yet).
  await cell(page, 'UBND huyện Kiên Lương').click();
  await page.getByTestId('tracking-panel').getByRole('link', { name: /Số đến \d+\/2021/ }).click();
  await page.getByRole('button', { name: 'Bỏ liên kết với công văn' }).click();
  const confirm = page.getByRole('dialog', { name: 'Bỏ liên kết với công văn' });
  await expect(confirm).toContainText('vẫn nằm trong sổ văn bản đến');
  await confirm.getByRole('button', { name: 'Bỏ liên kết' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('button', { name: 'Bỏ liên kết với công văn' })).toBeHidden();
  await page.goBack();
  await expect(cell(page, 'UBND huyện Kiên Lương')).toContainText('Chưa đến hạn');
  await expect(countLine(page, 'Đã nhận').locator('[data-period="2021"]')).toHaveText('1');
});
