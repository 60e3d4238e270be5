/**
 * Just enough of the PDF object syntax to look at incremental updates: a value parser and a
 * scanner for the `N G obj … endobj` objects of a file, including those packed into
 * compressed object streams (/ObjStm). It works on the file as a latin1 string, so that one
 * character is one byte and string offsets are file offsets.
 *
 * It is deliberately not a full PDF reader: no xref walking, no decryption. The objects are
 * found by scanning, in file order, which is what comparing revisions needs.
 */
import zlib from 'node:zlib';

export type PdfValue =
  | { kind: 'dict'; entries: Map<string, PdfValue> }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'name'; value: string }
  | { kind: 'string'; raw: string }
  | { kind: 'number'; value: number }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' };

export interface PdfObject {
  num: number;
  gen: number;
  /** File offset of the object header; for an object inside an object stream, the stream's. */
  offset: number;
  value: PdfValue;
  /** Raw (still encoded) stream bytes as a latin1 string, when the object is a stream. */
  stream: string | null;
  /** The object stream that holds this object, when it is compressed. */
  inObjectStream: number | null;
}

class PdfSyntaxError extends Error {}

const WHITESPACE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
/** Nesting deeper than this is not a real document: stop before the stack does. */
const MAX_DEPTH = 64;

const isRegular = (c: string | undefined): boolean => c !== undefined && !WHITESPACE.has(c) && !DELIMITERS.has(c);

/** A cursor over PDF syntax. */
export class PdfParser {
  constructor(
    readonly text: string,
    public pos = 0,
  ) {}

  skipSpace(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c !== undefined && WHITESPACE.has(c)) this.pos++;
      else if (c === '%') {
        while (this.pos < t.length && t[this.pos] !== '\n' && t[this.pos] !== '\r') this.pos++;
      } else break;
    }
  }

  /** The value at the cursor; throws PdfSyntaxError on anything it does not understand. */
  parseValue(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError('nested too deep');
    this.skipSpace();
    const t = this.text;
    const c = t[this.pos];
    if (c === undefined) throw new PdfSyntaxError('end of data');
    if (c === '<' && t[this.pos + 1] === '<') return this.parseDict(depth);
    if (c === '<') {
      const end = t.indexOf('>', this.pos);
      if (end < 0) throw new PdfSyntaxError('unterminated hex string');
      const raw = t.slice(this.pos + 1, end);
      this.pos = end + 1;
      return { kind: 'string', raw: `<${raw.replace(/\s+/g, '').toLowerCase()}>` };
    }
    if (c === '[') {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (t[this.pos] === ']') {
          this.pos++;
          return { kind: 'array', items };
        }
        items.push(this.parseValue(depth + 1));
      }
    }
    if (c === '(') return this.parseLiteralString();
    if (c === '/') return { kind: 'name', value: this.parseName() };
    if (/[0-9+\-.]/.test(c)) return this.parseNumberOrRef();
    const word = this.readWord();
    if (word === 'true' || word === 'false') return { kind: 'bool', value: word === 'true' };
    if (word === 'null') return { kind: 'null' };
    throw new PdfSyntaxError(`unexpected token ${JSON.stringify(word.slice(0, 20))}`);
  }

  private parseDict(depth: number): PdfValue {
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      const t = this.text;
      if (t[this.pos] === '>' && t[this.pos + 1] === '>') {
        this.pos += 2;
        return { kind: 'dict', entries };
      }
      if (t[this.pos] !== '/') throw new PdfSyntaxError('dictionary key is not a name');
      const key = this.parseName();
      entries.set(key, this.parseValue(depth + 1));
    }
  }

  private parseName(): string {
    this.pos++; // the slash
    const start = this.pos;
    while (isRegular(this.text[this.pos])) this.pos++;
    // #xx escapes: /Type/Sig and /T#79pe/Sig are the same name.
    return this.text.slice(start, this.pos).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  }

  private parseLiteralString(): PdfValue {
    const t = this.text;
    const start = this.pos;
    let nesting = 0;
    for (; this.pos < t.length; this.pos++) {
      const c = t[this.pos];
      if (c === '\\') this.pos++;
      else if (c === '(') nesting++;
      else if (c === ')' && --nesting === 0) {
        this.pos++;
        return { kind: 'string', raw: t.slice(start, this.pos) };
      }
    }
    throw new PdfSyntaxError('unterminated string');
  }

  private readWord(): string {
    const start = this.pos;
    while (isRegular(this.text[this.pos])) this.pos++;
    if (this.pos === start) throw new PdfSyntaxError(`unexpected character ${JSON.stringify(this.text[start])}`);
    return this.text.slice(start, this.pos);
  }

  private parseNumberOrRef(): PdfValue {
    const first = this.readWord();
    const value = Number(first);
    if (!Number.isFinite(value)) throw new PdfSyntaxError(`bad number ${first.slice(0, 20)}`);
    // "12 0 R" is a reference: look ahead without consuming unless the whole pattern is there.
    if (/^\d+$/.test(first)) {
      const m = /^\s+(\d+)\s+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(this.text.slice(this.pos, this.pos + 24));
      if (m?.[1] !== undefined) {
        this.pos += m[0].length;
        return { kind: 'ref', num: value, gen: Number(m[1]) };
      }
    }
    return { kind: 'number', value };
  }
}

