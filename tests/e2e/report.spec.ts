import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Locator } from '@playwright/test';
import type { FormValue } from '../../shared/domain/form.js';
import { fillForm } from '../support/form-samples.js';
import { test, expect, todayIs, vanthu } from './fixtures.js';

/**
 * The consolidated report from the UI (issue 6), on 20/11/2021 with the Kiên Giang demo data:
 * công văn 864 carries its sample data form; the clerk adds an indicator (the version goes up),
 * downloads Kiên Lương's form, which comes back filled and is imported on the import screen;
 * Hòn Đất's comes back late with text in a number cell and waits in review, where the cell is
 * shown; the clerk phones the unit and corrects it to 15 there. "Lập báo cáo tổng hợp" then
 * drafts the Báo cáo: the totals (Hòn Đất's corrected 15 included), who reported and who did not; the clerk writes section III, issues it, and downloads
 * the .docx and the appendix, whose figures are checked.
 */

todayIs('2021-11-20');

// What the two districts type in; the required indicators of the sample form are all filled.
const KIEN_LUONG: Record<string, FormValue> = { KH: true, TINBAI: 12, PTTH: 3, BUOI: 4, NGUOI: 250, CT01: 2 };
const HON_DAT: Record<string, FormValue> = { KH: false, TINBAI: 0, PTTH: 5, BUOI: 6, NGUOI: 300, CT01: 1 };
const SECTION_III = 'Các cơ quan, đơn vị đã chủ động triển khai tuyên truyền, nhiều mô hình hiệu quả.';

async function savedBytes(download: Promise<Download>): Promise<{ name: string; bytes: Buffer }> {
  const d = await download;
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

/** The text of each paragraph of a .docx, in order. */
async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'))
    .filter((t) => t.trim());
}

function figureRow(table: Locator, code: string): Locator {
  return table.locator(`tr[data-code="${code}"]`);
}

