import type { TextRun } from '../../../../shared/domain/dispatch';
import { normaliseRuns } from './body-runs';

/**
 * The bridge between a paragraph's runs and its contentEditable element. Emphasis is read
 * from the computed style, so whatever markup the browser's editing commands produce
 * (<b>, <strong>, <i>, styled spans) comes back as the same runs. Without `emphasis` (a report's
 * heading, bold by its style alone) only the text is read.
 */
export function readRuns(element: HTMLElement, emphasis = true): TextRun[] {
  const runs: TextRun[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const style = emphasis && node.parentElement ? getComputedStyle(node.parentElement) : null;
    runs.push({
      // Paragraphs are one line of text: a pasted line break or a browser's no-break space becomes a space.
      text: (node.nodeValue ?? '').replace(/[\u00a0\r\n\t]/g, ' '),
      bold: style ? Number(style.fontWeight) >= 600 : false,
      italic: style ? style.fontStyle !== 'normal' : false,
    });
  }
  return normaliseRuns(runs);
}

/** Replaces the element's content with the runs: bold as <b>, italic as <i>. */
export function writeRuns(element: HTMLElement, runs: readonly TextRun[]): void {
  const nodes = runs.map((run) => {
    let node: Node = document.createTextNode(run.text);
    if (run.italic) {
      const i = document.createElement('i');
      i.append(node);
      node = i;
    }
    if (run.bold) {
      const b = document.createElement('b');
      b.append(node);
      node = b;
    }
    return node;
  });
  element.replaceChildren(...nodes);
}

/** Character offsets of the selection inside `element` (counted over its text), or null when the selection is elsewhere. */
export function selectionOffsets(element: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer)) return null;
  const measure = (container: Node, offset: number): number => {
    const before = document.createRange();
    before.selectNodeContents(element);
    before.setEnd(container, offset);
    return before.toString().length;
  };
  return { start: measure(range.startContainer, range.startOffset), end: measure(range.endContainer, range.endOffset) };
}

/** Focuses `element` with the caret after `offset` characters (the end when beyond it). */
export function placeCaret(element: HTMLElement, offset: number): void {
  element.focus();
  const selection = window.getSelection();
  if (!selection) return;
  const range = document.createRange();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let placed = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (remaining <= length) {
      range.setStart(node, remaining);
      placed = true;
      break;
    }
    remaining -= length;
  }
  if (!placed) {
    range.selectNodeContents(element);
    range.collapse(false);
  }
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
}
