/**
 * Stage 4 of the intake pipeline (DESIGN §3): the administrative header of a document's text —
 * issuer and parent, number and symbol, place and date, type, subject, Kính gửi, cited
 * documents, reporting period, signer, urgency — each with a confidence.
 *
 * Tuned for precision: a field is null rather than guessed, and only an unambiguous reading in
 * the header zone is "sure" (≥ 0.9). Null values have confidence 0. Pure and fast: no I/O, a few
 * linear passes over the text.
 */
import type { PositionedLine, RecognisedHeader } from './types.js';
import { HEADER_SCAN_LIMIT, QUOC_HIEU_F, headerZoneEnd, prepareText } from './recognize-patterns.js';
import { recognizeAgency } from './recognize-agency.js';
import { orderHeaderColumns } from './recognize-columns.js';
import { recognizeDatePlace } from './recognize-date-place.js';
import { recognizeNumberSymbol, restoreTypeHyphen } from './recognize-number-symbol.js';
import { recognizePeriod } from './recognize-period.js';
import { recognizeRecipients } from './recognize-recipients.js';
import { recognizeReferences } from './recognize-references.js';
import { recognizeSigner } from './recognize-signer.js';
import { recognizeTypeSubject } from './recognize-type-subject.js';
import { recognizeUrgency } from './recognize-urgency.js';

const QUOC_HIEU = new RegExp(QUOC_HIEU_F);
/** How much of the body may tell the period when the subject does not. */
const PERIOD_BODY_CHARS = 800;

/**
 * Recognises the header of `text` (paragraphs separated by newlines). `lines`, from a PDF, lets
 * a two-column header be read column by column.
 */
export function recognizeHeader(text: string, lines?: readonly PositionedLine[]): RecognisedHeader {
  const prep = prepareText(lines && lines.length > 0 ? orderHeaderColumns(text, lines) : text);
  const zoneEnd = headerZoneEnd(prep);

  const numberSymbol = recognizeNumberSymbol(prep, zoneEnd);
  const hasNumber = numberSymbol.start >= 0;
  const quocHieuAt = QUOC_HIEU.exec(prep.folded.slice(0, Math.min(zoneEnd + 200, HEADER_SCAN_LIMIT)))?.index ?? -1;
  const quocHieu = quocHieuAt >= 0;
  const firstAnchor = Math.min(...[numberSymbol.start, quocHieuAt].filter((i) => i >= 0));
  const datePlace = recognizeDatePlace(prep, zoneEnd, Number.isFinite(firstAnchor) ? firstAnchor : -1);
  // Only a date read in the header places the title and subject below it.
  const dateInZone = datePlace.inHeader;

  // The issuer is printed above the number (or, without one, above the date line); with no
  // national title, number or date there is no header to read it from: nothing is invented.
  const agencyEnd = hasNumber ? numberSymbol.start : dateInZone ? datePlace.start : quocHieu ? zoneEnd : 0;
  const agencies = recognizeAgency(prep, agencyEnd, { quocHieu, number: hasNumber });

  const typeSubject = recognizeTypeSubject(prep, {
    zoneEnd,
    numberStart: numberSymbol.start,
    anchorEnd: Math.max(numberSymbol.end, dateInZone ? datePlace.end : -1),
    dateStart: dateInZone ? datePlace.start : -1,
    symbol: numberSymbol.symbol.value,
    agency: agencies.agency.value,
  });

  let symbol = numberSymbol.symbol;
  if (symbol.value && typeSubject.titleType) {
    const restored = restoreTypeHyphen(symbol.value, typeSubject.titleType);
    if (restored) symbol = { value: restored, confidence: 0.7 };
  }

  const year = datePlace.date.value ? Number(datePlace.date.value.slice(0, 4)) : null;
  const bodyFrom = Math.max(zoneEnd, numberSymbol.end, dateInZone ? datePlace.end : -1);
  return {
    agency: agencies.agency,
    parentAgency: agencies.parentAgency,
    number: numberSymbol.number,
    symbol,
    place: datePlace.place,
    date: datePlace.date,
    type: typeSubject.type,
    subject: typeSubject.subject,
    recipients: recognizeRecipients(prep),
    references: recognizeReferences(prep, { number: numberSymbol.number.value, symbol: symbol.value }),
    period: recognizePeriod(typeSubject.subject, prep.text.slice(bodyFrom, bodyFrom + PERIOD_BODY_CHARS), year),
    signer: recognizeSigner(prep),
    urgency: recognizeUrgency(prep, zoneEnd),
  };
}
