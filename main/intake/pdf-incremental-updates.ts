/**
 * What a PDF file holds after the end of a signed byte range. Every later signature is added
 * as an incremental update, so earlier signatures legitimately do not reach the end of the
 * file; what matters to a reader is whether the later updates only sign (signature
 * dictionaries, their widgets and appearance streams, AcroForm/DSS bookkeeping, document
 * information) or change what the pages show.
 *
 * The check compares every object written after the signed range with its version inside the
 * signed range (found by scanning, last definition wins), in the spirit of the DocMDP rules of
 * ISO 32000 §12.8.2.2 but simpler: it does not read /P permissions, it only tells the two cases
 * apart.
 */
import { canonical, decodeStream, entry, nameOf, PdfParser, refsIn, scanObjects, trailersAfter, type PdfObject, type PdfValue } from './pdf-objects.js';

export type AfterSigned = 'nothing' | 'signatures-only' | 'other-changes';

/** A file scanned once and reused for each of its signatures. */
export interface PdfIndex {
  text: string;
  objects: PdfObject[];
  /** Scanning gave up part way: what follows a signature cannot be told apart. */
  incomplete: boolean;
}

export function indexPdf(bytes: Buffer): PdfIndex {
  const text = bytes.toString('latin1');
  return { text, ...scanObjects(text) };
}

/** Keys a signing tool may add to or change in the catalog. */
const CATALOG_SIGNING_KEYS = new Set(['AcroForm', 'DSS', 'Perms', 'Extensions']);
/** Keys a signing tool may change in an indirect AcroForm dictionary. */
const ACROFORM_SIGNING_KEYS = new Set(['Fields', 'SigFlags', 'DR', 'DA']);
/** The keys of a document information dictionary (ISO 32000 §14.3.3). */
const INFO_KEYS = new Set(['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped']);
/** Objects that are never part of signing, new or changed. */
const NEVER_SIGNING_TYPES = new Set(['Page', 'Pages', 'Catalog', 'Outlines', 'StructTreeRoot', 'Action']);

/** Nothing but white space (and NUL padding some tools write) after the range. */
const BLANK = /^[\0\t\n\f\r ]*$/;

/** A bare update with no object: cross-reference table, trailer, startxref, comments only. */
function isBareUpdate(tail: string): boolean {
  let rest = tail.replace(/%[^\r\n]*/g, ' ');
  for (let i = rest.indexOf('trailer'); i >= 0; i = rest.indexOf('trailer')) {
    const parser = new PdfParser(rest, i + 'trailer'.length);
    try {
      parser.parseValue();
    } catch {
      return false;
    }
    rest = `${rest.slice(0, i)} ${rest.slice(parser.pos)}`;
  }
  return /^[\0\t\n\f\r \dfn]*$/.test(rest.replace(/(?:start)?xref/g, ' '));
}

export function classifyAfter(index: PdfIndex, signedEnd: number): AfterSigned {
  const { text, objects } = index;
  const tail = text.slice(signedEnd);
  if (BLANK.test(tail)) return 'nothing';
  if (index.incomplete) return 'other-changes';
  const later = objects.filter((o) => o.offset >= signedEnd);
  if (later.length === 0) return isBareUpdate(tail) ? 'signatures-only' : 'other-changes';

  // The object as it stood when signed: the last definition before the end of the range.
  const signed = new Map<number, PdfObject>();
  for (const o of objects) if (o.offset < signedEnd) signed.set(o.num, o);
  // And as it stands now: the last definition in the file.
  const current = new Map<number, PdfObject>();
  for (const o of later) current.set(o.num, o);

  const infoNums = new Set<number>();
  for (const t of [...trailersAfter(text, signedEnd), ...later.filter((o) => isType(o, 'XRef')).map((o) => o.value)]) {
    const info = entry(t, 'Info');
    if (info?.kind === 'ref') infoNums.add(info.num);
  }
  const lookup = (num: number): PdfObject | undefined => current.get(num) ?? signed.get(num);
  const isSigField = (o: PdfObject | undefined): boolean => {
    if (!o) return false;
    if (nameOf(entry(o.value, 'FT')) === 'Sig') return true;
    // A widget split from its field points at the field with /Parent.
    const parent = entry(o.value, 'Parent');
    return nameOf(entry(o.value, 'Subtype')) === 'Widget' && parent?.kind === 'ref' && nameOf(entry(lookup(parent.num)?.value, 'FT')) === 'Sig';
  };

  // Roots from which new appearance streams, fonts and images are legitimately reached.
  const roots: PdfValue[] = [];
  for (const o of current.values()) {
    const type = nameOf(entry(o.value, 'Type'));
    if (isSigField(o) || type === 'Sig' || type === 'DocTimeStamp' || type === 'DSS' || isAcroForm(o)) roots.push(o.value);
    if (type === 'Catalog') for (const k of CATALOG_SIGNING_KEYS) roots.push(entry(o.value, k) ?? { kind: 'null' });
  }
  const reachable = new Set<number>();
  const queue = roots.flatMap((r) => refsIn(r));
  while (queue.length > 0) {
    const num = queue.pop();
    if (num === undefined || reachable.has(num)) continue;
    const o = current.get(num);
    // Only new objects are walked: following a changed page would bless its content streams.
    if (!o || signed.has(num) || NEVER_SIGNING_TYPES.has(nameOf(entry(o.value, 'Type')) ?? '')) continue;
    reachable.add(num);
    queue.push(...refsIn(o.value));
  }

  for (const o of current.values()) {
    if (o.stream !== null && isType(o, 'XRef')) continue;
    // An object stream is judged by what it holds; one that cannot be opened (encrypted, odd
    // filter) could hold anything.
    if (o.stream !== null && isType(o, 'ObjStm')) {
      if (decodeStream(o.value, o.stream) === null) return 'other-changes';
      continue;
    }
    const before = signed.get(o.num);
    const ok = before
      ? changeIsSigning(before, o, infoNums.has(o.num), isSigField)
      : newIsSigning(o, reachable.has(o.num), isSigField);
    if (!ok) return 'other-changes';
  }
  return 'signatures-only';
}