/** A dictionary's entry, or of a stream's dictionary. */
export function entry(value: PdfValue | undefined, key: string): PdfValue | undefined {
  return value?.kind === 'dict' ? value.entries.get(key) : undefined;
}

export function nameOf(value: PdfValue | undefined): string | undefined {
  return value?.kind === 'name' ? value.value : undefined;
}

/** Every indirect reference inside a value. */
export function refsIn(value: PdfValue | undefined, out: number[] = []): number[] {
  if (!value) return out;
  if (value.kind === 'ref') out.push(value.num);
  else if (value.kind === 'array') for (const item of value.items) refsIn(item, out);
  else if (value.kind === 'dict') for (const v of value.entries.values()) refsIn(v, out);
  return out;
}

/** A canonical text of a value (dictionary keys sorted), to compare two revisions of an object. */
export function canonical(value: PdfValue | undefined): string {
  if (!value) return '';
  switch (value.kind) {
    case 'dict':
      return `<<${[...value.entries.keys()]
        .sort()
        .map((k) => `/${k} ${canonical(value.entries.get(k))}`)
        .join(' ')}>>`;
    case 'array':
      return `[${value.items.map(canonical).join(' ')}]`;
    case 'name':
      return `/${value.value}`;
    case 'string':
      return value.raw;
    case 'number':
      return String(value.value);
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
  }
}

// Bounded digit runs: the zero padding of a signature's Contents must not make this quadratic.
const OBJ_HEADER = /(\d{1,10})[\0\t\n\f\r ]+(\d{1,5})[\0\t\n\f\r ]+obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;

export interface PdfScan {
  objects: PdfObject[];
  /** The scan gave up: too much of the file is unparsable (hostile or badly damaged input). */
  incomplete: boolean;
}

/**
 * Every object of the file, in file order, with the contents of object streams added right
 * after the stream that holds them. An object that cannot be parsed is left out.
 */
