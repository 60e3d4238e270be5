/**
 * The documents `npm run bench` imports: unit reports answering 864/STTTT-TTBCBC as .docx, .pdf,
 * .xlsx and .eml carrying a .docx, in turn, each with a different number and date.
 */
import ExcelJS from 'exceljs';
import { docxBytes, emlBytes, pdfBytes, wp } from '../support/intake-samples.js';
import { fold } from '../../shared/vn/fold.js';

function headerLines(i: number, unit: string): string[] {
  return [
    'ỦY BAN NHÂN DÂN',
    unit.toLocaleUpperCase('vi'),
    `Số: ${i + 1}/BC-UBND`,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Kiên Giang, ngày ${String((i % 28) + 1).padStart(2, '0')} tháng 11 năm 2021`,
    'BÁO CÁO',
    'Kết quả tuyên truyền phòng, chống rác thải nhựa năm 2021',
    'Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin và Truyền thông, đơn vị báo cáo như sau:',
    ...Array.from({ length: 20 }, (_, k) => `${k + 1}. Nội dung công việc thứ ${k + 1} đã được triển khai, tổ chức ${k * 3 + 2} buổi tuyên truyền.`),
  ];
}

/** The i-th document, from `unit` (its name in the header, its address on the e-mail). */
export async function benchDocument(i: number, unit: string, email: string): Promise<{ name: string; bytes: Buffer }> {
  const lines = headerLines(i, unit);
  switch (i % 4) {
    case 0:
      return { name: `${i}.docx`, bytes: docxBytes(lines.map(wp).join('')) };
    case 1:
      // The generator writes Latin-1 PDFs: the folded text is what such a PDF would carry.
      return { name: `${i}.pdf`, bytes: pdfBytes([lines.map((l) => fold(l).toUpperCase())]) };
    case 2: {
      const wb = new ExcelJS.Workbook();
      const sheet = wb.addWorksheet('Báo cáo');
      lines.forEach((l) => sheet.addRow([l]));
      return { name: `${i}.xlsx`, bytes: Buffer.from(await wb.xlsx.writeBuffer()) };
    }
    default:
      return {
        name: `${i}.eml`,
        bytes: await emlBytes({
          from: email,
          to: 'stttt@kiengiang.gov.vn',
          subject: `Báo cáo số ${i + 1}`,
          date: new Date('2021-11-10T08:00:00+07:00'),
          messageId: `<bench-${i}@test>`,
          attachments: [{ filename: `${i}.docx`, content: docxBytes(lines.map(wp).join('')) }],
        }),
      };
  }
}
