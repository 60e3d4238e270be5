import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempApp } from '../support/temp-app.js';
import { emlBytes } from '../support/intake-samples.js';
import { kienLuongAnswer } from '../support/report-samples.js';
import { renderHtml } from '../../shared/documents/render-html.js';
import { renderDocx } from '../../main/render/docx.js';
import { chromiumPath, renderPdf } from '../../main/render/pdf.js';

/**
 * Round trips: a demo unit's answer to công văn 864, written with the project's own
 * renderer (.docx, .pdf, and an .eml carrying them), imported back: it must land on the
 * right unit, dispatch and period.
 */

let app: ReturnType<typeof openTempApp>;
beforeAll(() => {
  app = openTempApp();
  app.loadDemoData();
});
afterAll(() => app.cleanup());

describe('round trip: a report written by our renderer, imported back', () => {
  it('as .docx lands on UBND huyện Kiên Lương, công văn 864, period 2021', async () => {
    const [r] = await app.imports.importInputs([{ name: '25-UBND-VHTT.docx', bytes: await renderDocx(kienLuongAnswer(25, 2021)) }], { receivedDate: '2021-11-09' });
    expect(r).toMatchObject({
      status: 'registered',
      document: { number: 25, symbol: 'UBND-VHTT', date: '2021-11-08', type: 'Công văn' },
      unit: { name: 'UBND huyện Kiên Lương' },
      dispatch: { number: 864 },
      period: { key: '2021' },
    });
  });

  it('as a PDF printed by Chromium, inside an e-mail from the unit, lands the same way for 2022', async () => {
    if (!fs.existsSync(chromiumPath())) {
      console.log(`Bỏ qua vòng PDF: không có Chromium ở ${chromiumPath()}.`);
      return;
    }
    const pdf = await renderPdf(renderHtml(kienLuongAnswer(31, 2022), { standalone: true }));
    const eml = await emlBytes({
      from: 'ubndkienluong@kiengiang.gov.vn',
      to: 'stttt@kiengiang.gov.vn',
      subject: 'Báo cáo năm 2022',
      date: new Date('2022-11-09T08:00:00+07:00'),
      messageId: '<rt-2022@kienluong>',
      attachments: [{ filename: '31-UBND-VHTT.pdf', content: pdf }],
    });
    const [r] = await app.imports.importInputs([{ name: 'bao-cao-2022.eml', bytes: eml }]);
    expect(r).toMatchObject({
      status: 'registered',
      attachment: '31-UBND-VHTT.pdf',
      receivedDate: '2022-11-09',
      document: { number: 31, symbol: 'UBND-VHTT', date: '2022-11-08' },
      unit: { name: 'UBND huyện Kiên Lương', confidence: 0.99 },
      dispatch: { number: 864 },
      period: { key: '2022' },
    });
  });
});