export function scanObjects(text: string): PdfScan {
  const objects: PdfObject[] = [];
  // Each failed parse restarts after its header; unterminated strings or dictionaries repeated
  // many times would make that quadratic, so the characters read in vain are capped.
  let wasted = 0;
  const budget = 8 * text.length + 1_000_000;
  const headers = new RegExp(OBJ_HEADER.source, 'g'); // own lastIndex: the scan is re-entrant
  for (let m = headers.exec(text); m; m = headers.exec(text)) {
    const offset = m.index;
    // "112 0 obj" must not be read as "12 0 obj" from the middle of a number.
    if (offset > 0 && /[0-9]/.test(text[offset - 1] ?? '')) continue;
    const parser = new PdfParser(text, headers.lastIndex);
    let value: PdfValue;
    try {
      value = parser.parseValue();
    } catch {
      wasted += parser.pos - headers.lastIndex;
      if (wasted > budget) return { objects, incomplete: true };
      continue;
    }
    parser.skipSpace();
    let stream: string | null = null;
    if (value.kind === 'dict' && text.startsWith('stream', parser.pos)) {
      let start = parser.pos + 'stream'.length;
      if (text[start] === '\r') start++;
      if (text[start] === '\n') start++;
      const length = entry(value, 'Length');
      let end: number;
      // Trust a direct /Length when endstream is where it says; otherwise look for endstream.
      if (length?.kind === 'number' && /^\s*endstream/.test(text.slice(start + length.value, start + length.value + 16))) {
        end = start + length.value;
      } else {
        end = text.indexOf('endstream', start);
        if (end < 0) end = text.length;
        else if (text[end - 1] === '\n') end -= text[end - 2] === '\r' ? 2 : 1;
        else if (text[end - 1] === '\r') end -= 1;
      }
      stream = text.slice(start, end);
      headers.lastIndex = Math.max(headers.lastIndex, end);
    } else {
      headers.lastIndex = Math.max(headers.lastIndex, parser.pos);
    }
    const num = Number(m[1]);
    objects.push({ num, gen: Number(m[2]), offset, value, stream, inObjectStream: null });
    if (stream !== null && nameOf(entry(value, 'Type')) === 'ObjStm') {
      objects.push(...objectStreamContents(num, offset, value, stream));
    }
  }
  return { objects, incomplete: false };
}

/** Decoded bytes of a stream (only FlateDecode, or none); null when it cannot be decoded. */
export function decodeStream(dict: PdfValue, raw: string): string | null {
  const filter = entry(dict, 'Filter');
  const filters = filter?.kind === 'array' ? filter.items.map(nameOf) : filter ? [nameOf(filter)] : [];
  if (filters.length === 0) return raw;
  // Predictors (DecodeParms) are used on xref streams, not on object streams: not needed here.
  if (filters.length !== 1 || filters[0] !== 'FlateDecode' || entry(dict, 'DecodeParms')) return null;
  try {
    return zlib.inflateSync(Buffer.from(raw, 'latin1'), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString('latin1');
  } catch {
    return null;
  }
}

/** The objects packed in a compressed object stream (PDF 1.5 §7.5.7). */
function objectStreamContents(num: number, offset: number, dict: PdfValue, raw: string): PdfObject[] {
  const data = decodeStream(dict, raw);
  const n = entry(dict, 'N');
  const first = entry(dict, 'First');
  if (data === null || n?.kind !== 'number' || first?.kind !== 'number') return [];
  const header = data.slice(0, first.value).trim().split(/\s+/).map(Number);
  const out: PdfObject[] = [];
  for (let i = 0; i < n.value && 2 * i + 1 < header.length; i++) {
    const objNum = header[2 * i];
    const objOffset = header[2 * i + 1];
    if (objNum === undefined || objOffset === undefined || !Number.isFinite(objNum) || !Number.isFinite(objOffset)) continue;
    try {
      const value = new PdfParser(data, first.value + objOffset).parseValue();
      out.push({ num: objNum, gen: 0, offset, value, stream: null, inObjectStream: num });
    } catch {
      // One damaged entry does not hide the others.
    }
  }
  return out;
}

/** Trailer dictionaries written as `trailer << … >>` from a position on. */
export function trailersAfter(text: string, from: number): PdfValue[] {
  const out: PdfValue[] = [];
  for (let i = text.indexOf('trailer', from); i >= 0; i = text.indexOf('trailer', i + 7)) {
    try {
      out.push(new PdfParser(text, i + 7).parseValue());
    } catch {
      // not a trailer after all
    }
  }
  return out;
}
