import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { dispatchFileName } from '../../main/dispatches/dispatch-documents.js';
import { chromiumPath } from '../../main/render/pdf.js';
import type { Dispatch } from '../../shared/domain/dispatch.js';

let app: ReturnType<typeof openTempApp>;
let cv864: Dispatch;
beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
  cv864 = app.dispatches.findByReference('864/STTTT-TTBCBC', 2021)[0]!;
});
afterAll(() => app.cleanup());

describe('a dispatch as files', () => {
  it('proposes safe Vietnamese-readable file names', () => {
    expect(dispatchFileName(cv864, 'docx')).toBe('864-STTTT-TTBCBC_2021-08-03_V-v-day-manh-tuyen-truyen.docx');
    expect(dispatchFileName(cv864, 'docx', { blankNumber: true })).toBe('So-trong-STTTT-TTBCBC_2021-08-03_V-v-day-manh-tuyen-truyen.docx');
    const draft = app.dispatches.createDraft({ subject: 'Báo cáo "nhanh": số liệu/tháng 9?' });
    expect(dispatchFileName(draft, 'pdf')).toBe('Du-thao_V-v-bao-cao-nhanh-so-lieu.pdf');
  });

  it('expects the 41 recipient units of 864 and addresses the e-mail draft to them', async () => {
    expect(cv864.expectedUnitIds).toHaveLength(41);
    if (!fs.existsSync(chromiumPath())) {
      console.log(`Bỏ qua kiểm tra email nháp: không có Chromium ở ${chromiumPath()}.`);
      return;
    }
    const eml = (await app.dispatchRenderer.emailDraft(cv864, app.settings.getProfile(), (ids) => app.units.emailsOf(ids))).toString('latin1');
    const to = /^To: ([\s\S]*?)\r\n(?=\S)/m.exec(eml)![1]!.replace(/\r\n\s+/g, ' ');
    expect(to.split(',').map((s) => s.trim())).toHaveLength(41);
    expect(to).toContain('ubndkienluong@kiengiang.gov.vn');
    expect(eml).toMatch(/^X-Unsent: 1\r$/m);
    expect(eml).toContain('filename=864-STTTT-TTBCBC_2021-08-03_V-v-day-manh-tuyen-truyen.pdf');
    expect(eml).toContain('filename=864-STTTT-TTBCBC_2021-08-03_V-v-day-manh-tuyen-truyen.docx');
  });

  it('prints the PDF from the same HTML as the preview, in A4', async () => {
    if (!fs.existsSync(chromiumPath())) {
      console.log(`Bỏ qua kiểm tra PDF: không có Chromium ở ${chromiumPath()}.`);
      return;
    }
    const pdf = await app.dispatchRenderer.pdf(cv864, app.settings.getProfile());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 is 210 × 297 mm, about 595 × 842 points.
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'))!;
    expect(Number(box[1])).toBeCloseTo(595.3, 0);
    expect(Number(box[2])).toBeCloseTo(841.9, 0);
  });
});
