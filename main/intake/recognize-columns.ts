/**
 * A PDF's header is a two-column table: left the parent, issuer, number and V/v; right the
 * national title, motto and place-and-date. Text extraction may interleave the columns; with the
 * lines' positions the header can be read column by column instead.
 */
import type { PositionedLine } from './types.js';
import { BODY_WORDS_F, CAPACITY_F, KINH_GUI_F, QUOC_HIEU_F, TITLE_TYPE_F, collapse, foldSameLength } from './recognize-patterns.js';

const QUOC_HIEU_AT_START_F = new RegExp(`^\\s*${QUOC_HIEU_F}`);
/** Lines that end the header band: a title, "Kính gửi", a body paragraph. */
const BELOW_HEADER_F = new RegExp(`^\\s*(?:(?:${TITLE_TYPE_F})\\s*$|${KINH_GUI_F}|${BODY_WORDS_F})`);
/** Points of slack when deciding which side of the column split a line is on. */
const SLACK = 4;

/** Where `line` is in `text`, whatever the spacing; -1 when it is not there. */
function endOf(text: string, line: string): number {
  const words = collapse(line).split(' ').filter((w) => w.length > 0);
  if (words.length === 0) return -1;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
  const m = pattern.exec(text);
  return m ? m.index + m[0].length : -1;
}

/**
 * The text with its header rewritten column by column (left cell top to bottom, then right),
 * followed by what comes after the header. The text is returned unchanged when the page has no
 * national title line of its own to split at, or the header lines cannot all be found in it.
 */
export function orderHeaderColumns(text: string, lines: readonly PositionedLine[]): string {
  if (lines.length === 0) return text;
  const firstPage = Math.min(...lines.map((l) => l.page));
  const page = lines.filter((l) => l.page === firstPage && l.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const qh = page.find((l) => QUOC_HIEU_AT_START_F.test(foldSameLength(l.text.normalize('NFC'))));
  if (!qh) return text;
  const split = qh.x - SLACK;

  const band: PositionedLine[] = [];
  for (const line of page) {
    const folded = foldSameLength(line.text.normalize('NFC'));
    const crosses = line.x < split && line.x + line.width > split + 2 * SLACK;
    if (line.y > qh.y + SLACK && (crosses || BELOW_HEADER_F.test(folded) || CAPACITY_F.test(folded))) break;
    band.push(line);
  }
  const left = band.filter((l) => l.x + l.width <= split + SLACK);
  const right = band.filter((l) => l.x + l.width > split + SLACK);
  if (left.length === 0 || right.length === 0) return text;

  // Lines and text come from the same extraction, but may differ in Unicode normalisation.
  const nfc = text.normalize('NFC');
  let headerEnd = 0;
  for (const line of band) {
    const end = endOf(nfc, line.text.normalize('NFC'));
    if (end < 0) return text;
    headerEnd = Math.max(headerEnd, end);
  }
  const header = [...left, ...right].map((l) => l.text.trim()).join('\n');
  return `${header}\n\n${nfc.slice(headerEnd).replace(/^[ \t]*\n?/, '')}`;
}
