import { useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { DOCUMENT_CSS } from '../../../../shared/documents/render-html';

/** 210 mm at the CSS 96 dpi. */
const SHEET_WIDTH_PX = (210 / 25.4) * 96;
const PANE_PADDING_PX = 24;

interface PreviewPaneProps {
  /** The sanitised `.vt-sheet` fragment. */
  html: string;
  /** The @page rules used when the document is printed from this window. */
  pageCss: string;
}

/**
 * The live A4 preview: the document's own HTML at true size, scaled down to the width of the
 * pane. A second copy, hidden on screen, is what "In" (and Ctrl+P) prints.
 */
export function PreviewPane({ html, pageCss }: PreviewPaneProps) {
  const paneRef = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const pane = paneRef.current;
    const sheet = sheetRef.current;
    if (!pane || !sheet) return;
    const measure = (): void => {
      setScale(Math.min(1, (pane.clientWidth - 2 * PANE_PADDING_PX) / SHEET_WIDTH_PX));
      setHeight(sheet.offsetHeight);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(pane);
    observer.observe(sheet);
    return () => observer.disconnect();
  }, []);

  return (
    <section className="preview-pane" ref={paneRef} aria-label="Xem trước văn bản">
      <style>{DOCUMENT_CSS}</style>
      <div className="preview-frame" style={{ width: SHEET_WIDTH_PX * scale, height: height * scale }}>
        <div
          ref={sheetRef}
          className="preview-sheet"
          data-testid="document-preview"
          style={{ transform: `scale(${scale})` }}
          // The template's own HTML: every text escaped, and sanitised again (document-preview.ts).
          dangerouslySetInnerHTML={{ __html: html }}
        />
      </div>
      {createPortal(
        <div className="document-print-root" aria-hidden="true">
          <style>{pageCss}</style>
          <div dangerouslySetInnerHTML={{ __html: html }} />
        </div>,
        document.body,
      )}
    </section>
  );
}
