import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from './pdf-document';

/** Pages drawn at this many canvas pixels across: sharp at the pane's width on a 1920-pixel screen. */
const RENDER_WIDTH = 1400;
const MAX_PAGES = 30;

function PdfPage({ pdf, pageNumber }: { pdf: PDFDocumentProxy; pageNumber: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let cancelRender: (() => void) | null = null;
    void pdf.getPage(pageNumber).then((page) => {
      const canvas = canvasRef.current;
      if (cancelled || !canvas) return;
      const viewport = page.getViewport({ scale: RENDER_WIDTH / page.getViewport({ scale: 1 }).width });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const task = page.render({ canvas, viewport });
      cancelRender = () => task.cancel();
      task.promise.catch(() => undefined); // cancelled when the page leaves the screen
    });
    return () => {
      cancelled = true;
      cancelRender?.();
    };
  }, [pdf, pageNumber]);
  return <canvas ref={canvasRef} className="pdf-page" aria-label={`Trang ${pageNumber}`} role="img" />;
}

/** The pages of a PDF, one under the other, as the clerk would see them printed. */
export function PdfPages({ bytes, onUnreadable }: { bytes: Uint8Array; onUnreadable(): void }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const unreadableRef = useRef(onUnreadable);
  useEffect(() => {
    unreadableRef.current = onUnreadable;
  });

  useEffect(() => {
    let opened: PDFDocumentProxy | null = null;
    let cancelled = false;
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    openPdf(bytes.slice()).then(
      (doc) => {
        opened = doc;
        if (cancelled) void doc.destroy();
        else setPdf(doc);
      },
      () => {
        if (!cancelled) unreadableRef.current();
      },
    );
    return () => {
      cancelled = true;
      setPdf(null);
      void opened?.destroy();
    };
  }, [bytes]);

  if (!pdf) return <p className="viewer-message">Đang mở tệp PDF…</p>;
  const shown = Math.min(pdf.numPages, MAX_PAGES);
  return (
    <div className="pdf-pages">
      {Array.from({ length: shown }, (_, i) => (
        <PdfPage key={i} pdf={pdf} pageNumber={i + 1} />
      ))}
      {pdf.numPages > shown && (
        <p className="viewer-message">
          Chỉ hiện {shown} trang đầu trong {pdf.numPages} trang. Bấm “Mở tệp gốc” để xem toàn bộ.
        </p>
      )}
    </div>
  );
}
