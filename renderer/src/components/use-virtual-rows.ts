import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Rows drawn above and below the visible ones, so that scrolling shows no gap before the next frame. */
const OVERSCAN = 12;

export interface VirtualRows {
  /** The rows to draw: [start, end). */
  start: number;
  end: number;
  /** Heights of the blank space standing for the rows above `start` and below `end`. */
  padTop: number;
  padBottom: number;
  /** Scrolls the list so that row `index` is in view (keyboard moves). */
  scrollToIndex(index: number): void;
}

/**
 * Draws only the rows of a long table that are in view (a register of a year holds 10,000). The
 * table sits in a scrolling `.table-scroll` box; each drawn row carries `data-index`, and its
 * height is measured after drawing (a row wraps to as many lines as its subject needs), so the
 * blank space above and below stays right. `rows` is the whole list (its slots may be empty until
 * loaded). With `enabled` false every row is drawn (printing).
 */
export function useVirtualRows(bodyRef: RefObject<HTMLTableSectionElement | null>, rows: readonly unknown[], estimate: number, enabled = true): VirtualRows {
  const count = rows.length;
  const heights = useRef(new Map<number, number>());
  const [view, setView] = useState({ top: 0, height: 800 });
  const [, setMeasured] = useState(0);

  const scroller = useCallback((): HTMLElement | null => bodyRef.current?.closest<HTMLElement>('.table-scroll') ?? null, [bodyRef]);

  // Follows the scroll position and the box's height, in the body's own coordinates.
  useEffect(() => {
    const box = scroller();
    const body = bodyRef.current;
    if (!box || !body) return;
    const update = (): void => {
      const bodyTop = body.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      setView((v) => {
        const top = Math.max(0, box.scrollTop - bodyTop);
        return v.top === top && v.height === box.clientHeight ? v : { top, height: box.clientHeight };
      });
    };
    update();
    box.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(box);
    return () => {
      box.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [bodyRef, scroller]);

  const heightOf = (i: number): number => heights.current.get(i) ?? estimate;
  let start = 0;
  let end = count;
  let padTop = 0;
  let padBottom = 0;
  if (enabled) {
    let y = 0;
    let i = 0;
    while (i < count && y + heightOf(i) <= view.top) y += heightOf(i++);
    start = Math.max(0, i - OVERSCAN);
    for (let k = start; k < i; k++) y -= heightOf(k);
    padTop = y;
    let bottom = y;
    end = start;
    while (end < count && bottom < view.top + view.height) bottom += heightOf(end++);
    end = Math.min(count, end + OVERSCAN);
    for (let k = end; k < count; k++) padBottom += heightOf(k);
  }

  // Measures the drawn rows whenever other rows are drawn or a page arrives; a changed height draws
  // again with the right blank space (and measures nothing new the second time).
  useLayoutEffect(() => {
    if (!enabled) return; // every row drawn (printing): nothing to size
    let changed = false;
    for (const row of bodyRef.current?.querySelectorAll<HTMLElement>('tr[data-index]') ?? []) {
      const index = Number(row.dataset.index);
      const h = row.offsetHeight;
      if (h > 0 && Math.abs((heights.current.get(index) ?? -1) - h) > 0.5) {
        heights.current.set(index, h);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
  }, [bodyRef, rows, start, end, enabled]);

  const scrollToIndex = (index: number): void => {
    const box = scroller();
    const body = bodyRef.current;
    if (!box || !body) return;
    let rowTop = 0;
    for (let k = 0; k < index; k++) rowTop += heightOf(k);
    const bodyTop = body.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    // The sticky header covers the top of the box: a row must come out below it.
    const header = body.parentElement?.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const top = bodyTop + rowTop;
    const bottom = top + heightOf(index);
    if (top - header < box.scrollTop) box.scrollTop = top - header;
    else if (bottom > box.scrollTop + box.clientHeight) box.scrollTop = bottom - box.clientHeight;
  };

  return { start, end, padTop, padBottom, scrollToIndex };
}
