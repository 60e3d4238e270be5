import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, vanthu } from './fixtures.js';

/**
 * Outgoing dispatches as a clerk handles them, on the Kiên Giang demo data (which holds
 * 864/STTTT-TTBCBC of 2021): compose a công văn, watch the preview, issue it as the first
 * number of 2026, download the .docx, void it, and find it struck through in the register.
 */

async function openScreen(page: Page, name: 'Văn bản đi' | 'Sổ văn bản đi'): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true }).click();
}

async function composeDraft(page: Page, subject: string): Promise<void> {
  await openScreen(page, 'Văn bản đi');
  await page.getByRole('button', { name: 'Soạn công văn' }).click();
  await expect(page.getByRole('heading', { name: 'Dự thảo công văn' })).toBeVisible();
  await page.getByLabel('Trích yếu').fill(subject);
}

async function addRecipient(page: Page, typed: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: 'Thêm nơi nhận' }).fill(typed);
  await page.getByRole('option', { name: option }).click();
}

test('compose, preview, issue, download and void a công văn; the register keeps it struck through', async ({ appPage: page }) => {
  await openScreen(page, 'Văn bản đi');
  await expect(page.getByTestId('dispatch-row').filter({ hasText: '864/STTTT-TTBCBC' })).toContainText('Hằng năm trước 15/11, 2021–2025');

  await composeDraft(page, 'báo cáo kết quả tuyên truyền phòng, chống rác thải nhựa');
  await page.getByLabel('Phòng soạn thảo').selectOption('TTBCBC');
  await expect(page.getByText('Số: …/STTTT-TTBCBC')).toBeVisible();
  // Recipients: a whole group (printed as its Kính gửi wording) and one unit, found without diacritics.
  await addRecipient(page, 'so ban nganh', /^Các sở, ban, ngành cấp tỉnh/);
  await addRecipient(page, 'kien luong', /^UBND huyện Kiên Lương/);
  await expect(page.getByTestId('recipient-item')).toHaveCount(2);

  // Two paragraphs, one phrase in bold (Ctrl+B on, type, Ctrl+B off).
  await page.getByRole('textbox', { name: 'Đoạn 1' }).click();
  await page.keyboard.type('Thực hiện Kế hoạch số 136/KH-UBND, đề nghị các cơ quan, đơn vị báo cáo kết quả (');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('trước ngày 15/11 hằng năm');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(') về Sở Thông tin và Truyền thông.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị liên hệ Sở để phối hợp giải quyết.');
  await expect(page.getByRole('textbox', { name: 'Đoạn 2' })).toContainText('vướng mắc');

  // A yearly requirement before 15/11, 2026–2027: "trước ngày" excludes the 15th.
  const requirement = page.getByTestId('requirement-section');
  await requirement.getByLabel('Tần suất báo cáo').selectOption({ label: 'Hằng năm' });
  await requirement.getByLabel('Ngày', { exact: true }).fill('15');
  await requirement.getByLabel('Tháng', { exact: true }).fill('11');
  await requirement.getByLabel('Từ năm').fill('2026');
  await requirement.getByLabel('Đến năm').fill('2027');
  await expect(requirement.getByTestId('requirement-last-day')).toContainText('Hạn cuối: 14/11 hằng năm');

  const preview = page.getByTestId('document-preview');
  await expect(preview).toContainText('Kính gửi:');
  await expect(preview).toContainText('- Các sở, ban, ngành cấp tỉnh;');
  await expect(preview).toContainText('- UBND huyện Kiên Lương.');
  await expect(preview.locator('span', { hasText: 'trước ngày 15/11 hằng năm' })).toHaveCSS('font-weight', '700');
  await expect(preview).toContainText('vướng mắc');
  await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}$/);

  // Nothing typed is lost: leave for the list and come back.
  await openScreen(page, 'Văn bản đi');
  const draftRow = page.getByTestId('dispatch-row').filter({ hasText: 'V/v báo cáo kết quả tuyên truyền' });
  await expect(draftRow).toContainText('Dự thảo');
  await expect(draftRow).toContainText('Hằng năm trước 15/11, 2026–2027');
  await draftRow.click();
  await expect(page.getByRole('textbox', { name: 'Đoạn 1' }).locator('b')).toHaveText('trước ngày 15/11 hằng năm');

  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const issue = page.getByRole('dialog', { name: 'Ban hành công văn' });
  await issue.getByLabel('Ngày ban hành').fill('26/11/2026');
  await issue.getByRole('button', { name: 'Ban hành', exact: true }).click();
  await expect(issue).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Công văn số 01/STTTT-TTBCBC' })).toBeVisible();
  await expect(preview).toContainText('Số: 01/STTTT-TTBCBC');
  await expect(preview).toContainText('ngày 26 tháng 11 năm 2026');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Xuất tệp' }).click();
  await page.getByRole('menuitem', { name: 'Tải .docx', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^01-STTTT-TTBCBC_2026-11-26_.*\.docx$/);
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  await page.getByRole('button', { name: 'Hủy văn bản…' }).click();
  const voiding = page.getByRole('dialog', { name: 'Hủy văn bản 01/STTTT-TTBCBC' });
  await voiding.getByRole('button', { name: 'Hủy văn bản', exact: true }).click();
  await expect(voiding.getByText('Hãy nhập lý do hủy văn bản.')).toBeVisible();
  await voiding.getByLabel('Lý do hủy').fill('Gửi nhầm nơi nhận');
  await voiding.getByRole('button', { name: 'Hủy văn bản', exact: true }).click();
  await expect(voiding).toBeHidden();
  await expect(page.getByText('Văn bản đã bị hủy.')).toBeVisible();

  await openScreen(page, 'Sổ văn bản đi');
  await page.getByLabel('Năm', { exact: true }).selectOption('2026');
  const row = page.getByTestId('register-row').filter({ hasText: '01/STTTT-TTBCBC' });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(row).toContainText('Đã hủy: Gửi nhầm nơi nhận');
});

