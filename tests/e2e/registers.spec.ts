import { test, expect } from './fixtures.js';
import { openApp } from '../../main/app/open-app.js';

/**
 * A long register (issue 8): only the rows in view are drawn and their pages load as they come
 * into view; the keyboard still reaches the last row; printing draws the whole year.
 */
const ROWS = 300;

test('the incoming register of 300 documents draws what is in view, End reaches the last, printing draws all', async ({ appPage: page, dataDir }) => {
  // Registered beside the running app, as a second process on the same data folder would.
  const app = openApp({ dataDir });
  try {
    for (let i = 1; i <= ROWS; i++) app.incoming.registerPaper({ receivedDate: '2021-03-01', agency: `UBND xã số ${i}`, subject: `Công văn số ${i} về chuyển đổi số` });
  } finally {
    app.close();
  }

  await page.goto(`${page.url().split('#')[0]}#/so-van-ban-den`);
  await page.getByLabel('Năm').selectOption('2021');
  const table = page.getByTestId('incoming-register-table');
  const rows = table.getByTestId('incoming-register-row');
  await expect(table).toHaveAttribute('aria-rowcount', String(ROWS + 1));
  await expect(rows.first()).toContainText('UBND xã số 1');
  expect(await rows.count()).toBeLessThan(120);

  const row = (index: number) => table.locator(`tr[data-index="${index}"]`);
  await row(0).focus();
  await page.keyboard.press('End');
  await expect(row(ROWS - 1)).toBeFocused();
  await expect(row(ROWS - 1)).toHaveAttribute('aria-selected', 'true');
  await expect(row(ROWS - 1)).toContainText(`UBND xã số ${ROWS}`);
  await expect(row(0)).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await expect(row(ROWS - 2)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(row(0)).toBeFocused();

  // The print dialog is replaced by a probe counting the rows drawn when it would open.
  await page.evaluate(() => {
    window.print = () => {
      document.body.dataset.printedRows = String(document.querySelectorAll('[data-testid="incoming-register-row"]').length);
      window.dispatchEvent(new Event('afterprint'));
    };
  });
  await page.getByRole('button', { name: 'In', exact: true }).click();
  await expect(page.locator('body')).toHaveAttribute('data-printed-rows', String(ROWS));
  // After printing, only the rows in view are drawn again.
  await expect.poll(() => rows.count()).toBeLessThan(120);
});