function isType(o: PdfObject, type: string): boolean {
  return nameOf(entry(o.value, 'Type')) === type;
}

/** An AcroForm dictionary written as its own object (the catalog usually holds it directly). */
function isAcroForm(o: PdfObject): boolean {
  return o.value.kind === 'dict' && entry(o.value, 'Type') === undefined && entry(o.value, 'Fields')?.kind === 'array';
}

function isInfo(o: PdfObject, inTrailer: boolean): boolean {
  if (o.value.kind !== 'dict' || o.stream !== null) return false;
  if (inTrailer) return true;
  const keys = [...o.value.entries.keys()];
  return keys.length > 0 && keys.every((k) => INFO_KEYS.has(k));
}

/** Keys whose values differ between two versions of a dictionary. */
function changedKeys(a: PdfValue, b: PdfValue): string[] {
  if (a.kind !== 'dict' || b.kind !== 'dict') return ['(not a dictionary)'];
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  return [...keys].filter((k) => canonical(a.entries.get(k)) !== canonical(b.entries.get(k)));
}

/** The references of an array value only grew (nothing removed). */
function onlyAdded(before: PdfValue | undefined, after: PdfValue | undefined): boolean {
  if (canonical(before) === canonical(after)) return true;
  if (after?.kind !== 'array') return false;
  if (before === undefined) return after.items.every((i) => i.kind === 'ref');
  if (before.kind !== 'array') return false;
  const now = new Set(after.items.map(canonical));
  return before.items.every((i) => now.has(canonical(i))) && after.items.every((i) => i.kind === 'ref');
}

/** A later version of an object that existed when signing: is the change part of signing? */
function changeIsSigning(before: PdfObject, after: PdfObject, inTrailerInfo: boolean, isSigField: (o: PdfObject) => boolean): boolean {
  // Rewritten unchanged (some tools write whole objects again).
  if (canonical(before.value) === canonical(after.value) && before.stream === after.stream) return true;
  const type = nameOf(entry(after.value, 'Type'));
  const changed = changedKeys(before.value, after.value);
  if (type === 'Catalog') return changed.every((k) => CATALOG_SIGNING_KEYS.has(k));
  if (type === 'Page') return changed.every((k) => k === 'Annots') && onlyAdded(entry(before.value, 'Annots'), entry(after.value, 'Annots'));
  if (type === 'Sig' || type === 'DocTimeStamp' || type === 'DSS' || type === 'VRI' || type === 'Metadata') return true;
  if (isSigField(after)) return true;
  if (isAcroForm(after)) {
    return changed.every((k) => ACROFORM_SIGNING_KEYS.has(k)) && onlyAdded(entry(before.value, 'Fields'), entry(after.value, 'Fields'));
  }
  if (isInfo(after, inTrailerInfo)) return true;
  // An indirect /Annots or /Fields array that only gained references.
  if (after.value.kind === 'array') return onlyAdded(before.value, after.value);
  return false;
}

/** An object that did not exist when signing: is it part of a later signature? */
function newIsSigning(o: PdfObject, reachable: boolean, isSigField: (o: PdfObject) => boolean): boolean {
  const type = nameOf(entry(o.value, 'Type'));
  if (type === 'Sig' || type === 'DocTimeStamp' || type === 'DSS' || type === 'VRI') return true;
  if (isSigField(o) || isAcroForm(o)) return true;
  if (type !== undefined && NEVER_SIGNING_TYPES.has(type)) return false;
  if (type === 'Annot') return false; // a comment, a stamp, a link: not a signature widget
  // Appearance streams, images, fonts, certificates and OCSP responses of the DSS: only when a
  // signature reaches them; a content stream that only a page points at does not qualify.
  return reachable;
}