test('a number typed by hand that the year already used is refused, naming the dispatch that holds it', async ({ appPage: page, dataDir }) => {
  // 01 of 2026 is taken by a dispatch issued from the command line.
  const file = path.join(dataDir, 'cong-van-01.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      subject: 'triển khai chuyển đổi số',
      departmentCode: 'CNTT',
      recipients: [{ group: 'UBND các huyện, thành phố' }],
      body: ['Đề nghị các đơn vị triển khai thực hiện.'],
    }),
  );
  const created = vanthu(dataDir, 'dispatch', 'create', file, '--json');
  expect(created.status, created.stderr).toBe(0);
  const { id } = JSON.parse(created.stdout) as { id: number };
  const issued = vanthu(dataDir, 'dispatch', 'issue', String(id), '--date', '2026-11-26', '--json');
  expect(issued.status, issued.stdout).toBe(0);

  await composeDraft(page, 'đôn đốc báo cáo');
  await addRecipient(page, 'bao kien giang', /^Báo Kiên Giang/);
  await page.getByRole('textbox', { name: 'Đoạn 1' }).click();
  await page.keyboard.type('Đề nghị Báo Kiên Giang gửi báo cáo.');
  await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);

  await page.getByRole('button', { name: 'Ban hành…' }).click();
  const issue = page.getByRole('dialog', { name: 'Ban hành công văn' });
  await issue.getByLabel('Ngày ban hành').fill('27/11/2026');
  await issue.getByLabel('Dùng số đã có:').check();
  await issue.getByLabel('Số văn bản').fill('1');
  await issue.getByRole('button', { name: 'Ban hành', exact: true }).click();
  await expect(issue.getByRole('alert')).toContainText('Số 01 năm 2026 đã được dùng cho văn bản 01/STTTT-CNTT ngày 26/11/2026');
  await expect(page.getByRole('heading', { name: 'Dự thảo công văn' })).toBeVisible();

  // The next free number is taken instead.
  await issue.getByLabel('Lấy số tiếp theo trong sổ văn bản đi của năm').check();
  await issue.getByRole('button', { name: 'Ban hành', exact: true }).click();
  await expect(issue).toBeHidden();
  await expect(page.getByRole('heading', { name: /^Công văn số 02\/STTTT/ })).toBeVisible();
});

test('the body of công văn 864 survives editing in the editor unchanged, bold and italic included', async ({ appPage: page, dataDir }) => {
  const created = vanthu(dataDir, 'dispatch', 'create', path.join(import.meta.dirname, '..', '..', 'docs', 'dispatch-864.json'), '--json');
  expect(created.status, created.stderr).toBe(0);
  const draft = JSON.parse(created.stdout) as { id: number; body: unknown };

  await openScreen(page, 'Văn bản đi');
  await page.getByTestId('dispatch-row').filter({ hasText: 'Dự thảo' }).click();
  const paragraphs = page.getByTestId('body-section').getByRole('textbox');
  await expect(paragraphs).toHaveCount(6);
  await expect(paragraphs.nth(0).locator('i')).toHaveText('Kế hoạch kèm theo');
  await expect(paragraphs.nth(5).locator('b')).toHaveText('trước ngày 15/11 hàng năm');
  // Type into every paragraph and take it back out: each is read back from the page and saved.
  for (let i = 0; i < 6; i++) {
    await paragraphs.nth(i).click();
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    await page.keyboard.press('Backspace');
  }
  await paragraphs.nth(0).click();
  await page.keyboard.press('Home');
  await page.keyboard.type('y');
  await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+S');
  await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc/);

  const listed = vanthu(dataDir, 'dispatch', 'list', '--json');
  const saved = (JSON.parse(listed.stdout) as { id: number; body: unknown }[]).find((d) => d.id === draft.id);
  expect(saved?.body).toEqual(draft.body);
});

test('the signed original of công văn 864 is kept unchanged: attach a PDF, see it listed, download the same bytes', async ({ appPage: page }) => {
  await openScreen(page, 'Văn bản đi');
  await page.getByTestId('dispatch-row').filter({ hasText: '864/STTTT-TTBCBC' }).click();
  const panel = page.getByTestId('signed-original');
  await expect(panel).toContainText('Chưa gắn bản gốc đã ký.');

  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const choosing = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Gắn bản gốc đã ký…' }).click();
  await (await choosing).setFiles({ name: '864-da-ky.pdf', mimeType: 'application/pdf', buffer: pdf });
  const listed = panel.getByRole('button', { name: '864-da-ky.pdf' });
  await expect(listed).toBeVisible();

  const downloading = page.waitForEvent('download');
  await listed.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('864-da-ky.pdf');
  expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
});
