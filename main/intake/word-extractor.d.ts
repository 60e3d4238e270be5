// word-extractor 1.0.4 ships no types: the part of its API that intake uses.
declare module 'word-extractor' {
  interface WordTextOptions {
    /** Replace Word's control characters (cell marks, field marks) with plain text ones; default true. */
    filterUnicode?: boolean;
  }

  export interface WordDocument {
    getBody(options?: WordTextOptions): string;
    getFootnotes(options?: WordTextOptions): string;
    getEndnotes(options?: WordTextOptions): string;
    getHeaders(options?: WordTextOptions & { includeFooters?: boolean }): string;
    getFooters(options?: WordTextOptions): string;
    getAnnotations(options?: WordTextOptions): string;
    getTextboxes(options?: WordTextOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }

  export default class WordExtractor {
    /** Reads a .doc (OLE2) or .docx, from a file name or from bytes. */
    extract(source: string | Buffer): Promise<WordDocument>;
  }
}
