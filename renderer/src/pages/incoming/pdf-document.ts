import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url';

/**
 * Opens a PDF with pdf.js to draw its pages on canvases. The CSP forbids <object> and framing
 * blob: URLs (object-src 'none', frames fall back to default-src 'self'), so the browser's own
 * PDF viewer cannot be embedded; pdf.js needs nothing beyond script-src 'self' and no eval. Its
 * worker is bundled by Vite as one of our own .js files (`?worker&url`), which both shells serve
 * as JavaScript. Loaded on first use: most screens never need it.
 */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  return pdfjs.getDocument({ data: bytes, isEvalSupported: false, enableXfa: false }).promise;
}
