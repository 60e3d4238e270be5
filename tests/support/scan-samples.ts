/**
 * Realistic "scans" for OCR tests and the OCR benchmark: a clean page image made to look
 * scanned (slightly rotated, specks of dust, JPEG-compressed), and a synthetic page drawn
 * straight onto a canvas for when Chromium is not there to print a real document.
 *
 * Uses the project's @napi-rs/canvas. Its images never meet pdf.js's own (nested) copy: only
 * encoded bytes (PNG/JPEG) pass between the two.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { assemblePdf } from './intake-samples.js';
import { seededRandom } from './seeded-random.js';

export interface ScanOptions {
  /** Rotation in degrees (a page fed slightly askew). */
  degrees?: number;
  /** Dark specks per million pixels. */
  specksPerMegapixel?: number;
  /** JPEG quality 0–100. */
  quality?: number;
  seed?: number;
}

/** Makes a clean page image look scanned: rotated, speckled, JPEG-encoded. */
export async function degradeToScan(image: Buffer, options: ScanOptions = {}): Promise<Buffer> {
  const { degrees = 0.5, specksPerMegapixel = 150, quality = 75, seed = 1 } = options;
  const random = seededRandom(seed);
  const src = await loadImage(image);
  const canvas = createCanvas(src.width, src.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, src.width, src.height);
  ctx.translate(src.width / 2, src.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(src, -src.width / 2, -src.height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  // Paper is never white: a faint grey cast, then specks of dust of 1–3 px.
  ctx.fillStyle = 'rgba(120, 110, 90, 0.04)';
  ctx.fillRect(0, 0, src.width, src.height);
  const specks = Math.round((src.width * src.height * specksPerMegapixel) / 1e6);
  for (let i = 0; i < specks; i++) {
    const g = Math.floor(40 + random() * 100);
    ctx.fillStyle = `rgb(${g}, ${g}, ${g})`;
    ctx.beginPath();
    ctx.arc(random() * src.width, random() * src.height, 0.5 + random() * 1.2, 0, 2 * Math.PI);
    ctx.fill();
  }
  return canvas.encode('jpeg', quality);
}

/** A white A4 canvas at `dpi`, black ink, with millimetre and point sizes in pixels. */
function a4Page(dpi: number) {
  const px = (mm: number): number => Math.round((mm / 25.4) * dpi);
  const pt = (size: number): number => (size / 72) * dpi;
  const canvas = createCanvas(px(210), px(297));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000000';
  return { canvas, ctx, px, pt };
}

/** The header lines the synthetic page carries, in reading order per column. */
export const SYNTHETIC_HEADER = {
  agency: ['UBND TỈNH KIÊN GIANG', 'ỦY BAN NHÂN DÂN HUYỆN KIÊN LƯƠNG'],
  number: 'Số: 25/UBND-VHTT',
  subject: ['V/v báo cáo kết quả tuyên truyền', 'phòng, chống rác thải nhựa năm 2021'],
  nation: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  date: 'Kiên Lương, ngày 08 tháng 11 năm 2021',
} as const;

/**
 * An A4 page at `dpi` with a công văn's two-column header and a few body lines, drawn with
 * a Times-metric serif (Liberation Serif / Tinos), as a PNG. No browser needed.
 */
export function syntheticPage(dpi = 200): Buffer {
  const { canvas, ctx, px, pt } = a4Page(dpi);
  ctx.textBaseline = 'alphabetic';
  const serif = "'Liberation Serif', 'Tinos', serif";
  const left = px(30);
  const right = px(190);
  const split = left + (right - left) * 0.4;
  const center = (text: string, x: number, y: number, font: string): void => {
    ctx.font = font;
    ctx.fillText(text, x - ctx.measureText(text).width / 2, y);
  };
  const lcx = (left + split) / 2;
  const rcx = (split + right) / 2;
  let y = px(25);
  const line = pt(13 * 1.25);
  center(SYNTHETIC_HEADER.agency[0], lcx, y, `${pt(13)}px ${serif}`);
  center(SYNTHETIC_HEADER.nation[0], rcx, y, `bold ${pt(12)}px ${serif}`);
  y += line;
  center(SYNTHETIC_HEADER.agency[1], lcx, y, `bold ${pt(12)}px ${serif}`);
  center(SYNTHETIC_HEADER.nation[1], rcx, y, `bold ${pt(13)}px ${serif}`);
  y += line * 1.8;
  center(SYNTHETIC_HEADER.number, lcx, y, `${pt(13)}px ${serif}`);
  center(SYNTHETIC_HEADER.date, rcx, y, `italic ${pt(14)}px ${serif}`);
  y += line;
  center(SYNTHETIC_HEADER.subject[0], lcx, y, `${pt(12)}px ${serif}`);
  y += line;
  center(SYNTHETIC_HEADER.subject[1], lcx, y, `${pt(12)}px ${serif}`);
  y += line * 2;
  ctx.font = `${pt(14)}px ${serif}`;
  const body = [
    'Kính gửi: Sở Thông tin và Truyền thông tỉnh Kiên Giang.',
    'Thực hiện Công văn số 864/STTTT-TTBCBC ngày 03/8/2021 của Sở Thông tin',
    'và Truyền thông về đẩy mạnh tuyên truyền về phòng, chống rác thải nhựa,',
    'Ủy ban nhân dân huyện Kiên Lương báo cáo kết quả thực hiện như sau:',
    'Đã đăng 25 tin, bài; tổ chức 4 buổi tuyên truyền với 620 người tham dự.',
  ];
  for (const text of body) {
    ctx.fillText(text, left + px(10), y);
    y += pt(14 * 1.4);
  }
  return canvas.toBuffer('image/png');
}

/** An A4 page at `dpi` with body text only (a report's later page), as a PNG. */
export function textPage(lines: readonly string[], dpi = 200): Buffer {
  const { canvas, ctx, px, pt } = a4Page(dpi);
  ctx.font = `${pt(14)}px 'Liberation Serif', 'Tinos', serif`;
  lines.forEach((text, i) => ctx.fillText(text, px(30), px(30) + i * pt(14 * 1.5)));
  return canvas.toBuffer('image/png');
}

/**
 * A scanned PDF: one JPEG per page, drawn full page, no text layer — what a scanner makes.
 * Page size follows each image at `dpi`. A page given as lines of text instead is typed (A4, a
 * Helvetica text layer, Latin-1): a scan appended to a typed report, or the other way round.
 */
export async function scanPdf(pages: readonly (Buffer | readonly string[])[], dpi = 200): Promise<Buffer> {
  const objects: Buffer[] = [];
  const pageIds = pages.map((_, i) => 3 + i * 3);
  const fontId = 3 + pages.length * 3;
  objects[1] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[2] = Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  objects[fontId] = Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (const [i, page] of pages.entries()) {
    const [pageId, contentId, imageId] = [pageIds[i]!, pageIds[i]! + 1, pageIds[i]! + 2];
    if (!Buffer.isBuffer(page)) {
      const text = Buffer.from(page.map((line, n) => `BT /F1 12 Tf 72 ${770 - n * 16} Td (${line.replace(/[()\\]/g, '\\$&')}) Tj ET`).join('\n'), 'latin1');
      objects[pageId] = Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${contentId} 0 R >>`);
      objects[contentId] = Buffer.concat([Buffer.from(`<< /Length ${text.length} >>\nstream\n`), text, Buffer.from('\nendstream')]);
      objects[imageId] = Buffer.from('null');
      continue;
    }
    const { width, height } = await loadImage(page);
    const [w, h] = [(width * 72) / dpi, (height * 72) / dpi].map((n) => Math.round(n * 100) / 100);
    const draw = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    objects[pageId] = Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`);
    objects[contentId] = Buffer.from(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`);
    objects[imageId] = Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${page.length} >>\nstream\n`),
      page,
      Buffer.from('\nendstream'),
    ]);
  }
  return assemblePdf(objects);
}