test('a data form goes out, figures come back, and the Báo cáo is drafted, edited, issued and exported', async ({ appPage: page, dataDir }) => {
  // Dispatch 864 carries the sample form (demo data).
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản đi', exact: true }).click();
  await page.getByTestId('dispatch-row').filter({ hasText: '864/STTTT-TTBCBC' }).click();
  const section = page.getByTestId('data-form-section');
  await expect(section.getByTestId('form-version')).toHaveText('Phiên bản 1');
  await expect(section.getByTestId('form-rows')).toContainText('Số tin, bài tuyên truyền trên báo chí');
  await expect(section.getByTestId('form-rows')).toContainText('TINBAI');

  // A new indicator: saving it without a name shows the problem beside its row; named, it saves as version 2.
  await section.getByRole('button', { name: 'Sửa biểu mẫu…' }).click();
  const editor = page.getByTestId('form-editor');
  await expect(editor).toContainText('phiên bản 2');
  await editor.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const rowCount = await editor.locator('tr[data-row]').count();
  const line = rowCount; // the new row is the last one
  await expect(editor.getByLabel(`Mã chỉ tiêu (dòng ${line})`)).toHaveValue('CT01');
  await editor.getByRole('button', { name: 'Lưu biểu mẫu' }).click();
  await expect(editor).toContainText('Biểu mẫu còn lỗi ở 1 dòng');
  await expect(editor).toContainText('Tên chỉ tiêu: Chỉ tiêu cần có tên.');
  await expect(editor.getByLabel(`Tên chỉ tiêu (dòng ${line})`)).toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel(`Tên chỉ tiêu (dòng ${line})`).fill('Số cuộc thi tìm hiểu đã tổ chức');
  await editor.getByLabel(`Đơn vị tính (dòng ${line})`).fill('cuộc');
  await editor.getByRole('button', { name: 'Lưu biểu mẫu' }).click();
  await expect(editor).toBeHidden();
  await expect(section.getByTestId('form-version')).toHaveText('Phiên bản 2');
  await expect(section.getByTestId('form-rows')).toContainText('Số cuộc thi tìm hiểu đã tổ chức');

  // Kiên Lương's form for 2021: its name filled in, recognised when it comes back.
  await section.getByRole('button', { name: 'Tải cho một đơn vị…' }).click();
  const forUnit = page.getByTestId('form-for-unit-dialog');
  await forUnit.getByLabel('Đơn vị').selectOption({ label: 'UBND huyện Kiên Lương' });
  await forUnit.getByLabel('Kỳ báo cáo').selectOption('2021');
  const form = await savedBytes(Promise.all([page.waitForEvent('download'), forUnit.getByRole('button', { name: 'Tải biểu mẫu' }).click()]).then(([d]) => d));
  expect(form.name).toMatch(/\.xlsx$/);
  await expect(forUnit).toBeHidden();

  // It comes back filled on 10/11 and is imported on the import screen: registered, on time.
  const kienLuongFile = path.join(dataDir, 'bieu-so-lieu-kien-luong.xlsx');
  fs.writeFileSync(kienLuongFile, await fillForm(form.bytes, KIEN_LUONG));
  await page.getByRole('link', { name: 'Nhập văn bản đến' }).click();
  await page.getByLabel('Ngày nhận', { exact: true }).fill('10/11/2021');
  await page.getByLabel('Chọn tệp…').setInputFiles(kienLuongFile);
  const imported = page.getByTestId('import-results').getByTestId('import-row').first();
  await expect(imported).toContainText('Đã vào sổ');
  await expect(imported).toContainText('UBND huyện Kiên Lương');

  // Hòn Đất's, from the CLI, comes on 18/11 with words in a number cell: it waits in review with that cell marked.
  const honDatBlank = path.join(dataDir, 'bieu-hon-dat.xlsx');
  const made = vanthu(dataDir, 'form', '864/STTTT-TTBCBC', '--unit', 'UBND huyện Hòn Đất', '--period', '2021', '--out', honDatBlank);
  expect(made.status, made.stderr).toBe(0);
  const honDatFile = path.join(dataDir, 'bieu-so-lieu-hon-dat.xlsx');
  fs.writeFileSync(honDatFile, await fillForm(fs.readFileSync(honDatBlank), HON_DAT, { badCell: { code: 'TINBAI', text: 'mười lăm' } }));
  const hd = vanthu(dataDir, 'import', honDatFile, '--received', '2021-11-18', '--json');
  expect(hd.status, hd.stderr).toBe(0);
  expect((JSON.parse(hd.stdout) as { status: string }[])[0]?.status).toBe('needs_review');

  await page.getByRole('link', { name: /Chờ xác nhận/ }).click();
  await page.getByTestId('review-row').filter({ hasText: 'bieu-so-lieu-hon-dat.xlsx' }).click();
  const figures = page.getByTestId('form-figures');
  await expect(figures).toContainText('UBND huyện Hòn Đất');
  await expect(figures).toContainText('1 ô cần kiểm tra');
  const badRow = figures.locator('tr[data-code="TINBAI"]');
  await expect(badRow).toHaveClass(/form-figures-problem/);
  await expect(badRow).toContainText('mười lăm');
  await expect(figures.locator('tr[data-code="NGUOI"]')).toContainText('300');
  await expect(page.getByTestId('review-reason')).toContainText('«mười lăm» không phải là số');

  // Hòn Đất confirms 15 by phone: "Sửa" on the cell; words are refused with what to type, 15 is taken.
  await badRow.getByRole('button', { name: /^Sửa số liệu/ }).click();
  const confirmed = figures.getByLabel(/Số liệu đơn vị xác nhận/);
  await expect(confirmed).toBeFocused();
  await confirmed.fill('mười lăm');
  await figures.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect(figures.getByRole('alert')).toHaveText('«mười lăm» không phải là số. Hãy nhập số nguyên từ 0 trở lên, ví dụ 15.');
  await expect(confirmed).toHaveAttribute('aria-invalid', 'true');
  await confirmed.fill('15');
  await confirmed.press('Enter');
  await expect(confirmed).toBeHidden();
  await expect(badRow).not.toHaveClass(/form-figures-problem/);
  await expect(badRow.locator('.form-figures-value')).toContainText('15');
  await expect(badRow).toContainText('Đã sửa theo xác nhận của đơn vị ngày 20/11/2021 — trong tệp');
  await expect(figures).not.toContainText('ô cần kiểm tra');
  // The cell was the only reason for review.
  await expect(page.getByTestId('review-reason')).toHaveCount(0);
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Chờ xác nhận' })).toBeVisible();

  // Tracking 2021: the consolidation beside the matrix, then "Lập báo cáo tổng hợp".
  await page.getByRole('link', { name: 'Theo dõi báo cáo' }).click();
  await page.getByLabel('Kỳ', { exact: true }).selectOption({ label: 'Năm 2021' });
  const panel = page.getByTestId('consolidation-panel');
  await expect(panel).toContainText('từ biểu mẫu của 2/41 đơn vị');
  await expect(figureRow(panel, 'NGUOI')).toContainText('550');

  await page.getByRole('button', { name: 'Lập báo cáo tổng hợp…' }).click();
  const dialog = page.getByTestId('report-dialog');
  await expect(dialog.getByTestId('report-standing')).toContainText('41 đơn vị phải báo cáo; đã nhận 2 (đúng hạn 1, trễ hạn 1); chưa báo cáo 39');
  const table = dialog.getByTestId('consolidation-table');
  await expect(figureRow(table, 'NGUOI')).toContainText('550');
  await expect(figureRow(table, 'NGUOI')).toContainText('2/2');
  await expect(figureRow(table, 'PTTH')).toContainText('8');
  // Hòn Đất's corrected cell counts: Kiên Lương's 12 and its 15, from both units.
  await expect(figureRow(table, 'TINBAI')).toContainText('27');
  await expect(figureRow(table, 'TINBAI')).toContainText('2/2');
  await expect(figureRow(table, 'KH')).toContainText('1 đơn vị có');
  await dialog.getByRole('button', { name: 'Lập báo cáo', exact: true }).click();

  // The draft in the editor: BÁO CÁO, the table, the tracking sentences; the appendix button.
  await expect(page.getByRole('heading', { name: 'Dự thảo báo cáo' })).toBeVisible();
  await expect(page.getByLabel('Trích yếu (sau BÁO CÁO)')).toHaveValue(/năm 2021/);
  const preview = page.getByTestId('document-preview');
  await expect(preview).toContainText('BÁO CÁO');
  await expect(preview).toContainText('Kính gửi: Ủy ban nhân dân tỉnh Kiên Giang.');
  await expect(preview).toContainText('UBND huyện Hòn Đất');
  await expect(preview).toContainText('Văn phòng Ủy ban nhân dân tỉnh');
  const body = page.getByTestId('body-section');
  await expect(body.locator('.body-table')).toContainText('Số lượt người tham dự');
  await expect(body.locator('.body-table')).toContainText('550');
  await expect(body.getByText('bảng số liệu được tổng hợp tự động', { exact: false })).toBeVisible();

  // Section III is the clerk's: its empty paragraph prompts for it.
  const assessment = body.locator('[data-placeholder^="Viết đánh giá chung"]');
  await expect(assessment).toHaveCount(1);
  await assessment.click();
  await page.keyboard.type(SECTION_III);
  await expect(preview).toContainText(SECTION_III);

  // Issue it: a number in the outgoing register, BC- symbol.
  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const issue = page.getByRole('dialog', { name: 'Ban hành báo cáo' });
  await issue.getByRole('button', { name: 'Ban hành' }).click();
  const issuedHeading = page.getByRole('heading', { name: /^Báo cáo số \d+\/BC-STTTT$/ });
  await expect(issuedHeading).toBeVisible();

  // The .docx: the type, the recipient above, the total, section III as written.
  await page.getByRole('button', { name: 'Xuất tệp' }).click();
  const docx = await savedBytes(Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Tải .docx', exact: true }).click()]).then(([d]) => d));
  const paragraphs = await docxParagraphs(docx.bytes);
  expect(paragraphs).toContain('BÁO CÁO');
  expect(paragraphs.some((p) => /^Kính gửi:\s*Ủy ban nhân dân tỉnh Kiên Giang\.$/.test(p))).toBe(true);
  expect(paragraphs.some((p) => p.startsWith(SECTION_III))).toBe(true);
  expect(paragraphs).toContain('550');
  expect(paragraphs.join('\n')).toContain('UBND huyện Hòn Đất');

  // The appendix: each unit's figures and the totals as formulas.
  const appendix = await savedBytes(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải phụ lục (.xlsx)' }).click()]).then(([d]) => d));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(appendix.bytes as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('Tổng hợp')!;
  // A sparse array (row 0 is never set): Array.from visits the holes too.
  const rows = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? r : []));
  const header = rows.find((r) => r.some((v) => typeof v === 'string' && v.startsWith('Số lượt người tham dự')))!;
  const column = header.findIndex((v) => typeof v === 'string' && v.startsWith('Số lượt người tham dự'));
  const unitRow = (name: string) => rows.find((r) => r[2] === name)!;
  expect(unitRow('UBND huyện Kiên Lương')[column]).toBe(250);
  expect(unitRow('UBND huyện Hòn Đất')[column]).toBe(300);
  const total = unitRow('Tổng hợp')[column] as { formula: string; result: number };
  expect(total.formula).toMatch(/^SUM\(/);
  expect(total.result).toBe(550);
  // The corrected value, with the note saying so.
  const news = header.findIndex((v) => typeof v === 'string' && v.startsWith('Số tin, bài'));
  expect(unitRow('UBND huyện Hòn Đất')[news]).toBe(15);
  expect((unitRow('Tổng hợp')[news] as { result: number }).result).toBe(27);
  const notes = wb.getWorksheet('Ghi chú')!;
  expect(String(notes.getCell('E6').value)).toMatch(/^Đã sửa theo xác nhận của đơn vị ngày 20\/11\/2021/);
});
